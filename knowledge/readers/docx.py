"""Word (.docx): paragraphs and tables in reading order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.grids import project_rows


def read_docx(path: Path, data: bytes, fmt: str) -> LoadedFile:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise MalformedDocument(path, "not a valid .docx (zip) file")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several unrelated types for a bad package
        raise MalformedDocument(path, f"not a valid .docx file ({type(e).__name__}: {e})") from e
    lines: list[str] = []
    rows: list[dict[str, str]] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            grid = [_docx_row(r) for r in Table(child, document).rows]
            lines.extend(" | ".join(cells) for cells in grid if any(cells))
            rows.extend(project_rows(grid))
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise MalformedDocument(path, "empty document (no paragraphs or table text)")
    return LoadedFile(path=str(path), text=text, format=fmt, rows=rows or None)


def _docx_row(row) -> list[str]:  # noqa: ANN001 - docx.table._Row
    """Cell texts of a row; a merged cell appears once, not once per grid column."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(cell.text.strip())
    return cells
