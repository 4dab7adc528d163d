"""Background indexing jobs for the admin API: one worker thread, jobs run in the order queued.

Indexing takes seconds to minutes, longer than an HTTP request should wait, so the admin
routes queue a job and return its id; the page polls `GET /admin/jobs/{id}`. One worker
is enough (the runtime indexes one run at a time anyway) and keeps the order predictable:
an upload queued after a reindex is indexed after it. State lives in memory and is written
to a small JSON file whenever a job is queued, starts or ends, so a job id survives a
restart, and a job the restart killed is shown as "interrupted" (not a 404).
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from bot.runtime import IndexReport, Progress
from knowledge.error_text import describe

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed", "interrupted"]
FINISHED: tuple[str, ...] = ("done", "failed", "interrupted")
INTERRUPTED = "interrupted by a restart of the service before it finished; run it again"
JobWork = Callable[[Progress], IndexReport | dict[str, Any]]


class JobFailed(Exception):
    """Raised by a job's work to fail it with a message meant for the admin (no traceback)."""


@dataclass
class Job:
    id: str
    kind: str  # "reindex" | "upload"
    state: JobState = "queued"
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    progress: dict[str, Any] = field(default_factory=lambda: {"done": 0, "total": 0, "stage": "queued"})
    error: str | None = None
    report: dict[str, Any] | None = None
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobRunner:
    """Queue of indexing jobs served by one daemon thread (started on first submit)."""

    def __init__(self, state_file: Path | None = None, keep: int = 50) -> None:
        self._jobs: dict[str, Job] = {}
        self._work: dict[str, JobWork] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._lock = threading.Lock()
        self._save_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._state_file = state_file
        self._keep = keep
        self._load()

    # --- public API --------------------------------------------------------
    def submit(self, kind: str, work: JobWork, doc_id: str | None = None) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], kind=kind, doc_id=doc_id)
        with self._lock:
            self._jobs[job.id] = job
            self._work[job.id] = work
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._serve, name="admin-jobs", daemon=True)
                self._thread.start()
        self._save()
        self._queue.put(job.id)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def list(self) -> list[Job]:
        """Newest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)

    def pending_for(self, doc_id: str) -> Job | None:
        """The newest job for this document that has not finished, if any."""
        return next((j for j in self.list() if j.doc_id == doc_id and j.state in ("queued", "running")), None)

    def latest_for(self, doc_id: str) -> Job | None:
        return next((j for j in self.list() if j.doc_id == doc_id), None)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job:
        """Block until the job finishes (tests and the CLI; the page polls instead)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.get(job_id)
            if job is None:
                raise KeyError(job_id)
            if job.state in FINISHED:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} still {job.state} after {timeout:.0f}s")
            time.sleep(0.05)

    def close(self) -> None:
        """Stop the worker after the jobs already queued."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=5)

    # --- worker ------------------------------------------------------------
    def _serve(self) -> None:
        while True:
            job_id = self._queue.get()
            if job_id is None:
                return
            self._run(job_id)

    def _run(self, job_id: str) -> None:
        with self._lock:
            job = self._jobs[job_id]
            work = self._work.pop(job_id)
            job.state = "running"
            job.started = time.time()
            job.progress = {"done": 0, "total": 0, "stage": "starting"}
        self._save()

        def progress(done: int, total: int, stage: str) -> None:
            with self._lock:
                job.progress = {"done": int(done), "total": int(total), "stage": str(stage)}

        try:
            result = work(progress)
        except JobFailed as e:
            self._finish(job, "failed", error=str(e))
        except Exception as e:  # noqa: BLE001 - any failure becomes the job's error, never a dead worker
            log.exception("admin job %s (%s) failed", job.id, job.kind)
            self._finish(job, "failed", error=describe(e))
        else:
            report = result.to_dict() if isinstance(result, IndexReport) else dict(result)
            self._finish(job, "done", report=report)

    def _finish(self, job: Job, state: JobState, error: str | None = None, report: dict | None = None) -> None:
        with self._lock:
            job.state = state
            job.error = error
            job.report = report
            job.finished = time.time()
            total = job.progress.get("total") or 0
            job.progress = {"done": total, "total": total, "stage": state}
        self._save()

    # --- persistence --------------------------------------------------------------
    def _load(self) -> None:
        if self._state_file is None or not self._state_file.is_file():
            return
        try:
            rows = json.loads(self._state_file.read_text(encoding="utf-8"))
            for row in rows:
                job = Job(**row)
                if job.state not in FINISHED:  # the process died under it (or before it ran)
                    job.state, job.error = "interrupted", INTERRUPTED
                    job.progress = {**job.progress, "stage": "interrupted"}
                self._jobs[job.id] = job
        except (ValueError, TypeError, OSError) as e:
            log.warning("ignoring unreadable job history %s: %s", self._state_file, e)

    def _save(self) -> None:
        if self._state_file is None:
            return
        with self._save_lock:  # submits come from several request threads: one writer at a time
            with self._lock:
                rows = [j.to_dict() for j in sorted(self._jobs.values(), key=lambda j: j.created)][-self._keep:]
            try:
                self._state_file.parent.mkdir(parents=True, exist_ok=True)
                tmp = self._state_file.with_suffix(".tmp")
                tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
                tmp.replace(self._state_file)
            except OSError as e:
                log.warning("could not save job history to %s: %s", self._state_file, e)
