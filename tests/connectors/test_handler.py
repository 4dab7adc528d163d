"""The bot flow against a fake DingTalk, with a small assistant double (the real one is in tests/bot)."""

import pytest

from bot.question_log import QuestionLog
from bot.settings import Settings
from connectors.dingtalk.client import DingTalkClient
from connectors.dingtalk.handler import DingTalkBot
from connectors.dingtalk.payload import parse_callback
from tests.fakes.dingtalk_messages import file_message, real_message, text_message
from tests.fakes.dingtalk_server import FakeDingTalk
from tests.fakes.runtime_double import DoubleRuntime

pytestmark = pytest.mark.slow  # starts a real HTTP server


@pytest.fixture
def env(tmp_path):
    with FakeDingTalk() as fake:
        settings = Settings.from_env(
            None, data_dir=tmp_path, dingtalk_app_key=fake.app_key, dingtalk_app_secret=fake.app_secret,
            dingtalk_api_base=fake.base_url, dingtalk_webhook_hosts=("127.0.0.1",), dingtalk_retry_backoff_s=0.01,
            staff_conversations=("cidStaff",), admin_staff_ids=("admin1",), rate_limit_per_minute=5,
        )
        runtime = DoubleRuntime()
        qlog = QuestionLog(tmp_path / "questions.sqlite3")
        bot = DingTalkBot(settings, runtime, DingTalkClient(settings, sleep=lambda s: None), qlog)
        yield fake, bot, runtime, qlog
        bot.close()


def _send(fake, bot, content, **kw):
    bot.handle(parse_callback(text_message(content, fake.session_webhook(kw.pop("session", "s1")), **kw)))


def test_group_question_gets_markdown_with_mention_and_sources(env):
    fake, bot, runtime, qlog = env
    _send(fake, bot, "谁牵头？")
    (post,) = fake.replies()
    assert post.body["msgtype"] == "markdown" and post.body["at"]["atUserIds"] == ["user123"]
    assert post.text.startswith("@user123") and "[investor] 谁牵头？" in post.text
    assert "绍市商务〔2023〕17号 《通知》 二、" in post.text and "👍" in post.text
    assert runtime.assistant.calls == [("谁牵头？", "investor", "cidGroup==:$:LWCP_v1:$s1")]
    assert qlog.list()[0]["channel"] == "dingtalk"


def test_staff_group_is_answered_as_staff_and_memory_is_per_person(env):
    fake, bot, runtime, _ = env
    _send(fake, bot, "问一", conversation_id="cidStaff", sender_id="A")
    _send(fake, bot, "问二", conversation_id="cidStaff", sender_id="B")
    assert [c[1:] for c in runtime.assistant.calls] == [("staff", "cidStaff:A"), ("staff", "cidStaff:B")]


def test_unmentioned_group_message_and_duplicates_are_dropped(env):
    fake, bot, runtime, _ = env
    _send(fake, bot, "随便聊聊", mentioned=False)
    _send(fake, bot, "问题", msg_id="dup==")
    _send(fake, bot, "问题", msg_id="dup==")
    assert len(fake.replies()) == 1 and len(runtime.assistant.calls) == 1


def test_rate_limit_gets_a_polite_reply(env):
    fake, bot, runtime, _ = env
    for i in range(6):
        _send(fake, bot, f"问题{i}")
    assert len(runtime.assistant.calls) == 5
    assert "太频繁" in fake.replies()[-1].text


def test_thumbs_rate_the_askers_last_answer_only(env):
    fake, bot, _, qlog = env
    _send(fake, bot, "第一问", sender_id="A")
    _send(fake, bot, "第二问", sender_id="A")
    _send(fake, bot, " 👍 ", sender_id="A")
    _send(fake, bot, "没用", sender_id="B")  # B never asked here
    rows = {r["question"]: r["rating"] for r in qlog.list()}
    assert rows == {"第一问": None, "第二问": 1}
    assert "谢谢" in fake.replies()[2].text and "没有找到可以评价" in fake.replies()[3].text


def test_admin_commands_and_refusal(env):
    fake, bot, runtime, _ = env
    _send(fake, bot, "/reindex", group=False)
    assert "仅限管理员" in fake.replies()[-1].text and runtime.reindexed == []
    _send(fake, bot, "/status", group=False, staff_id="admin1")
    assert "片段：42" in fake.replies()[-1].text and "cidGroup==" in fake.replies()[-1].text
    _send(fake, bot, "/reindex", group=False, staff_id="admin1")
    assert runtime.reindexed == [None] and "索引完成" in fake.replies()[-1].text
    _send(fake, bot, "/docs", group=False, staff_id="admin1")
    assert "还没有文档" in fake.replies()[-1].text


def test_an_org_admin_is_not_a_knowledge_base_admin(env):
    fake, bot, runtime, _ = env
    for command in ("/status", "/reindex"):
        body = real_message("text_group_at_bot_emoji_isAdmin__php-controller-capture-2021",
                            fake.session_webhook("org"), content=command)
        bot.handle(parse_callback(body))
        assert "仅限管理员" in fake.replies("org")[-1].text
    assert runtime.reindexed == []


def test_escalation_mentions_mapped_staff_in_staff_groups(env, tmp_path):
    fake, bot, _, _ = env
    (tmp_path / "escalation.yaml").write_text("绍兴市商务局: [boss1]\n", encoding="utf-8")
    _send(fake, bot, "无解的问题", conversation_id="cidStaff")
    post = fake.replies()[-1]
    assert post.body["at"]["atUserIds"] == ["user123", "boss1"] and "请 @boss1 协助答复" in post.text
    _send(fake, bot, "无解的问题", conversation_id="cidOther")  # investor group: nobody is pulled in
    assert "@boss1" not in fake.replies()[-1].text


def test_long_answers_are_split(env):
    fake, bot, runtime, _ = env
    runtime.assistant.long = True
    _send(fake, bot, "长问题")
    posts = fake.replies()
    assert len(posts) >= 3 and all(len(p.text) <= 3500 for p in posts)
    assert "at" in posts[0].body and "at" not in posts[1].body


def test_not_ready_and_errors_get_a_message_not_silence(env):
    fake, bot, runtime, _ = env
    _send(fake, bot, "会出错吗")
    assert "出错了" in fake.replies()[-1].text
    runtime.ready = False
    _send(fake, bot, "问题")
    assert "正在加载" in fake.replies()[-1].text


def test_uploads_admin_only_supported_types_stored_and_indexed(env, tmp_path):
    fake, bot, runtime, _ = env
    fake.add_file("c1", "新政策.txt", "测〔2024〕1号\n正文".encode())
    hook = fake.session_webhook()
    bot.handle(parse_callback(file_message("新政策.txt", "c1", hook)))
    assert "只有管理员" in fake.replies()[-1].text and runtime.reindexed == []
    bot.handle(parse_callback(file_message("evil.exe", "c1", hook, staff_id="admin1")))
    assert "不支持的文件类型" in fake.replies()[-1].text
    bot.handle(parse_callback(file_message("../../新政策.txt", "c1", hook, staff_id="admin1")))
    stored = tmp_path / "uploads" / "新政策" / "v000001" / "新政策.txt"
    assert stored.read_bytes() == "测〔2024〕1号\n正文".encode()
    assert runtime.reindexed == [[stored]]
    reply = fake.replies()[-1].text
    assert "测〔2024〕1号《测试文件》" in reply and "内部" in reply
