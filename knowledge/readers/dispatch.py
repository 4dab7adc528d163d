"""Pick the reader for a file's suffix; read one file or a whole folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import KnowledgeError, MalformedDocument, UnsupportedFormat
from knowledge.metadata import merge_sidecar
from knowledge.models import LoadedFile
from knowledge.readers.csv import read_csv
from knowledge.readers.docx import read_docx
from knowledge.readers.html import read_html
from knowledge.readers.pdf import read_pdf
from knowledge.readers.text import read_text
from knowledge.readers.xlsx import read_xlsx

SKIPPED_NAMES = {"index.md", "readme.md"}  # folder descriptions, not documents
SIDECAR_SUFFIX = ".meta.yaml"

Reader = Callable[[Path, bytes, str], LoadedFile]
READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("txt", read_text),
    ".md": ("md", read_text),
    ".markdown": ("md", read_text),
    ".docx": ("docx", read_docx),
    ".pdf": ("pdf", read_pdf),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".csv": ("csv", read_csv),
    ".xlsx": ("xlsx", read_xlsx),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)
_LEGACY = {".doc": ".docx", ".xls": ".xlsx", ".wps": ".docx", ".et": ".xlsx"}


@dataclass(frozen=True)
class LoadError:
    path: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}


def load_file(path: str | Path) -> LoadedFile:
    """Load one file; raises `MalformedDocument` or `UnsupportedFormat` naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
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
    fmt, reader = READERS[suffix]
    loaded = reader(path, data, fmt)
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
