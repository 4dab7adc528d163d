"""Heads of sentence answers: a who-question's head names the doer a labelled item starts with."""

from bot.compose import _LABEL, _names_doer


def test_a_labelled_duty_names_its_official():
    # 关于省经信委领导工作分工的通知 (a real division-of-labour notice)
    s = "二、梁伟新党组副书记、副主任（正厅长级），省国防科工办主任：协助分管国防科技工业、装备工业、规划和投资。"
    label = _LABEL.match(s)
    assert label and _names_doer(label.group(1))


def test_a_topic_label_names_no_doer():
    label = _LABEL.match("（一）强化产业链招商：围绕集成电路、生物医药编制招商图谱。")
    assert label and not _names_doer(label.group(1))


def test_an_investor_gets_an_officials_office_line_never_the_mobile():
    from types import SimpleNamespace

    from bot.candidates import Candidate
    from bot.compose import _contact
    from knowledge.models import Contact

    r = Contact("测〔2024〕1号", "落款", "李学军", "经济发展局局长", "13937340366、0373-3539981", True, None, "…")
    c = Candidate("contact", r, r.doc_no, r.section, "")
    investor, staff = (_contact(c, SimpleNamespace(audience=a, lang="zh"), None)[0] for a in ("investor", "staff"))
    assert "0373-3539981" in investor and "13937340366" not in investor and "139" not in investor
    assert "13937340366" in staff


def test_a_reported_figure_with_no_year_of_its_own_says_as_of_which_document_date():
    from types import SimpleNamespace

    from bot.candidates import Candidate
    from bot.compose import with_as_of

    u = SimpleNamespace(lang="zh", p=lambda i: {"count": 0.8}.get(i, 0.0))
    doc = SimpleNamespace(date="2013-05-09")
    c = Candidate("sentence", SimpleNamespace(text=""), "doc", "", "")
    assert with_as_of("在第十七届西洽会上成功签约项目17个。", c, u, doc) == "在第十七届西洽会上成功签约项目17个（据2013年5月9日的文件）。"
    assert with_as_of("2021年签约项目17个。", c, u, doc) == "2021年签约项目17个。"  # its own year
    assert with_as_of("对签约项目给予奖励20万元。", c, u, doc) == "对签约项目给予奖励20万元。"  # a rule, not a report


def test_a_sentence_paying_each_item_its_own_amount_states_the_items_asked():
    from bot.compose import respective

    s = ("推進未來工廠建設,對當年評為省級未來工廠、省級智能工廠、紹興市級智能工廠、省級數字化車間、紹興市級數字化車間的,"
         "分別給予 100 萬元、30 萬元、20 萬元、15 萬元、10 萬元獎勵。")  # 嵊州 工业经济政策 (traditional mirror)
    assert respective(s, "那省级数字化车间呢？能奖多少") == "省级数字化车间：15万元"
    assert respective(s, "评上省级未来工厂能奖多少？") == "省级未来工厂：100万元"
    assert respective(s, "数字化车间能奖多少？") is None  # two items of that name: the sentence answers


def test_a_projects_stage_is_stated_as_its_source_says_it():
    from types import SimpleNamespace

    from bot.compose import _project
    from knowledge.models import Project

    p = Project("wh", "", "海创磷酸铁锂项目", None, "150亿元", 150.0, "亿元", "CNY", None, 1.5e10, "签约", None, None,
                source="总投资150亿元海创磷酸铁锂项目已经签约；")
    head, _ = _project(SimpleNamespace(record=p), SimpleNamespace(lang="zh"), None)
    assert "阶段：已经签约" in head
