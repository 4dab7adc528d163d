"""The LangChain tutorial pipeline on the same corpus and embedder, for the ratios in issue 7.

RecursiveCharacterTextSplitter(500, 50) over each file's raw text, `langchain_chroma.Chroma`,
`similarity_search(k)`: what a user would build from the tutorial. It has no audience filter
and no keyword search, so its query is a lower bound on what retrieval can cost.

The tutorial's 500-character pieces make fewer chunks of the same files than our structural
chunker (299 against 1,012 at the 1k tier); `chunks_like` picks the piece size that makes as many
chunks as ours, so the baseline can also be timed over an index of the same size.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from bench.measure import latency_summary, time_calls

CHUNK_SIZE, CHUNK_OVERLAP = 500, 50  # the tutorial's


def _split(texts: Sequence[str], size: int) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=size, chunk_overlap=min(CHUNK_OVERLAP, size // 10))
    return [piece for text in texts for piece in splitter.split_text(text)]


def chunks_like(corpus: Path, target: int) -> int:
    """The splitter's chunk size (≤ the tutorial's) whose chunk count over `corpus` is closest to `target`."""
    from knowledge.loaders import load_many

    loaded, _ = load_many([corpus])
    texts = [lf.text for lf in loaded]
    lo, hi = 50, CHUNK_SIZE  # fewer chunks as the size grows
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if len(_split(texts, mid)) >= target else (lo, mid)
    return min((lo, hi), key=lambda size: abs(len(_split(texts, size)) - target))


def measure_langchain(corpus: Path, embedder: Embeddings, questions: Sequence[dict[str, str]],
                      persist_dir: Path, client: Any = None, k: int = 5, min_calls: int = 60,
                      chunk_size: int = CHUNK_SIZE) -> dict[str, Any]:
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    from knowledge.loaders import load_many

    loaded, _ = load_many([corpus])
    started = time.perf_counter()
    texts = _split([lf.text for lf in loaded], chunk_size)
    kwargs: dict[str, Any] = {"client": client} if client is not None else {
        "persist_directory": str(persist_dir),
        "client_settings": ChromaSettings(anonymized_telemetry=False, is_persistent=True),
    }
    db = Chroma(collection_name="langchain_tutorial", embedding_function=embedder,
                collection_metadata={"hnsw:space": "cosine"}, **kwargs)
    for i in range(0, len(texts), 1000):  # Chroma caps one write at ~5k records
        db.add_texts(texts[i : i + 1000])
    index_s = time.perf_counter() - started
    db.similarity_search("warm up", k=k)
    ms = time_calls(lambda q: db.similarity_search(q["question"], k=k), list(questions), min_calls)
    try:
        db.delete_collection()
    except Exception:  # noqa: BLE001 - cleanup only
        pass
    return {"chunks": len(texts), "chunk_size": chunk_size, "index_seconds": round(index_s, 2),
            "index_chunks_per_s": round(len(texts) / index_s, 2) if index_s else 0.0,
            "retrieval": latency_summary(ms)}
