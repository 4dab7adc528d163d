"""The admin page says why a file could not be read, and a refused file is not read again."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.admin.conftest import AUTH, make_app, make_settings
from tests.knowledge.reader_builders import zip_bomb_docx


def _wait(client: TestClient, job_id: str, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/admin/jobs/{job_id}", headers=AUTH).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout}s")


@pytest.mark.slow
def test_a_zip_bomb_upload_fails_with_its_reason_and_the_list_shows_why(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    zip_bomb_docx(settings.knowledge_dir / "folder-bomb.docx", inflated_mb=300)
    bomb = zip_bomb_docx(tmp_path / "bomb.docx", inflated_mb=1024)
    app, _, _ = make_app(settings)
    with TestClient(app) as client:
        r = client.post("/admin/documents", headers=AUTH,
                        files={"file": ("计划.docx", bomb.read_bytes(), "application/octet-stream")})  # fmt: skip
        assert r.status_code == 202, r.text
        job = _wait(client, r.json()["job_id"])
        assert (
            job["state"] == "failed"
            and "zip bomb" in job["error"]
            and "READER_MAX_INFLATED_MB" in job["error"]
        )
        rows = {d["doc_id"]: d for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}
        assert rows["计划"]["index_state"] == "failed" and "zip bomb" in rows["计划"]["error"]

        job = _wait(client, client.post("/admin/reindex", headers=AUTH).json()["job_id"])
        errors = {Path(e["path"]).name: e["error"] for e in job["report"]["errors"]}
        assert errors["计划.docx"].endswith("[not read again until the file changes]")
        rows = {d["doc_id"]: d for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}
        folder = rows["folder-bomb"]  # a file of the knowledge folder gets its own row
        assert (
            folder["index_state"] == "failed" and folder["upload"] is False and "zip bomb" in folder["error"]
        )
    app.state.admin_router.jobs.close()
