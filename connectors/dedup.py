"""What the robot has already seen, kept in SQLite so a restart forgets nothing.

Two kinds of key share one small table, each with its own expiry:

- message ids: chat platforms redeliver when an ack is slow; each message is answered once,
  also across a restart or between several worker processes;
- DingTalk callback signatures: the sign covers only the timestamp, so a captured
  (timestamp, sign) pair would be valid with any body until the timestamp leaves the
  signature window. A pair is accepted with one body only (a byte-identical retransmission
  is let through and then dropped as a duplicate message id).

Expiry is the signature window: after it a pair is refused by the clock anyway, and a
redelivery arrives within seconds or minutes. A damaged file is moved aside and recreated.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = "CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, digest TEXT NOT NULL, expires REAL NOT NULL)"
CLAIM = (
    "INSERT INTO seen (key, digest, expires) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE"
    " SET digest = excluded.digest, expires = excluded.expires WHERE seen.expires <= ?"
)
PURGE_EVERY = 200  # writes between sweeps of expired rows


class SeenMessages:
    def __init__(
        self, path: str | Path | None = None, ttl_s: float = 3600, clock: Callable[[], float] = time.time
    ) -> None:
        """`path` None keeps the table in memory (a process that must not write the data folder)."""
        self.path = Path(path) if path is not None else None
        self.ttl_s = ttl_s
        self._clock = clock
        self._lock = threading.Lock()
        self._writes = 0
        self._db = self._open()

    # --- message ids ----------------------------------------------------------------
    def first_time(self, msg_id: str) -> bool:
        """Atomically mark `msg_id` seen; True only the first time within the TTL."""
        return self._claim(f"msg:{msg_id}", "", self._clock() + self.ttl_s)

    def forget(self, msg_id: str) -> None:
        """Un-see a message that was not handled (the index was loading): its redelivery is answered."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM seen WHERE key = ?", (f"msg:{msg_id}",))

    # --- callback signatures ----------------------------------------------------------
    def claim_signature(self, timestamp: str, sign: str, body: bytes, window_s: float) -> bool:
        """True the first time a (timestamp, sign) pair is used, or again with the very same body.

        Call only after the signature verified: `timestamp` is then an int within the window,
        and the pair stays valid (so is remembered) until timestamp + window."""
        digest = hashlib.sha256(body).hexdigest()
        key = f"sig:{timestamp}:{sign}"
        if self._claim(key, digest, int(timestamp) / 1000 + window_s):
            return True
        with self._lock:
            row = self._db.execute("SELECT digest FROM seen WHERE key = ?", (key,)).fetchone()
        return row is not None and row[0] == digest

    # --- storage ------------------------------------------------------------------------
    def _claim(self, key: str, digest: str, expires: float) -> bool:
        now = self._clock()
        with self._lock, self._db:
            inserted = self._db.execute(CLAIM, (key, digest, expires, now)).rowcount == 1
            self._writes += 1
            if self._writes % PURGE_EVERY == 0:
                self._db.execute("DELETE FROM seen WHERE expires <= ?", (now,))
        return inserted

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._connect(":memory:")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect(str(self.path))
        except sqlite3.DatabaseError as e:  # not a database (a damaged file): start empty, keep the evidence
            aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            log.warning("seen-messages store %s unreadable (%s); moved to %s and recreated", self.path, e, aside.name)
            self.path.replace(aside)
            return self._connect(str(self.path))

    @staticmethod
    def _connect(target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=10, check_same_thread=False)
        try:
            if target != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            db.execute(SCHEMA)
            db.execute("SELECT COUNT(*) FROM seen").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def close(self) -> None:
        with self._lock:
            self._db.close()
