"""Excel (.xlsx): every sheet as a grid."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.grids import tabular


def read_xlsx(path: Path, data: bytes, fmt: str) -> LoadedFile:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise MalformedDocument(path, "not a valid .xlsx (zip) file")
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises KeyError/InvalidFileException/... on a bad package
        raise MalformedDocument(path, f"not a valid .xlsx file ({type(e).__name__}: {e})") from e
    sheets = []
    for sheet in book.worksheets:
        grid = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        sheets.append((sheet.title, grid))
    book.close()
    return tabular(path, fmt, sheets)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
