"""Vector store: a `ChunkStore` protocol and its ChromaDB implementation.

Permissions are enforced here: every versioned collection has a public mirror
(`…_public`) holding only its public chunks, with the same vectors, and an investor search
runs on the mirror, so internal chunks never leave the store for an investor. A mirror, not
a `where={"visibility": "public"}` filter: Chroma answers a filtered query by scanning the
allowed ids (36 ms at 10k chunks against 1 ms unfiltered, and it grows with the index).
Collections are versioned (`zhaoshang_v{N}`) behind an "active" pointer, so a full
rebuild fills a new collection and switches only when complete. We always hand Chroma
our own vectors and `embedding_function=None`: its default embedder downloads a model.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from bot.settings import Settings
from knowledge.models import Chunk
from retrieval.chroma_files import remove_orphan_segments

PREFIX = "zhaoshang"
PUBLIC = "_public"  # suffix of a collection's public mirror
MIRRORED = "mirror_complete"  # mirror metadata: filled from its collection (writes keep it so)
_META_COLLECTION = f"{PREFIX}_meta"


class StoreError(RuntimeError):
    """The vector store cannot be reached or is inconsistent; the message names the setting."""


@dataclass(frozen=True)
class StoredHit:
    chunk: Chunk
    similarity: float  # cosine similarity, 1 = identical direction


@dataclass(frozen=True)
class ChunkFilter:
    """What a search may see: audience visibility, kinds, 文号."""

    visibility: tuple[str, ...] | None = None  # None = everything (staff)
    kinds: tuple[str, ...] | None = None
    doc_no: str | None = None

    @classmethod
    def for_audience(
        cls, audience: str, kinds: Sequence[str] | None = None, doc_no: str | None = None
    ) -> ChunkFilter:
        if audience not in ("staff", "investor"):
            raise ValueError(f"audience must be 'staff' or 'investor', not {audience!r}")
        return cls(
            visibility=None if audience == "staff" else ("public",),
            kinds=tuple(kinds) if kinds else None,
            doc_no=doc_no or None,
        )

    def where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.visibility is not None:
            clauses.append({"visibility": {"$in": list(self.visibility)}})
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if self.doc_no:
            clauses.append({"doc_no": self.doc_no})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def allows(self, chunk: Chunk) -> bool:
        return (
            (self.visibility is None or chunk.visibility in self.visibility)
            and (not self.kinds or chunk.kind in self.kinds)
            and (not self.doc_no or chunk.doc_no == self.doc_no)
        )


@runtime_checkable
class ChunkStore(Protocol):
    """What the indexer and retriever need from a vector store."""

    def upsert(
        self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], collection: str | None = None
    ) -> None: ...
    def delete_doc(self, doc_id: str, collection: str | None = None) -> int: ...
    def query(self, vector: Sequence[float], k: int, flt: ChunkFilter) -> list[StoredHit]: ...
    def all_chunks(self, collection: str | None = None) -> list[Chunk]: ...
    def iter_chunks(self, collection: str | None = None) -> Iterator[Chunk]: ...
    def chunks(self, chunk_ids: Sequence[str], collection: str | None = None) -> dict[str, Chunk]: ...
    def chunks_with_vectors(
        self, chunk_ids: Sequence[str], collection: str | None = None, vectors: bool = True
    ) -> dict[str, tuple[Chunk, list[float] | None]]: ...
    def vectors(self, chunk_ids: Sequence[str], collection: str | None = None) -> dict[str, list[float]]: ...
    def sample_vectors(self, n: int, collection: str | None = None) -> list[list[float]]: ...
    def metadata_by_id(self, collection: str | None = None) -> dict[str, dict[str, Any]]: ...
    def delete_ids(self, chunk_ids: Sequence[str], collection: str | None = None) -> None: ...
    def count(self, collection: str | None = None) -> int: ...
    def active_collection(self) -> str | None: ...
    def new_collection(self, embedder: str = "") -> str: ...
    def activate(self, name: str) -> None: ...
    def drop(self, name: str) -> None: ...


PAGE = 5000  # one unpaged get() of a 100k collection fails in Chroma's SQLite ("too many SQL variables")


def _pages(col: Any, include: list[str]) -> Iterator[dict[str, Any]]:
    """A whole collection, read `PAGE` records at a time."""
    offset = 0
    while True:
        res = col.get(include=include, limit=PAGE, offset=offset)
        if not res["ids"]:
            return
        yield res
        offset += len(res["ids"])


def open_store(settings: Settings) -> ChromaStore:
    """`HttpClient` when CHROMA_HOST is set, else `PersistentClient` under the data folder."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
            client.heartbeat()
        except Exception as e:
            raise StoreError(
                f"cannot reach Chroma at CHROMA_HOST={settings.chroma_host} CHROMA_PORT={settings.chroma_port}: {e}"
            ) from e
        return ChromaStore(client, pointer=_CollectionPointer(client))
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    store = ChromaStore(client, pointer=_FilePointer(settings.chroma_dir / "active.json"), folder=settings.chroma_dir)
    remove_orphan_segments(settings.chroma_dir)  # left by rebuilds of earlier versions
    return store


