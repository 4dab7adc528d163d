"""Project tables: Chinese headers → typed, filterable Project records; stage normalisation."""

from __future__ import annotations

import pytest

from knowledge.stages import normalize_stage
from knowledge.tables import classify_headers, is_project_header, parse_date, rows_to_projects, split_units


def test_classify_headers_prefers_the_longest_word():
    fields = classify_headers(
        [
            "序号",
            "项目名称",
            "项目单位",
            "计划总投资（亿元）",
            "项目进展",
            "落户地",
            "责任单位",
            "联系人",
            "更新时间",
            "备注",
        ]
    )
    assert fields == {
        "serial": "序号",
        "name": "项目名称",
        "company": "项目单位",
        "amount": "计划总投资（亿元）",
        "stage": "项目进展",
        "place": "落户地",
        "units": "责任单位",
        "person": "联系人",
        "as_of": "更新时间",
        "note": "备注",
    }


def test_project_header_needs_a_name_and_a_detail():
    assert is_project_header(["项目", "总投资"])
    assert not is_project_header(["序号", "内容与要求", "进展情况", "责任单位"])  # a work table, not projects
    assert not is_project_header(["项目名称"])


ROWS = [
    {"项目名称": "智慧供应链产业园", "总投资(万美元)": "15000", "进展": "持续洽谈", "所在地": "店口镇",
     "责任单位": "市投资促进中心、店口镇"},
    {"项目名称": "空气轴承", "总投资(万美元)": "30000", "进展": "已签约", "所在地": "经济开发区",
     "责任单位": "经济开发区管委会"},
    {"项目名称": "海外基金", "总投资(万美元)": "3亿美元", "进展": "在谈", "所在地": "", "责任单位": ""},
    {"项目名称": "", "总投资(万美元)": "", "进展": "", "所在地": "", "责任单位": ""},
    {"项目名称": "合计", "总投资(万美元)": "48000", "进展": "", "所在地": "", "责任单位": ""},
]  # fmt: skip


def test_rows_to_projects():
    projects = rows_to_projects(ROWS, "诸招商〔2023〕9号", "", "2023-03-15")
    assert [p.name for p in projects] == [
        "智慧供应链产业园",
        "空气轴承",
        "海外基金",
    ]  # blank and total rows skipped
    first = projects[0]
    assert first.doc_no == "诸招商〔2023〕9号"
    assert first.section == "第1行"
    assert (first.amount_text, first.amount_value, first.amount_unit) == ("15000万美元", 15000, "万美元")
    assert (first.currency, first.amount_usd, first.amount_cny) == ("USD", 1.5e8, None)
    assert (first.stage, first.place, first.as_of) == ("洽谈", "店口镇", "2023-03-15")
    assert first.units == ["市投资促进中心", "店口镇"]
    assert first.source.startswith("项目名称：智慧供应链产业园；总投资(万美元)：15000；")
    assert projects[1].stage == "签约"
    third = projects[2]
    assert (third.amount_text, third.amount_usd, third.place, third.units) == ("3亿美元", 3e8, None, [])


def test_row_date_overrides_document_date_and_currency_column():
    rows = [
        {"项目": "A", "投资额": "8000万", "币种": "美元", "状态": "已开工", "截至": "2024年6月30日"},
        {"项目": "B", "投资额": "2", "币种": "亿元", "状态": "竣工投产", "截至": ""},
    ]
    a, b = rows_to_projects(rows, None, "附件", "2024-01-01")
    assert (a.amount_usd, a.stage, a.as_of, a.section, a.doc_no) == (8e7, "在建", "2024-06-30", "附件", "")
    assert (b.amount_cny, b.amount_text, b.stage, b.as_of) == (2e8, "2亿元", "投产", "2024-01-01")


def test_rows_without_a_name_column_give_nothing():
    assert rows_to_projects([{"序号": "1", "内容": "x"}], "X", "", None) == []
    assert rows_to_projects([], "X", "", None) == []


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("市投资促进中心、市经信局", ["市投资促进中心", "市经信局"]),
        ("责任单位：市发改委，市财政局；各区、县（市）政府", ["市发改委", "市财政局", "各区、县（市）政府"]),
        ("各县(市、区)人民政府、市商务局", ["各县(市、区)人民政府", "市商务局"]),
        ("市台办/市侨联", ["市台办", "市侨联"]),
    ],
)
def test_split_units(text, units):
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2023-05-01", "2023-05-01"), ("2023/5/1", "2023-05-01"), ("2023.5.1", "2023-05-01"),
     ("截至2023年5月", "2023-05"), ("2023年13月", None), ("无", None), (None, None)],
)  # fmt: skip
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("持续洽谈联络", "洽谈"),
        ("在谈", "洽谈"),
        ("已接洽", "洽谈"),
        ("已进入方案架构阶段", "方案架构"),
        ("已签约", "签约"),
        ("已签约，正在办理审批手续", "审批"),
        ("拟于2023年签约，目前在谈", "洽谈"),
        ("已开工建设", "在建"),
        ("建设中", "在建"),
        ("竣工投产", "投产"),
        ("已投入运营", "投产"),
        ("已在进行外资企业招商", "招商"),
        ("尚未开工", None),
        ("", None),
        (None, None),
        ("under construction", "在建"),
    ],
)
def test_normalize_stage(text, stage):
    assert normalize_stage(text) == stage
