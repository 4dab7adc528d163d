import json

import pytest

from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient, DingTalkError, FileTooLarge
from connectors.dingtalk.payload import parse_callback
from tests.fakes.dingtalk_messages import text_message
from tests.fakes.dingtalk_server import FakeDingTalk

pytestmark = pytest.mark.slow  # starts a real HTTP server


@pytest.fixture
def fake():
    with FakeDingTalk() as f:
        yield f


def _client(fake, tmp_path, clock=None, **overrides):
    settings = Settings.from_env(
        None, data_dir=tmp_path, dingtalk_app_key=fake.app_key, dingtalk_app_secret=fake.app_secret,
        dingtalk_api_base=fake.base_url, dingtalk_webhook_hosts=("127.0.0.1",), dingtalk_retry_backoff_s=0.01,
        **overrides,
    )
    delays: list[float] = []
    kwargs = {"clock": clock} if clock else {}
    return DingTalkClient(settings, sleep=delays.append, **kwargs), delays


def test_reply_posts_markdown_with_at_to_the_session_webhook(fake, tmp_path):
    client, _ = _client(fake, tmp_path)
    msg = parse_callback(text_message("问题", fake.session_webhook("s1")))
    assert client.reply(msg, "标题", "@user123 答复", ["user123"])
    (post,) = fake.replies("s1")
    assert post.body == {"msgtype": "markdown", "markdown": {"title": "标题", "text": "@user123 答复"},
                         "at": {"atUserIds": ["user123"], "isAtAll": False}}


@pytest.mark.parametrize("mode", ["errcode", "http"])
def test_failed_posts_are_retried_with_exponential_backoff(fake, tmp_path, mode):
    client, delays = _client(fake, tmp_path)
    fake.fail_next("/robot/sendBySession", 2, mode=mode)
    msg = parse_callback(text_message("问题", fake.session_webhook()))
    assert client.reply(msg, "t", "x")
    assert len(fake.replies()) == 3
    assert delays == [0.01, 0.02]


def test_gives_up_after_the_configured_attempts(fake, tmp_path):
    client, delays = _client(fake, tmp_path, dingtalk_retry_attempts=3)
    fake.fail_next("/robot/sendBySession", 10)
    msg = parse_callback(text_message("问题", fake.session_webhook()))
    assert not client.reply(msg, "t", "x")
    assert len(fake.replies()) == 3 and len(delays) == 2


def test_expired_session_falls_back_to_openapi_with_a_cached_token(fake, tmp_path):
    client, _ = _client(fake, tmp_path)
    msg = parse_callback(text_message("问题", fake.session_webhook(), expires_in_ms=-1000))
    assert client.reply(msg, "标题", "正文")
    assert client.reply(msg, "标题", "正文2")
    assert fake.replies() == []
    sends = fake.received("/v1.0/robot/groupMessages/send")
    assert len(sends) == 2 and len(fake.received("/v1.0/oauth2/accessToken")) == 1
    body = sends[0].body
    assert body["openConversationId"] == "cidGroup==" and body["msgKey"] == "sampleMarkdown"
    assert json.loads(body["msgParam"]) == {"title": "标题", "text": "正文"}
    assert sends[0].headers["x-acs-dingtalk-access-token"] == "token-1"


def test_session_refused_as_expired_falls_back_to_single_chat_send(fake, tmp_path):
    client, _ = _client(fake, tmp_path)
    msg = parse_callback(text_message("问题", fake.session_webhook("expired-1"), group=False))
    assert client.reply(msg, "t", "x")
    assert len(fake.replies()) == 1  # errcode 300001 is not retried
    (send,) = fake.received("/v1.0/robot/oToMessages/batchSend")
    assert send.body["userIds"] == ["user123"]


def test_webhook_on_a_foreign_host_is_never_posted(fake, tmp_path):
    client, _ = _client(fake, tmp_path)
    evil = fake.session_webhook().replace("127.0.0.1", "localhost")
    msg = parse_callback(text_message("问题", evil))
    client.reply(msg, "t", "x")
    assert fake.replies() == [] and len(fake.received("/v1.0/robot/groupMessages/send")) == 1


def test_token_refreshes_five_minutes_before_expiry(fake, tmp_path):
    now = [1000.0]
    client, _ = _client(fake, tmp_path, clock=lambda: now[0])
    assert client.access_token() == "token-1"
    now[0] += 7200 - 301
    assert client.access_token() == "token-1"
    now[0] += 2
    assert client.access_token() == "token-2"


def test_wrong_app_secret_is_a_clear_error(fake, tmp_path):
    client, _ = _client(fake, tmp_path)
    client.settings = Settings.from_env(None, data_dir=tmp_path, dingtalk_app_key="k", dingtalk_app_secret="nope",
                                        dingtalk_api_base=fake.base_url)
    with pytest.raises(DingTalkError, match="HTTP 400"):
        client.access_token()
    assert len(fake.received("/v1.0/oauth2/accessToken")) == 1  # a 4xx is not retried


def test_download_file_and_size_limit(fake, tmp_path):
    client, _ = _client(fake, tmp_path)
    fake.add_file("code-1", "a.txt", b"x" * 5000)
    assert client.download_file("code-1", max_bytes=10_000) == b"x" * 5000
    (call,) = fake.received("/v1.0/robot/messageFiles/download")
    assert call.body == {"downloadCode": "code-1", "robotCode": fake.app_key}
    with pytest.raises(FileTooLarge):
        client.download_file("code-1", max_bytes=1000)
    with pytest.raises(DingTalkError):
        client.download_file("no-such-code", max_bytes=1000)
