"""Incremental, atomic indexing: files → catalogue → chunks → vectors in Chroma.

Incremental runs compare the chunks a document should have (ids are content hashes)
with what the store holds, so an unchanged document costs no embedding call, a changed
one re-embeds only its new chunk texts, and deleted files disappear. Metadata is
compared too: a document turned internal must not stay public in the index.
A full rebuild fills a new collection and switches the active pointer only when it is
complete; an error midway drops the half-built collection and the old one keeps serving.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from langchain_core.embeddings import Embeddings

from bot.settings import Settings
from knowledge.models import Chunk, SourceDocument
from retrieval.chunking import chunk_document
from retrieval.embedder import embedder_id
from retrieval.report import IndexReport
from retrieval.store import ChromaStore, StoreError

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


class Indexer:
    def __init__(
        self, settings: Settings, catalogue: object, embedder: Embeddings, store: ChromaStore
    ) -> None:
        self.settings = settings
        self.catalogue = catalogue
        self.embedder = embedder
        self.store = store
        self.max_chars = 400

    # --- public API -------------------------------------------------------------------
    def index(
        self,
        roots: Sequence[Path | str],
        full: bool = False,
        prune: bool = True,
        progress: Progress | None = None,
        prune_roots: Sequence[Path | str] | None = None,
    ) -> IndexReport:
        """Ingest `roots` into the catalogue, then bring the vector index in line with it.
        With `prune`, documents read from under `prune_roots` (default `roots`) whose file no
        root produced any more are removed."""
        from knowledge.ingest import ingest

        result = ingest(
            [Path(r) for r in roots],
            self.catalogue,  # type: ignore[arg-type]
            prune=prune,
            progress=progress,
            limits=self.settings.read_limits,
            prune_roots=prune_roots,
        )
        report = IndexReport(
            new=list(result.new),
            changed=list(result.changed),
            unchanged=list(result.unchanged),
            removed=list(result.removed),
            removed_docs=dict(result.removed_docs),
            scope="all" if prune else "files",
            errors=list(result.errors),
        )
        active = self.store.active_collection()
        label = embedder_id(self.embedder)
        if active is not None and self.store.embedder_of(active) not in (label, None, "unknown"):
            log.warning(
                "index was built with %s, now %s: full rebuild", self.store.embedder_of(active), label
            )
            full = True
        if full or active is None:
            report.chunks_embedded = self._rebuild(progress)
        else:
            report.chunks_embedded = self._sync(
                list(result.docs), removed=result.removed, prune=prune, progress=progress, skipped=result.skipped
            )
        report.chunks_total = self.store.count()
        return report

    def remove(self, doc_id: str) -> bool:
        """Remove a document from the catalogue and the index."""
        removed = bool(self.catalogue.remove(doc_id))  # type: ignore[attr-defined]
        return bool(self.store.delete_doc(doc_id)) or removed

    def count(self) -> int:
        return self.store.count()

    def is_empty(self) -> bool:
        return self.store.active_collection() is None or self.store.count() == 0

    # --- incremental --------------------------------------------------------------------
    def _sync(
        self,
        docs: list[SourceDocument],
        removed: Iterable[str],
        prune: bool,
        progress: Progress | None,
        skipped: Iterable[str] = (),
    ) -> int:
        stored = self.store.metadata_by_id()
        by_doc: dict[str, set[str]] = {}
        for cid, meta in stored.items():
            by_doc.setdefault(str(meta.get("doc_id", "")), set()).add(cid)
        # Unchanged files are not re-chunked; one with no chunks at all (a crash between the
        # catalogue write and the embedding) is taken from the catalogue and indexed now.
        for doc_id in skipped:
            if doc_id not in by_doc:
                doc = self.catalogue.get(doc_id)  # type: ignore[attr-defined]
                if doc is not None:
                    docs.append(doc)
        for doc_id in removed:
            self.store.delete_ids(sorted(by_doc.pop(doc_id, set())))
        if prune:  # chunks of documents the catalogue no longer has
            known = set(self.catalogue.doc_ids())  # type: ignore[attr-defined]
            for doc_id in [d for d in by_doc if d not in known]:
                self.store.delete_ids(sorted(by_doc.pop(doc_id)))
        to_embed: list[Chunk] = []
        to_rewrite: list[Chunk] = []  # same text, new metadata: keep the vector
        for doc in docs:
            chunks = chunk_document(doc, self.max_chars)
            wanted = {c.chunk_id for c in chunks}
            stale = by_doc.get(doc.doc_id, set()) - wanted
            if stale:
                self.store.delete_ids(sorted(stale))
            for c in chunks:
                if c.chunk_id not in stored:
                    to_embed.append(c)
                elif stored[c.chunk_id] != c.metadata():
                    to_rewrite.append(c)
        if to_rewrite:
            vectors = self.store.vectors([c.chunk_id for c in to_rewrite])
            self.store.upsert(to_rewrite, [vectors[c.chunk_id] for c in to_rewrite])
        return self._embed_and_write(to_embed, collection=None, progress=progress)

    # --- full rebuild --------------------------------------------------------------------
    def _rebuild(self, progress: Progress | None) -> int:
        old = self.store.active_collection()
        reusable = self.store.metadata_by_id(old) if old else {}
        same_model = old is not None and self.store.embedder_of(old) in (
            embedder_id(self.embedder),
            None,
            "unknown",
        )
        new = self.store.new_collection(embedder_id(self.embedder))
        try:
            chunks: list[Chunk] = []
            for doc in self.catalogue.iter_documents():  # type: ignore[attr-defined]
                chunks.extend(chunk_document(doc, self.max_chars))
            chunks = list({c.chunk_id: c for c in chunks}.values())
            reuse = [c for c in chunks if same_model and c.chunk_id in reusable]
            if reuse:
                vectors = self.store.vectors([c.chunk_id for c in reuse], collection=old)
                reuse = [c for c in reuse if c.chunk_id in vectors]
                self.store.upsert(reuse, [vectors[c.chunk_id] for c in reuse], collection=new)
            reused = {c.chunk_id for c in reuse}
            embedded = self._embed_and_write([c for c in chunks if c.chunk_id not in reused], new, progress)
            if self.store.count(new) != len(chunks):
                raise StoreError(
                    f"rebuild incomplete: {self.store.count(new)} of {len(chunks)} chunks stored"
                )
        except BaseException:
            self.store.drop(new)
            raise
        self.store.activate(new)
        if old:
            self.store.drop(old)
        return embedded

    def _embed_and_write(self, chunks: list[Chunk], collection: str | None, progress: Progress | None) -> int:
        """Embed in groups of batches and write each group at once (a crash keeps what was done).

        Progress is reported when embedding starts and after every batch: embedding is the long
        stage (minutes on two cores), and the admin page should show it moving, not stand still."""
        batch = max(1, self.settings.embedding_batch_size)
        size = batch * 8
        total, done = len(chunks), 0
        if progress and total:
            progress(0, total, "embedding")
        for i in range(0, total, size):
            group = chunks[i : i + size]
            vectors: list[list[float]] = []
            for j in range(0, len(group), batch):
                vectors.extend(self.embedder.embed_documents([c.embed_text for c in group[j : j + batch]]))
                if progress:
                    progress(done + len(vectors), total, "embedding")
            self.store.upsert(group, vectors, collection=collection)
            done += len(group)
        return done
