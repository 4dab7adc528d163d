"""Uploaded files on disk, one immutable folder per upload version: file and sidecar as one unit.

    uploads/<doc_id>/v000003/<doc_id>.docx        the file
    uploads/<doc_id>/v000003/<doc_id>.meta.yaml   its admin metadata (visibility, kind), if any
    uploads/.locks/<doc_id>.lock                  the per-name lock

A new upload is written completely (file and sidecar) into a temporary folder beside the uploads
folder, then moved in by one rename under the name's lock, so a reader sees a version whole or
not at all. Two admins uploading one name at once get two versions; neither can pair its file
with the other's sidecar. The newest version is the current one; an indexing run is given a
version's own path and indexes exactly that, and older versions are removed once a newer one is
indexed. The lock is a `flock` (threads and processes, e.g. `zhaoshang index` beside the server).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: the in-process lock alone
    fcntl = None  # type: ignore[assignment]

SIDECAR_SUFFIX = ".meta.yaml"
_VERSION = re.compile(r"v(\d{6,})")
_thread_locks: dict[str, threading.Lock] = {}
_thread_locks_guard = threading.Lock()


class UploadStore:
    def __init__(self, root: Path, suffixes: tuple[str, ...]) -> None:
        self.root = Path(root)
        self.suffixes = suffixes

    # --- the per-name lock ----------------------------------------------------------------
    @contextmanager
    def lock(self, doc_id: str) -> Iterator[None]:
        key = f"{self.root.resolve()}/{doc_id}"
        with _thread_locks_guard:
            thread_lock = _thread_locks.setdefault(key, threading.Lock())
        with thread_lock:
            if fcntl is None:
                yield
                return
            locks = self.root / ".locks"
            locks.mkdir(parents=True, exist_ok=True)
            with open(locks / f"{doc_id}.lock", "a+b") as fh:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    # --- writing ----------------------------------------------------------------------------
    def staging(self) -> Path:
        """A fresh temporary folder on the same file system, never inside the scanned folder."""
        self.root.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".upload-", dir=self.root.parent))

    def commit(self, doc_id: str, staged: Path) -> Path:
        """Move a complete staged folder in as the newest version; returns the stored file.

        Other formats of the same document are older versions like any other: the newest wins."""
        with self.lock(doc_id):
            return self._commit_locked(doc_id, staged)

    def _commit_locked(self, doc_id: str, staged: Path) -> Path:
        folder = self.root / doc_id
        folder.mkdir(parents=True, exist_ok=True)
        numbers = [n for n, _ in self._versions(doc_id)]
        version = folder / f"v{max(numbers, default=0) + 1:06d}"
        os.rename(staged, version)  # atomic: the version appears whole
        return self._file_in(version)  # type: ignore[return-value]

    def adopt_flat_files(self) -> None:
        """Files put straight into the uploads folder (earlier versions of zhaoshang, or an admin
        copying files in) become versions of their own, sidecar included."""
        from knowledge.gov_parse import doc_id_for

        if not self.root.is_dir():
            return
        for path in sorted(self.root.iterdir()):
            if not (
                path.is_file() and path.suffix.lower() in self.suffixes and not path.name.startswith(".")
            ):
                continue
            doc_id = doc_id_for(path.name)
            with self.lock(doc_id):
                if not path.is_file():  # another thread adopted it first
                    continue
                staged = self.staging()
                sidecars = [
                    p
                    for p in (
                        path.with_name(path.name + SIDECAR_SUFFIX),
                        path.with_name(path.stem + SIDECAR_SUFFIX),
                    )
                    if p.is_file()
                ]
                os.replace(path, staged / f"{doc_id}{path.suffix.lower()}")
                if sidecars:
                    os.replace(sidecars[0], staged / f"{doc_id}{SIDECAR_SUFFIX}")
                self._commit_locked(doc_id, staged)

    # --- reading ----------------------------------------------------------------------------
    def current(self, doc_id: str) -> Path | None:
        """The stored file of the newest complete version of `doc_id`."""
        for _, version in reversed(self._versions(doc_id)):
            found = self._file_in(version)
            if found is not None:
                return found
        return None

    def current_files(self) -> dict[str, Path]:
        """doc_id → the current version's file, for every stored upload."""
        self.adopt_flat_files()
        out: dict[str, Path] = {}
        if not self.root.is_dir():
            return out
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and not folder.name.startswith("."):
                found = self.current(folder.name)
                if found is not None:
                    out[folder.name] = found
        return out

    def is_current(self, path: Path) -> bool:
        """True while `path` is the file of its document's newest version."""
        path = Path(path)
        return self.current(path.parent.parent.name) == path

    def is_stored(self, path: Path) -> bool:
        """True for a file inside this store (the catalogue path of an uploaded document)."""
        try:
            Path(path).resolve().relative_to(self.root.resolve())
        except ValueError:
            return False
        return True

    # --- removing ---------------------------------------------------------------------------
    def drop_older(self, path: Path) -> None:
        """Remove the versions older than the one `path` belongs to (it has been indexed)."""
        doc_id, number = path.parent.parent.name, _number(path.parent.name)
        if number is None:
            return
        with self.lock(doc_id):
            for n, version in self._versions(doc_id):
                if n < number:
                    shutil.rmtree(version, ignore_errors=True)

    def drop_superseded(self) -> None:
        """Remove every version older than its document's current one."""
        for path in self.current_files().values():
            self.drop_older(path)

    def discard(self, path: Path) -> None:
        """Remove the one version `path` belongs to (an upload that could not be read)."""
        path = Path(path)
        with self.lock(path.parent.parent.name):
            if _number(path.parent.name) is not None:
                shutil.rmtree(path.parent, ignore_errors=True)

    def delete(self, doc_id: str) -> list[Path]:
        """Remove every version of `doc_id`; returns the current file it had (empty if none)."""
        with self.lock(doc_id):
            current = self.current(doc_id)
            folder = self.root / doc_id
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
        return [current] if current else []

    # --- internals ------------------------------------------------------------------------
    def _versions(self, doc_id: str) -> list[tuple[int, Path]]:
        try:
            entries = list((self.root / doc_id).iterdir())
        except (FileNotFoundError, NotADirectoryError):  # never stored, or deleted meanwhile
            return []
        return sorted((n, p) for p in entries if (n := _number(p.name)) is not None and p.is_dir())

    def _file_in(self, version: Path) -> Path | None:
        try:
            files = [p for p in version.iterdir() if p.is_file() and p.suffix.lower() in self.suffixes]
        except (FileNotFoundError, NotADirectoryError):  # removed meanwhile
            return None
        return files[0] if files else None


def _number(name: str) -> int | None:
    m = _VERSION.fullmatch(name)
    return int(m.group(1)) if m else None
