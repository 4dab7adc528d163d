"""Percentiles, memory readings, the hash embedder and the target verdicts."""

from __future__ import annotations

import math

import pytest

from bench.hashembed import CountingEmbeddings, HashEmbeddings
from bench.measure import latency_summary, peak_rss_mb, percentile, reset_peak_rss
from bench.report import evaluate_targets, markdown


def test_percentile_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) == 0.0
    assert latency_summary([1.0, 2.0, 3.0])["n"] == 3


def test_peak_rss_is_read_and_grows() -> None:
    reset_peak_rss()
    before = peak_rss_mb()
    block = bytearray(80 * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
    assert peak_rss_mb() >= before + 60
    del block


def test_hash_embedder_is_deterministic_unit_length_and_lexical() -> None:
    e = HashEmbeddings()
    a = e.embed_query("市投资促进中心牵头负责境外招商")
    assert a == HashEmbeddings().embed_query("市投资促进中心牵头负责境外招商")
    assert len(a) == 384 and math.isclose(sum(x * x for x in a), 1.0, rel_tol=1e-5)
    near, far = e.embed_documents(["市投资促进中心负责境外招商活动", "Tax refunds for exporters"])
    assert sum(x * y for x, y in zip(a, near, strict=True)) > sum(x * y for x, y in zip(a, far, strict=True))
    with pytest.raises(ValueError):
        HashEmbeddings(dim=0)


def test_counting_embeddings_counts_passages_not_queries() -> None:
    c = CountingEmbeddings(HashEmbeddings())
    c.embed_documents(["a", "b"])
    c.embed_query("q")
    assert c.texts_embedded == 2 and c.name == "hash-384"


def test_targets_apply_by_tier_and_flag_misses() -> None:
    tier = {"size": 10000, "vectors": "real", "answer": {"p95_ms": 120.0},
            "reindex_unchanged": {"seconds": 1.5, "embedder_texts": 0}, "index_vs_bare": 0.9,
            "langchain": {"retrieval": {"p95_ms": 150.0}}}
    t = evaluate_targets(tier)
    assert t["answer_p95_ms"] == {"value": 120.0, "limit": 100.0, "ok": False}
    assert t["reindex_unchanged_s"]["ok"] and t["index_vs_bare_embedder"]["ok"]
    assert t["answer_p95_vs_langchain_retrieval_p95"]["ok"]
    assert "serving_peak_rss_mb" not in t  # a 100k target
    tier["targets"] = t
    text = markdown({"machine": {"cores": 2, "cpu": "x", "python": "3.11", "date": "d", "git_commit": "c"},
                     "mode": "embedded", "workers": 1, "concurrency": 8, "tiers": [tier]})
    assert "| answer p95 ms | 120 |" in text and "MISSED" in text
