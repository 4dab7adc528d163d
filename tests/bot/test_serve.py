import argparse

import pytest

from bot.commands import serve


def _args(*argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--env-file", default=None)
    serve.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_arguments():
    args = _args("--host", "0.0.0.0", "--port", "9000", "--stream")
    assert (args.host, args.port, args.stream) == ("0.0.0.0", 9000, True)


@pytest.fixture(autouse=True)
def _restore_root_logger():
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_stream_mode_without_credentials_names_the_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("DINGTALK_APP_KEY", raising=False)
    monkeypatch.delenv("DINGTALK_APP_SECRET", raising=False)
    monkeypatch.setenv("ZHAOSHANG_DATA_DIR", str(tmp_path))
    with pytest.raises(SystemExit, match="DINGTALK_APP_KEY and DINGTALK_APP_SECRET"):
        serve.run(_args("--stream"))


@pytest.mark.slow  # a real Runtime indexes one document
def test_stream_mode_sends_reindex_notifications_like_http_mode(tmp_path):
    import shutil

    from bot.settings import Settings
    from tests.conftest import SEEDS
    from tests.fakes.dingtalk_server import FakeDingTalk

    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    shutil.copy(SEEDS[0], knowledge / SEEDS[0].name)
    with FakeDingTalk() as fake:
        settings = Settings.from_env(
            None, data_dir=tmp_path / "data", knowledge_dir=knowledge, dingtalk_app_key=fake.app_key,
            dingtalk_app_secret=fake.app_secret, dingtalk_api_base=fake.base_url, dingtalk_retry_attempts=1,
            notify_webhook=f"{fake.base_url}/robot/send?access_token=T", notify_secret=fake.notify_secret,
        )
        runtime, bot, stream = serve.build_stream(settings)
        try:
            assert stream.open_url == f"{fake.base_url}/v1.0/gateway/connections/open"
            runtime.warm_up()  # a new data folder: the knowledge folder is indexed, the group is told
            (post,) = fake.received("/robot/send")
            assert "新增（1）" in post.text and "绍政办发〔2023〕17号" in post.text
        finally:
            bot.close()


@pytest.mark.slow  # a real `zhaoshang serve` process
def test_the_start_log_says_where_things_are_and_whether_admin_token_is_set(tmp_path):
    import os
    import re
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    repo = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADMIN_", "DINGTALK_", "NOTIFY_"))}
    env.update(ZHAOSHANG_DATA_DIR=str(tmp_path / "data"), KNOWLEDGE_DIR=str(tmp_path / "empty"))
    (tmp_path / "empty").mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "--env-file", str(tmp_path / "none.env"), "serve",
                             "--port", "0"], cwd=repo, env=env, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any("ADMIN_TOKEN" in line for line in lines):
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
        log = "".join(lines)
        base = re.search(r"serving on (http://127\.0\.0\.1:\d+)", log).group(1)
        for where in (f"{base}/admin/", f"POST {base}/api/ask", f"{base}/docs"):
            assert where in log
        assert "ADMIN_TOKEN is NOT set" in log and "set ADMIN_TOKEN in .env" in log
        for _ in range(100):  # the banner comes just before uvicorn binds: the printed URL answers
            try:
                docs = httpx.get(f"{base}/docs", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert docs.status_code == 200 and "/api/ask" in docs.text and "/admin/" in docs.text
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()
