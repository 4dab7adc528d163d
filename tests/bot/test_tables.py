"""Counts, lists, extremes and follow-ups over a real award table (渝经信中小〔2024〕38号, 企业组)."""

from __future__ import annotations

import pytest

from bot.docrefs import DocIndex
from bot.knowledge_view import load_views
from bot.tables import pick_table, row_name
from bot.understand import understand
from knowledge.catalogue import Catalogue
from knowledge.models import Records, SourceDocument, TableRow

pytestmark = pytest.mark.slow
NO = "渝经信中小〔2024〕38号"
ROWS = [  # the first rows of the real sheet 企业组, 奖次 filled down as the reader does
    ("一等奖 （2名）", "面向半导体行业生产制造环节的生成决策工业大模型", "埃克斯工业有限公司"),
    ("一等奖 （2名）", "脑卒中快速抗血小板治疗基因指导解决方案", "重庆京因生物科技有限责任公司"),
    ("二等奖 （4名）", "“飞星”高精度区域定位技术", "辰熠中泽(重庆)科技有限公司"),
    ("二等奖 （4名）", "中小型智能能源管理系统研发及相关应用场景推广", "瑞河（重庆）新能源科技有限公司"),
    ("三等奖 （6名）", "辐射制冷涂层技术", "重庆蔚蓝时代节能技术有限公司"),
    ("优胜奖 （8名）", "3D视觉坐标测量跟踪项目", "菲烁易维（重庆）科技有限公司"),
    ("优胜奖 （8名）", "重组人源角蛋白", "海默斯（重庆）医学生物技术有限公司"),
    ("优胜奖 （8名）", "基于C-V2X技术的车路云一体化多场景解决方案", "中信科智联科技有限公司"),
]
INVEST = [("甲项目", "15000"), ("乙项目", "8000"), ("丙项目", "30000")]


def _doc(doc_no: str, title: str, rows: list[TableRow]) -> SourceDocument:
    return SourceDocument(doc_id=doc_no, path=f"/kb/{doc_no}.xlsx", content_hash=doc_no, title=title, doc_no=doc_no,
                          issuer="重庆市经济和信息化委员会", date="2024-11-18", printed_date=None, addressees=None,
                          visibility="public", visibility_source="marker", kind="project-records", language="zh",
                          records=Records(table_rows=rows))  # fmt: skip


@pytest.fixture(scope="module")
def setup(seed_runtime):
    a = seed_runtime.assistant
    cat = Catalogue(":memory:")
    awards = [TableRow(NO, "", "企业组", i, {"奖次": p, "项目名称": n, "企业名称": c}, f"{p} | {n} | {c}")
              for i, (p, n, c) in enumerate(ROWS, 1)]  # fmt: skip
    cat.upsert(_doc(NO, "重庆市经济和信息化委员会关于公布第九届创客中国重庆市中小企业创新创业大赛获奖项目的通知", awards))
    invest = [TableRow("测〔2024〕9号", "", "重点项目表", i, {"项目名称": n, "总投资（万元）": v}, f"{n} | {v}")
              for i, (n, v) in enumerate(INVEST, 1)]  # fmt: skip
    cat.upsert(_doc("测〔2024〕9号", "测试市2024年重点项目表", invest))
    k = load_views(cat, a.vectors, a._intents.by_language())["staff"]
    docs = DocIndex(k.docs, a.vectors)
    run = lambda q, **kw: (understand(q, "staff", a._intents, docs, a.vectors, **kw), k)  # noqa: E731
    run.catalogue = cat
    return run


def test_count_with_the_filters_the_question_names(setup):
    u, k = setup("创客中国重庆赛企业组一共有几个优胜奖项目？")
    t = pick_table(u, k)
    assert t is not None and t.op == "count" and t.total == 3  # of the 8 rows given here
    assert ("奖次", "优胜奖") in t.filters


def test_list_of_a_category(setup):
    u, k = setup("企业组拿一等奖的是哪两个项目？")
    t = pick_table(u, k)
    assert t is not None and t.op == "list"
    assert [row_name(r) for r in t.rows] == [ROWS[0][1], ROWS[1][1]]


def test_extreme_compares_normalised_amounts(setup):
    u, k = setup("重点项目表里总投资最大的是哪个项目？")
    t = pick_table(u, k)
    assert t is not None and t.op == "max" and row_name(t.rows[0]) == "丙项目"


def test_followup_works_on_the_previous_list(setup):
    u, k = setup("重点项目表里有哪些项目？")
    first = pick_table(u, k)
    assert first is not None and len(first.rows) == 3
    u2, _ = setup("那其中金额最小的呢？", context=u.original)
    t = pick_table(u2, k, previous=first.rows[:2])
    assert t is not None and t.op == "min" and row_name(t.rows[0]) == "乙项目"


def test_a_question_naming_no_table_value_is_not_a_table_question(setup):
    u, k = setup("中试平台的运营补贴最多多少？")
    assert pick_table(u, k) is None


def test_sum_and_top_n(setup):
    u, k = setup("重点项目表里的项目总投资合计多少？")
    t = pick_table(u, k)
    assert t is not None and t.op == "sum" and t.total_amount == pytest.approx(5.3e8)
    u, k = setup("重点项目表里总投资排名前两位的项目是哪些？")
    t = pick_table(u, k)
    assert t is not None and t.op == "max" and [row_name(r) for r in t.rows] == ["丙项目", "甲项目"]


def test_counts_and_lists_are_read_in_sql_from_the_catalogue(setup):
    u, k = setup("创客中国重庆赛企业组一共有几个优胜奖项目？")
    t = pick_table(u, k, catalogue=setup.catalogue)
    assert t is not None and t.op == "count" and t.total == 3
    u, k = setup("企业组拿一等奖的是哪两个项目？")
    t = pick_table(u, k, catalogue=setup.catalogue)
    assert t is not None and [row_name(r) for r in t.rows] == [ROWS[0][1], ROWS[1][1]]
