"""Grids of cell texts (from any format) → `Table`s: header found, every row keyed by it.

A reader hands over a rectangular grid in which a cell merged *down* is already repeated
in every row it covers (so no row borrows a neighbour's cell), and a cell merged *across*
is `None` after its first column (so a title spanning the table is one value, and the
text shows a merged cell once). Everything about headers is decided here, once for
every format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.models import Table
from knowledge.tables import classify_headers, is_project_header

Cell = str | None  # None: merged with the cell on its left
Grid = list[list[Cell]]

GROUP_HEADER = "分组"  # the column added for rows under a group row ("一、知识产权保护方面")
_GROUP_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[部分类组])"
)
_NOTE_START = ("注", "备注", "说明", "填报", "制表", "审核", "数据来源", "资料来源")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_NUMBER = re.compile(r"[\d.,，%％\s\-—~]+")
_VALUE = re.compile(
    r"\d{6}|\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}|[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号"
)


def clean_cell(text: object) -> str:
    """One line per cell: line breaks inside a cell join without a space between Chinese."""
    if text is None:
        return ""
    parts = [re.sub(r"[ \t\xa0\u3000]+", " ", p).strip() for p in str(text).splitlines()]
    out = ""
    for part in (p for p in parts if p):
        if out and not (_CJK.match(out[-1]) or _CJK.match(part[0])):
            out += " "
        out += part
    return out


def _values(row: Sequence[Cell]) -> list[str]:
    """The distinct non-empty values of a row, in order."""
    return list(dict.fromkeys(c for c in row if c))


def _filled(row: Sequence[Cell]) -> list[str]:
    """A row with each across-merged position holding its merged cell's value."""
    out: list[str] = []
    for c in row:
        out.append(out[-1] if c is None and out else (c or ""))
    return out


def _headerish(row: Sequence[Cell]) -> bool:
    """Short labels, none a bare number or a `key：value` pair: what header cells look like."""
    values = _values(row)
    if len(values) < 2:
        return False
    for v in values:
        if len(v) > 24 or _NUMBER.fullmatch(v) or _VALUE.search(v) or re.search(r"[：:].+", v):
            return False
    return True


def _rectangular(grid: Sequence[Sequence[Cell]]) -> Grid:
    rows = [[clean_cell(c) if c is not None else None for c in row] for row in grid]
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [j for j in range(width) if any(r[j] for r in rows)]  # drop columns empty in every row
    out = []
    for r in rows:
        kept: list[Cell] = []
        for j in keep:
            # a dropped column between a merged cell and its continuation must not break the merge
            kept.append(r[j] if r[j] is not None or not kept else None)
        out.append(kept)
    return out


def _header_rows(grid: Grid, start: int) -> int | None:
    """The header row at or after `start`: a project header among the first ten, else the
    first header-like row; None when no row looks like a header (the table has none)."""
    window = range(start, min(len(grid) - 1, start + 10))
    for i in window:
        if _headerish(grid[i]) and is_project_header(_filled(grid[i])):
            return i
    for i in window:
        if _headerish(grid[i]):
            return i
    return None


def _header_names(grid: Grid, h: int) -> tuple[list[str], int]:
    """Header names and the first data row; a two-row header under merged cells joins as "投资额/外资"."""
    top = _filled(grid[h])
    merged_across = any(c is None for c in grid[h][1:])
    below = grid[h + 1] if h + 1 < len(grid) else None
    if merged_across and below is not None and _headerish(below) and not is_project_header(_filled(below)):
        sub = _filled(below)
        names = [t if not s or s == t else (f"{t}/{s}" if t else s) for t, s in zip(top, sub, strict=True)]
        first = h + 2
    else:
        names, first = top, h + 1
    out: list[str] = []
    for j, name in enumerate(names):
        out.append(_unique(name or f"列{j + 1}", out))
    return out, first


