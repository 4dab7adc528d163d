"""Tables inside plain text → `Table`s, so a .txt or a converted page counts like a sheet.

Web pages and PDFs lose their table markup in three common ways, all handled here:
- delimited rows: cells joined by ` | `, a tab or ` / ` (a rowspan cell appears only in its
  first row: the short rows below are filled from the row above), or by spaces as a PDF's
  text layer gives them (then only under a header of known column names, rows of its width);
- one cell per line: a block of short header lines, then each row's cells on their own lines
  (a long cell may wrap over several lines; an empty cell leaves no line);
- cells run together: "序号内容与要求完成情况责任单位", then rows "1确保……市发改委".
Group lines inside a table ("一、知识产权保护方面（共5项）") become the rows' 类别; a header
repeated after a page break is skipped; the caption line above (表1 …) names the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import Table
from knowledge.normalize import normalize
from knowledge.sections import parse_heading
from knowledge.spaced_rows import spaced_task_table as _spaced
from knowledge.table_cells import fill_merged, group_label, header_names, is_group_line
from knowledge.table_headers import header_field, looks_like_header
from knowledge.table_lines import segment_lines
from knowledge.table_runs import split_run_together, split_run_together_header

GROUP_HEADER = "分组"  # as the readers name it (`knowledge.readers.grid`)
_SEPARATOR = re.compile(r"^[\s|:：\-—=+]+$")  # markdown |---|---| rows
_UNIT_LINE = re.compile(r"^[（(]?(?:金额|投资)?单位[：:]\s*((?:十亿|亿|千万|百万|万)?(?:美元|元))[）)]?$")
_CAPTION = re.compile(r"^(?:续?表\s*[\d一二三四五六七八九十]+|附表\s*[\d一二三四五六七八九十]*)")
_DATE_LINE = re.compile(
    r"^[（(]?(?:截至|截止|统计时间[：:]?)?\s*\d{4}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日|底|末)?)?[）)]?$"
)
_NOT_CAPTION = re.compile(r"^附件\s*[\d一二三四五六七八九十]*[：:]?$|[。；;]$|^（此件")


@dataclass(frozen=True)
class TextTable:
    """A table found in text, with the text lines it covers (caption, headers and rows):
    their indices and their stripped text. A reader's table covers no lines."""

    table: Table
    lines: tuple[int, ...] = ()
    texts: frozenset[str] = frozenset()


