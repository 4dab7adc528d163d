"""One cell per line (a PDF's or a flattened page's table): which lines make which row.

A block of short header lines is followed by each row's cells on their own lines; a long
cell may wrap over several lines and an empty cell leaves no line. Rows are cut by what
each column holds (a 序号, a percentage, a unit name, a paragraph), cheapest fit first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normalize import normalize
from knowledge.table_cells import NUM, PCT, SERIAL, UNIT_LINE, group_label, is_group_line
from knowledge.table_headers import clean_header, header_field


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
    serial, pct, num = bool(SERIAL.match(t)), bool(PCT.match(t)), bool(NUM.match(t))
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
        if cls == "short" and len(parts) > 1 and all(UNIT_LINE.match(normalize(p)) for p in parts)
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
