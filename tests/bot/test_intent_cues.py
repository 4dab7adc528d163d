"""Cue words are features of the intent classifier: a question asking for a 文号 asks a document fact."""

from __future__ import annotations

from bot.intents import INTENTS, cue_vector


def test_asking_for_a_document_number_is_a_document_question():
    cues = dict(zip(INTENTS, cue_vector("金华那份QFLP试点暂行办法的文号是什么？"), strict=True))
    assert cues["doc"] == 1.0



def test_a_document_named_as_where_to_look_leaves_its_name_out_of_the_topic():
    """In the named document its name tells no sentence from another; named as the subject asked
    about, the name is the topic."""
    from bot.understand import _as_container

    q = "菏泽那份新旧动能转换绿色低碳分工落实方案，整体督导调度是哪个部门负责？"
    assert _as_container(q, "分工落实方案")
    assert _as_container("17号文里海外代表处谁牵头", "17号文")
    assert not _as_container("海外招商联络站设在哪个国家？", "海外招商联络站")


def test_which_days_asks_a_date_and_a_document_numbers_year_states_none():
    from bot.sentences import states_fact
    from bot.understand import part_fact

    assert part_fact("公示期是哪几天？") == "date"
    assert not states_fact("根据《关于印发…的通知》（中商务贸字〔2023〕13号），我局发布了…", "date")
    assert states_fact("公示期自2023年12月11日起至2023年12月17日止", "date")
    assert states_fact("Objections may be raised until 2022.", "date")


def test_an_english_count_may_name_its_kind_with_adjectives():
    from bot.sentences import states_fact

    assert states_fact("Until now, 106 industrial projects with planned investment US$ 8.96 billion have been approved.", "count")


def test_a_list_of_groups_is_not_a_list_of_projects():
    from bot.answer import _asks_projects

    assert not _asks_projects("诸暨驻外招商的几个组，目前哪几个组手上有项目在洽谈？")
    assert _asks_projects("现在还在洽谈阶段的项目有哪些？") and _asks_projects("哪些项目已经开工？")


def test_asking_who_issued_a_document_asks_its_issuer_in_either_language():
    from bot.sentences import states_fact
    from bot.understand import part_fact

    assert part_fact("17号文是谁发的？") == "issuer"
    assert part_fact("Which office issued Jinhua's QFLP interim measures?", "en") == "issuer"
    assert part_fact("Who issued the list?", "en") == "issuer"
    assert states_fact("金政办发〔2025〕51号, dated 12 November 2025, issued by 金华市人民政府办公室.", "issuer")
    assert not states_fact("由市商务局负责解释", "issuer")  # a unit in a sentence is no issuer
    cues = dict(zip(INTENTS, cue_vector("Which office issued Jinhua's QFLP interim measures?"), strict=True))
    assert cues["doc"] == 1.0 and cues["who"] == 0.0


def test_what_about_x_asks_the_previous_question_of_x():
    from bot.understand import substituted

    assert substituted("嵊州企业当年评上省级未来工厂能奖多少？", "那省级数字化车间呢？") == "嵊州企业当年评上省级数字化车间能奖多少？"
    assert substituted("国际化招商引资的牵头单位是谁？", "配合单位呢？") == "国际化招商引资的配合单位是谁？"
    assert substituted("17号文里国别产业园谁负责？", "那海外代表处呢？") is None  # nothing of its kind: both words stay
    assert substituted("深圳外资奖励是怎么分档的？", "那完成了多少呢？") is None  # a question of its own


def test_an_english_line_wrapped_mid_sentence_is_one_sentence():
    from bot.sentences import split_sentences

    parts = split_sentences("A reward of up to 2% of the capital paid in will be\ngiven within one year. The cap is 5 million yuan.")
    assert [p.text for p in parts] == ["A reward of up to 2% of the capital paid in will be given within one year.",
                                       "The cap is 5 million yuan."]


def test_an_english_questions_sum_is_looked_for_as_chinese_prints_it():
    from bot.understand import _printed_zh

    assert _printed_zh("projects with a total investment of over US$100 million") == ["1亿美元"]
    assert _printed_zh("a RMB 200 million project") == ["2亿元"]


def test_units_qualified_by_a_few_words_are_asked_for_as_units():
    from bot.intents import CUES

    for q in ("这一条压给了哪些市直部门？", "里面点名了哪几个管委会？", "哪些部门负责？"):
        assert CUES["who"].search(q) and not CUES["list"].search(q), q
    assert CUES["list"].search("哪几个县区") and not CUES["who"].search("哪几个县区")


def test_who_to_call_asks_for_a_phone_number():
    from bot.understand import part_fact

    assert part_fact("Who can I call about the plan?", "en") == "phone"
    assert part_fact("Who leads the plan?", "en") == "unit"
    assert part_fact("纸质材料寄到哪？") == "address"


def test_two_subjects_asked_each_split_even_with_latin_letters():
    from bot.understand import question_parts

    parts = question_parts("2022年计划里，技术合同交易额和研发经费占GDP比重各定了什么目标？")
    assert len(parts) == 2 and "技术合同交易额" in parts[0] and "研发经费占GDP比重" in parts[1]


def test_capital_paid_in_is_no_filter_on_projects_investment():
    from bot.project_filters import project_filter

    assert project_filter("2022年上半年实到外资1000万美元以上的项目有几个？") is None
    f = project_filter("总投资1000万美元以上的项目有几个？")
    assert f is not None and f.min_usd == 1e7


def test_to_whom_a_task_fell_asks_who():
    from bot.intents import CUES

    for q in ("管招商干部培养的那一项，落给了谁？", "这件事归谁？", "谁负责？", "这块谁来管？"):
        assert CUES["who"].search(q), q
