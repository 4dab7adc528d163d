"""Hybrid retrieval: dense (Chroma) + BM25, fused by reciprocal rank, optionally reranked.

English questions are expanded with the glossary's Chinese terms before both searches,
so they reach the Chinese policy instead of English pages about something else. The
audience filter is applied inside each search (Chroma `where`, public-only BM25 index).
Every hit carries the dense cosine similarity to the query, which the answer layer uses
to decide that nothing relevant was found.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.settings import Settings
from knowledge.models import Chunk
from knowledge.normalize import is_chinese
from knowledge.places import chunk_place, compatible, places_in
from retrieval.fusion import reciprocal_rank_fusion
from retrieval.glossary import load_glossary
from retrieval.heap import trim
from retrieval.lexical import BM25Index, Tokenizer, catalogue_words, find_doc_nos
from retrieval.store import ChromaStore, ChunkFilter
from retrieval.token_cache import TokenCache

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # fused (or rerank) score; higher is better
    dense_rank: int | None  # 1-based rank in the dense list, None when not in it
    lexical_rank: int | None
    dense_similarity: float  # cosine similarity of the (expanded) query and the chunk


class HybridRetriever:
    """Dense + BM25 with RRF. Defaults (keyword list weighted 3, RRF k=10) were measured on
    dev.jsonl over the bundled knowledge: jieba+BM25 with the office vocabulary is the
    sharper signal on Chinese policy text, the dense list adds paraphrase recall."""

    def __init__(
        self,
        settings: Settings,
        catalogue: object,
        embedder: Embeddings,
        store: ChromaStore,
        candidates: int = 40,
        weights: tuple[float, float] = (1.0, 3.0),
        rrf_k: int = 10,
        vectors: Any = None,
    ) -> None:
        """`vectors` (a `retrieval.vector_cache.VectorCache`) embeds the query once for both this
        search and the answer engine's comparisons with records; without it, the embedder does."""
        self.settings = settings
        self.catalogue = catalogue
        self.embedder = embedder
        self.store = store
        self.candidates = candidates
        self.weights = weights
        self.rrf_k = rrf_k
        self.vectors = vectors
        self.glossary = load_glossary()
        self._bm25: BM25Index | None = None
        self._tokens = TokenCache(settings.data_dir / "keyword_tokens.sqlite3")
        self._reranker: Any = None
        self._lock = threading.Lock()
        # Recent results: a group asks the same question many times, and the answer layer may
        # search the same question twice (a record tie-break, then passages). Cleared on refresh.
        self._recent: OrderedDict[tuple, list[Hit]] = OrderedDict()

    def clear_recent(self) -> None:
        """Forget recent results and query vectors (benchmarks time real searches, not cache hits)."""
        with self._lock:
            self._recent.clear()
        if self.vectors is not None:
            self.vectors.forget_queries()

    def refresh(self) -> None:
        """Rebuild the keyword index from the active collection (call after indexing)."""
        with self._lock:
            self._bm25 = None
            self._recent.clear()

    def _lexical(self) -> BM25Index:
        with self._lock:
            if self._bm25 is None:
                tokenizer = Tokenizer(catalogue_words(self.catalogue))  # unit names, projects, 文号
                self._bm25 = BM25Index(self.store.iter_chunks(), tokenizer, fetch=self.store.chunks, cache=self._tokens)
                log.info("keyword index: %d chunks, %d tokenized now", len(self._bm25), self._bm25.tokenized)
                trim()
            return self._bm25

    def _named_doc_no(self, query: str) -> str | None:
        """A 文号 the question names and the index holds: the user wants that document."""
        named = find_doc_nos(query, self._lexical().doc_nos)
        return max(named, key=len) if named else None

    def term_weights(self, text: str, audience: str = "investor") -> list[tuple[str, float]]:
        """Tokens of `text` (expanded like a query) weighted by their rarity in what the audience may see."""
        return self._lexical().term_weights(self.expand(text), ChunkFilter.for_audience(audience, None, None))

    def expand(self, query: str) -> str:
        """The query as searched: English phrases get their Chinese glossary terms appended."""
        return query if is_chinese(query) else self.glossary.expand_query(query)

    def search(
        self,
        query: str,
        audience: str = "investor",
        k: int = 5,
        kinds: Sequence[str] | None = None,
        doc_no: str | None = None,
    ) -> list[Hit]:
        if k <= 0:
            raise ValueError("k must be positive")
        query = query.strip()
        if not query:
            return []
        key = (query, audience, k, tuple(kinds or ()), doc_no)
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return list(self._recent[key])
        hits = self._search(query, audience, k, kinds, doc_no)
        with self._lock:
            self._recent[key] = hits
            while len(self._recent) > RECENT_SEARCHES:
                self._recent.popitem(last=False)
        return list(hits)

    def _search(
        self, query: str, audience: str, k: int, kinds: Sequence[str] | None, doc_no: str | None
    ) -> list[Hit]:
        flt = ChunkFilter.for_audience(audience, kinds, doc_no or self._named_doc_no(query))
        searched = self.expand(query)
        n = max(self.candidates, k * 4)
        qvec = self.vectors.query(searched).tolist() if self.vectors is not None else self.embedder.embed_query(searched)
        lexical = self._lexical().search_ids(searched, n, flt)
        try:
            return self._fuse(query, k, n, flt, qvec, lexical, self._dense_ids(qvec, n, flt))
        except _ReadAll:  # the ids alone could not be trusted: read every dense hit, as before
            return self._fuse(query, k, n, flt, qvec, lexical, None)

    def _dense_ids(self, qvec: list[float], n: int, flt: ChunkFilter) -> list[tuple[str, float]] | None:
        """The dense hits' ids and similarities, when the keyword index vouches that `flt` admits
        every one (it holds each chunk's visibility, kind and 文号); None to read them all."""
        query_ids = getattr(self.store, "query_ids", None)
        if query_ids is None:
            return None
        found = query_ids(qvec, n, flt)
        allowed = self._lexical().allows([cid for cid, _ in found], flt)
        return found if allowed is not None and all(allowed) else None

    def _fuse(self, query: str, k: int, n: int, flt: ChunkFilter, qvec: list[float], lexical: list[tuple[str, float]],
              dense_ids: list[tuple[str, float]] | None) -> list[Hit]:  # fmt: skip
        """Fused hits; with `dense_ids`, only the dense hits that can reach the top are read (and
        checked against `flt` once read), else every dense hit is read with the query."""
        if dense_ids is None:
            dense = self.store.query(qvec, n, flt)
            chunks: dict[str, Chunk] = {h.chunk.chunk_id: h.chunk for h in dense}
            sims = {h.chunk.chunk_id: h.similarity for h in dense}
            ranked = [h.chunk.chunk_id for h in dense]
        else:
            chunks, sims, ranked = {}, dict(dense_ids), [cid for cid, _ in dense_ids]
        lexical_ids = [cid for cid, _ in lexical]
        fused = reciprocal_rank_fusion([ranked, lexical_ids], weights=self.weights, k=self.rrf_k)
        # Hits not read yet are read from the store, one read and only as many as can still reach
        # the top k; keyword-only ones need their vectors for the cosine the answer layer reads,
        # in the same read when every hit read is in the top, else for the final top alone. A
        # question naming a place puts that place's hits first: by the places the keyword index
        # holds for every chunk, else (the index cannot vouch) by reading every hit, without
        # vectors (reading ~100 hits was most of such a search).
        named = places_in(query)
        placed = self._lexical().places([cid for cid, _ in fused]) if named and dense_ids is not None else None
        if placed is not None:
            fused = _place_first(named, fused, placed)
        unordered = bool(named) and placed is None
        reach = len(fused) if unordered else max(20, k * 3) if self.settings.rerank_model else k
        dense_set = set(ranked) if dense_ids is not None else set()
        with_vectors = reach <= k
        while missing := [cid for cid, _ in fused[:reach] if cid not in chunks]:
            read = self.store.chunks_with_vectors(missing, vectors=with_vectors)
            for cid, (chunk, vec) in read.items():
                if cid in dense_set:
                    if not flt.allows(chunk):  # the second wall, on what was read
                        raise _ReadAll
                elif with_vectors:
                    sims[cid] = _cosine(qvec, vec or [])
                chunks[cid] = chunk
            if any(cid in dense_set and cid not in read for cid in missing):
                raise _ReadAll  # a dense hit gone since the query: the old read decides
            fused = [item for item in fused if item[0] in chunks or item[0] not in missing]  # gone since indexing
        if unordered:
            fused = prefer_named_places(query, fused, chunks)
        if self.settings.rerank_model:
            fused = self._rerank(query, [(cid, chunks[cid]) for cid, _ in fused[: max(20, k * 3)]])
        top = fused[:k]
        if need := [cid for cid, _ in top if cid not in sims]:
            vectors = self.store.vectors(need)
            sims.update({cid: _cosine(qvec, vectors.get(cid) or []) for cid in need})
        d_rank = {cid: i for i, cid in enumerate(ranked, 1)}
        l_rank = {cid: i for i, cid in enumerate(lexical_ids, 1)}
        return [
            Hit(chunks[cid], score, d_rank.get(cid), l_rank.get(cid), float(sims.get(cid, 0.0)))
            for cid, score in top
        ]

    def _rerank(self, query: str, items: list[tuple[str, Chunk]]) -> list[tuple[str, float]]:
        if self._reranker is None:
            from sentence_transformers import CrossEncoder

            from retrieval.embedder import EmbeddingModelError, resolve_model_location

            try:
                self._reranker = CrossEncoder(
                    resolve_model_location(self.settings.rerank_model), local_files_only=True
                )
            except Exception as e:
                raise EmbeddingModelError(
                    f"RERANK_MODEL={self.settings.rerank_model!r} cannot be loaded offline ({e}); "
                    "set it to a local cross-encoder folder or leave it empty"
                ) from e
        if not items:
            return []
        scores = self._reranker.predict([(query, c.embed_text) for _, c in items])
        ranked = sorted(zip([cid for cid, _ in items], map(float, scores), strict=True), key=lambda x: -x[1])
        return ranked