class _FilePointer:
    """The active collection name in a small JSON file, replaced atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self) -> str | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8")).get("collection")
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def set(self, name: str) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"collection": name}), encoding="utf-8")
        os.replace(tmp, self.path)


class _CollectionPointer:
    """On a shared Chroma server the pointer lives in the metadata of a tiny collection."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def _meta(self) -> Any:
        return self.client.get_or_create_collection(_META_COLLECTION, embedding_function=None)

    def get(self) -> str | None:
        return (self._meta().metadata or {}).get("active") or None

    def set(self, name: str) -> None:
        self._meta().modify(metadata={"active": name})


class ChromaStore:
    """ChromaDB-backed `ChunkStore` over versioned collections `zhaoshang_v{N}`."""

    def __init__(self, client: Any, pointer: _FilePointer | _CollectionPointer, folder: Path | None = None) -> None:
        """`folder`: embedded Chroma's folder, whose files of dropped collections `drop` removes."""
        self.client = client
        self.pointer = pointer
        self.folder = folder
        self._lock = threading.RLock()
        self._mirrored: set[str] = set()  # collections whose mirror was checked by this process
        self._handles: dict[str, Any] = {}

    # --- collections --------------------------------------------------------------
    def active_collection(self) -> str | None:
        return self.pointer.get()

    def _collection(self, name: str | None = None, create: bool = False) -> Any:
        name = name or self.active_collection()
        if name is None:
            if not create:
                return None
            name = self.new_collection()
            self.activate(name)
        return self._handle(name)

    def _handle(self, name: str) -> Any:
        """A collection handle, kept per name: asking Chroma for it cost 2–3 ms per search.
        Names are never reused for other contents while a process holds them (versions
        only grow; a dropped name is forgotten here)."""
        col = self._handles.get(name)
        if col is None:
            col = self.client.get_or_create_collection(
                name, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None
            )
            self._handles[name] = col
        return col

    def new_collection(self, embedder: str = "") -> str:
        """Create the next empty versioned collection (not active yet), labelled with its embedder."""
        with self._lock:
            versions = [
                int(m.group(1))
                for c in self.client.list_collections()
                if (m := re.fullmatch(rf"{PREFIX}_v(\d+)", _name(c)))
            ]
            name = f"{PREFIX}_v{max(versions, default=0) + 1}"
            for n, extra in ((name, {}), (name + PUBLIC, {MIRRORED: "1"})):
                self.client.get_or_create_collection(
                    n,
                    configuration={"hnsw": {"space": "cosine"}},
                    metadata={"embedder": embedder or "unknown", **extra},
                    embedding_function=None,
                )
            self._mirrored.add(name)  # both empty: in step
            return name

    def embedder_of(self, name: str | None = None) -> str | None:
        """The embedder label the collection was created with (None when there is none)."""
        col = self._collection(name)
        return None if col is None else (col.metadata or {}).get("embedder")

    def activate(self, name: str) -> None:
        self.pointer.set(name)

    def drop(self, name: str) -> None:
        if name == self.active_collection():
            raise StoreError(f"refusing to drop the active collection {name}")
        for n in (name, name + PUBLIC):
            self._handles.pop(n, None)
            try:
                self.client.delete_collection(n)
            except Exception:  # already gone
                pass
        self._mirrored.discard(name)
        if self.folder is not None:
            remove_orphan_segments(self.folder)

    def stale_collections(self) -> list[str]:
        active = self.active_collection()
        return [
            n
            for c in self.client.list_collections()
            if re.fullmatch(rf"{PREFIX}_v\d+", n := _name(c)) and n != active
        ]

    # --- writes ---------------------------------------------------------------------
    def upsert(
        self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], collection: str | None = None
    ) -> None:
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        if not chunks:
            return
        col = self._collection(collection, create=True)
        mirror = self._mirror(collection or self.active_collection())
        for i in range(0, len(chunks), 500):
            part = chunks[i : i + 500]
            vecs = [list(map(float, v)) for v in vectors[i : i + 500]]
            # Order matters for a crash between writes: a chunk leaves the mirror before it turns
            # internal and joins it after it is written, so the mirror never holds an internal chunk.
            internal = [c.chunk_id for c in part if c.visibility != "public"]
            if internal:
                mirror.delete(ids=internal)
            col.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=vecs,
                documents=[c.embed_text for c in part],
                metadatas=[c.metadata() for c in part],
            )
            public = [(c, v) for c, v in zip(part, vecs, strict=True) if c.visibility == "public"]
            if public:
                mirror.upsert(
                    ids=[c.chunk_id for c, _ in public],
                    embeddings=[v for _, v in public],
                    documents=[c.embed_text for c, _ in public],
                    metadatas=[c.metadata() for c, _ in public],
                )

    def delete_doc(self, doc_id: str, collection: str | None = None) -> int:
        col = self._collection(collection)
        if col is None:
            return 0
        ids = col.get(where={"doc_id": doc_id}, include=[])["ids"]
        if ids:
            self.delete_ids(ids, collection)
        return len(ids)

    # --- reads ----------------------------------------------------------------------
    def query(self, vector: Sequence[float], k: int, flt: ChunkFilter) -> list[StoredHit]:
        res = self._query(vector, k, flt, ["metadatas", "documents", "distances"])
        if res is None:
            return []
        hits = []
        for cid, meta, doc, dist in zip(
            res["ids"][0], res["metadatas"][0], res["documents"][0], res["distances"][0], strict=True
        ):
            chunk = _chunk(cid, meta, doc)
            if flt.allows(chunk):  # a second wall: the mirror is never trusted blindly
                hits.append(StoredHit(chunk, 1.0 - float(dist)))
        return hits

    def query_ids(self, vector: Sequence[float], k: int, flt: ChunkFilter) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the nearest chunks, best first, without reading them:
        reading the texts and metadata of 80 hits was most of a query (10k chunks: 11.5 ms
        against 1.6 ms for the ids), and the retriever keeps a few. Unlike `query`, nothing is
        checked against `flt` here: the caller applies that second wall to what it reads."""
        res = self._query(vector, k, flt, ["distances"])
        if res is None:
            return []
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True)]

    def _query(self, vector: Sequence[float], k: int, flt: ChunkFilter, include: list[str]) -> dict[str, Any] | None:
        name = self.active_collection()
        col = self._collection(name)
        if col is None or k <= 0:
            return None
        where = flt.where()
        if flt.visibility == ("public",):  # the mirror holds exactly the public chunks
            col = self._mirror(name, check=True)
            where = ChunkFilter(kinds=flt.kinds, doc_no=flt.doc_no).where()
        return col.query(query_embeddings=[list(map(float, vector))], n_results=k, where=where, include=include)

    # --- public mirror -------------------------------------------------------------------
    def _mirror(self, name: str | None, check: bool = False) -> Any:
        """The public mirror of collection `name`; with `check`, brought in line with it once per
        process first (an index written before mirrors existed, or a crash between the writes)."""
        if name is None:
            raise StoreError("no active collection")
        mirror = self._handle(name + PUBLIC)
        if check and name not in self._mirrored:
            with self._lock:
                if name not in self._mirrored:
                    if (mirror.metadata or {}).get(MIRRORED) != "1":  # never filled: fill it now
                        self.sync_mirror(name)
                    self._mirrored.add(name)
        return mirror

    def sync_mirror(self, name: str | None = None) -> int:
        """Make the mirror hold exactly the public chunks of `name`; returns how many it changed."""
        name = name or self.active_collection()
        col = self._collection(name)
        if col is None:
            return 0
        mirror = self._handle(name + PUBLIC)
        public = {
            cid
            for res in _pages(col, ["metadatas"])
            for cid, m in zip(res["ids"], res["metadatas"], strict=True)
            if (m or {}).get("visibility") == "public"
        }
        held = {cid for res in _pages(mirror, []) for cid in res["ids"]}
        extra = sorted(held - public)
        for i in range(0, len(extra), PAGE):
            mirror.delete(ids=extra[i : i + PAGE])
        missing = sorted(public - held)
        for i in range(0, len(missing), 500):
            res = col.get(ids=missing[i : i + 500], include=["embeddings", "documents", "metadatas"])
            mirror.upsert(ids=res["ids"], embeddings=[list(map(float, v)) for v in res["embeddings"]],
                          documents=res["documents"], metadatas=res["metadatas"])
        mirror.modify(metadata={**(mirror.metadata or {}), MIRRORED: "1"})
        return len(extra) + len(missing)

    def all_chunks(self, collection: str | None = None) -> list[Chunk]:
        return list(self.iter_chunks(collection))

    def iter_chunks(self, collection: str | None = None) -> Iterator[Chunk]:
        """Every chunk, read a page at a time (the keyword index streams them)."""
        col = self._collection(collection)
        if col is None:
            return
        for res in _pages(col, ["metadatas", "documents"]):
            for i, m, d in zip(res["ids"], res["metadatas"], res["documents"], strict=True):
                yield _chunk(i, m, d)

    def chunks(self, chunk_ids: Sequence[str], collection: str | None = None) -> dict[str, Chunk]:
        """Chunks by id (what the keyword index reads back instead of holding every text)."""
        return {cid: c for cid, (c, _) in self.chunks_with_vectors(chunk_ids, collection, vectors=False).items()}

    def chunks_with_vectors(
        self, chunk_ids: Sequence[str], collection: str | None = None, vectors: bool = True
    ) -> dict[str, tuple[Chunk, list[float] | None]]:
        """Chunks by id with their stored vectors, in one read (keyword-only hits need both)."""
        col = self._collection(collection)
        if col is None or not chunk_ids:
            return {}
        out: dict[str, tuple[Chunk, list[float] | None]] = {}
        ids = list(dict.fromkeys(chunk_ids))
        include = ["metadatas", "documents"] + (["embeddings"] if vectors else [])
        for i in range(0, len(ids), 500):
            res = col.get(ids=ids[i : i + 500], include=include)
            vecs = res["embeddings"] if vectors else [None] * len(res["ids"])
            for cid, m, d, v in zip(res["ids"], res["metadatas"], res["documents"], vecs, strict=True):
                out[cid] = (_chunk(cid, m, d), None if v is None else [float(x) for x in v])
        return out

    def vectors(self, chunk_ids: Sequence[str], collection: str | None = None) -> dict[str, list[float]]:
        col = self._collection(collection)
        if col is None or not chunk_ids:
            return {}
        out: dict[str, list[float]] = {}
        ids = list(chunk_ids)
        for i in range(0, len(ids), 500):
            res = col.get(ids=ids[i : i + 500], include=["embeddings"])
            for cid, vec in zip(res["ids"], res["embeddings"], strict=True):
                out[cid] = [float(x) for x in vec]
        return out

    def sample_vectors(self, n: int, collection: str | None = None) -> list[list[float]]:
        """Up to `n` stored vectors from evenly spread offsets: what an unrelated passage looks like."""
        col = self._collection(collection)
        total = col.count() if col is not None else 0
        if not total:
            return []
        step = max(1, total // max(1, n // 20))
        out: list[list[float]] = []
        for offset in range(0, total, step):
            res = col.get(limit=20, offset=offset, include=["embeddings"])
            out.extend([float(x) for x in vec] for vec in res["embeddings"])
        return out[:n]

    def metadata_by_id(self, collection: str | None = None) -> dict[str, dict[str, Any]]:
        """Every stored chunk id with its metadata (what incremental indexing compares against)."""
        col = self._collection(collection)
        if col is None:
            return {}
        return {
            cid: dict(m or {})
            for res in _pages(col, ["metadatas"])
            for cid, m in zip(res["ids"], res["metadatas"], strict=True)
        }

    def delete_ids(self, chunk_ids: Sequence[str], collection: str | None = None) -> None:
        col = self._collection(collection)
        if col is not None and chunk_ids:
            for i in range(0, len(chunk_ids), PAGE):
                ids = list(chunk_ids[i : i + PAGE])
                col.delete(ids=ids)
                self._mirror(collection or self.active_collection()).delete(ids=ids)

    def count(self, collection: str | None = None) -> int:
        col = self._collection(collection)
        return 0 if col is None else int(col.count())

    def doc_ids_outside(self, known: Sequence[str], limit: int = 200) -> set[str]:
        """Documents the active collection holds chunks of but `known` (the catalogue) lacks;
        one filtered read of at most `limit` chunks, so a warm-up can afford it."""
        col = self._collection()
        if col is None:
            return set()
        where = {"doc_id": {"$nin": list(known)}} if known else None
        res = col.get(where=where, limit=limit, include=["metadatas"])
        return {str((m or {}).get("doc_id", "")) for m in res["metadatas"]}


def _name(collection: Any) -> str:
    return collection if isinstance(collection, str) else collection.name


def _chunk(chunk_id: str, meta: dict[str, Any], document: str | None) -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta.get("doc_id", "")),
        doc_no=str(meta.get("doc_no") or "") or None,
        title=str(meta.get("title", "")),
        section=str(meta.get("section", "")),
        section_no=str(meta.get("section_no", "")),
        date=str(meta.get("date") or "") or None,
        visibility="public" if meta.get("visibility") == "public" else "internal",
        kind=meta.get("kind", "other"),  # type: ignore[arg-type]
        language="en" if meta.get("language") == "en" else "zh",
        text=str(meta.get("text", "")),
        embed_text=document or "",
    )
