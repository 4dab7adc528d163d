from bot.models import Answer, Citation
from connectors.dingtalk.markdown import format_answer, split_markdown, title_of


def _answer(text="牵头单位是市商务局。\n配合单位是市发改委。", lang="zh"):
    return Answer(text, lang, True, [
        Citation("绍市商务〔2023〕17号", "关于加强国际投资促进的通知", "二、（一）"),
        Citation("绍市商务〔2023〕17号", "关于加强国际投资促进的通知", "二、（一）"),  # duplicate: listed once
    ])


def test_answer_has_mention_text_sources_and_feedback_line():
    title, text = format_answer(_answer(), at_staff_id="user123")
    assert text.startswith("@user123\n\n牵头单位是市商务局。  \n配合单位是市发改委。")
    assert "**来源**" in text
    assert text.count("- 绍市商务〔2023〕17号 《关于加强国际投资促进的通知》 二、（一）") == 1
    assert text.rstrip().endswith("回复 👍 或 👎 评价。")
    assert title == "牵头单位是市商务局。"


def test_english_labels_and_escalation_line():
    _, text = format_answer(_answer("No record.", "en"), escalate_to=["boss1"], units=["Commerce Bureau"])
    assert "**Sources**" in text and "@boss1" in text and "Commerce Bureau" in text and "👍" in text


def test_long_text_is_split_at_paragraphs_without_losing_anything():
    paras = [f"第{i}段" + "字" * 900 for i in range(10)]
    text = "\n\n".join(paras)
    pieces = split_markdown(text, limit=3500)
    assert len(pieces) > 1 and all(len(p) <= 3500 for p in pieces)
    assert "\n\n".join(pieces) == text


def test_a_single_huge_line_is_cut_hard():
    pieces = split_markdown("长" * 8000, limit=3500)
    assert [len(p) for p in pieces] == [3500, 3500, 1000]


def test_title_is_short():
    assert len(title_of("很" * 100)) <= 24
    assert title_of("") == "答复"


def test_sources_already_in_the_answer_text_are_not_repeated():
    c = Citation("绍政办发〔2023〕17号", "意见", "二、（五）")
    _, text = format_answer(Answer(f"牵头单位：各区政府。\n来源：{c.label()}", "zh", True, [c]))
    assert text.count(c.label()) == 1 and "**来源**" not in text
