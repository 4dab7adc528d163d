"""PDF: the text layer, one page after another."""

from __future__ import annotations

import io
from pathlib import Path

from knowledge.errors import MalformedDocument
from knowledge.models import LoadedFile
from knowledge.readers.text import newlines


def read_pdf(path: Path, data: bytes, fmt: str) -> LoadedFile:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise MalformedDocument(path, "not a valid PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise MalformedDocument(path, "encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except MalformedDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise MalformedDocument(path, f"not a valid PDF file ({type(e).__name__}: {e})") from e
    # A page break is a paragraph break; the parser re-joins sentences it split.
    text = "\n\n".join(newlines(p).strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise MalformedDocument(path, "no text layer (scanned?); run OCR and upload the text")
    return LoadedFile(path=str(path), text=text, format=fmt)
