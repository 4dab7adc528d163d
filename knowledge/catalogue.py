"""The catalogue: every indexed document, its version and its typed records, in SQLite.

Records live in their own tables with indexed columns, so "projects over 1亿美元 still in
talks" is a SQL query with an exact count, not a semantic search. A changed file becomes
a new version and its old records are deleted in the same transaction, so readers never
see two versions mixed. One connection guarded by a lock serves all threads (the HTTP
service, the admin jobs, the CLI); WAL mode lets other processes read meanwhile.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, Literal

from knowledge.catalogue_tables import TableQueries
from knowledge.catalogue_tables import where as _where
from knowledge.failures import ReadFailures
from knowledge.models import (
    Contact,
    Figure,
    Incentive,
    Reference,
    Responsibility,
    SourceDocument,
)
from knowledge.normalize import normalize
from knowledge.serialize import RECORD_TYPES, doc_from_dict, doc_to_dict, record_from_dict
from knowledge.sqlite_files import is_damage, set_aside

UpsertResult = Literal["new", "changed", "unchanged"]
_TABLES = {  # record list name -> table
    "responsibilities": "responsibilities",
    "figures": "figures",
    "projects": "projects",
    "contacts": "contacts",
    "references": "refs",
    "incentives": "incentives",
    "table_rows": "table_rows",
}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    metadata TEXT NOT NULL,
    visibility TEXT NOT NULL,
    kind TEXT NOT NULL,
    doc_no TEXT,
    doc_no_key TEXT,
    title TEXT NOT NULL,
    date TEXT,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_doc_no ON documents(doc_no_key);
CREATE TABLE IF NOT EXISTS document_versions (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    path TEXT NOT NULL,
    event TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS projects (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL, version INTEGER NOT NULL, visibility TEXT NOT NULL,
    name TEXT NOT NULL, stage TEXT, amount_usd REAL, amount_cny REAL, place TEXT,
    as_of TEXT, category TEXT, tbl TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS projects_doc ON projects(doc_id);
CREATE INDEX IF NOT EXISTS projects_stage ON projects(stage);
CREATE INDEX IF NOT EXISTS projects_usd ON projects(amount_usd);
CREATE INDEX IF NOT EXISTS projects_cny ON projects(amount_cny);
CREATE INDEX IF NOT EXISTS projects_place ON projects(place);
CREATE INDEX IF NOT EXISTS projects_name ON projects(name);
""" + "".join(
    f"""
CREATE TABLE IF NOT EXISTS {t} (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL, version INTEGER NOT NULL, visibility TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS {t}_doc ON {t}(doc_id);
"""
    for t in ("responsibilities", "figures", "contacts", "refs", "incentives", "table_rows")
)


