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
