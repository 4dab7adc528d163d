"""Pick the reader for a file's suffix; read one file or a whole folder."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from knowledge.errors import KnowledgeError, MalformedDocument, UnsupportedFormat
from knowledge.metadata import folder_sidecar, merge_sidecar
from knowledge.models import LoadedFile
from knowledge.readers.csv import read_csv
from knowledge.readers.docx import read_docx
from knowledge.readers.html import read_html
from knowledge.readers.image import read_image
from knowledge.readers.isolate import ReaderProcess
from knowledge.readers.limits import DEFAULT_LIMITS, ReadLimits
from knowledge.readers.pdf import read_pdf
from knowledge.readers.text import read_text
from knowledge.readers.xlsx import read_xlsx

# Bump when a reader's output changes: files that failed are then read again once.
READER_VERSION = "2026-11-26.1"
REMEMBERED = "not read again until the file changes"
SKIPPED_NAMES = {"index.md", "readme.md"}  # folder descriptions, not documents
SIDECAR_SUFFIX = ".meta.yaml"

Reader = Callable[[Path, bytes, str, ReadLimits], LoadedFile]
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
    ".png": ("image", read_image),
    ".jpg": ("image", read_image),
    ".jpeg": ("image", read_image),
    ".tif": ("image", read_image),
    ".tiff": ("image", read_image),
    ".bmp": ("image", read_image),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(READERS)
ISOLATED_FORMATS = frozenset({"docx", "xlsx", "pdf", "html", "image"})  # read in the child process
_LEGACY = {".doc": ".docx", ".xls": ".xlsx", ".wps": ".docx", ".et": ".xlsx"}


@dataclass(frozen=True)
class LoadError:
    path: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "error": self.error}


def format_of(path: Path) -> str:
    """The reader format for a file name; raises `UnsupportedFormat` with the fix when there is none."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        hint = f"; save it as {_LEGACY[suffix]}" if suffix in _LEGACY else ""
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnsupportedFormat(
            path, f"unsupported file type {suffix or '(none)'}{hint} (supported: {supported})"
        )
    return READERS[suffix][0]


def read_path(
    path: Path, fmt: str, limits: ReadLimits = DEFAULT_LIMITS, data: bytes | None = None
) -> LoadedFile:
    """Read one file with its format's reader, in this process (no sidecar)."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise MalformedDocument(path, f"cannot read file ({e.strerror or e})") from e
    if not data.strip():
        raise MalformedDocument(path, "empty file")
    reader = READERS[path.suffix.lower()][1]
    return reader(path, data, fmt, limits)


def load_file(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> LoadedFile:
    """Load one file in this process; raises `MalformedDocument` or `UnsupportedFormat` naming the file."""
    path = Path(path)
    loaded = read_path(path, format_of(path), limits)
    return merge_sidecar(loaded, _sidecar(path), folder_sidecar(path))


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


def failure_key(data: bytes, limits: ReadLimits) -> str:
    """What a remembered read failure is valid for: these bytes, these readers, these limits."""
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest}:{READER_VERSION}:{limits.fingerprint()}"


class FailureMemory(Protocol):
    """Where read failures are remembered (the catalogue), so a file that failed is not read again until it changes."""

    def known_failure(self, path: str, key: str) -> str | None: ...

    def remember_failure(self, path: str, key: str, error: str) -> None: ...

    def forget_failure(self, path: str) -> None: ...


def load_many(
    paths: Iterable[str | Path], limits: ReadLimits | None = None, failures: FailureMemory | None = None
) -> tuple[list[LoadedFile], list[LoadError]]:
    """Load every file under `paths`; a bad file becomes a `LoadError` and the batch goes on.

    Office files, PDFs, HTML and images are read in a child process (`isolate`) unless
    `limits.memory_mb` is 0. With `failures`, a file whose bytes already failed under the
    same readers and limits is reported again without being read.
    """
    limits = limits or DEFAULT_LIMITS
    loaded: list[LoadedFile] = []
    errors: list[LoadError] = []
    with ReaderProcess(limits) as child:
        for f in iter_files(paths):
            if not f.exists():
                errors.append(LoadError(str(f), "no such file or folder"))
                continue
            try:
                loaded.append(_load_one(f, limits, failures, child))
            except KnowledgeError as e:
                errors.append(LoadError(e.path, e.reason))
            except Exception as e:  # a library bug on one odd file must not stop the batch
                errors.append(LoadError(str(f), f"unexpected error while reading ({type(e).__name__}: {e})"))
    return loaded, errors


def _load_one(
    path: Path, limits: ReadLimits, failures: FailureMemory | None, child: ReaderProcess
) -> LoadedFile:
    fmt = format_of(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise MalformedDocument(path, f"cannot read file ({e.strerror or e})") from e
    key = failure_key(data, limits)
    if failures is not None:
        known = failures.known_failure(str(path), key)
        if known is not None:
            raise MalformedDocument(path, f"{known} [{REMEMBERED}]")
    try:
        if fmt in ISOLATED_FORMATS and limits.memory_mb > 0 and data.strip():
            loaded = child.read(path, fmt)
        else:
            loaded = read_path(path, fmt, limits, data)
    except MalformedDocument as e:
        if failures is not None:
            failures.remember_failure(str(path), key, e.reason)
        raise
    if failures is not None:
        failures.forget_failure(str(path))
    return merge_sidecar(loaded, _sidecar(path), folder_sidecar(path))
