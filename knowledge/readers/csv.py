"""CSV in any delimiter and Chinese encoding: one table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.grid import build_table, project_rows
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits, too_many
from knowledge.readers.text import decode_text, newlines
from knowledge.tables import row_to_line


def read_csv(path: Path, data: bytes, fmt: str, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    text = newlines(decode_text(data, path))
    if not text.strip():
        raise MalformedDocument(path, "empty file (no rows)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    grid: list[list[str | None]] = []
    for row in csv.reader(io.StringIO(text), dialect):
        grid.append(list(row))
        if len(grid) > limits.max_rows:
            raise too_many(path, "CSV rows", "in the file", limits.max_rows, "READER_MAX_ROWS")
    built = build_table(grid, "", "csv")
    if built.table is None:
        raise MalformedDocument(path, "no table rows (need a header row and at least one data row)")
    lines = [*built.titles, *(row_to_line(r) for r in built.table.rows), *built.notes]
    return LoadedFile(
        path=str(path),
        text="\n".join(lines),
        format=fmt,
        rows=project_rows([built.table], named=True),
        tables=[built.table],
    )
