"""Cell-level helpers for tables recovered from text: which line is which cell.

`text_tables` finds where a table is; this module decides its cells: short rows filled from
the row above (a rowspan cell is printed once), one-cell-per-line blocks cut into rows by
what each column holds (a 序号, a percentage, a unit name, a paragraph), and rows whose
cells ran together split at the serial number and the trailing 责任单位.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normalize import normalize
from knowledge.sections import heading_text, parse_heading
from knowledge.table_headers import FIELD_WORDS, clean_header, header_field

_SERIAL = re.compile(r"^\d{1,3}[.、．]?$")
_PCT = re.compile(r"^-?\d+(?:\.\d+)?\s*[%％]$")
_NUM = re.compile(r"^[-\d,.，．]+\s*(?:万|亿)?(?:美元|元|亿|万|个|项|家|%|％)?$")
_COUNT_NOTE = re.compile(r"\s*[（(]\s*(?:共|计)?\s*\d+\s*[项个条家名人]?\s*[）)]\s*$")
_UNIT_END = (
    "局|委|办|厅|院|部|中心|政府|公司|集团|管委会|办公室|委员会|分行|支行|银行|协会|联合会|总工会|团委|妇联"
)
_UNIT_RUN = re.compile(
    rf"((?:(?:市|省|区|县|各|国家|中国|团|总)[\u4e00-\u9fff]{{0,14}}?(?:{_UNIT_END})[、,，]?)+)$"
)
_UNIT_LINE = re.compile(rf"^(?:市|省|区|县|各|国家|中国|团|总)[\u4e00-\u9fff（）()]{{0,16}}(?:{_UNIT_END})$")
_PROGRESS_START = re.compile(
    r"。(?=(?:前三季度|上半年|一季度|二季度|三季度|全年|截至|截止|目前|今年以来|年初以来|已|1[.．、]|（1）|"
    r"\d{1,2}[-—至]\d{1,2}月|\d{1,2}月[，,份]|\d{4}年\d{1,2}月))"
)


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
    if _SERIAL.match(t):
        kind = "serial"
    elif re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", t):
        kind = "heading"
    elif re.match(r"^\d{1,2}\s*[.、．]", t):
        kind = "item"
    elif _NUM.match(t):
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


# --- one cell per line ------------------------------------------------------------------------


def _column_class(header: str) -> str:
    field = header_field(header)
    key = clean_header(header)
    if field == "serial":
        return "serial"
    if field == "rate":
        return "pct"
    if field in ("amount", "annual_amount", "done_amount"):
        return "num"
    if field == "phone":
        return "phone"
    if "名称" in key or field in (
        "place", "company", "units", "lead", "co_units", "leader", "person", "category", "scope",
        "deadline", "as_of", "currency", "period",
    ):  # fmt: skip
        return "short"
    if field == "content" or (field == "task" and re.search(r"内容|要求|措施|举措|指标", key)):
        return "long"
    return "any"


def _cell_cost(cls: str, parts: Sequence[str]) -> float:
    n_lines = len(parts)
    if n_lines == 0:
        return 1.5 if cls == "any" else 2.5
    t = "".join(parts).strip()
    serial, pct, num = bool(_SERIAL.match(t)), bool(_PCT.match(t)), bool(_NUM.match(t))
    join = 0.6 * (n_lines - 1) if cls != "long" else 0.3 * (n_lines - 1)
    if cls != "short" and n_lines > 1 and min(len(p.strip()) for p in parts[:-1]) < 10:
        join += 1.0  # a wrapped paragraph breaks at the line width, not after a few characters
    if cls == "serial":
        return join + (0 if serial and n_lines == 1 else 6)
    if cls == "pct":
        return join + (0 if pct else 1 if num else 6)
    if cls == "num":
        return join + (0 if num or pct else 1.5 if len(t) <= 8 else 4)
    if cls == "phone":
        return join + (0 if re.search(r"\d{5}|https?://|www\.", t) else 1.0)
    if serial or pct:
        return join + (1 if cls == "any" else 3)
    if cls == "short":
        return join + (0 if len(t) <= 40 and "。" not in t else 1.5 if len(t) <= 80 else 3)
    if cls == "long":
        return join + (0 if len(t) > 12 else 0.8)
    return join + 0.2


def _join(cls: str, parts: Sequence[str]) -> str:
    sep = (
        "、"
        if cls == "short" and len(parts) > 1 and all(_UNIT_LINE.match(normalize(p)) for p in parts)
        else ""
    )
    return sep.join(p.strip() for p in parts)


def _fit_row(classes: Sequence[str], seg: Sequence[str]) -> tuple[float, list[str]]:
    """Cheapest assignment of consecutive lines to the columns (a cell takes 0–3 lines)."""
    n, m = len(classes), len(seg)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(n):
        for o in range(m + 1):
            if best[j][o] == inf:
                continue
            for s in range(0, min(3, m - o) + 1):
                cost = best[j][o] + _cell_cost(classes[j], seg[o : o + s])
                if cost < best[j + 1][o + s]:
                    best[j + 1][o + s], back[j + 1][o + s] = cost, s
    if best[n][m] == inf:
        return inf, []
    cells, o = [], m
    for j in range(n, 0, -1):
        s = back[j][o]
        cells.append(_join(classes[j - 1], seg[o - s : o]))
        o -= s
    return best[n][m], cells[::-1]


def _serial_of(line: str) -> int | None:
    m = re.fullmatch(r"(\d{1,3})[.、．]?", line.strip())
    return int(m.group(1)) if m else None


def segment_lines(
    header: Sequence[str], body: Sequence[str]
) -> tuple[list[list[str]], list[int], float, list[str | None]]:
    """Cut the lines after a one-cell-per-line header into rows; returns the rows, the indices
    of the body lines used (a repeated header block is used but gives no row), the mean
    misfit of a row (how badly its lines matched what each column holds) and each row's
    group (a "二、…方面（共4项）" line between numbered rows)."""
    n = len(header)
    classes = [_column_class(h) for h in header]
    skip = _repeated_headers(header, body)
    idx = [k for k in range(len(body)) if k not in skip]
    lines = [body[k] for k in idx]
    rows: list[list[str]] = []
    groups: list[str | None] = []
    used: list[int] = []
    total = 0.0
    p, limit = 0, 3 * n
    if classes[0] == "serial":
        expected, group = 1, None
        while p < len(lines) and is_group_line(lines[p]) and _serial_of(lines[p]) is None:
            group = group_label(lines[p])
            used.append(p)
            p += 1
        while p < len(lines) and _serial_of(lines[p]) == expected:
            q = next(
                (
                    k
                    for k in range(p + 1, min(len(lines), p + 1 + limit))
                    if (s := _serial_of(lines[k])) is not None and expected < s <= expected + 10
                ),
                None,
            )
            if q is None:  # the last row: as many lines as fit its columns
                q = _last_row_end(classes[1:], lines, p + 1)
            end = q
            while end - 1 > p + 1 and q < len(lines) and is_group_line(lines[end - 1]):
                end -= 1  # group lines before the next number head the rows below
            cost, cells = _fit_row(classes[1:], lines[p + 1 : end])
            if not cells:
                break
            rows.append([lines[p].strip().rstrip(".、．"), *cells])
            groups.append(group)
            if end < q:
                group = group_label(lines[q - 1])
            total += cost
            used.extend(range(p, q))
            expected = _serial_of(lines[q]) if q < len(lines) and _serial_of(lines[q]) else expected + 1
            p = q
    else:
        memo: dict[tuple[int, int], tuple[float, list[str]]] = {}

        def fit(start: int, length: int) -> tuple[float, list[str]]:
            if (start, length) not in memo:
                memo[start, length] = _fit_row(classes, lines[start : start + length])
            return memo[start, length]

        while p < len(lines):
            options = []
            for length in range(1, min(limit, len(lines) - p) + 1):
                cost, cells = fit(p, length)
                if not cells:
                    continue
                rest = len(lines) - p - length
                ahead = min((fit(p + length, k)[0] for k in range(1, min(limit, rest) + 1)), default=0.0)
                options.append((cost + min(ahead, 2.0), cost, length, cells))
            if not options:
                break
            _, cost, length, cells = min(options, key=lambda o: o[0])
            if cost > 3.0:
                break
            rows.append(cells)
            groups.append(None)
            total += cost
            used.extend(range(p, p + length))
            p += length
    if not rows:
        return [], [], 0.0, []
    last = idx[max(used)]
    return rows, sorted({idx[u] for u in used} | {k for k in skip if k < last}), total / len(rows), groups


def _last_row_end(classes: Sequence[str], lines: Sequence[str], start: int) -> int:
    best, best_end = float("inf"), start
    for end in range(start + 1, min(len(lines), start + 3 * len(classes)) + 1):
        cost = _fit_row(classes, lines[start:end])[0] / max(1, end - start) ** 0.5
        if cost < best:
            best, best_end = cost, end
    return best_end


def _repeated_headers(header: Sequence[str], body: Sequence[str]) -> set[int]:
    n, skip = len(header), set()
    target = [normalize(h) for h in header]
    for k in range(len(body) - n + 1):
        if [normalize(b) for b in body[k : k + n]] == target:
            skip.update(range(k, k + n))
    return skip


# --- cells run together -----------------------------------------------------------------------

_LEXICON = sorted(
    {w for words in FIELD_WORDS.values() for w in words if re.search(r"[\u4e00-\u9fff]", w)},
    key=len,
    reverse=True,
)


def split_run_together_header(line: str) -> list[str] | None:
    """ "序号内容与要求完成情况责任单位" → ["序号", "内容与要求", "完成情况", "责任单位"]."""
    n = normalize(line)
    if not 6 <= len(n) <= 40 or re.search(r"[\s，,。；;、|:：]", n) or not n.startswith(("序号", "编号")):
        return None
    parts: list[str] = []
    pending, p, known = "", 0, 0
    while p < len(n):
        word = next((w for w in _LEXICON if n.startswith(w, p)), None)
        if word is None:
            pending += n[p]
            p += 1
            continue
        parts.append(pending + word)
        known += len(word)
        pending, p = "", p + len(word)
    if pending:
        if not parts:
            return None
        parts[-1] += pending
    return parts if len(parts) >= 3 and known >= 0.7 * len(n) else None


def split_run_together(header: Sequence[str], body: Sequence[str]) -> tuple[list[list[str]], list[int]]:
    """Rows "1确保……市发改委" (+ unit lines below) under a run-together header."""
    n = len(header)
    last_is_unit = header_field(header[-1]) in ("units", "lead", "co_units")
    starts = []
    expected = 1
    for k, line in enumerate(body):
        m = re.match(r"^(\d{1,3})(?![\d.．、%])(?=\S)", line)
        if m and expected <= int(m.group(1)) <= expected + 10 and len(line) > len(m.group(1)) + 4:
            starts.append((k, m.group(1)))
            expected = int(m.group(1)) + 1
    rows, used = [], []
    for i, (k, serial) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else _run_end(body, k)
        text = body[k][len(serial) :].strip()
        units: list[str] = []
        for extra in body[k + 1 : end]:
            if last_is_unit and _UNIT_LINE.match(normalize(extra)):
                units.append(extra.strip())
            else:
                text += extra.strip()
        if last_is_unit:
            m = _UNIT_RUN.search(text)
            if m:
                units.insert(0, m.group(1).rstrip("、,，"))
                text = text[: m.start()].rstrip()
        middle = n - 1 - (1 if last_is_unit else 0)
        cells = _split_middle(text, middle)
        rows.append([serial, *cells, *(["、".join(dict.fromkeys(units))] if last_is_unit else [])])
        used.extend(range(k, end))
    return rows, used


def _run_end(body: Sequence[str], k: int) -> int:
    """The last row runs over the unit lines right below it, no further."""
    end = k + 1
    while end < len(body) and _UNIT_LINE.match(normalize(body[end])):
        end += 1
    return end


def _split_middle(text: str, count: int) -> list[str]:
    if count <= 1:
        return [text][:count] if count else []
    m = _PROGRESS_START.search(text)
    if count == 2 and m:
        return [text[: m.start() + 1], text[m.start() + 1 :]]
    return [text, *([""] * (count - 1))]
