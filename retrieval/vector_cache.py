"""Embeddings of short texts (records, document titles, example questions), cached on disk.

The answer engine compares a question with every record by meaning, so every record text is
embedded once: at the first load after indexing, and never again while the text and model stay
the same (keyed by model, role and a hash of the text). A restart reads the vectors back from
SQLite instead of re-embedding thousands of records on two cores. Questions are cached in
memory only (the retriever and the engine embed the same question once between them).
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from retrieval.embedder import embedder_id

log = logging.getLogger(__name__)
_RECENT_QUERIES = 512


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)


class VectorCache:
    """`passages(texts)` / `query(text)` → unit-length float32 vectors, embedding only what is new."""

    def __init__(self, path: str | Path | None, embedder: Embeddings, batch_size: int = 64) -> None:
        self.embedder = embedder
        self.model = embedder_id(embedder)
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._db = self._open(Path(path)) if path else None

    def _open(self, path: Path) -> sqlite3.Connection | None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
                db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, data BLOB)")
                return db
            except sqlite3.DatabaseError as e:  # a damaged cache is rebuilt, never fatal
                log.warning("vector cache %s unreadable (%s); starting a new one", path, e)
                if attempt == 1:
                    path.unlink(missing_ok=True)
        return None

    def _key(self, role: str, text: str) -> str:
        return hashlib.sha1(f"{self.model}\x00{role}\x00{text}".encode()).hexdigest()

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of `texts` embedded as passages (records, titles), one row per text."""
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        keys = [self._key("p", t) for t in texts]
        found = self._read(set(keys))
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        for i in range(0, len(missing), self.batch_size):
            batch = missing[i : i + self.batch_size]
            vectors = np.asarray(self.embedder.embed_documents(batch), dtype=np.float32)
            new = {self._key("p", t): v for t, v in zip(batch, vectors, strict=True)}
            found.update(new)
            self._write(new)
        return _unit(np.stack([found[k] for k in keys]))

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            if text in self._queries:
                self._queries.move_to_end(text)
                return self._queries[text]
        vec = _unit(np.asarray([self.embedder.embed_query(text)], dtype=np.float32))[0]
        with self._lock:
            self._queries[text] = vec
            while len(self._queries) > _RECENT_QUERIES:
                self._queries.popitem(last=False)
        return vec

    def forget_queries(self) -> None:
        with self._lock:
            self._queries.clear()

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of fixed example questions, cached on disk like passages."""
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        keys = [self._key("q", t) for t in texts]
        found = self._read(set(keys))
        new = {k: np.asarray(self.embedder.embed_query(t), dtype=np.float32)
               for t, k in zip(texts, keys, strict=True) if k not in found}  # fmt: skip
        self._write(new)
        found.update(new)
        return _unit(np.stack([found[k] for k in keys]))

    def _read(self, keys: set[str]) -> dict[str, np.ndarray]:
        if self._db is None or not keys:
            return {}
        out: dict[str, np.ndarray] = {}
        wanted = list(keys)
        with self._lock:
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                rows = self._db.execute(
                    f"SELECT key, data FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
                ).fetchall()
                out.update({k: np.frombuffer(blob, dtype=np.float32) for k, blob in rows})
        return out

    def _write(self, vectors: dict[str, np.ndarray]) -> None:
        if self._db is None or not vectors:
            return
        with self._lock:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?,?,?)",
                [(k, len(v), np.asarray(v, dtype=np.float32).tobytes()) for k, v in vectors.items()],
            )

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
                self._db = None
