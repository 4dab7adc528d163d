"""The service under real uvicorn with a fake DingTalk and a runtime double: HTTP behaviour and error shape."""

import threading
import time

import httpx
import pytest

from bot.app import create_app
from bot.settings import Settings
from tests.fakes.dingtalk_messages import encode, real_message, signed_headers, text_message
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.live_server import LiveServer
from tests.fakes.runtime_double import DoubleRuntime

pytestmark = pytest.mark.slow  # starts real servers

SECRET = "test-app-secret"


class SlowRuntime(DoubleRuntime):
    """Not ready until the test releases it, like a model still loading."""

    def __init__(self):
        super().__init__()
        self.ready = False
        self.release = threading.Event()

    def warm_up(self):
        self.release.wait(10)
        self.ready = True


def _settings(fake, tmp_path, **kw):
    base = dict(data_dir=tmp_path, dingtalk_app_key=fake.app_key, dingtalk_app_secret=SECRET,
                dingtalk_api_base=fake.base_url, dingtalk_webhook_hosts=("127.0.0.1",), admin_token="adm-token-1",
                max_body_bytes=20_000, dingtalk_retry_backoff_s=0.01)
    base.update(kw)
    return Settings.from_env(None, **base)


@pytest.fixture
def service(tmp_path):
    with FakeDingTalk(app_secret=SECRET) as fake:
        runtime = DoubleRuntime()
        with LiveServer(create_app(_settings(fake, tmp_path), runtime)) as live:
            with httpx.Client(base_url=live.url, timeout=10) as http:
                yield fake, http, runtime


def _post_callback(http, body, headers):
    return http.post("/dingtalk/callback", content=encode(body), headers=headers)


def test_signed_question_is_answered_in_the_background(service):
    fake, http, runtime = service
    r = _post_callback(http, text_message("谁牵头？", fake.session_webhook()), signed_headers(SECRET))
    assert r.status_code == 200
    (post,) = fake.wait_for(1)
    assert "[investor] 谁牵头？" in post.text


@pytest.mark.parametrize("make_headers", [
    lambda: signed_headers("forged-secret"),
    lambda: {"content-type": "application/json"},
    lambda: signed_headers(SECRET, int(time.time() * 1000) - 3_601_000),  # stale
    lambda: signed_headers(SECRET, int(time.time() * 1000) + 3_601_000),  # from the future
    lambda: {"timestamp": "abc", "sign": "xyz"},
], ids=["forged", "unsigned", "stale", "future", "garbage"])
def test_forged_unsigned_and_stale_get_a_fixed_401_and_nothing_is_posted(service, make_headers):
    fake, http, runtime = service
    r = _post_callback(http, text_message("谁牵头？", fake.session_webhook()), make_headers())
    assert (r.status_code, r.json()) == (401, {"error": "invalid request"})
    time.sleep(0.2)
    assert fake.received() == [] and runtime.assistant.calls == []
    assert "zhaoshang_rejected_signatures_total 1.0" in http.get("/metrics").text


def test_empty_app_secret_rejects_even_a_request_signed_with_it(tmp_path):
    with FakeDingTalk() as fake, LiveServer(create_app(_settings(fake, tmp_path, dingtalk_app_secret=""),
                                                       DoubleRuntime())) as live:
        r = httpx.post(f"{live.url}/dingtalk/callback", content=encode(text_message("q", fake.session_webhook())),
                       headers=signed_headers(""))
        assert r.status_code == 401 and fake.received() == []


def test_redelivered_msg_id_is_answered_once(service):
    fake, http, runtime = service
    body = text_message("谁牵头？", fake.session_webhook(), msg_id="same==")
    assert [_post_callback(http, body, signed_headers(SECRET)).status_code for _ in range(3)] == [200, 200, 200]
    fake.wait_for(1)
    time.sleep(0.3)
    assert len(fake.replies()) == 1 and len(runtime.assistant.calls) == 1


