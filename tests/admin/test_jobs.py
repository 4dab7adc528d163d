"""The job runner: one worker, jobs in order, progress visible, failures kept with their reason."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.admin.jobs import JobFailed, JobRunner
from bot.runtime import IndexReport


def test_jobs_run_one_at_a_time_in_the_order_queued() -> None:
    runner = JobRunner()
    order: list[int] = []
    gate = threading.Event()

    def work(n: int):  # noqa: ANN202
        def run(progress):  # noqa: ANN001, ANN202
            if n == 0:
                gate.wait(5)
            order.append(n)
            return {"n": n}
        return run

    jobs = [runner.submit("reindex", work(n)) for n in range(4)]
    assert runner.get(jobs[1].id).state == "queued"
    gate.set()
    for job in jobs:
        assert runner.wait(job.id, timeout=5).state == "done"
    assert order == [0, 1, 2, 3]
    assert runner.get(jobs[2].id).report == {"n": 2}
    runner.close()


def test_progress_is_visible_while_running_and_a_report_is_kept() -> None:
    runner = JobRunner()
    step, seen = threading.Event(), threading.Event()

    def run(progress):  # noqa: ANN001, ANN202
        progress(3, 10, "embedding")
        step.set()
        seen.wait(5)
        return IndexReport(new=["a"], chunks_embedded=10)

    job = runner.submit("upload", run, doc_id="a")
    assert step.wait(5)
    running = runner.get(job.id)
    assert running.state == "running" and running.progress == {"done": 3, "total": 10, "stage": "embedding"}
    assert runner.pending_for("a").id == job.id
    seen.set()
    done = runner.wait(job.id)
    assert done.state == "done" and done.report["new"] == ["a"] and done.report["chunks_embedded"] == 10
    assert done.progress == {"done": 10, "total": 10, "stage": "done"}
    assert runner.pending_for("a") is None
    runner.close()


def test_a_failing_job_is_failed_with_its_reason_and_the_worker_goes_on() -> None:
    runner = JobRunner()

    def boom(progress):  # noqa: ANN001, ANN202
        raise RuntimeError("disk on fire")

    def polite(progress):  # noqa: ANN001, ANN202
        raise JobFailed("the file is stored but could not be indexed: bad.docx: not a zip")

    a, b = runner.submit("reindex", boom), runner.submit("upload", polite, doc_id="bad")
    c = runner.submit("reindex", lambda progress: {})
    assert runner.wait(a.id).error == "an unexpected internal error (RuntimeError); the service log has the details"
    assert runner.wait(b.id).error == "the file is stored but could not be indexed: bad.docx: not a zip"
    assert runner.wait(c.id).state == "done"
    assert runner.latest_for("bad").state == "failed"
    runner.close()


def test_finished_jobs_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "jobs.json"
    first = JobRunner(state)
    job = first.wait(first.submit("reindex", lambda progress: {"ok": True}).id)
    first.close()
    second = JobRunner(state)
    again = second.get(job.id)
    assert again is not None and again.state == "done" and again.report == {"ok": True}


def test_jobs_a_restart_killed_are_shown_as_interrupted_not_404(tmp_path: Path) -> None:
    """The service dies while one job runs and another waits; the new process still knows both."""
    from fastapi.testclient import TestClient

    from tests.admin.conftest import AUTH, make_app, make_settings

    settings = make_settings(tmp_path)
    app, _, _ = make_app(settings)
    jobs = app.state.admin_router.jobs
    started, release = threading.Event(), threading.Event()

    def long_reindex(progress):  # noqa: ANN001, ANN202
        started.set()
        release.wait(10)
        return {}

    running = jobs.submit("reindex", long_reindex)
    waiting = jobs.submit("upload", lambda progress: {}, doc_id="notice")
    assert started.wait(5)
    # the restart: a new process reads the data folder while the old one is gone mid-job
    after, _, _ = make_app(settings)
    with TestClient(after) as client:
        for job in (running, waiting):
            r = client.get(f"/admin/jobs/{job.id}", headers=AUTH)
            assert r.status_code == 200, r.text
            assert r.json()["state"] == "interrupted" and "restart" in r.json()["error"]
        listed = {j["id"]: j["state"] for j in client.get("/admin/jobs", headers=AUTH).json()["jobs"]}
        assert listed == {running.id: "interrupted", waiting.id: "interrupted"}
        assert after.state.admin_router.jobs.wait(running.id, timeout=1).state == "interrupted"
    release.set()
    jobs.close()
    after.state.admin_router.jobs.close()
