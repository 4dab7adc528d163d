import pytest

from bot.models import Answer, Citation
from bot.question_log import QuestionLog


def test_record_feedback_list_and_last_for(tmp_path):
    qlog = QuestionLog(tmp_path / "q.sqlite3")
    a = Answer("市商务局牵头", "zh", True, [Citation("绍市商务〔2023〕17号", "通知", "二、")], route="responsibility")
    q1 = qlog.record("谁牵头？", "staff", a, conversation_id="c:u1", channel="dingtalk", sender="u1")
    q2 = qlog.record("电话？", "investor", Answer("没有找到", "zh", False), conversation_id="c:u2", sender="u2")
    assert qlog.last_for("c:u1", "u1") == q1 and qlog.last_for("c:u2", "u2") == q2
    assert qlog.last_for("c:u1", "u2") is None
    assert qlog.feedback(q1, 1) and not qlog.feedback(999, -1)
    rows = qlog.list()
    assert [r["id"] for r in rows] == [q2, q1]  # unanswered first
    assert {"id", "ts", "question", "audience", "channel", "answered", "route", "answer", "rating"} <= set(rows[0])
    assert rows[1]["rating"] == 1 and rows[1]["citations"] == ["绍市商务〔2023〕17号 《通知》 二、"]
    with pytest.raises(ValueError):
        qlog.feedback(q1, 5)


def test_a_huge_question_is_kept_to_a_few_thousand_characters(tmp_path):
    """A DingTalk message may be ~1 MB; the log (and the admin page listing it) keeps its start."""
    from bot.question_log import MAX_TEXT_CHARS

    qlog = QuestionLog(tmp_path / "q.sqlite3")
    question = "请问蓝鲸产业园的用地政策？" + "很长的补充说明。" * 100_000
    qid = qlog.record(question, "investor", Answer("没有找到", "zh", False), conversation_id="c", sender="u")
    assert qlog.feedback(qid, -1, comment="意见" * 100_000)
    row = qlog.get(qid)
    assert 1000 <= len(row["question"]) <= MAX_TEXT_CHARS <= 5000
    assert row["question"].startswith("请问蓝鲸产业园的用地政策？") and row["question"].endswith("…")
    assert len(row["comment"]) <= MAX_TEXT_CHARS
    assert (tmp_path / "q.sqlite3").stat().st_size < 200_000
