"""Cell-level helpers for tables recovered from text: headers, group lines, merged cells.

`text_tables` finds where a table is; this module and its two siblings decide its cells:
short rows filled from the row above (a rowspan cell is printed once) here, one-cell-per-line
blocks in `table_lines`, rows whose cells ran together in `table_runs`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normalize import normalize
from knowledge.sections import heading_text, parse_heading

SERIAL = re.compile(r"^\d{1,3}[.、．]?$")
PCT = re.compile(r"^-?\d+(?:\.\d+)?\s*[%％]$")
NUM = re.compile(r"^[-\d,.，．]+\s*(?:万|亿)?(?:美元|元|亿|万|个|项|家|%|％)?$")
_COUNT_NOTE = re.compile(r"\s*[（(]\s*(?:共|计)?\s*\d+\s*[项个条家名人]?\s*[）)]\s*$")
UNIT_END = (
    "局|委|办|厅|院|部|中心|政府|公司|集团|管委会|办公室|委员会|分行|支行|银行|协会|联合会|总工会|团委|妇联"
)
UNIT_RUN = re.compile(
    rf"((?:(?:市|省|区|县|各|国家|中国|团|总)[\u4e00-\u9fff]{{0,14}}?(?:{UNIT_END})[、,，]?)+)$"
)
UNIT_LINE = re.compile(rf"^(?:市|省|区|县|各|国家|中国|团|总)[\u4e00-\u9fff（）()]{{0,16}}(?:{UNIT_END})$")


# --- headers, groups, merged cells ------------------------------------------------------------


def header_names(cells: Sequence[str]) -> list[str]:
    """Header cells as keys: spaces inside Chinese dropped, empty ones "列N", repeats numbered."""
    out: list[str] = []
    for j, cell in enumerate(cells):
        name = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", cell.strip()) or f"列{j + 1}"
        base, k = name, 2
        while name in out:
            name, k = f"{base}{k}", k + 1
        out.append(name)
    return out


def is_group_line(line: str) -> bool:
    """A line grouping the rows below it: "一、知识产权保护方面（共5项）", "（二）保障措施"."""
    n = normalize(line)
    if not n or len(n) > 40 or "|" in n or n.endswith(("。", "；", "：")):
        return False
    return bool(parse_heading(n) or _COUNT_NOTE.search(n) or n.endswith("方面"))


def group_label(line: str) -> str:
    """ "一、知识产权保护方面（共5项）" → "知识产权保护方面"."""
    n = normalize(line)
    return _COUNT_NOTE.sub("", heading_text(n) if parse_heading(n) else n).strip()


def strip_count(text: str) -> str:
    """ "优胜奖 （8名）" → "优胜奖": a category without the count printed beside it."""
    return _COUNT_NOTE.sub("", text).strip()


def _shape(text: str) -> tuple[str, int]:
    t = text.strip()
    if SERIAL.match(t):
        kind = "serial"
    elif re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", t):
        kind = "heading"
    elif re.match(r"^\d{1,2}\s*[.、．]", t):
        kind = "item"
    elif NUM.match(t):
        kind = "number"
    else:
        kind = "text"
    return kind, 0 if len(t) <= 10 else 1 if len(t) <= 40 else 2


def _similar(a: str, b: str) -> int:
    sa, sb = _shape(a), _shape(b)
    return 2 * (sa[0] == sb[0]) + (sa[1] == sb[1])


def fill_merged(rows: Sequence[Sequence[str]], width: int) -> list[list[str]]:
    """Rows of exactly `width` cells. A short row whose first cell reads like a later column
    lost its leading rowspan cells: they are taken from the row above. Otherwise the row was
    cut short (a truncated page) and the missing cells at its end are empty."""
    out: list[list[str]] = []
    for cells in rows:
        cells = list(cells)
        if len(cells) > width:
            cells = [*cells[: width - 1], " ".join(c for c in cells[width - 1 :] if c)]
        missing = width - len(cells)
        if missing > 0:
            prev = out[-1] if out else None
            if prev is not None and cells and _similar(cells[0], prev[missing]) > _similar(cells[0], prev[0]):
                cells = [*prev[:missing], *cells]
            else:
                cells = [*cells, *([""] * missing)]
        out.append(cells)
    return out
