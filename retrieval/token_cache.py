"""jieba tokens of every chunk text, kept on disk so a restart does not tokenize again.

Tokenizing is the slow part of building the keyword index (about 75k characters a second
on one core: four minutes at 100k chunks), and the texts rarely change. Tokens are stored
by a hash of the text, next to the dictionary words they were cut with. When the office
vocabulary changes (a new unit name, a new 文号), only texts containing an added or removed
word are tokenized again: a word not in a text does not change how jieba cuts that text.
(jieba's total word frequency moves slightly with every added word; on a near tie that
may cut a distant phrase differently. That is a ranking nuance, not a correctness issue.)
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from knowledge.sqlite_files import is_damage, set_aside

SEP = "\x1f"  # tokens never contain the unit separator


def text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class TokenCache:
    def __init__(self, path: Path | None) -> None:
        """`path=None` keeps nothing (tests and small indexes)."""
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._open()
            except sqlite3.DatabaseError as e:  # a garbage file: it is only a cache, start it anew
                if not is_damage(e):
                    raise
                self.close()
                set_aside(path, e, "keyword token cache", keep=False)
                self._open()

    def _open(self) -> None:
        self._db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)  # two workers may share it
        self._db.executescript(
            "PRAGMA journal_mode=WAL;"
            "CREATE TABLE IF NOT EXISTS tokens (key TEXT PRIMARY KEY, tokens TEXT NOT NULL);"
            "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
        )

    def words(self) -> set[str]:
        """The dictionary the stored tokens were cut with."""
        if self._db is None:
            return set()
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE name = 'words'").fetchone()
        return set(json.loads(row[0])) if row else set()

    def tokenize_all(
        self,
        texts: Sequence[str],
        tokenize: Callable[[str], list[str]],
        words: set[str],
        fold: Callable[[str], str],
    ) -> tuple[list[list[str]], int]:
        """Tokens of every text (cached when valid), and how many texts were tokenized now.
        `fold` puts a text in the form the dictionary words are matched in."""
        keys = [text_key(t) for t in texts]
        cached = self._get(keys)
        stored_words = self.words() if cached else set()
        changed = sorted(words ^ stored_words) if cached else []
        out: list[list[str]] = []
        fresh: list[tuple[str, str]] = []
        for key, text in zip(keys, texts, strict=True):
            tokens = cached.get(key)
            if tokens is not None and changed:
                folded = fold(text)
                if any(w in folded for w in changed):
                    tokens = None
            if tokens is None:
                tokens = tokenize(text)
                fresh.append((key, SEP.join(tokens)))
            out.append(tokens)
        self._put(fresh)
        return out, len(fresh)

    def finish(self, words: set[str], keep: Iterable[str] | None = None) -> None:
        """Record the dictionary the cache now matches; drop texts no longer indexed."""
        if self._db is None:
            return
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO meta (name, value) VALUES ('words', ?)", (json.dumps(sorted(words)),)
            )
            if keep is not None:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM keep")
                self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keep))
                self._db.execute("DELETE FROM tokens WHERE key NOT IN (SELECT key FROM keep)")
                self._db.execute("DELETE FROM keep")

    def _get(self, keys: list[str]) -> dict[str, list[str]]:
        if self._db is None or not keys:
            return {}
        out: dict[str, list[str]] = {}
        with self._lock:
            for i in range(0, len(keys), 900):
                part = keys[i : i + 900]
                rows = self._db.execute(
                    f"SELECT key, tokens FROM tokens WHERE key IN ({','.join('?' * len(part))})", part
                )
                out.update((k, v.split(SEP) if v else []) for k, v in rows)
        return out

    def _put(self, rows: list[tuple[str, str]]) -> None:
        if self._db is None or not rows:
            return
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO tokens (key, tokens) VALUES (?, ?)", rows)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