def _is_note(row: Sequence[Cell], body: Sequence[Sequence[Cell]]) -> bool:
    """A trailing line under a table ("注：…", "XX局发布"), not a data row: one value that
    starts like a note, spans the table, or sits in a column of numbers (序号) without being one."""
    values = _values(row)
    if len(values) != 1:
        return False
    value = values[0]
    if value.startswith(_NOTE_START) or (len(value) > 40 and None in row):
        return True
    col = next(j for j, c in enumerate(row) if c)
    numbers = [
        bool(_NUMBER.fullmatch(r[col] or "")) for r in body if r is not row and r[col] and not _is_group(r)
    ]
    return bool(numbers) and sum(numbers) >= 0.8 * len(numbers) and not _NUMBER.fullmatch(value)


@dataclass
class Built:
    """What a grid turned into: lines above, the table (None if it is not one), lines below.

    `lines` renders the table as ` | ` rows (header first; a cell merged across shows once):
    the shape the text tables of the corpus have."""

    titles: list[str]
    table: Table | None
    notes: list[str]
    lines: list[str]

    def text_lines(self) -> list[str]:
        return [*self.titles, *self.lines, *self.notes]


def build_table(grid: Sequence[Sequence[Cell]], name: str, source: str) -> Built:
    """Find the title rows, the header and the data rows of a grid.

    Not a table (fewer than two columns, or no data row under the header): every row
    is returned as a title line, to be read as text.
    """
    rows = _rectangular(grid)
    as_text = Built([" ".join(_values(r)) for r in rows], None, [], [])
    start = 0
    while start < len(rows) and len(_values(rows[start])) <= 1:
        start += 1  # title rows: one value (often merged across the whole table)
    if start >= len(rows) - 1:
        return as_text
    h = _header_rows(rows, start)
    if h is None:  # no header row: columns are named 列1, 列2 … and every row is data
        h, headers, first = start, [f"列{j + 1}" for j in range(len(rows[start]))], start
    else:
        headers, first = _header_names(rows, h)
    body = rows[first:]
    notes: list[str] = []
    while body and _is_note(body[-1], body):
        notes.insert(0, _values(body.pop())[0])
    repeated = [_filled(r) for r in rows[h:first]]
    header_line = _shown(rows[h]) if first == h + 1 else " | ".join(headers)
    records: list[dict[str, str]] = []
    lines = [header_line] if first > h else []
    group_key = _unique(GROUP_HEADER, headers) if any(_is_group(r) for r in body) else None
    group = ""
    for row in body:
        cells = _filled(row)
        if cells in repeated:  # a header repeated on a new page
            continue
        lines.append(_shown(row))
        if group_key is not None and _is_group(row):
            group = _values(row)[0]  # "一、知识产权保护方面": the rows under it belong to it
            continue
        record = dict(zip(headers, cells, strict=True))
        records.append({group_key: group, **record} if group_key is not None else record)
    if group_key is not None:
        headers = [group_key, *headers]
    if not records:
        return as_text
    titles = [" ".join(_values(r)) for r in rows[:h]]
    caption = name or (titles[-1] if titles else "")
    return Built(titles, Table(name=caption, headers=headers, rows=records, source=source), notes, lines)


def _is_group(row: Sequence[Cell]) -> bool:
    """A row inside the table that names a group of the rows below: one value merged across
    the table, or a heading ("一、…", "（二）…") alone in the first cell."""
    values = _values(row)
    if len(values) != 1 or len(row) < 2:
        return False
    return (row[0] == values[0] and all(c is None for c in row[1:])) or (
        bool(row[0]) and bool(_GROUP_HEADING.match(row[0])) and not any(row[1:])
    )


def _unique(name: str, taken: Sequence[str]) -> str:
    base, n = name, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    return name


def _shown(row: Sequence[Cell]) -> str:
    return " | ".join(c for c in row if c is not None)


def project_rows(tables: Sequence[Table], named: bool = False) -> list[dict[str, str]] | None:
    """`LoadedFile.rows`: the rows of the tables that list projects (None when none does).

    In a document (docx, html, pdf) a table lists projects when its header names them and
    says something else about them; a spreadsheet or CSV needs only a name column."""
    rows = [
        r
        for t in tables
        if (named and "name" in classify_headers(t.headers)) or is_project_header(t.headers)
        for r in t.rows
    ]
    return rows or None
