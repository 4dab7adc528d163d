"""Files that could not be read, remembered by content so they are not read again.

A zip bomb or a 2,000-page scan fails the same way every time; reading it again at
every reindex would cost the same memory and minutes each time. The key is the file's
SHA-256 with the reader version and the read limits (`knowledge.readers.dispatch.failure_key`):
a changed file, a new reader or a raised limit makes it worth one more try. The reason
is kept for the admin page and `zhaoshang docs failed`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS read_failures (
    path TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    error TEXT NOT NULL,
    at REAL NOT NULL
);
"""


class ReadFailures:
    """The `read_failures` table of the catalogue's database (shares its connection and lock)."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db, self._lock = db, lock
        with self._lock:
            self._db.executescript(_SCHEMA)

    def known_failure(self, path: str, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT key, error FROM read_failures WHERE path = ?", (path,)).fetchone()
        return row[1] if row is not None and row[0] == key else None

    def remember_failure(self, path: str, key: str, error: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO read_failures (path, key, error, at) VALUES (?,?,?,?)",
                (path, key, error, time.time()),
            )

    def forget_failure(self, path: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM read_failures WHERE path = ?", (path,))

    def forget_missing(self) -> list[str]:
        """Drop the failures of files that are gone (deleted uploads, moved folders)."""
        gone = [f["path"] for f in self.list() if not Path(f["path"]).exists()]
        for path in gone:
            self.forget_failure(path)
        return gone

    def list(self) -> list[dict[str, Any]]:
        """Every remembered failure: {"path", "name", "error", "at"}, newest first."""
        with self._lock:
            rows = self._db.execute("SELECT path, error, at FROM read_failures ORDER BY at DESC").fetchall()
        return [{"path": r[0], "name": Path(r[0]).name, "error": r[1], "at": r[2]} for r in rows]

    def error_for(self, path: str | Path) -> str | None:
        """The last failure of a file, whatever its content was then."""
        with self._lock:
            row = self._db.execute("SELECT error FROM read_failures WHERE path = ?", (str(path),)).fetchone()
        return row[0] if row else None
