"""End to end: real service (uvicorn), the session's real Runtime over the seed documents
(`seed_runtime` in tests/conftest.py), and a fake DingTalk on 127.0.0.1."""

import json
import time

import httpx
import pytest

from bot.app import create_app
from bot.settings import Settings
from connectors.dingtalk.stream import BotStreamHandler
from tests.fakes.dingtalk_messages import encode, file_message, signed_headers, text_message
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.live_server import LiveServer

pytestmark = pytest.mark.slow  # loads the real model and starts real servers

SECRET = "e2e-app-secret"
PHONE = "13989579269"  # the 承办人's mobile in the internal 诸招商〔2022〕5号


@pytest.fixture(scope="module")
def e2e(seed_runtime, tmp_path_factory):
    data = tmp_path_factory.mktemp("e2e-service")
    with FakeDingTalk(app_secret=SECRET) as fake:
        settings = Settings.from_env(
            None, data_dir=data, dingtalk_app_key=fake.app_key, dingtalk_app_secret=SECRET,
            dingtalk_api_base=fake.base_url, dingtalk_webhook_hosts=("127.0.0.1",), dingtalk_retry_backoff_s=0.01,
            staff_conversations=("cidStaffGroup",), investor_conversations=("cidInvestorGroup",),
            staff_ids=("staff007",), admin_staff_ids=("admin001",), rate_limit_per_minute=50,
        )
        app = create_app(settings, seed_runtime)
        with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=60) as http:
            yield fake, http, app, seed_runtime


def replies_on(fake, session, timeout=120):
    deadline = time.monotonic() + timeout
    while not fake.replies(session) and time.monotonic() < deadline:
        time.sleep(0.05)
    replies = fake.replies(session)
    assert replies, f"no reply on session {session}"
    return replies


def ask(fake, http, content, session, **kw):
    """Post one signed callback and return the reply DingTalk received on that session."""
    r = http.post("/dingtalk/callback", content=encode(text_message(content, fake.session_webhook(session), **kw)),
                  headers=signed_headers(SECRET))
    assert r.status_code == 200
    return replies_on(fake, session)


def test_ready_and_signed_staff_question_gets_a_cited_markdown_answer(e2e):
    fake, http, _, _ = e2e
    assert http.get("/readyz").status_code == 200
    (reply,) = ask(fake, http, "国际化招商引资工作中，举办国际论坛（展会）的责任单位有哪些？", "staff-1",
                   conversation_id="cidStaffGroup")
    assert reply.body["msgtype"] == "markdown" and reply.body["at"]["atUserIds"] == ["user123"]
    assert reply.text.startswith("@user123")
    assert "绍政办发〔2023〕17号" in reply.text  # cited by 文号
    assert "👍" in reply.text


def test_investor_in_a_group_gets_no_internal_content(e2e):
    fake, http, _, _ = e2e
    for i, question in enumerate(["诸暨 承办人电话", "诸招商〔2022〕5号的承办人是谁，电话多少？",
                                  "诸暨2021年实际利用外资多少？"]):
        for convo in ("cidInvestorGroup", "cidUnknownGroup"):
            replies = ask(fake, http, question, f"inv-{i}-{convo}", conversation_id=convo)
            text = "\n".join(r.text for r in replies)
            assert PHONE not in text and "诸招商〔2022〕5号" not in text and "杨春苗" not in text
    # an outsider (no senderStaffId) inside a staff group is still an investor
    replies = ask(fake, http, "诸暨 承办人电话", "outsider", conversation_id="cidStaffGroup", staff_id=None)
    assert PHONE not in replies[0].text and "诸招商〔2022〕5号" not in replies[0].text


def test_api_ask_matches_the_batch_contract(e2e):
    _, http, _, _ = e2e
    r = http.post("/api/ask", json={"question": "诸暨 承办人电话"})
    assert r.status_code == 200
    out = r.json()
    assert set(out) == {"answer", "language", "answered", "citations", "latency_ms"}
    assert PHONE not in json.dumps(out, ensure_ascii=False)


UPLOAD = """绍兴市测试促进局文件

绍测促〔2024〕9号

关于在新加坡设立海外招商联络站的通知

各区、县（市）人民政府，市直有关单位：

一、设立海外招商联络站

经研究，决定在新加坡设立绍兴海外招商联络站，负责对接东南亚华侨华人企业来绍投资。责任单位：市测试促进局、市外办。

二、工作要求

联络站每季度向市测试促进局报送一次招商线索。

绍兴市测试促进局
2024年3月1日
"""


def test_admin_upload_becomes_answerable_and_non_admin_is_refused(e2e):
    fake, http, _, runtime = e2e
    fake.add_file("dl-upload-1", "新加坡联络站通知.txt", UPLOAD.encode("utf-8"))
    refused = file_message("新加坡联络站通知.txt", "dl-upload-1", fake.session_webhook("up-refused"),
                           staff_id="someone")
    http.post("/dingtalk/callback", content=encode(refused), headers=signed_headers(SECRET))
    assert "只有管理员" in replies_on(fake, "up-refused")[0].text

    body = file_message("新加坡联络站通知.txt", "dl-upload-1", fake.session_webhook("up-admin"), staff_id="admin001")
    http.post("/dingtalk/callback", content=encode(body), headers=signed_headers(SECRET))
    doc_id = "新加坡联络站通知"
    try:
        (summary,) = replies_on(fake, "up-admin")
        assert "绍测促〔2024〕9号" in summary.text and "已收录" in summary.text
        replies = ask(fake, http, "海外招商联络站设在哪个国家？", "after-upload", group=False, staff_id="staff007")
        assert "新加坡" in replies[0].text and "绍测促〔2024〕9号" in replies[0].text
    finally:
        assert runtime.remove_document(doc_id)  # leave the shared session runtime as we found it


def test_stream_handler_answers_through_the_same_bot(e2e):
    from dingtalk_stream import CallbackMessage, ChatbotMessage

    fake, _, app, _ = e2e
    body = text_message("国际化招商引资的牵头单位是谁？", fake.session_webhook("stream-e2e"),
                        conversation_id="cidStaffGroup")
    frame = CallbackMessage.from_dict({"specVersion": "1.0", "type": "CALLBACK",
                                       "headers": {"topic": ChatbotMessage.TOPIC, "messageId": "s-1"},
                                       "data": json.dumps(body, ensure_ascii=False)})
    BotStreamHandler(app.state.bot).process(frame)
    (reply,) = fake.replies("stream-e2e")
    assert "绍政办发〔2023〕17号" in reply.text and reply.body["at"]["atUserIds"] == ["user123"]
