"""Damaged SQLite files in the data folder: moved aside (or, for a cache, deleted) so the service starts.

A garbage `keyword_tokens.sqlite3` once left the service never ready and a garbage
`questions.sqlite3` stopped it at start. SQLite only notices when the first statement runs
("file is not a database"), so each owner opens its file, and on `sqlite3.DatabaseError` calls
`set_aside` and opens a fresh one. A cache is simply rebuilt; a file that holds something of
value (the question log, the catalogue) is kept beside it for an admin to look at.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

log = logging.getLogger(__name__)
COMPANIONS = ("-wal", "-shm", "-journal")


def set_aside(path: Path, error: sqlite3.DatabaseError, what: str, keep: bool = True) -> Path | None:
    """Move the damaged database `path` (and its WAL/SHM files) to `<name>.damaged-<time>`, or delete
    it when `keep` is false; returns where it went. Logs a warning naming the file and the reason."""
    path = Path(path)
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}") if keep else None
    for suffix in ("", *COMPANIONS):
        part = path.with_name(path.name + suffix)
        if not part.exists():
            continue
        if aside is None:
            part.unlink(missing_ok=True)
        else:
            part.replace(aside.with_name(aside.name + suffix))
    if aside is None:
        log.warning("%s %s was damaged (%s): deleted, it is rebuilt", what, path, error)
    else:
        log.warning("%s %s was damaged (%s): moved aside to %s and started anew", what, path, error, aside)
    return aside


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """A file that is not (or no longer) a database, as opposed to a locked or busy one."""
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text or "disk image" in text