def test_a_captured_signature_with_another_body_is_401_also_after_a_restart(tmp_path):
    """The sign covers only the timestamp: a captured pair must not carry a forged org-admin /reindex."""
    with FakeDingTalk(app_secret=SECRET) as fake:
        settings = _settings(fake, tmp_path, admin_allow_org_admins=True)  # even with org admins trusted
        captured = signed_headers(SECRET)
        question = text_message("谁牵头？", fake.session_webhook("q"), msg_id="orig==")
        forged = real_message("text_group_at_bot_emoji_isAdmin__php-controller-capture-2021",
                              fake.session_webhook("evil"), content="/reindex")
        runtime = DoubleRuntime()
        with LiveServer(create_app(settings, runtime)) as live, httpx.Client(base_url=live.url) as http:
            assert _post_callback(http, question, captured).status_code == 200
            fake.wait_for(1)
            r = _post_callback(http, forged, captured)
            assert (r.status_code, r.json()) == (401, {"error": "invalid request"})
            assert "zhaoshang_rejected_signatures_total 1.0" in http.get("/metrics").text
        restarted = DoubleRuntime()
        with LiveServer(create_app(settings, restarted)) as live, httpx.Client(base_url=live.url) as http:
            assert _post_callback(http, forged, captured).status_code == 401
            assert _post_callback(http, question, captured).status_code == 200  # DingTalk's own retry: once
            time.sleep(0.3)
        assert runtime.reindexed == restarted.reindexed == [] and fake.replies("evil") == []
        assert len(fake.replies("q")) == 1 and restarted.assistant.calls == []


def test_failing_webhook_is_retried(service):
    fake, http, _ = service
    fake.fail_next("/robot/sendBySession", 2)
    _post_callback(http, text_message("谁牵头？", fake.session_webhook()), signed_headers(SECRET))
    posts = fake.wait_for(3)
    assert len(posts) == 3 and "谁牵头" in posts[-1].text


DEEP_LIST = b"[" * 9_000 + b"]" * 9_000  # under MAX_BODY_BYTES, deeper than Python's recursion limit
DEEP_OBJECT = b'{"a":' * 3_000 + b"1" + b"}" * 3_000


@pytest.mark.parametrize("raw", [b"{not json", b"[1,2]", b'{"msgtype":"text"}', "中文".encode("gbk"),
                                 DEEP_LIST, DEEP_OBJECT], ids=["bad", "list", "fields", "gbk", "deep-list", "deep-obj"])
def test_malformed_signed_body_is_400_in_the_error_shape(service, raw):
    fake, http, _ = service
    r = http.post("/dingtalk/callback", content=raw, headers=signed_headers(SECRET))
    assert r.status_code == 400 and set(r.json()) == {"error"}
    assert fake.received() == []


