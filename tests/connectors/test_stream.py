"""Stream mode: a real SDK CallbackMessage goes through the same bot (no network but the fake)."""

import asyncio
import json

import pytest
from dingtalk_stream import AckMessage, CallbackMessage, ChatbotMessage

from bot.question_log import QuestionLog
from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient
from connectors.dingtalk.handler import DingTalkBot
from connectors.dingtalk.stream import BotStreamHandler, build_stream_client
from tests.fakes.dingtalk_messages import text_message
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.runtime_double import DoubleRuntime

pytestmark = pytest.mark.slow  # starts a real HTTP server


def callback_frame(body: dict, message_id: str = "stream-1") -> CallbackMessage:
    return CallbackMessage.from_dict({
        "specVersion": "1.0", "type": "CALLBACK",
        "headers": {"topic": ChatbotMessage.TOPIC, "messageId": message_id, "contentType": "application/json",
                    "time": "1700000000000"},
        "data": json.dumps(body, ensure_ascii=False),
    })


@pytest.fixture
def stream_env(tmp_path):
    with FakeDingTalk() as fake:
        settings = Settings.from_env(None, data_dir=tmp_path, dingtalk_app_key=fake.app_key,
                                     dingtalk_app_secret=fake.app_secret, dingtalk_api_base=fake.base_url,
                                     dingtalk_webhook_hosts=("127.0.0.1",))
        runtime = DoubleRuntime()
        bot = DingTalkBot(settings, runtime, DingTalkClient(settings), QuestionLog(tmp_path / "q.sqlite3"))
        yield fake, BotStreamHandler(bot), runtime, settings, bot
        bot.close()


def test_process_answers_through_the_same_bot(stream_env):
    fake, handler, runtime, _, _ = stream_env
    frame = callback_frame(text_message("牵头单位是谁？", fake.session_webhook("st")))
    assert handler.process(frame) == (AckMessage.STATUS_OK, "OK")
    (post,) = fake.replies("st")
    assert "[investor] 牵头单位是谁？" in post.text and post.body["at"]["atUserIds"] == ["user123"]
    assert handler.process(frame) == (AckMessage.STATUS_OK, "OK")  # redelivered: answered once
    assert len(fake.replies("st")) == 1 and len(runtime.assistant.calls) == 1


def test_raw_process_acks_at_once_and_answers_in_the_pool(stream_env):
    fake, handler, _, _, _ = stream_env
    frame = callback_frame(text_message("问题", fake.session_webhook("st2"), group=False), "m-raw")
    ack = asyncio.run(handler.raw_process(frame))
    assert ack.code == AckMessage.STATUS_OK and ack.headers.message_id == "m-raw"
    assert len(fake.wait_for(1)) == 1


def test_bad_payload_is_acked_and_ignored(stream_env):
    fake, handler, _, _, _ = stream_env
    assert handler.process(callback_frame({"msgtype": "text"})) == (AckMessage.STATUS_OK, "ignored")
    assert fake.replies() == []


def test_stream_client_registers_the_chatbot_topic(stream_env):
    _, _, _, settings, bot = stream_env
    client = build_stream_client(settings, bot)
    assert isinstance(client.callback_handler_map[ChatbotMessage.TOPIC], BotStreamHandler)
    with pytest.raises(SystemExit, match="DINGTALK_APP_KEY"):
        build_stream_client(Settings.from_env(None, data_dir=settings.data_dir), bot)
