"""CSV in any delimiter and Chinese encoding."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.grids import tabular
from knowledge.readers.text import decode_text, newlines


def read_csv(path: Path, data: bytes, fmt: str) -> LoadedFile:
    text = newlines(decode_text(data, path))
    if not text.strip():
        raise MalformedDocument(path, "empty file (no rows)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    grid = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    return tabular(path, fmt, [("", grid)])
