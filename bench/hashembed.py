"""Synthetic vectors for the large tiers: a deterministic "hash embedder" behind LangChain's API.

Embedding 100k chunks with the bundled e5 on two cores takes hours, so the 10k/100k tiers
measure search, serving and memory with these vectors instead (labelled so in every result).
Character bigrams and Latin words are hashed (crc32, stable across processes, unlike `hash`)
into a signed 384-dimension vector, the size of multilingual-e5-small, so Chroma stores and
searches exactly as much data as with the real model, and similar texts still land close.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from langchain_core.embeddings import Embeddings

_LATIN = re.compile(r"[a-z0-9]+")


class HashEmbeddings(Embeddings):
    name = "hash-384"

    def __init__(self, dim: int = 384) -> None:
        if dim <= 0:
            raise ValueError("dim must be positive")
        self.dim = dim
        self._slots: dict[str, tuple[int, float]] = {}

    def _slot(self, feature: str) -> tuple[int, float]:
        slot = self._slots.get(feature)
        if slot is None:
            h = zlib.crc32(feature.encode("utf-8"))
            slot = (h % self.dim, 1.0 if (h >> 16) & 1 else -1.0)
            if len(self._slots) < 2_000_000:  # bounded cache: memory is one of the figures we report
                self._slots[feature] = slot
        return slot

    def _vector(self, text: str) -> list[float]:
        text = text.lower()
        v = np.zeros(self.dim, dtype=np.float32)
        cjk = [c for c in text if "\u3400" <= c <= "\u9fff"]
        features = ["".join(p) for p in zip(cjk, cjk[1:], strict=False)] + _LATIN.findall(text)
        for f in features or [text]:
            i, sign = self._slot(f)
            v[i] += sign
        norm = float(np.linalg.norm(v))
        if norm == 0.0:
            v[0], norm = 1.0, 1.0
        return (v / norm).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class CountingEmbeddings(Embeddings):
    """Counts the passages an embedder is asked for: an unchanged re-index must ask for none."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.name = getattr(inner, "name", type(inner).__name__)
        self.texts_embedded = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts_embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)
