"""The LangChain tutorial pipeline on the same corpus and embedder, for the ratios in issue 7.

RecursiveCharacterTextSplitter(500, 50) over each file's raw text, `langchain_chroma.Chroma`,
`similarity_search(k)`: what a user would build from the tutorial. It has no audience filter
and no keyword search, so its query is a lower bound on what retrieval can cost.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from bench.measure import latency_summary, time_calls


def measure_langchain(corpus: Path, embedder: Embeddings, questions: Sequence[dict[str, str]],
                      persist_dir: Path, client: Any = None, k: int = 5, min_calls: int = 60) -> dict[str, Any]:
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from knowledge.loaders import load_many

    loaded, _ = load_many([corpus])
    splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50)
    started = time.perf_counter()
    texts = [piece for lf in loaded for piece in splitter.split_text(lf.text)]
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
    return {"chunks": len(texts), "index_seconds": round(index_s, 2),
            "index_chunks_per_s": round(len(texts) / index_s, 2) if index_s else 0.0,
            "retrieval": latency_summary(ms)}
