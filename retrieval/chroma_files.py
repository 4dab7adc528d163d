"""Segment folders of embedded Chroma that no collection owns any more, removed.

Embedded Chroma (1.x) drops a deleted collection from its SQLite catalogue but leaves the
collection's HNSW folder (`chroma/<segment uuid>/`) on disk, so every full rebuild (a new
collection and its public mirror, the old pair dropped) left two orphaned folders, each the
size of the index. A folder is orphaned when no row of Chroma's `segments` table names it; rows
are written before their folder, so a collection being created meanwhile is never touched.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

log = logging.getLogger(__name__)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def remove_orphan_segments(chroma_dir: Path) -> list[Path]:
    """Remove the segment folders under `chroma_dir` that Chroma no longer knows; returns them."""
    folders = [p for p in Path(chroma_dir).iterdir() if p.is_dir() and _UUID.fullmatch(p.name)]
    if not folders:
        return []
    try:  # listed first, then read: a folder created after the listing is not considered
        with closing(sqlite3.connect(f"file:{Path(chroma_dir) / 'chroma.sqlite3'}?mode=ro", uri=True)) as db:
            known = {str(r[0]) for r in db.execute("SELECT id FROM segments")}
    except sqlite3.Error as e:  # another Chroma layout: leave its files alone
        log.warning("cannot read Chroma's segment list in %s (%s): orphaned folders are kept", chroma_dir, e)
        return []
    orphans = [p for p in folders if p.name not in known]
    for p in orphans:
        shutil.rmtree(p, ignore_errors=True)
    if orphans:
        log.info("removed %d Chroma folders of dropped collections", len(orphans))
    return orphans
