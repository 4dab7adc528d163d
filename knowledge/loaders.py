"""Read knowledge files of every supported format into `LoadedFile`s.

One job: bytes → original text (+ rows for tables, + admin metadata). No normalisation
and no parsing of government structure happen here. A bad file raises
`MalformedDocument` naming the file and the reason; `load_many` records it and goes on,
so one corrupt upload never blocks a batch.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from knowledge.errors import KnowledgeError, MalformedDocument, UnsupportedFormat
from knowledge.metadata import merge_sidecar, split_header
from knowledge.models import LoadedFile
from knowledge.tables import is_project_header, row_to_line

SKIPPED_NAMES = {"index.md", "readme.md"}  # folder descriptions, not documents
SIDECAR_SUFFIX = ".meta.yaml"


@dataclass(frozen=True)
class LoadError:
    path: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}


# --- text decoding -------------------------------------------------------------


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 first, then GB18030 (a superset of GBK/GB2312), then charset-normalizer's guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise MalformedDocument(path, "binary content, not a text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise MalformedDocument(path, "cannot decode text (not UTF-8, GBK/GB18030 or another known encoding)")
    return str(best)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- one loader per format -----------------------------------------------------------


def _load_text(path: Path, data: bytes, fmt: str) -> LoadedFile:
    text = _newlines(decode_text(data, path))
    if not text.strip():
        raise MalformedDocument(path, "empty file (no text)")
    metadata, body = split_header(text, path)
    if not body.strip():
        raise MalformedDocument(path, "no text after the metadata header")
    return LoadedFile(path=str(path), text=body, format=fmt, metadata=metadata)


def _load_docx(path: Path, data: bytes, fmt: str) -> LoadedFile:
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
            rows.extend(_grid_rows(grid))
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


def _load_pdf(path: Path, data: bytes, fmt: str) -> LoadedFile:
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
    text = "\n\n".join(_newlines(p).strip("\n") for p in pages if p.strip())
    if not text.strip():
        raise MalformedDocument(path, "no text layer (scanned?); run OCR and upload the text")
    return LoadedFile(path=str(path), text=text, format=fmt)


def _load_html(path: Path, data: bytes, fmt: str) -> LoadedFile:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode_text(data, path), "html.parser")
    for tag in soup(["script", "style", "nav", "noscript", "template"]):
        tag.decompose()
    rows: list[dict[str, str]] = []
    for table in soup.find_all("table"):
        grid = [
            [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")
        ]
        rows.extend(_grid_rows(grid))
        for tr in table.find_all("tr"):
            cells = [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])]
            tr.replace_with(soup.new_string("\n" + " | ".join(cells) + "\n"))
    body = soup.body or soup
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in body.get_text("\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise MalformedDocument(path, "empty page (no visible text)")
    return LoadedFile(path=str(path), text=text, format=fmt, rows=rows or None)


def _load_csv(path: Path, data: bytes, fmt: str) -> LoadedFile:
    text = _newlines(decode_text(data, path))
    if not text.strip():
        raise MalformedDocument(path, "empty file (no rows)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    grid = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    return _tabular(path, fmt, [("", grid)])


def _load_xlsx(path: Path, data: bytes, fmt: str) -> LoadedFile:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise MalformedDocument(path, "not a valid .xlsx (zip) file")
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises KeyError/InvalidFileException/... on a bad package
        raise MalformedDocument(path, f"not a valid .xlsx file ({type(e).__name__}: {e})") from e
    sheets = []
    for sheet in book.worksheets:
        grid = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        sheets.append((sheet.title, grid))
    book.close()
    return _tabular(path, fmt, sheets)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- tables ---------------------------------------------------------------------------


def _header_index(grid: list[list[str]]) -> int | None:
    """The header row: the first project-like row among the first ten, else the first with 2+ cells."""
    candidates = [i for i, row in enumerate(grid[:10]) if sum(1 for c in row if c) >= 2]
    for i in candidates:
        if is_project_header(grid[i]):
            return i
    return candidates[0] if candidates else None


def _grid_rows(grid: list[list[str]]) -> list[dict[str, str]]:
    """Rows of a project table as dicts keyed by header; [] if the table lists no projects."""
    h = _header_index(grid)
    if h is None or not is_project_header(grid[h]):
        return []
    return _dict_rows(grid, h)


def _dict_rows(grid: list[list[str]], h: int) -> list[dict[str, str]]:
    headers = [c.strip() or f"列{j + 1}" for j, c in enumerate(grid[h])]
    out = []
    for row in grid[h + 1 :]:
        if not any(c.strip() for c in row):
            continue
        out.append({headers[j]: (row[j].strip() if j < len(row) else "") for j in range(len(headers))})
    return out


def _tabular(path: Path, fmt: str, sheets: list[tuple[str, list[list[str]]]]) -> LoadedFile:
    """One row per project; the text renders each row as a line so the rows are searchable too."""
    lines: list[str] = []
    rows: list[dict[str, str]] = []
    for title, grid in sheets:
        h = _header_index(grid)
        if h is None:
            continue
        if len(sheets) > 1 and title:
            lines.append(title)
        lines.extend(" ".join(c for c in row if c) for row in grid[:h] if any(row))  # title rows
        sheet_rows = _dict_rows(grid, h)
        rows.extend(sheet_rows)
        lines.extend(row_to_line(r) for r in sheet_rows)
    if not rows:
        raise MalformedDocument(path, "no table rows (need a header row and at least one data row)")
    return LoadedFile(path=str(path), text="\n".join(lines), format=fmt, rows=rows)


# --- dispatch ---------------------------------------------------------------------------

Loader = Callable[[Path, bytes, str], LoadedFile]
LOADERS: dict[str, tuple[str, Loader]] = {
    ".txt": ("txt", _load_text),
    ".md": ("md", _load_text),
    ".markdown": ("md", _load_text),
    ".docx": ("docx", _load_docx),
    ".pdf": ("pdf", _load_pdf),
    ".html": ("html", _load_html),
    ".htm": ("html", _load_html),
    ".csv": ("csv", _load_csv),
    ".xlsx": ("xlsx", _load_xlsx),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(LOADERS)
_LEGACY = {".doc": ".docx", ".xls": ".xlsx", ".wps": ".docx", ".et": ".xlsx"}


def load_file(path: str | Path) -> LoadedFile:
    """Load one file; raises `MalformedDocument` or `UnsupportedFormat` naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in LOADERS:
        hint = f"; save it as {_LEGACY[suffix]}" if suffix in _LEGACY else ""
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnsupportedFormat(
            path, f"unsupported file type {suffix or '(none)'}{hint} (supported: {supported})"
        )
    try:
        data = path.read_bytes()
    except OSError as e:
        raise MalformedDocument(path, f"cannot read file ({e.strerror or e})") from e
    if not data.strip():
        raise MalformedDocument(path, "empty file")
    fmt, loader = LOADERS[suffix]
    loaded = loader(path, data, fmt)
    return merge_sidecar(loaded, _sidecar(path))


def _sidecar(path: Path) -> Path | None:
    """`report.docx.meta.yaml` or `report.meta.yaml` next to `report.docx`."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (sorted, recursive); skip hidden files, sidecars, Office lock files, INDEX/README."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if not f.is_file() or any(part.startswith(".") for part in rel):
                    continue
                if (
                    f.name.lower() in SKIPPED_NAMES
                    or f.name.endswith(SIDECAR_SUFFIX)
                    or f.name.startswith("~$")
                ):
                    continue
                out.append(f)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def load_many(paths: Iterable[str | Path]) -> tuple[list[LoadedFile], list[LoadError]]:
    """Load every file under `paths`; a bad file becomes a `LoadError` and the batch goes on."""
    loaded: list[LoadedFile] = []
    errors: list[LoadError] = []
    for f in iter_files(paths):
        if not f.exists():
            errors.append(LoadError(str(f), "no such file or folder"))
            continue
        try:
            loaded.append(load_file(f))
        except KnowledgeError as e:
            errors.append(LoadError(e.path, e.reason))
        except Exception as e:  # a library bug on one odd file must not stop the batch
            errors.append(LoadError(str(f), f"unexpected error while reading ({type(e).__name__}: {e})"))
    return loaded, errors
