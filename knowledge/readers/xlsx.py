"""Excel (.xlsx): each sheet is a table (merged cells filled down) or, when it holds one
column of lines such as a notice, text.

The workbook is streamed (openpyxl read-only) so memory follows the cells that hold
values, not the sheet's declared size; merged ranges are read from the sheet XML in a
second streaming pass, because read-only sheets do not expose them.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile, Table
from knowledge.readers.grid import Grid, build_table, project_rows
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits, check_zip, too_many
from knowledge.tables import row_to_line

_MERGE = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


def read_xlsx(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    check_zip(path, data, ".xlsx", limits)
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except MemoryError:  # the reader process's limit: reported as such, never as a bad file
        raise
    except Exception as e:  # openpyxl raises KeyError/InvalidFileException/... on a bad package
        raise MalformedDocument(path, f"not a valid .xlsx file ({type(e).__name__}: {e})") from e
    lines: list[str] = []
    tables: list[Table] = []
    budget = [limits.max_rows]
    try:
        sheets = book.worksheets
        for sheet in sheets:
            grid = _merged(_values(path, sheet, budget, limits), _merges(sheet))
            built = build_table(grid, sheet.title, f"sheet {sheet.title}")
            if built.table is None:
                lines.extend(line for line in built.titles if line)
                continue
            if len(sheets) > 1:
                lines.append(sheet.title)
            lines.extend([*built.titles, *(row_to_line(r) for r in built.table.rows), *built.notes])
            tables.append(built.table)
    except MalformedDocument:
        raise
    except MemoryError:  # the reader process's limit: reported as such, never as a bad file
        raise
    except Exception as e:  # a damaged sheet part surfaces while streaming
        raise MalformedDocument(path, f"not a valid .xlsx file ({type(e).__name__}: {e})") from e
    finally:
        book.close()
    if not tables and not any(lines):
        raise MalformedDocument(path, "no table rows (need a header row and at least one data row)")
    return LoadedFile(
        path=str(path),
        text="\n".join(lines),
        format=fmt,
        rows=project_rows(tables, named=True),
        tables=tables,
    )


def _values(path: Path, sheet, budget: list[int], limits: ReadLimits) -> list[list[str]]:  # noqa: ANN001
    """Cell texts row by row, trailing empty cells dropped; counts non-empty rows against the budget."""
    sheet.reset_dimensions()  # a declared A1:XFD1048576 must not widen every row
    rows: list[list[str]] = []
    for cells in sheet.iter_rows():
        row = [cell_text(c.value, getattr(c, "number_format", "")) for c in cells]
        while row and not row[-1]:
            row.pop()
        if row:
            budget[0] -= 1
            if budget[0] < 0:
                raise too_many(path, "spreadsheet rows", "in all sheets", limits.max_rows, "READER_MAX_ROWS")
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _merges(sheet) -> list[tuple[int, int, int, int]]:  # noqa: ANN001
    """(min_row, min_col, max_row, max_col), 0-based, of every merged range of the sheet."""
    from lxml import etree
    from openpyxl.utils.cell import range_boundaries

    out = []
    with sheet._get_source() as src:  # the read-only sheet's XML part
        for _, element in etree.iterparse(src, tag=_MERGE, resolve_entities=False, huge_tree=False):
            ref = element.get("ref", "")
            element.clear()
            try:
                min_col, min_row, max_col, max_row = range_boundaries(ref)
            except (ValueError, TypeError):
                continue
            if None not in (min_col, min_row, max_col, max_row):
                out.append((min_row - 1, min_col - 1, max_row - 1, max_col - 1))
    return out


def _merged(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> Grid:
    """Fill each merged range: its value down the first column, `None` across (see `grid`)."""
    height = len(rows)
    width = max((len(r) for r in rows), default=0)
    grid: Grid = [[*r, *([""] * (width - len(r)))] for r in rows]
    for r1, c1, r2, c2 in merges:
        if r1 >= height or c1 >= width:
            continue
        r2, c2 = min(r2, height - 1), min(c2, width - 1)
        value = grid[r1][c1]
        for r in range(r1, r2 + 1):
            grid[r][c1] = value
            for c in range(c1 + 1, c2 + 1):
                grid[r][c] = None
    return grid


def cell_text(value: object, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        if "%" in (number_format or ""):
            return f"{value * 100:.10g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.15g}" if isinstance(value, float) else str(value)
    return re.sub(r"[ \t\xa0]+", " ", str(value)).strip()