def find_tables(text: str) -> list[TextTable]:
    """Every table in `text`, in order; lines of one table are never read into another."""
    lines = [_cell(ln.strip()) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    found: list[TextTable] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if i in used or not lines[i]:
            i += 1
            continue
        got = _delimited(lines, i) or _one_per_line(lines, i) or _run_together(lines, i) or _spaced(lines, i)
        if got is None:
            i += 1
            continue
        headers, rows, covered = got
        caption, unit, caption_lines = _caption(lines, i, used)
        if unit:
            headers = [h if not _needs_unit(h) else f"{h}（{unit}）" for h in headers]
            rows = [{(f"{k}（{unit}）" if _needs_unit(k) else k): v for k, v in r.items()} for r in rows]
        name = caption or f"表{len(found) + 1}"
        start = min([i, *caption_lines])
        table = Table(name=name, headers=headers, rows=rows, source=f"text line {i + 1}",
                      heading=_heading_above(lines, start, used))  # fmt: skip
        span = tuple(sorted(set(covered) | set(caption_lines)))
        found.append(TextTable(table, span, frozenset(lines[k] for k in span)))
        used.update(span)
        i = max(covered) + 1
    return found


def _cell(line: str) -> str:
    """A table saved one cell a line, each closed by its border: "责任单位 |" is the cell 责任单位."""
    return line[:-1].rstrip() if line.endswith("|") and line.count("|") == 1 and len(line) > 2 else line


# --- shape 1: delimited rows ------------------------------------------------------------------


def _split(line: str, delim: str) -> list[str] | None:
    if delim == "|":
        if "|" not in line or not (" | " in line or line.startswith("|") or line.endswith("|")):
            return None
        cells = [c.strip() for c in re.split(r"\s*\|\s*", line)]
        if line.rstrip().endswith("|"):
            cells = cells[:-1]
        return cells if len(cells) >= 2 else None
    if delim == " ":  # a PDF's text: cells apart by spaces, inside a cell none
        cells = line.split()
        return cells if len(cells) >= 2 else None
    if delim not in line:
        return None
    cells = [c.strip() for c in line.split(delim)]
    return cells if len(cells) >= 2 else None


def _delimited(lines: list[str], h: int) -> tuple[list[str], list[dict[str, str]], list[int]] | None:
    for delim in ("|", "\t", " / ", " "):
        header = _split(lines[h], delim)
        if header is None or not looks_like_header(header):
            continue
        if delim == " " and (len(header) < 3 or not all(header_field(c) for c in header)):
            continue  # spaces separate words too: only a header of known column names counts
        got = _delimited_rows(lines, h, header, delim)
        if got:
            return got
    return None


def _delimited_rows(
    lines: list[str], h: int, header: list[str], delim: str
) -> tuple[list[str], list[dict[str, str]], list[int]] | None:
    markdown = lines[h].startswith("|") and header[0] == ""
    raw: list[tuple[list[str], str | None]] = []  # (cells, group)
    covered = [h]
    group: str | None = None
    starts_with_pipe = True
    j = h + 1
    while j < len(lines):
        line = lines[j]
        if not line:
            j += 1
            continue
        cells = _split(line, delim)
        if cells is not None and delim == " " and len(cells) != len(header):
            cells = None  # a line of words, not a row: the table ends (or a group line follows)
        if cells is not None:
            if _SEPARATOR.match(line) or [c for c in cells if c] == [c for c in header if c]:
                covered.append(j)  # markdown rule or the header repeated after a page break
            else:
                starts_with_pipe = starts_with_pipe and line.startswith("|")
                raw.append((cells, group))
                covered.append(j)
            j += 1
            continue
        if delim != " " and _next_is_row(lines, j + 1, delim, len(header), header_too=False):
            n = normalize(line)
            label = (
                len(n) <= 15 and re.search(r"[\u4e00-\u9fff]{2}", n) and not re.search(r"[。；;，,：:]|页", n)
            )
            if is_group_line(line) or label:
                group = group_label(line)  # a subheading between rows: "一、…方面", "制造业项目"
            elif raw:  # a cell's text went on over a line break
                cells = raw[-1][0]
                k = max((i for i, c in enumerate(cells) if c), default=0)
                cells[k] = f"{cells[k]}{line}"
            else:
                break
            covered.append(j)
            j += 1
            continue
        if is_group_line(line) and _next_is_row(lines, j + 1, delim, len(header)):
            group = group_label(line)
            covered.append(j)
            j += 1
            continue
        break
    if not raw:
        return None
    if markdown and starts_with_pipe:  # "| a | b |" on every line: the leading pipe is no cell
        header = header[1:]
        raw = [(cells[1:] if cells and cells[0] == "" else cells, g) for cells, g in raw]
    headers = header_names(header)
    joined = _rejoin_split([cells for cells, _ in raw], len(headers))
    groups = [g for _, g in raw] if len(joined) == len(raw) else _groups_after_join(raw, len(headers))
    rows = fill_merged(joined, len(headers))
    headers, keyed = _with_groups(headers, rows, groups)
    return headers, keyed, covered


def _next_is_row(lines: list[str], j: int, delim: str, width: int, header_too: bool = True) -> bool:
    """The next line (after group lines) is a row of this table; with `header_too` False a
    new header (another table's) does not count."""
    while j < len(lines):
        line = lines[j]
        if line and not is_group_line(line):
            cells = _split(line, delim)
            if cells is None or (delim == " " and len(cells) != width):
                return False
            return header_too or not looks_like_header(cells)
        j += 1
    return False


def _groups_after_join(raw: list[tuple[list[str], str | None]], width: int) -> list[str | None]:
    groups, lengths = [], []
    for cells, group in raw:
        if lengths and lengths[-1] < width and lengths[-1] + len(cells) - 1 == width and len(cells) < width:
            lengths[-1] = width
            continue
        groups.append(group)
        lengths.append(len(cells))
    return groups


def _rejoin_split(rows: list[list[str]], width: int) -> list[list[str]]:
    """A cell broken by a line break splits its row in two delimited lines ("1 | 甲 | 前半" and
    "后半 | 市发改委"): two short rows whose cells add up to the width (the broken cell counted
    once) are one row."""
    out: list[list[str]] = []
    for cells in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(prev) < width
            and len(prev) + len(cells) - 1 == width
            and len(cells) < width
        ):
            out[-1] = [*prev[:-1], prev[-1] + cells[0], *cells[1:]]
        else:
            out.append(list(cells))
    return out