RECENT_SEARCHES = 256


class _ReadAll(Exception):  # noqa: N818 - a signal, not an error
    """The dense hits' ids were not enough: search again reading every dense hit."""


def prefer_named_places(query: str, fused: list[tuple[str, float]], chunks: dict[str, Chunk]) -> list[tuple[str, float]]:
    """A question naming a place (绍兴, Shaoxing) ranks that place's documents before other
    cities' (a 金华 QFLP rule never outranks 绍兴's own QFLP clause). Stable: order within
    each group is the fused order; documents of unknown place count as compatible."""
    named = places_in(query)
    if not named:
        return fused
    return _place_first(named, fused, [chunk_place(chunks[cid]) for cid, _ in fused])


def _place_first(named: list[str], fused: list[tuple[str, float]], places: list[str | None]) -> list[tuple[str, float]]:
    """`fused` with the hits whose place (one per hit) is compatible with `named` first, stably."""
    fits = [compatible(named, p) for p in places]
    return [item for item, ok in zip(fused, fits, strict=True) if ok] + [
        item for item, ok in zip(fused, fits, strict=True) if not ok]


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    if not len(a) or len(a) != len(b):
        return 0.0
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    na, nb = float(np.linalg.norm(x)), float(np.linalg.norm(y))
    return float(x @ y) / (na * nb) if na and nb else 0.0
