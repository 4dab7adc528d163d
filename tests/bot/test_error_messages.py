"""Python's own wording never reaches a person (issue 13, item 8).

"Exceeds the limit (4300 digits) for integer string conversion … use sys.set_int_max_str_digits()"
is what a validly signed callback holding a 5000-digit number once got back; the same text could
reach an admin through a failed job or a document that could not be parsed.
"""

from __future__ import annotations

import httpx
import pytest

from bot.admin.jobs import JobRunner
from bot.settings import Settings
from knowledge.catalogue import Catalogue
from knowledge.ingest import ingest
from tests.fakes.dingtalk_messages import signed_headers
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.live_server import LiveServer
from tests.fakes.runtime_double import DoubleRuntime

SECRET = "errors-app-secret"
PYTHON_WORDS = ("set_int_max_str_digits", "Exceeds the limit", "ValueError", "Traceback")
HUGE = "9" * 5000


def _plain(text: str) -> None:
    assert not any(w in text for w in PYTHON_WORDS), text


@pytest.mark.slow
def test_a_signed_callback_with_a_huge_number_gets_a_plain_400(tmp_path) -> None:
    from bot.app import create_app

    with FakeDingTalk(app_secret=SECRET) as fake:
        settings = Settings.from_env(
            None,
            data_dir=tmp_path,
            dingtalk_app_key=fake.app_key,
            dingtalk_app_secret=SECRET,
            dingtalk_api_base=fake.base_url,
        )
        body = (
            '{"msgId": "m1", "conversationId": "c1", "senderId": "u1", "msgtype": "text",'
            f' "text": {{"content": "hi"}}, "createAt": {HUGE}}}'
        )
        with LiveServer(create_app(settings, DoubleRuntime())) as live:
            r = httpx.post(
                f"{live.url}/dingtalk/callback",
                content=body.encode(),
                headers={**signed_headers(SECRET), "Content-Type": "application/json"},
            )
    assert r.status_code == 400, r.text
    _plain(r.text)
    assert "too long" in r.json()["error"]


def test_a_job_that_hits_a_python_limit_fails_with_a_plain_reason() -> None:
    runner = JobRunner()
    job = runner.submit("reindex", lambda progress: {"n": int(HUGE)})
    error = runner.wait(job.id).error
    runner.close()
    _plain(error)
    assert "too long" in error


def test_a_document_the_parser_cannot_take_is_reported_plainly(tmp_path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "notice.txt").write_text(f"测试通知\n\n投资{HUGE}万元。\n", encoding="utf-8")

    def parser(loaded):  # noqa: ANN001, ANN202 - a parser converting the number as written
        import re

        return int(re.search(r"\d+", loaded.text).group(0))

    result = ingest([folder], Catalogue(tmp_path / "c.sqlite3"), parser=parser)
    (error,) = result.errors
    _plain(error["error"])
    assert "too long" in error["error"] and error["path"].endswith("notice.txt")