def _with_groups(
    headers: list[str], rows: list[list[str]], groups: list[str | None]
) -> tuple[list[str], list[dict[str, str]]]:
    """Rows keyed by header; group lines become a 分组 column, as the readers make it."""
    has_groups = any(groups)
    key = GROUP_HEADER if GROUP_HEADER not in headers else "分组2"
    out_headers = [*headers, key] if has_groups else headers
    out = []
    for cells, group in zip(rows, groups, strict=True):
        row = dict(zip(headers, cells, strict=True))
        if has_groups:
            row[key] = group or ""
        out.append(row)
    return out_headers, out


# --- shape 2: one cell per line ---------------------------------------------------------------


def _label_line(line: str) -> bool:
    n = normalize(line)
    return 1 <= len(n) <= 12 and not re.search(r"[。；;，,：:、|]|\d{2,}", n) and not parse_heading(n)


def _one_per_line(lines: list[str], h: int) -> tuple[list[str], list[dict[str, str]], list[int]] | None:
    block: list[int] = []
    j = h
    while j < len(lines) and len(block) < 12:
        if not lines[j]:
            j += 1
            continue
        if not _label_line(lines[j]):
            break
        block.append(j)
        j += 1
    # the leading run of labels that cuts the lines below into rows best (data lines such as
    # "重点产业" can read like labels too); at least three columns
    best: tuple[float, list[str], list[dict[str, str]], list[int]] | None = None
    for k in range(3, len(block) + 1):
        header = [lines[b] for b in block[:k]]
        if not looks_like_header(header):
            continue
        body = [b for b in range(block[k - 1] + 1, len(lines)) if lines[b]]
        rows, used, misfit, groups = segment_lines(header, [lines[b] for b in body])
        score = len(used) + k - 4 * misfit * len(rows)
        if rows and (best is None or score > best[0]):
            headers, keyed = _with_groups(header_names(header), rows, groups)
            best = (score, headers, keyed, block[:k] + [body[u] for u in used])
    return best[1:] if best else None


# --- shape 3: cells run together ---------------------------------------------------------------


def _run_together(lines: list[str], h: int) -> tuple[list[str], list[dict[str, str]], list[int]] | None:
    header = split_run_together_header(lines[h])
    if header is None:
        return None
    body = [b for b in range(h + 1, len(lines)) if lines[b]]
    rows, used = split_run_together(header, [lines[b] for b in body])
    if not rows:
        return None
    headers = header_names(header)
    return headers, [dict(zip(headers, r, strict=True)) for r in rows], [h] + [body[u] for u in used]


# --- caption and unit -------------------------------------------------------------------------


def _caption(lines: list[str], h: int, used: set[int]) -> tuple[str | None, str | None, list[int]]:
    """The table's name from the short line right above it, and a "单位：万元" line."""
    caption, unit, covered = None, None, []
    j, looked = h - 1, 0
    while j >= 0 and looked < 3 and j not in used:
        line = lines[j]
        j -= 1
        if not line:
            continue
        looked += 1
        m = _UNIT_LINE.match(normalize(line))
        if m:
            unit = unit or m.group(1)
            covered.append(j + 1)
            continue
        n = normalize(line)
        if _DATE_LINE.match(n):
            continue  # "2024年3月1日" / "截至2024年6月底" under the caption
        if caption is None and (
            _CAPTION.match(n)
            or (len(n) <= 60 and not _NOT_CAPTION.search(n) and not parse_heading(n) and "|" not in n)
        ):
            caption = re.sub(r"\s+", " ", line.strip())
            covered.append(j + 1)
        break
    return caption, unit, covered


def _heading_above(lines: list[str], start: int, used: set[int], reach: int = 6) -> str:
    """The nearest 一、/（一） heading above a table: a document of questions and answers repeats
    one caption ("政策咨询联系人和联系方式") under every question, and the question is what a
    row is about. Only a heading a few lines above counts: farther up, it is the body's last
    section and says nothing of a table appended after it."""
    for j in range(start - 1, max(-1, start - 1 - reach), -1):
        if j in used or lines[j].startswith("附件"):
            break  # an attachment's table belongs to no section of the body
        h = parse_heading(normalize(lines[j])) if lines[j] else None
        if h and h.style in ("cn", "cn_paren") and len(lines[j]) <= 80:
            return lines[j].strip()
    return ""


def _needs_unit(header: str) -> bool:
    return header_field(header) in ("amount", "annual_amount", "done_amount") and not re.search(
        r"[（(\[【].*[）)\]】]", header
    )
