"""Uploaded knowledge files: checked, safely named, kept apart from the knowledge folder.

An upload is written with its sidecar (the admin's visibility and kind, which the loaders read
as admin metadata and which win over what the parser guesses, e.g. a missing 此件公开发布
marker) into one version folder of `bot.upload_store.UploadStore`, so a file and its metadata
are stored, replaced and indexed as one unit, and a parser failure afterwards loses nothing.

Uploads and `KNOWLEDGE_DIR` are separate namespaces: an upload named like a document of the
knowledge folder gets an id of its own (`<name>-upload`) and the clash is reported, so it never
replaces (and its deletion never removes) the bundled document.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bot.upload_store import SIDECAR_SUFFIX, UploadStore
from knowledge.loaders import SUPPORTED_SUFFIXES  # every format a reader exists for, scans included
from knowledge.models import KINDS

VISIBILITIES: tuple[str, ...] = ("public", "internal")
CLASH_SUFFIX = "-upload"
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


def upload_store(uploads_dir: Path) -> UploadStore:
    return UploadStore(uploads_dir, SUPPORTED_SUFFIXES)


@dataclass(frozen=True)
class StoredUpload:
    doc_id: str
    path: Path  # the file inside its version folder: what the indexing job indexes
    clashes_with: str | None = None  # the knowledge-folder document whose id the file name would take


def store_upload(
    uploads_dir: Path,
    filename: str | None,
    source: BinaryIO,
    max_bytes: int,
    visibility: str = "",
    kind: str = "",
    reserved: Callable[[str], str | None] | None = None,
) -> StoredUpload:
    """Check and store one upload as a new version of its document.

    `reserved(doc_id)` names the knowledge-folder file holding that id, if any; the upload then
    takes the first free `<id>-upload[-N]`."""
    stem, suffix = check_upload(filename, visibility, kind)
    doc_id, owner = stem, reserved(stem) if reserved else None
    n = 1
    while reserved and reserved(doc_id):
        doc_id = f"{stem}{CLASH_SUFFIX}" + (f"-{n}" if n > 1 else "")
        n += 1
    store = upload_store(uploads_dir)
    staged = store.staging()
    try:
        size = 0
        with open(staged / f"{doc_id}{suffix}", "wb") as out:
            while block := source.read(_CHUNK):
                size += len(block)
                if size > max_bytes:
                    raise UploadRejected(
                        413, f"file is larger than the {max_bytes:,} byte limit (MAX_UPLOAD_BYTES)"
                    )
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise UploadRejected(400, "the uploaded file is empty")
        lines = [f"{k}: {v}" for k, v in (("visibility", visibility), ("kind", kind)) if v]
        if lines:
            (staged / f"{doc_id}{SIDECAR_SUFFIX}").write_text("\n".join(lines) + "\n", encoding="utf-8")
        path = store.commit(doc_id, staged)
    finally:
        shutil.rmtree(staged, ignore_errors=True)  # gone already when committed
    return StoredUpload(doc_id, path, owner)


def clash_report(stored: StoredUpload) -> dict[str, str]:
    """What the upload response says when the file name is a knowledge-folder document's."""
    return {
        "with": stored.clashes_with or "",
        "message": f"KNOWLEDGE_DIR already holds a document named {stored.clashes_with}: this upload is kept"
        f" apart as {stored.doc_id}; both stay in the knowledge base",
    }


def sources(knowledge_dir: Path, uploads_dir: Path) -> tuple[list[Path], list[Path]]:
    """(what a whole-folder index run reads, what it may prune under): the knowledge folder and
    the current version of every upload; documents gone from either folder are pruned."""
    return [knowledge_dir, *list_uploads(uploads_dir).values()], [knowledge_dir, uploads_dir]


def list_uploads(uploads_dir: Path) -> dict[str, Path]:
    """doc_id → the current version's file, for every stored upload."""
    return upload_store(uploads_dir).current_files()


def delete_upload(uploads_dir: Path, doc_id: str) -> list[Path]:
    """Remove every version of one uploaded document; return the current file it had."""
    return upload_store(uploads_dir).delete(doc_id)


def knowledge_names(knowledge_dir: Path, catalogue: object, uploads_dir: Path) -> dict[str, str]:
    """doc_id → file name of every document that is not an upload: the files of the knowledge
    folder, and catalogue documents indexed from anywhere but the uploads folder."""
    from knowledge.gov_parse import doc_id_for
    from knowledge.loaders import SUPPORTED_SUFFIXES as READABLE
    from knowledge.loaders import iter_files

    names: dict[str, str] = {}
    if Path(knowledge_dir).is_dir():
        for f in iter_files([knowledge_dir]):
            if f.suffix.lower() in READABLE:
                names.setdefault(doc_id_for(str(f)), f.name)
    store = upload_store(uploads_dir)
    for doc in catalogue.list_documents():  # type: ignore[attr-defined]
        path = doc.get("path") or ""
        if path and doc["doc_id"] not in names and not store.is_stored(Path(path)):
            names[doc["doc_id"]] = Path(path).name
    return names
