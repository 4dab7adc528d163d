"""Uploaded knowledge files on disk: checked, safely named, stored before anything indexes them.

An upload is written to `UPLOADS_DIR` first (through a temporary file and an atomic
rename), so a parser or indexer failure afterwards loses nothing: the file is there for
the next reindex. Visibility and kind chosen by the admin go into a sidecar
`NAME.meta.yaml` next to the file, which the loaders read as admin metadata (it wins
over what the parser guesses, e.g. a missing 此件公开发布 marker).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

from knowledge.models import KINDS

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx", ".pdf", ".html", ".csv", ".xlsx")
VISIBILITIES: tuple[str, ...] = ("public", "internal")
SIDECAR_SUFFIX = ".meta.yaml"
_CHUNK = 1 << 16


class UploadRejected(Exception):
    """The upload cannot be accepted; `status` is the HTTP status, the message says what to do."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def safe_stem(filename: str) -> str:
    """The file's stem reduced to word characters and '-', which is also its doc_id.

    Same rule as `knowledge.gov_parse` uses for doc ids, so the id returned at upload
    time is the id the catalogue lists. Chinese characters are kept.
    """
    stem = Path(filename.replace("\\", "/")).stem
    return re.sub(r"[^\w\-\u4e00-\u9fff]+", "_", stem).strip("_") or "document"


def check_upload(filename: str | None, visibility: str, kind: str) -> tuple[str, str]:
    """Validate the name and the admin's choices; return (doc_id, suffix)."""
    if not filename:
        raise UploadRejected(400, "the upload has no file name; send the file as the multipart field 'file'")
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadRejected(
            415,
            f"unsupported file type {suffix or '(none)'}: upload one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
    if visibility and visibility not in VISIBILITIES:
        raise UploadRejected(400, f"visibility must be one of {', '.join(VISIBILITIES)} (or empty to detect)")
    if kind and kind not in KINDS:
        raise UploadRejected(400, f"kind must be one of {', '.join(KINDS)} (or empty to detect)")
    return safe_stem(filename), suffix


def sidecar_path(path: Path) -> Path:
    """`uploads/foo.docx` → `uploads/foo.meta.yaml`."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def store_upload(
    uploads_dir: Path,
    filename: str | None,
    source: BinaryIO,
    max_bytes: int,
    visibility: str = "",
    kind: str = "",
) -> tuple[str, Path]:
    """Check and store one upload; return (doc_id, stored path). Replaces an earlier upload of the same id."""
    doc_id, suffix = check_upload(filename, visibility, kind)
    uploads_dir.mkdir(parents=True, exist_ok=True)
    # The temporary file lives beside (not inside) the uploads folder: same file system for
    # the atomic rename, and never seen by a reindex scanning the folder.
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", dir=uploads_dir.parent)
    tmp = Path(tmp_name)
    try:
        size = 0
        with os.fdopen(fd, "wb") as out:
            while block := source.read(_CHUNK):
                size += len(block)
                if size > max_bytes:
                    raise UploadRejected(
                        413, f"file is larger than the {max_bytes:,} byte limit (MAX_UPLOAD_BYTES)"
                    )
                out.write(block)
        if size == 0:
            raise UploadRejected(400, "the uploaded file is empty")
        for old in stored_uploads(uploads_dir, doc_id):  # same document, other format
            if old.suffix.lower() != suffix:
                old.unlink()
        target = uploads_dir / f"{doc_id}{suffix}"
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    _write_sidecar(sidecar_path(target), visibility, kind)
    return doc_id, target


def _write_sidecar(path: Path, visibility: str, kind: str) -> None:
    """A new upload replaces everything, so a sidecar with no choices in it is removed."""
    lines = [f"{k}: {v}" for k, v in (("visibility", visibility), ("kind", kind)) if v]
    if lines:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def stored_uploads(uploads_dir: Path, doc_id: str) -> list[Path]:
    return [p for p in _files(uploads_dir) if p.stem == doc_id]


def list_uploads(uploads_dir: Path) -> dict[str, Path]:
    """doc_id → stored file, for every supported file in the uploads folder."""
    return {p.stem: p for p in _files(uploads_dir)}


def delete_upload(uploads_dir: Path, doc_id: str) -> list[Path]:
    """Remove the stored file(s) and sidecar of one document; return what was removed."""
    removed = stored_uploads(uploads_dir, doc_id)
    for p in removed:
        p.unlink(missing_ok=True)
        sidecar_path(p).unlink(missing_ok=True)
    return removed


def _files(uploads_dir: Path) -> list[Path]:
    if not uploads_dir.is_dir():
        return []
    return sorted(p for p in uploads_dir.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
