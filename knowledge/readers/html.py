"""HTML pages: the visible text in reading order, each data table also as a `Table`.

`rowspan` repeats a cell in every row it covers and `colspan` counts it once, as in
the other readers. A table of one column, a table holding tables, or one whose cells hold paragraphs is page
layout (gov.cn puts the whole text in one cell): its text is read in place, not as a table.
"""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile, Table
from knowledge.readers.grid import Cell, Grid, build_table, clean_cell, project_rows
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits
from knowledge.readers.text import decode_text

_MAX_SPAN = 1000  # a hostile rowspan="100000000" must not build a huge grid


def read_html(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(data, path), "html.parser")
    for tag in soup(["script", "style", "nav", "noscript", "template"]):
        tag.decompose()
    tables: list[Table] = []
    # innermost first, so a layout table around a data table keeps the data table's rendering
    found = soup.find_all("table")
    layout = {id(t) for t in found if t.find("table") is not None or _frames_text(t)}
    for table in reversed(found):
        if id(table) in layout:
            continue
        grid = _grid(table)
        if max((len(r) for r in grid), default=0) <= 1:
            continue  # a frame around text
        caption = table.find("caption")
        name = clean_cell(caption.get_text(" ")) if caption else ""
        built = build_table(grid, name, f"html table {len(tables) + 1}")
        if built.table is not None:
            tables.append(built.table)
        table.replace_with(soup.new_string("\n" + "\n".join(built.text_lines()) + "\n"))
    body = soup.body or soup
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in body.get_text("\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise MalformedDocument(path, "empty page (no visible text)")
    tables.reverse()
    renumbered = [
        Table(name=t.name, headers=t.headers, rows=t.rows, source=f"html table {i}")
        for i, t in enumerate(tables, start=1)
    ]
    return LoadedFile(path=str(path), text=text, format=fmt, rows=project_rows(renumbered), tables=renumbered)


def _frames_text(table) -> bool:  # noqa: ANN001 - bs4 Tag
    """A cell holding several paragraphs of its own is a page frame (text beside a menu), not data."""
    return any(
        len(cell.find_all(["p", "div"], recursive=False)) >= 2 for cell in table.find_all(["td", "th"])
    )


def _span(cell, name: str) -> int:  # noqa: ANN001 - bs4 Tag
    try:
        return max(1, min(_MAX_SPAN, int(str(cell.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _grid(table) -> Grid:  # noqa: ANN001 - bs4 Tag
    """The table's grid with rowspans repeated down and colspans as `None` after their first column."""
    grid: Grid = []
    pending: dict[int, tuple[int, Cell]] = {}  # column → (rows still covered, value) from a rowspan above
    for tr in table.find_all("tr"):
        row: list[Cell] = []
        cells = iter(tr.find_all(["td", "th"]))
        cell = next(cells, None)
        while cell is not None or any(c >= len(row) for c in pending):
            col = len(row)
            if col in pending:
                left, above = pending.pop(col)
                row.append(above)
                if left > 1:
                    pending[col] = (left - 1, above)
                continue
            if cell is None:
                row.append("")
                continue
            text = clean_cell(cell.get_text("\n"))
            across, down = _span(cell, "colspan"), _span(cell, "rowspan")
            for k in range(across):
                value: Cell = text if k == 0 else None
                row.append(value)
                if down > 1:
                    pending[col + k] = (down - 1, value)
            cell = next(cells, None)
        grid.append(row)
    return grid