def test_body_too_large_is_413_declared_or_streamed(service):
    _, http, _ = service
    big = b"{" + b" " * 30_000 + b"}"
    r = http.post("/dingtalk/callback", content=big, headers=signed_headers(SECRET))
    assert r.status_code == 413 and "larger than 20000" in r.json()["error"]

    def chunks():
        for _ in range(30):
            yield b" " * 1000

    r = http.post("/api/ask", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and set(r.json()) == {"error"}


def test_api_ask_returns_one_batch_contract_line(service):
    _, http, runtime = service
    r = http.post("/api/ask", json={"question": "谁牵头？", "conversation_id": "c1", "id": "q7"})
    assert r.status_code == 200
    out = r.json()
    assert set(out) == {"id", "answer", "language", "answered", "citations", "latency_ms"} and out["id"] == "q7"
    assert out["citations"] == [{"doc_no": "绍市商务〔2023〕17号", "title": "通知", "section": "二、"}]
    assert runtime.assistant.calls[-1] == ("谁牵头？", "investor", "c1")  # audience defaults to investor


def test_api_ask_staff_needs_the_admin_token(service):
    _, http, runtime = service
    r = http.post("/api/ask", json={"question": "q", "audience": "staff"})
    assert r.status_code == 403 and "ADMIN_TOKEN" in r.json()["error"]
    r = http.post("/api/ask", json={"question": "q", "audience": "staff"},
                  headers={"Authorization": "Bearer adm-token-1"})
    assert r.status_code == 200 and runtime.assistant.calls[-1][1] == "staff"


@pytest.mark.parametrize("body", [b"", b"{bad", b"[]", b'{"question": ""}', b'{"question": "   "}',
                                  b'{"question": "q", "audience": "boss"}', b'{"question": 5}'])
def test_api_ask_bad_input_is_400_never_5xx(service, body):
    _, http, _ = service
    r = http.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400 and isinstance(r.json()["error"], str)


def test_unknown_path_and_method_keep_the_error_shape(service):
    _, http, _ = service
    assert http.get("/nope").json() == {"error": "Not Found"}
    assert http.get("/dingtalk/callback").status_code == 405 and "error" in http.get("/dingtalk/callback").json()


def test_rate_limit_on_the_api(tmp_path):
    with FakeDingTalk() as fake, LiveServer(create_app(_settings(fake, tmp_path, rate_limit_per_minute=2),
                                                       DoubleRuntime())) as live:
        codes = [httpx.post(f"{live.url}/api/ask", json={"question": "q"}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]


def test_readyz_turns_ready_only_after_warm_up(tmp_path):
    runtime = SlowRuntime()
    with FakeDingTalk() as fake, LiveServer(create_app(_settings(fake, tmp_path), runtime)) as live:
        assert httpx.get(f"{live.url}/healthz").json() == {"status": "ok"}
        r = httpx.get(f"{live.url}/readyz")
        assert r.status_code == 503 and "loading" in r.json()["error"]
        assert httpx.post(f"{live.url}/api/ask", json={"question": "q"}).status_code == 503
        runtime.release.set()
        for _ in range(100):
            if httpx.get(f"{live.url}/readyz").status_code == 200:
                break
            time.sleep(0.05)
        assert httpx.get(f"{live.url}/readyz").json() == {"status": "ready"}


def test_metrics_count_requests_and_unanswered(service):
    _, http, _ = service
    http.post("/api/ask", json={"question": "无解的问题"})
    text = http.get("/metrics").text
    assert 'zhaoshang_requests_total{route="/api/ask",status="200"} 1.0' in text
    assert 'zhaoshang_unanswered_questions_total{audience="investor",channel="api"} 1.0' in text
    assert "zhaoshang_request_latency_seconds_bucket" in text


def test_callback_rate_limit_gets_a_polite_reply(tmp_path):
    with FakeDingTalk() as fake, LiveServer(create_app(_settings(fake, tmp_path, rate_limit_per_minute=2),
                                                       DoubleRuntime())) as live:
        for i in range(3):
            body = text_message(f"问题{i}", fake.session_webhook(f"r{i}"), sender_id="same-sender")
            httpx.post(f"{live.url}/dingtalk/callback", content=encode(body), headers=signed_headers(SECRET))
        posts = fake.wait_for(3)
        assert len(posts) == 3
        assert "太频繁" in fake.replies("r2")[0].text or "太频繁" in "".join(p.text for p in posts)


def test_by_default_a_person_can_ask_30_questions_in_a_row(tmp_path):
    with FakeDingTalk(app_secret=SECRET) as fake:
        settings = Settings.from_env(None, data_dir=tmp_path, dingtalk_app_secret=SECRET,
                                     dingtalk_webhook_hosts=("127.0.0.1",))  # the default rate limit
        with LiveServer(create_app(settings, DoubleRuntime())) as live, httpx.Client(base_url=live.url) as http:
            assert [http.post("/api/ask", json={"question": f"问题{i}"}).status_code for i in range(30)] == [200] * 30
            for i in range(30):  # the same person in DingTalk, from two conversations
                body = text_message(f"问题{i}", fake.session_webhook(f"p{i}"), conversation_id=f"cid{i % 2}",
                                    sender_id=f"$:LWCP_v1:$conv{i % 2}", staff_id="user123")
                assert _post_callback(http, body, signed_headers(SECRET)).status_code == 200
            posts = fake.wait_for(30)
            assert len(posts) == 30 and not any("太频繁" in p.text for p in posts)


def test_behind_a_proxy_the_api_limit_is_per_client_named_by_the_header(tmp_path):
    with FakeDingTalk() as fake:
        settings = _settings(fake, tmp_path, rate_limit_per_minute=2, rate_limit_header="X-Forwarded-For")
        with LiveServer(create_app(settings, DoubleRuntime())) as live, httpx.Client(base_url=live.url) as http:
            def ask(client_ip):  # the proxy appends the address it saw; what the client wrote comes first
                return http.post("/api/ask", json={"question": "q"},
                                 headers={"X-Forwarded-For": f"6.6.6.6, {client_ip}"}).status_code
            assert [ask("10.0.0.1") for _ in range(3)] == [200, 200, 429]
            assert ask("10.0.0.2") == 200  # another person behind the same proxy is not starved
