"""The running assistant: catalogue + index + retriever + answerer, built once.

CLI, HTTP service, DingTalk handlers and the admin API all hold one `Runtime`; none of
them builds these parts on its own. Construction is cheap; `warm_up()` loads the model
and (on a new data folder) indexes `KNOWLEDGE_DIR`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["IndexReport", "Progress", "Runtime"]

from bot.settings import Settings
from retrieval.report import IndexReport, Progress

log = logging.getLogger(__name__)
INDEX_STATE = "index-state.json"  # the last index time, so /status and the admin page keep it over a restart



def one_blas_thread() -> None:
    """numpy's BLAS runs on the calling thread alone. The answer engine's matrix products are
    small (a question against a few thousand record vectors: well under a millisecond on one
    core), and with BLAS's own two threads each product first wakes a sleeping helper: on two
    shared cores, between Python steps, that wake-up was p95 11.6 ms against 0.6 ms for the
    product itself. Service threads answering at once then run their products side by side
    instead of queueing for BLAS's one thread pool. The embedder has threads of its own."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - installed with scikit-learn (sentence-transformers)
        return
    threadpool_limits(limits=1, user_api="blas")


class Runtime:
    def __init__(self, settings: Settings, embedder: Any = None) -> None:
        """`embedder` (a LangChain `Embeddings`) overrides EMBEDDING_MODEL: the benchmark's synthetic
        vectors use it; everything else leaves it None."""
        from knowledge.catalogue import Catalogue

        self.settings = settings
        self._embedder = embedder
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        self.catalogue = Catalogue(settings.catalogue_path)
        self._lock = threading.RLock()  # one indexing run at a time
        self._warm_lock = threading.Lock()
        self._indexer = None
        self._retriever = None
        self._assistant = None
        self.ready = False
        self._state_file = settings.data_dir / INDEX_STATE
        self.last_index_time: float | None = self._read_last_index_time()
        self._listeners: list[Callable[[IndexReport], object]] = []

    def on_indexed(self, listener: Callable[[IndexReport], object]) -> None:
        """Call `listener(report)` after every indexing run (the reindex notification uses it)."""
        self._listeners.append(listener)

    # --- life cycle -------------------------------------------------------
    def warm_up(self, index_if_new: bool = True) -> None:
        from bot.answer import Assistant
        from retrieval.embedder import build_embedder
        from retrieval.indexer import Indexer
        from retrieval.retriever import HybridRetriever
        from retrieval.store import open_store
        from retrieval.vector_cache import VectorCache

        with self._warm_lock:  # idempotent: the lifespan's thread and an admin job may both call it
            if self.ready:
                return
            one_blas_thread()
            embedder = self._embedder or build_embedder(self.settings)
            store = open_store(self.settings)
            self._indexer = Indexer(self.settings, self.catalogue, embedder, store)
            if index_if_new and self._indexer.is_empty():
                self.reindex()
            elif index_if_new:  # an emptied or damaged catalogue is rebuilt, or warm-up fails saying why
                from bot.data_check import reconcile_catalogue

                reconcile_catalogue(self.catalogue, store, self.settings, self.reindex)
            vectors = VectorCache(self.settings.data_dir / "text_vectors.sqlite3", embedder)
            self._retriever = HybridRetriever(self.settings, self.catalogue, embedder, store, vectors=vectors)
            self._assistant = Assistant(self.settings, self.catalogue, self._retriever, vectors)
            self._assistant.prepare()  # record vectors and snapshots before the first question
            self.ready = True

    @property
    def assistant(self):  # noqa: ANN201 - bot.answer.Assistant
        if self._assistant is None:
            self.warm_up()
        return self._assistant

    @property
    def retriever(self):  # noqa: ANN201
        if self._retriever is None:
            self.warm_up()
        return self._retriever

    # --- knowledge management --------------------------------------------
    def reindex(
        self, paths: list[Path] | None = None, full: bool = False, progress: Progress | None = None
    ) -> IndexReport:
        """Index `paths` (default: KNOWLEDGE_DIR plus the current version of every upload, pruning
        what is gone from both); the old index serves until done."""
        return self._run(lambda: self._index(paths, full, progress))

    def index_upload(self, path: Path, progress: Progress | None = None) -> IndexReport:
        """Index one stored upload version (file and sidecar as stored), unless a newer upload of
        the same name replaced it before this run began: that one's own run indexes it, and an
        older version indexed after it would bring back what the admin replaced."""
        from bot.admin.uploads import upload_store

        path = Path(path)
        store = upload_store(path.parents[2])  # uploads/<doc_id>/<version>/<file>

        def run() -> IndexReport:
            if not store.is_current(path):
                return IndexReport(superseded=[path.parent.parent.name])
            report = self._index([path], False, progress)
            if not report.errors:
                store.drop_older(path)
            return report

        return self._run(run)

    def _index(self, paths: list[Path] | None, full: bool, progress: Progress | None) -> IndexReport:
        if paths:
            return self._indexer.index(paths, full=full, prune=False, progress=progress)
        from bot.admin.uploads import sources, upload_store

        roots, prune_roots = sources(self.settings.knowledge_dir, self.settings.uploads_dir)
        report = self._indexer.index(roots, full=full, prune=True, progress=progress, prune_roots=prune_roots)
        upload_store(self.settings.uploads_dir).drop_superseded()
        return report

    def _run(self, index: Callable[[], IndexReport]) -> IndexReport:
        with self._lock:  # one indexing run at a time
            started = time.perf_counter()
            report = index()
            if report.superseded and not (report.new or report.changed or report.removed):
                return report  # nothing was indexed: nothing to refresh or announce
            report.seconds = time.perf_counter() - started
            self.last_index_time = time.time()
            self._write_last_index_time()
            self._refreshed()
        for listener in self._listeners:  # outside the lock: a slow webhook must not block indexing
            try:
                listener(report)
            except Exception:  # noqa: BLE001 - a failed notification never fails an index run
                log.exception("index listener failed")
        return report

    def _read_last_index_time(self) -> float | None:
        """When the index was last brought up to date, as the previous process left it."""
        try:
            value = json.loads(self._state_file.read_text(encoding="utf-8")).get("last_index_time")
        except (OSError, ValueError, AttributeError):
            return None
        return float(value) if isinstance(value, int | float) else None

    def _write_last_index_time(self) -> None:
        tmp = self._state_file.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps({"last_index_time": self.last_index_time}), encoding="utf-8")
            tmp.replace(self._state_file)
        except OSError as e:  # the index itself is fine; only /status would show "—" after a restart
            log.warning("could not save %s: %s", self._state_file, e)

    def remove_document(self, doc_id: str) -> bool:
        with self._lock:
            removed = self._indexer.remove(doc_id)
            if removed:
                self._refreshed()
            return removed

    def _refreshed(self) -> None:
        if self._retriever is not None:
            self._retriever.refresh()
        if self._assistant is not None:
            self._assistant.refresh()
            self._assistant.prepare()

    def status(self) -> dict[str, Any]:
        docs = self.catalogue.list_documents()
        return {
            "ready": self.ready,
            "documents": len(docs),
            "chunks": self._indexer.count() if self._indexer else 0,
            "last_index_time": self.last_index_time,
            "embedding_model": self.settings.embedding_model,
            "chroma": f"{self.settings.chroma_host}:{self.settings.chroma_port}"
            if self.settings.chroma_host
            else str(self.settings.chroma_dir),
        }