def doc_no_key(doc_no: str | None) -> str | None:
    """One spelling for a 文号: 绍政办发[2023]17号, 【2023】, spaces, traditional 號 all match."""
    if not doc_no:
        return None
    key = normalize(doc_no)
    key = re.sub(r"\s+", "", key)
    return key.translate(
        str.maketrans(
            {"[": "〔", "【": "〔", "（": "〔", "(": "〔", "]": "〕", "】": "〕", "）": "〕", ")": "〕"}
        )
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Catalogue(TableQueries):
    """SQLite catalogue of documents and records; safe to share across threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.set_aside: Path | None = None  # where a damaged catalogue went; its documents are re-read
        try:
            self._open()
        except sqlite3.DatabaseError as e:  # garbage: start empty, warm-up rebuilds it from the files
            if not is_damage(e):
                raise
            self._db.close()
            self.set_aside = set_aside(Path(self.path), e, "catalogue")
            self._open()

    def _open(self) -> None:
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        with self._lock:
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(_SCHEMA)
            self._migrate()
        self.failures = ReadFailures(self._db, self._lock)  # files that could not be read, by content

    def _migrate(self) -> None:
        """Catalogues written by earlier versions get the columns added since (idempotent)."""
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(projects)")}
        for column, key in (("as_of", "as_of"), ("category", "category"), ("tbl", "table")):
            if column not in columns:
                with self._db:
                    self._db.execute(f"ALTER TABLE projects ADD COLUMN {column} TEXT")
                    self._db.execute(f"UPDATE projects SET {column} = json_extract(data, '$.{key}')")
        self._db.executescript(
            "CREATE INDEX IF NOT EXISTS projects_vis_as_of ON projects(visibility, as_of);"
            "CREATE INDEX IF NOT EXISTS projects_as_of ON projects(as_of);"
            "CREATE INDEX IF NOT EXISTS projects_category ON projects(category);"
            "CREATE INDEX IF NOT EXISTS projects_tbl ON projects(tbl);"
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # --- documents ----------------------------------------------------------------------

    def upsert(self, doc: SourceDocument) -> UpsertResult:
        """Store `doc`; "unchanged" (nothing written) when content, metadata and records are the same."""
        data = doc_to_dict(doc)
        fingerprint = hashlib.sha256(_json(data).encode()).hexdigest()
        with self._lock:
            row = self._db.execute(
                "SELECT version, fingerprint FROM documents WHERE doc_id = ?", (doc.doc_id,)
            ).fetchone()
            if row is not None and row["fingerprint"] == fingerprint:
                return "unchanged"
            if row is not None:
                version, result = row["version"] + 1, "changed"
            else:
                last = self._db.execute(
                    "SELECT MAX(version) FROM document_versions WHERE doc_id = ?", (doc.doc_id,)
                ).fetchone()[0]
                version, result = (last or 0) + 1, "new"
            summary = {**doc.summary(), "version": version}
            now = time.time()
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_records(doc.doc_id)
                self._db.execute(
                    "INSERT OR REPLACE INTO documents (doc_id, version, path, content_hash, fingerprint, metadata,"
                    " visibility, kind, doc_no, doc_no_key, title, date, status, summary, doc, updated_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.doc_id, version, doc.path, doc.content_hash, fingerprint, _json(doc.metadata),
                        doc.visibility, doc.kind, doc.doc_no, doc_no_key(doc.doc_no), doc.title, doc.date,
                        doc.status, _json(summary), _json(data), now,
                    ),
                )  # fmt: skip
                self._insert_records(doc, version)
                self._db.execute(
                    "INSERT INTO document_versions VALUES (?,?,?,?,?,?)",
                    (doc.doc_id, version, doc.content_hash, doc.path, result, now),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return result

    def _delete_records(self, doc_id: str) -> None:
        for table in _TABLES.values():
            self._db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def _insert_records(self, doc: SourceDocument, version: int) -> None:
        base = (doc.doc_id, version, doc.visibility)
        for p in doc.records.projects:
            self._db.execute(
                "INSERT INTO projects (doc_id, version, visibility, name, stage, amount_usd, amount_cny, place, as_of,"
                " category, tbl, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (*base, p.name, p.stage, p.amount_usd, p.amount_cny, p.place, p.as_of, p.category, p.table,
                 _json(asdict(p))),  # fmt: skip
            )
        for name in ("responsibilities", "figures", "contacts", "references", "incentives", "table_rows"):
            table = _TABLES[name]
            self._db.executemany(
                f"INSERT INTO {table} (doc_id, version, visibility, data) VALUES (?,?,?,?)",
                [(*base, _json(asdict(r))) for r in getattr(doc.records, name)],
            )

    def remove(self, doc_id: str) -> bool:
        """Delete a document and its records; False if it was not there."""
        with self._lock:
            row = self._db.execute(
                "SELECT version, content_hash, path FROM documents WHERE doc_id = ?", (doc_id,)
            )
            row = row.fetchone()
            if row is None:
                return False
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._delete_records(doc_id)
                self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
                self._db.execute(
                    "INSERT INTO document_versions VALUES (?,?,?,?,?,?)",
                    (doc_id, row["version"], row["content_hash"], row["path"], "removed", time.time()),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            return True

    def get(self, key: str) -> SourceDocument | None:
        """A document by doc_id, or by 文号 in any common spelling."""
        with self._lock:
            row = self._db.execute("SELECT doc FROM documents WHERE doc_id = ?", (key,)).fetchone()
            if row is None:
                row = self._db.execute(
                    "SELECT doc FROM documents WHERE doc_no = ? OR doc_no_key = ? ORDER BY date DESC LIMIT 1",
                    (key, doc_no_key(key)),
                ).fetchone()
        return doc_from_dict(json.loads(row["doc"])) if row else None

    def hash_of(self, doc_id: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        return row["content_hash"] if row else None

    def version_of(self, doc_id: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT version FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row["version"] if row else None

    def list_documents(self, visibility: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        """Summaries (`SourceDocument.summary()` plus version, content_hash, updated_at), by doc_id."""
        sql, params = "SELECT summary, content_hash, updated_at FROM documents", []
        if visibility is not None:
            sql += f" WHERE visibility IN ({','.join('?' * len(visibility))})"
            params = list(visibility)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY doc_id", params).fetchall()
        return [
            {**json.loads(r["summary"]), "content_hash": r["content_hash"], "updated_at": r["updated_at"]}
            for r in rows
        ]

    def doc_ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    def iter_documents(self, visibility: tuple[str, ...] | None = None) -> Iterator[SourceDocument]:
        """Every current document, fully loaded (paragraphs and records), one at a time."""
        for summary in self.list_documents(visibility):
            doc = self.get(summary["doc_id"])
            if doc is not None:
                yield doc

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    # --- records ------------------------------------------------------------------------

    def _records(
        self,
        name: str,
        visibility: Sequence[str] | None,
        where: str = "",
        params: Sequence = (),
        order: str = "doc_id, id",
        limit: int | None = None,
    ) -> list:
        clause, args = _where(where, params, visibility)
        sql = f"SELECT data FROM {_TABLES[name]}{clause} ORDER BY {order}" + (" LIMIT ?" if limit is not None else "")
        with self._lock:
            rows = self._db.execute(sql, [*args, *([limit] if limit is not None else [])]).fetchall()
        cls = RECORD_TYPES[name]
        return [record_from_dict(cls, json.loads(r["data"])) for r in rows]

    def records_with_visibility(self, name: str) -> list[tuple[Any, str]]:
        """Every record of one type with its document's visibility: the answer layer loads the
        records once and derives each audience's view from this."""
        with self._lock:
            rows = self._db.execute(f"SELECT data, visibility FROM {_TABLES[name]} ORDER BY doc_id, id").fetchall()
        cls = RECORD_TYPES[name]
        return [(record_from_dict(cls, json.loads(r["data"])), r["visibility"]) for r in rows]

    def responsibilities(self, visibility: tuple[str, ...] | None = None) -> list[Responsibility]:
        return self._records("responsibilities", visibility)

    def figures(self, visibility: tuple[str, ...] | None = None) -> list[Figure]:
        return self._records("figures", visibility)

    def contacts(self, visibility: tuple[str, ...] | None = None) -> list[Contact]:
        return self._records("contacts", visibility)

    def references(self, visibility: tuple[str, ...] | None = None) -> list[Reference]:
        return self._records("references", visibility)

    def incentives(self, visibility: tuple[str, ...] | None = None) -> list[Incentive]:
        return self._records("incentives", visibility)

    def record_counts(self) -> dict[str, int]:
        with self._lock:
            return {
                name: self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for name, table in _TABLES.items()
            }

