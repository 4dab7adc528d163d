"""Admin commands from chat against the session's real Runtime (real catalogue and index), not a fake.

The bot posts to a fake DingTalk (a real HTTP server); nothing here is patched.
"""

import pytest

from bot.question_log import QuestionLog
from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient
from connectors.dingtalk.handler import DingTalkBot
from connectors.dingtalk.payload import parse_callback
from tests.fakes.dingtalk_messages import text_message
from tests.fakes.dingtalk_server import FakeDingTalk

pytestmark = pytest.mark.slow  # the session's real Runtime and a real HTTP server


@pytest.fixture
def chat(seed_runtime, tmp_path):
    with FakeDingTalk() as fake:
        settings = Settings.from_env(
            None,
            data_dir=tmp_path,
            dingtalk_app_key=fake.app_key,
            dingtalk_app_secret=fake.app_secret,
            dingtalk_api_base=fake.base_url,
            dingtalk_webhook_hosts=("127.0.0.1",),
            admin_staff_ids=("admin1",),
        )
        bot = DingTalkBot(
            settings,
            seed_runtime,
            DingTalkClient(settings, sleep=lambda s: None),
            QuestionLog(tmp_path / "questions.sqlite3"),
        )

        def send(text: str, staff_id: str = "admin1") -> str:
            bot.handle(
                parse_callback(text_message(text, fake.session_webhook("c"), group=False, staff_id=staff_id))
            )
            return fake.replies("c")[-1].text

        yield send, seed_runtime
        bot.close()


def test_docs_lists_the_real_catalogue(chat):
    send, runtime = chat
    text = send("/docs")
    docs = runtime.catalogue.list_documents()
    assert f"文档（{len(docs)} 份）" in text
    assert "绍政办发〔2023〕17号" in text and "诸招商〔2022〕5号" in text
    line = next(line for line in text.splitlines() if "诸招商〔2022〕5号" in line)
    assert "内部" in line  # the internal reply is marked so
    assert "出错" not in text


def test_status_and_reindex_report_the_real_index(chat):
    send, runtime = chat
    status = send("/status")
    assert f"文档：{len(runtime.catalogue)} 份" in status and "片段：0" not in status
    report = send("/reindex")
    assert "索引完成" in report and f"未变 {len(runtime.catalogue)} 份" in report
