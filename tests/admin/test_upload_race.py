"""Same-name uploads racing through the real HTTP admin API (issue 13, item 1: a security defect).

Two admins uploading one file name at once, one marking it internal and one public, once paired
one upload's file with the other's sidecar (or interleaved the sidecar's bytes), and internal text
("内部资料：承办人手机…") was indexed as public. Here 8 uploads of one name, alternating between an
internal text marked internal and a public notice marked public, race in each of 50 rounds
against the whole service under uvicorn. After every round: no sidecar is corrupt, every upload
was accepted and its job did not fail, the document the catalogue holds pairs its text with that
text's own visibility, and an investor's question never gets the internal text.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
import yaml

from tests.admin.conftest import AUTH, NOTICE, make_settings
from tests.fakes.live_server import LiveServer

pytestmark = pytest.mark.slow

NAME = "race-notice.txt"
PHONE = "13912345678"
SECRET = "内部资料：承办人手机"
INTERNAL = f"""测试市投资促进中心

关于蓝鲸跨境电商产业园项目洽谈情况的报告

一、洽谈进展
{SECRET}{PHONE}（王某某），蓝鲸跨境电商产业园项目谈判底价为每亩30万元，仅供内部掌握。

测试市投资促进中心
2024年3月20日
"""
UPLOADS_PER_ROUND = 8
ROUNDS = 50
INVESTOR_QUESTIONS = ("蓝鲸跨境电商产业园的承办人手机是多少？", "蓝鲸跨境电商产业园项目谈判底价是多少？")


def _upload(client: httpx.Client, i: int, gate: threading.Barrier, out: list) -> None:
    internal = i % 2 == 0
    body = (INTERNAL if internal else NOTICE).encode("utf-8")
    gate.wait(10)
    r = client.post(
        "/admin/documents",
        headers=AUTH,
        data={"visibility": "internal" if internal else "public"},
        files={"file": (NAME, body, "text/plain")},
    )
    out[i] = r


def _wait_jobs(client: httpx.Client, job_ids: list[str], timeout: float = 120) -> list[dict]:
    deadline = time.monotonic() + timeout
    finished: dict[str, dict] = {}
    while len(finished) < len(job_ids):
        for job_id in job_ids:
            if job_id not in finished:
                job = client.get(f"/admin/jobs/{job_id}", headers=AUTH).json()
                if job.get("state") not in ("queued", "running"):
                    finished[job_id] = job
        if time.monotonic() > deadline:
            raise AssertionError(f"jobs still running after {timeout}s")
        time.sleep(0.05)
    return [finished[j] for j in job_ids]


def _sidecars_are_whole(uploads: Path) -> None:
    for sidecar in uploads.rglob("*.meta.yaml"):
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and data.get("visibility") in ("public", "internal"), (
            f"corrupt sidecar {sidecar}: {sidecar.read_text(encoding='utf-8')!r}"
        )


def test_racing_same_name_uploads_never_index_internal_text_as_public(tmp_path: Path) -> None:
    from bot.app import create_app

    settings = make_settings(tmp_path, rate_limit_per_minute=100_000)
    with LiveServer(create_app(settings)) as live, httpx.Client(base_url=live.url, timeout=120) as client:
        deadline = time.monotonic() + 300
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, client.get("/readyz").text
            time.sleep(0.2)
        for round_no in range(ROUNDS):
            gate = threading.Barrier(UPLOADS_PER_ROUND)
            responses: list = [None] * UPLOADS_PER_ROUND
            threads = [
                threading.Thread(target=_upload, args=(client, i, gate, responses))
                for i in range(UPLOADS_PER_ROUND)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            where = f"round {round_no}"
            for r in responses:
                assert r is not None and r.status_code == 202, (where, r and r.text)
            doc_ids = {r.json()["doc_id"] for r in responses}
            assert len(doc_ids) == 1, (where, doc_ids)
            doc_id = doc_ids.pop()
            for job in _wait_jobs(client, [r.json()["job_id"] for r in responses]):
                assert job["state"] == "done", (where, job["state"], job["error"])
            _sidecars_are_whole(settings.uploads_dir)

            doc = client.get(f"/admin/documents/{doc_id}", headers=AUTH)
            assert doc.status_code == 200, (where, doc.text)
            text = "\n".join(p["text"] for p in doc.json()["paragraphs"])
            expected = "internal" if PHONE in text else "public"
            assert doc.json()["visibility"] == expected, (where, doc.json()["visibility"], text[:200])
            for question in INVESTOR_QUESTIONS:
                answer = client.post("/api/ask", json={"question": question, "audience": "investor"})
                assert answer.status_code == 200, (where, answer.text)
                said = answer.text
                assert PHONE not in said and SECRET not in said and "每亩30万元" not in said, (where, said)
