"""Stream mode: a real SDK CallbackMessage goes through the same bot (no network but the fake)."""

import asyncio
import json
import threading
import time

import pytest
from dingtalk_stream import AckMessage, CallbackMessage, ChatbotMessage

from bot.question_log import QuestionLog
from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient
from connectors.dingtalk.handler import DingTalkBot
from connectors.dingtalk.stream import BotStreamHandler, build_stream_client
from tests.fakes.dingtalk_messages import text_message
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.dingtalk_stream_gateway import FakeStreamSocket
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


def test_a_message_that_arrives_while_loading_is_answered_when_redelivered(stream_env):
    fake, handler, runtime, _, _ = stream_env
    runtime.ready = False
    body = text_message("牵头单位是谁？", fake.session_webhook("warm"))
    handler.process(callback_frame(body, "frame-1"))
    assert "正在加载" in fake.replies("warm")[-1].text and runtime.assistant.calls == []
    runtime.ready = True
    handler.process(callback_frame(body, "frame-2"))  # DingTalk's re-push: new frame id, same msgId
    assert "[investor] 牵头单位是谁？" in fake.replies("warm")[-1].text
    handler.process(callback_frame(body, "frame-3"))  # answered once
    assert len(fake.replies("warm")) == 2 and len(runtime.assistant.calls) == 1


def test_the_real_sdk_client_connects_through_the_gateway_named_in_dotenv(tmp_path, monkeypatch):
    """The SDK alone reads only its own DINGTALK_OPENAPI_ENDPOINT; `.env` must decide where Stream mode goes."""
    for name in ("DINGTALK_API_BASE", "DINGTALK_STREAM_GATEWAY", "DINGTALK_OPENAPI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    with FakeDingTalk() as fake, FakeStreamSocket() as socket:
        fake.stream_endpoint = socket.url
        env = tmp_path / ".env"
        env.write_text(f"ZHAOSHANG_DATA_DIR={tmp_path / 'data'}\nDINGTALK_APP_KEY={fake.app_key}\n"
                       f"DINGTALK_APP_SECRET={fake.app_secret}\nDINGTALK_STREAM_GATEWAY={fake.base_url}\n"
                       "DINGTALK_WEBHOOK_HOSTS=127.0.0.1\n", encoding="utf-8")
        settings = Settings.from_env(env)
        runtime = DoubleRuntime()
        bot = DingTalkBot(settings, runtime, DingTalkClient(settings), QuestionLog(tmp_path / "q.sqlite3"))
        client = build_stream_client(settings, bot)
        loop = asyncio.new_event_loop()
        task = loop.create_task(client.start())
        thread = threading.Thread(target=_run_until_cancelled, args=(loop, task), daemon=True)
        thread.start()
        try:
            socket.push(text_message("牵头单位是谁？", fake.session_webhook("ws"), group=False), "frame-ws")
            (ack,) = socket.wait_acks(1)
            assert ack["code"] == AckMessage.STATUS_OK and ack["headers"]["messageId"] == "frame-ws"
            assert "[investor] 牵头单位是谁？" in fake.wait_for(1)[0].text
            (opened,) = fake.received("/v1.0/gateway/connections/open")
            assert opened.body["clientId"] == fake.app_key
            assert opened.body["subscriptions"] == [{"type": "CALLBACK", "topic": ChatbotMessage.TOPIC}]
            assert len(socket.tickets) == 1 and socket.tickets[0].startswith("ticket-")
        finally:
            while not task.done():  # the SDK retries on cancellation once; cancel until it stops
                loop.call_soon_threadsafe(task.cancel)
                time.sleep(0.1)
            thread.join(timeout=5)
            bot.close()


def _run_until_cancelled(loop: asyncio.AbstractEventLoop, task: asyncio.Task) -> None:
    try:
        loop.run_until_complete(task)
    except asyncio.CancelledError:
        pass
    finally:  # the SDK's keep-alive pinger is a task of its own
        pending = asyncio.all_tasks(loop)
        for t in pending:
            t.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
