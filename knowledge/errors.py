"""Errors raised while reading and cataloguing knowledge files.

    KnowledgeError
     ├── UnsupportedFormat   the file's extension has no loader
     └── MalformedDocument   the file has a loader but cannot be read (names file + reason)

Every message names the file, so a batch report tells an admin exactly what to fix.
"""

from __future__ import annotations

from pathlib import Path


class KnowledgeError(Exception):
    """Base of every knowledge-loading error; `path` is the offending file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class MalformedDocument(KnowledgeError):
    """The file is of a known format but empty, corrupt or without readable text."""


class UnsupportedFormat(KnowledgeError):
    """No loader for this file extension."""

    def __init__(self, path: str | Path, reason: str | None = None) -> None:
        suffix = Path(path).suffix or "(none)"
        super().__init__(path, reason or f"unsupported file type {suffix}")
