"""Grids of cell texts (from any format) → rows keyed by their header cells."""

from __future__ import annotations

from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.tables import is_project_header, row_to_line

Grid = list[list[str]]


def header_index(grid: Grid) -> int | None:
    """The header row: the first project-like row among the first ten, else the first with 2+ cells."""
    candidates = [i for i, row in enumerate(grid[:10]) if sum(1 for c in row if c) >= 2]
    for i in candidates:
        if is_project_header(grid[i]):
            return i
    return candidates[0] if candidates else None


def project_rows(grid: Grid) -> list[dict[str, str]]:
    """Rows of a project table as dicts keyed by header; [] if the table lists no projects."""
    h = header_index(grid)
    if h is None or not is_project_header(grid[h]):
        return []
    return dict_rows(grid, h)


def dict_rows(grid: Grid, h: int) -> list[dict[str, str]]:
    headers = [c.strip() or f"列{j + 1}" for j, c in enumerate(grid[h])]
    out = []
    for row in grid[h + 1 :]:
        if not any(c.strip() for c in row):
            continue
        out.append({headers[j]: (row[j].strip() if j < len(row) else "") for j in range(len(headers))})
    return out


def tabular(path: Path, fmt: str, sheets: list[tuple[str, Grid]]) -> LoadedFile:
    """One row per project; the text renders each row as a line so the rows are searchable too."""
    lines: list[str] = []
    rows: list[dict[str, str]] = []
    for title, grid in sheets:
        h = header_index(grid)
        if h is None:
            continue
        if len(sheets) > 1 and title:
            lines.append(title)
        lines.extend(" ".join(c for c in row if c) for row in grid[:h] if any(row))  # title rows
        sheet_rows = dict_rows(grid, h)
        rows.extend(sheet_rows)
        lines.extend(row_to_line(r) for r in sheet_rows)
    if not rows:
        raise MalformedDocument(path, "no table rows (need a header row and at least one data row)")
    return LoadedFile(path=str(path), text="\n".join(lines), format=fmt, rows=rows)
