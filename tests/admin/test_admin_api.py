"""The admin API: every route behind the token, clear 4xx for bad uploads, the full document cycle."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from bot.models import Answer, Citation
from tests.admin.conftest import AUTH, NOTICE, NOTICE_DOC_NO, TOKEN, make_app, make_settings

PAGE_ROUTES = {"/admin/", "/admin/static/{name}"}


def _api_routes(router) -> list[tuple[str, str]]:  # noqa: ANN001
    out = []
    for route in router.routes:
        assert isinstance(route, APIRoute)
        if route.path in PAGE_ROUTES:
            continue
        for method in sorted(route.methods - {"HEAD"}):
            out.append((method, re.sub(r"\{[^}]+\}", "1", route.path)))
    return out


# --- auth ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": f"Basic {TOKEN}"},
     {"Authorization": "Bearer "}, {"Authorization": f"Bearer {TOKEN}x"}, {"X-Admin-Token": TOKEN}],
    ids=["missing", "wrong", "not-bearer", "empty", "longer", "other-header"],
)
def test_every_admin_api_route_refuses_a_missing_or_wrong_token(settings, headers) -> None:
    app, runtime, _ = make_app(settings)
    routes = _api_routes(app.state.admin_router)
    assert set(routes) >= {  # the iteration really covers the API
        ("GET", "/admin/documents"), ("POST", "/admin/documents"), ("GET", "/admin/documents/1"),
        ("DELETE", "/admin/documents/1"), ("POST", "/admin/reindex"), ("GET", "/admin/jobs/1"),
        ("GET", "/admin/questions"), ("POST", "/admin/questions/1/feedback"), ("GET", "/admin/status"),
        ("POST", "/admin/ask"),
    }
    with TestClient(app) as client:
        for method, path in routes:
            # bodies that would be a 4xx of their own, to prove the token is checked first
            r = client.request(method, path, headers=headers, content=b"{not json", files=None)
            assert r.status_code == 401, (method, path, r.status_code, r.text)
            assert r.json()["error"], (method, path)
            assert r.headers["www-authenticate"] == "Bearer"
    assert not runtime.ready  # nothing behind the check ran (no warm-up, no indexing)
    assert not settings.uploads_dir.exists() or not any(settings.uploads_dir.iterdir())
    app.state.admin_router.jobs.close()


def test_an_empty_admin_token_disables_the_api_and_says_how_to_enable_it(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, admin_token="")
    app, _, _ = make_app(settings)
    with TestClient(app) as client:
        for method, path in _api_routes(app.state.admin_router):
            r = client.request(method, path, headers={"Authorization": "Bearer "})
            assert r.status_code == 401
            assert "ADMIN_TOKEN" in r.json()["error"]
            r = client.request(method, path, headers={"Authorization": "Bearer anything"})
            assert r.status_code == 401


def test_the_page_and_its_assets_load_without_a_token_and_hold_no_data(client: TestClient) -> None:
    page = client.get("/admin/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "知识库管理" in page.text
    for asset in re.findall(r'(?:src|href)="(/admin/static/[^"]+)"', page.text):
        r = client.get(asset)
        assert r.status_code == 200, asset
    assert "http://" not in page.text and "https://" not in page.text  # no CDN: works offline
    assert client.get("/admin/static/..%2Froutes.py").status_code == 404
    assert client.get("/admin/static/routes.py").status_code == 404


def test_the_right_token_is_let_in(client: TestClient) -> None:
    r = client.get("/admin/documents", headers=AUTH)
    assert r.status_code == 200
    assert r.json() == {"documents": []}


# --- uploads that are refused ----------------------------------------------------------------


def test_an_unsupported_upload_gets_415_naming_the_accepted_types(client: TestClient, settings) -> None:
    r = client.post("/admin/documents", headers=AUTH, files={"file": ("tool.exe", b"MZ\x90\x00", "application/octet-stream")})
    assert r.status_code == 415
    assert ".exe" in r.json()["error"] and ".docx" in r.json()["error"]
    assert ".png" in r.json()["error"]  # scans are read by OCR: every reader's format may be uploaded
    assert not settings.uploads_dir.exists() or not any(settings.uploads_dir.iterdir())


def test_an_oversized_upload_gets_413_and_leaves_nothing_behind(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_upload_bytes=1000)
    app, _, _ = make_app(settings)
    with TestClient(app) as client:
        # a little over: caught while the file is copied
        r = client.post("/admin/documents", headers=AUTH, files={"file": ("big.txt", b"x" * 1500, "text/plain")})
        assert r.status_code == 413, r.text
        assert "1,000" in r.json()["error"]
        # far over: refused from Content-Length before the body is parsed
        r = client.post("/admin/documents", headers=AUTH, files={"file": ("huge.txt", b"x" * 200_000, "text/plain")})
        assert r.status_code == 413, r.text
    data = settings.data_dir
    assert not settings.uploads_dir.exists() or not any(settings.uploads_dir.iterdir())
    assert not list(data.glob(".upload-*"))  # no temporary file left


@pytest.mark.parametrize(
    ("form", "files", "needle"),
    [
        ({"visibility": "secret"}, {"file": ("a.txt", b"hello", "text/plain")}, "visibility"),
        ({"kind": "poem"}, {"file": ("a.txt", b"hello", "text/plain")}, "kind"),
        ({}, {"file": ("a.txt", b"", "text/plain")}, "empty"),
        ({"visibility": "public"}, None, "file"),
    ],
    ids=["bad-visibility", "bad-kind", "empty-file", "no-file"],
)
def test_bad_upload_fields_get_a_clear_400(client: TestClient, form, files, needle) -> None:
    r = client.post("/admin/documents", headers=AUTH, data=form, files=files)
    assert r.status_code == 400, r.text
    assert needle in r.json()["error"]


def test_unknown_ids_are_404_not_500(client: TestClient) -> None:
    assert client.get("/admin/documents/nope", headers=AUTH).status_code == 404
    assert client.delete("/admin/documents/nope", headers=AUTH).status_code == 404
    assert client.get("/admin/jobs/nope", headers=AUTH).status_code == 404
    r = client.post("/admin/questions/999/feedback", headers=AUTH, json={"rating": 1})
    assert r.status_code == 404
    for beyond_sqlite in (2**63, 2**64 + 7, -(2**63) - 1):  # not an SQLite INTEGER: no such question, not a 500
        r = client.post(f"/admin/questions/{beyond_sqlite}/feedback", headers=AUTH, json={"rating": 1})
        assert r.status_code == 404, r.text


def test_bad_json_bodies_are_400(client: TestClient) -> None:
    r = client.post("/admin/ask", headers=AUTH, json={"question": "", "audience": "staff"})
    assert r.status_code == 400
    r = client.post("/admin/ask", headers=AUTH, json={"question": "x", "audience": "mayor"})
    assert r.status_code == 400 and "audience" in r.json()["error"]
    r = client.post("/admin/questions/1/feedback", headers=AUTH, json={"rating": 5})
    assert r.status_code == 400 and "rating" in r.json()["error"]
    r = client.post("/admin/reindex", headers={**AUTH, "Content-Type": "application/json"}, content=b"{oops")
    assert r.status_code == 400


# --- the question log ---------------------------------------------------------------------


def test_questions_are_listed_unanswered_first_and_take_feedback(settings) -> None:
    app, _, log = make_app(settings)
    cite = [Citation(NOTICE_DOC_NO, "通知", "一、")]
    asked = [
        ("谁牵头产业园建设？", Answer("市商务局", "zh", True, cite, route="responsibility")),
        ("火星基地的补贴是多少？", Answer("知识库中没有找到", "zh", False, route="not-found")),
        ("Who leads the park?", Answer("Commerce Bureau", "en", True, cite, route="responsibility")),
        ("月球工厂谁负责？", Answer("知识库中没有找到", "zh", False, route="not-found")),
    ]
    ids = [log.record(q, "staff", a) for q, a in asked]
    with TestClient(app) as client:
        rows = client.get("/admin/questions", headers=AUTH).json()["questions"]
        assert [r["answered"] for r in rows] == [False, False, True, True]
        assert {r["question"] for r in rows[:2]} == {"火星基地的补贴是多少？", "月球工厂谁负责？"}
        only = client.get("/admin/questions?unanswered_only=true", headers=AUTH).json()["questions"]
        assert [r["id"] for r in only] == [ids[3], ids[1]]

        r = client.post(f"/admin/questions/{ids[1]}/feedback", headers=AUTH, json={"rating": -1, "comment": "应转商务局"})
        assert r.status_code == 200
    assert log.get(ids[1])["rating"] == -1 and log.get(ids[1])["comment"] == "应转商务局"


# --- the whole cycle, on the real runtime ----------------------------------------------------


def _wait_job(client: TestClient, job_id: str, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    seen = set()
    while time.monotonic() < deadline:
        job = client.get(f"/admin/jobs/{job_id}", headers=AUTH).json()
        seen.add(job["state"])
        if job["state"] in ("done", "failed"):
            job["seen"] = seen
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout}s")


@pytest.mark.slow
def test_upload_index_list_show_ask_delete(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    app, runtime, log = make_app(settings)
    runtime.warm_up()  # as the app's lifespan does
    with TestClient(app) as client:
        r = client.post("/admin/documents", headers=AUTH, data={"kind": "responsible-units"},
                        files={"file": ("蓝鲸 产业园通知.txt", NOTICE.encode("gb18030"), "text/plain")})
        assert r.status_code == 202, r.text
        doc_id, job_id = r.json()["doc_id"], r.json()["job_id"]
        assert doc_id == "蓝鲸_产业园通知"
        version = settings.uploads_dir / doc_id / "v000001"
        assert (version / f"{doc_id}.txt").read_bytes() == NOTICE.encode("gb18030")
        assert (version / f"{doc_id}.meta.yaml").read_text() == "kind: responsible-units\n"

        job = _wait_job(client, job_id)
        assert job["state"] == "done", job
        assert job["report"]["new"] == [doc_id]
        assert job["progress"]["stage"] == "done"

        listed = {d["doc_id"]: d for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}
        row = listed[doc_id]
        assert row["doc_no"] == NOTICE_DOC_NO
        assert row["visibility"] == "public" and row["kind"] == "responsible-units"
        assert row["records"]["responsibilities"] == 2
        assert row["upload"] is True and row["index_state"] == "indexed"

        detail = client.get(f"/admin/documents/{doc_id}", headers=AUTH).json()
        first = detail["records"]["responsibilities"][0]
        assert first["lead"] == "市商务局" and first["units"] == ["市商务局", "市投资促进中心", "市财政局"]
        assert any("120家" in p["text"] for p in detail["paragraphs"])
        # every record kind is there, incentives with their one-line summary and the unit line below them
        assert {"incentives", "table_rows"} <= set(detail["records"])
        land = detail["records"]["incentives"][0]
        assert land["benefit_kind"] == "in_kind" and "优先保障产业园建设用地指标" in land["summary_zh"]
        assert land["units"] == ["市自然资源和规划局", "市发展改革委"]
        # a 文号 finds the document too
        assert client.get(f"/admin/documents/{NOTICE_DOC_NO}", headers=AUTH).json()["doc_id"] == doc_id

        r = client.post("/admin/ask", headers=AUTH, json={"question": "蓝鲸跨境电商产业园由哪个单位牵头？", "audience": "staff"})
        assert r.status_code == 200, r.text
        answer = r.json()
        assert answer["answered"] and "市商务局" in answer["answer"]
        assert NOTICE_DOC_NO in [c["doc_no"] for c in answer["citations"]]
        assert log.get(answer["question_id"])["channel"] == "admin"

        status = client.get("/admin/status", headers=AUTH).json()
        assert status["ready"] and status["documents"] == 1 and status["chunks"] > 0

        r = client.delete(f"/admin/documents/{doc_id}", headers=AUTH)
        assert r.status_code == 200 and r.json()["removed"], r.text
        assert not (settings.uploads_dir / doc_id).exists()
        assert doc_id not in {d["doc_id"] for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}
        assert client.get(f"/admin/documents/{doc_id}", headers=AUTH).status_code == 404
        again = client.post("/admin/ask", headers=AUTH, json={"question": "蓝鲸跨境电商产业园由哪个单位牵头？"}).json()
        assert NOTICE_DOC_NO not in [c["doc_no"] for c in again["citations"]]
        assert "市商务局" not in again["answer"]

        # a full reindex does not bring a deleted upload back
        job = _wait_job(client, client.post("/admin/reindex", headers=AUTH).json()["job_id"])
        assert job["state"] == "done", job
        assert client.get(f"/admin/documents/{doc_id}", headers=AUTH).status_code == 404
    app.state.admin_router.jobs.close()


@pytest.mark.slow
def test_admin_visibility_wins_and_a_failed_index_loses_nothing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    app, runtime, _ = make_app(settings)
    with TestClient(app) as client:
        # the notice says 此件公开发布, the admin says internal: investors must not see it
        r = client.post("/admin/documents", headers=AUTH, data={"visibility": "internal"},
                        files={"file": ("notice.txt", NOTICE.encode(), "text/plain")})
        assert _wait_job(client, r.json()["job_id"])["state"] == "done"
        detail = client.get("/admin/documents/notice", headers=AUTH).json()
        assert (detail["visibility"], detail["visibility_source"]) == ("internal", "admin")
        investor = client.post("/admin/ask", headers=AUTH,
                               json={"question": "蓝鲸跨境电商产业园首期引进多少家企业？", "audience": "investor"}).json()
        assert NOTICE_DOC_NO not in [c["doc_no"] for c in investor["citations"]]
        assert "120" not in investor["answer"]

        # a corrupt .docx: stored, job failed with the reason, listed as failed, still on disk
        r = client.post("/admin/documents", headers=AUTH,
                        files={"file": ("broken.docx", b"this is not a zip file" * 10, "application/octet-stream")})
        assert r.status_code == 202
        job = _wait_job(client, r.json()["job_id"])
        assert job["state"] == "failed" and "broken.docx" in job["error"], job
        assert (settings.uploads_dir / "broken" / "v000001" / "broken.docx").exists()
        rows = {d["doc_id"]: d for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}
        assert rows["broken"]["index_state"] == "failed"
        assert rows["notice"]["index_state"] == "indexed"
    app.state.admin_router.jobs.close()
