"""Uploads and KNOWLEDGE_DIR are separate namespaces (issue 13, item 7).

An upload named like a bundled document once replaced it, and deleting that upload removed the
bundled document too. Now the upload is kept apart under an id of its own, the clash is reported
in the API response (and so on the admin page), and each can be deleted without the other.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.admin.conftest import AUTH, NOTICE, NOTICE_DOC_NO, make_app, make_settings

pytestmark = pytest.mark.slow

UPLOAD = """测试市商务局文件

测商发〔2024〕9号

测试市商务局关于海豚数字贸易港招商的通知

各有关单位：
一、建设海豚数字贸易港
（一）2025年底前引进数字贸易企业不少于80家。
责任单位：市商务局

测试市商务局
2024年5月6日
（此件公开发布）
"""


def _wait(client: TestClient, job_id: str) -> dict:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job = client.get(f"/admin/jobs/{job_id}", headers=AUTH).json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


def _ids(client: TestClient) -> dict[str, dict]:
    return {d["doc_id"]: d for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}


def test_an_upload_named_like_a_bundled_document_neither_replaces_nor_deletes_it(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    (settings.knowledge_dir / "policy.txt").write_text(NOTICE, encoding="utf-8")
    app, runtime, _ = make_app(settings)
    runtime.warm_up()  # indexes the knowledge folder: policy = 测试发〔2024〕1号
    with TestClient(app) as client:
        r = client.post(
            "/admin/documents", headers=AUTH, files={"file": ("policy.txt", UPLOAD.encode(), "text/plain")}
        )
        assert r.status_code == 202, r.text
        body = r.json()
        assert body["doc_id"] != "policy"
        assert body["clash"]["with"] == "policy.txt" and "policy.txt" in body["clash"]["message"]
        assert _wait(client, body["job_id"])["state"] == "done"

        bundled = client.get("/admin/documents/policy", headers=AUTH).json()
        assert bundled["doc_no"] == NOTICE_DOC_NO and Path(bundled["path"]).parent == settings.knowledge_dir
        assert (
            client.get(f"/admin/documents/{body['doc_id']}", headers=AUTH).json()["doc_no"]
            == "测商发〔2024〕9号"
        )
        rows = _ids(client)
        assert rows["policy"]["upload"] is False and rows[body["doc_id"]]["upload"] is True

        # a full reindex keeps both
        assert _wait(client, client.post("/admin/reindex", headers=AUTH).json()["job_id"])["state"] == "done"
        assert {"policy", body["doc_id"]} <= set(_ids(client))

        r = client.delete(f"/admin/documents/{body['doc_id']}", headers=AUTH)
        assert r.status_code == 200 and r.json()["removed"], r.text
        assert client.get("/admin/documents/policy", headers=AUTH).json()["doc_no"] == NOTICE_DOC_NO
        answer = client.post(
            "/admin/ask", headers=AUTH, json={"question": "蓝鲸跨境电商产业园首期引进多少家企业？"}
        ).json()
        assert NOTICE_DOC_NO in [c["doc_no"] for c in answer["citations"]]
        assert (settings.knowledge_dir / "policy.txt").read_text(encoding="utf-8") == NOTICE
    app.state.admin_router.jobs.close()


def test_a_knowledge_file_added_after_an_upload_of_its_name_is_flagged_and_survives_the_delete(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path)
    app, runtime, _ = make_app(settings)
    runtime.warm_up()
    with TestClient(app) as client:
        r = client.post(
            "/admin/documents", headers=AUTH, files={"file": ("later.txt", UPLOAD.encode(), "text/plain")}
        )
        assert r.json()["doc_id"] == "later" and "clash" not in r.json()
        assert _wait(client, r.json()["job_id"])["state"] == "done"
        (settings.knowledge_dir / "later.txt").write_text(NOTICE, encoding="utf-8")  # the same name, later
        job = _wait(client, client.post("/admin/reindex", headers=AUTH).json()["job_id"])
        assert job["state"] == "done"
        assert any("later" in e["path"] and "duplicate" in e["error"] for e in job["report"]["errors"]), job
        assert _ids(client)["later"]["clash"] == "later.txt"  # shown on the admin page's row

        r = client.delete("/admin/documents/later", headers=AUTH)
        assert r.status_code == 200 and "knowledge folder" in r.json()["note"], r.text
        assert client.get("/admin/documents/later", headers=AUTH).json()["doc_no"] == NOTICE_DOC_NO
    app.state.admin_router.jobs.close()
