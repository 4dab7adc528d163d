"""Column headers → fields: the synonyms offices use, head-final Chinese, traditional script."""

from __future__ import annotations

import pytest

from knowledge.amounts import unit_from_header
from knowledge.table_headers import header_field, is_project_header, is_task_header, looks_like_header


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("项目名称", "name"), ("项目", "name"),
        ("总投资", "amount"), ("投资额", "amount"), ("计划总投资（万元）", "amount"), ("金额", "amount"),
        ("年度计划投资（亿元）", "annual_amount"),
        ("建设内容", "content"), ("主 要 内 容", "content"), ("政策措施主要内容", "content"),
        ("建设地点", "place"), ("所在地", "place"), ("实施地点", "place"), ("所在县（市、区）", "place"),
        ("进展", "stage"), ("进度", "stage"), ("形象进度", "stage"), ("阶段", "stage"), ("状态", "stage"),
        ("责任单位", "units"), ("主办单位", "units"), ("具体责任单位", "units"),
        ("牵头单位", "lead"), ("指导部门", "lead"), ("配合单位", "co_units"),
        ("牵头领导", "leader"), ("责任人", "person"), ("联系电话", "phone"), ("完成时限", "deadline"),
        ("奖次", "category"), ("类别", "category"), ("团队及核心成员", "company"),
        ("改革举措", "task"), ("内容与要求", "task"), ("推广范围", "scope"), ("完成率", "rate"),
        ("目標名稱", "task"), ("完成情況", "stage"), ("考核內容及指標", "task"),  # traditional script
        ("序号", "serial"), ("备注", "note"),
    ],
)  # fmt: skip
def test_header_synonyms(header, field):
    assert header_field(header) == field


@pytest.mark.parametrize(
    ("header", "field"),
    [("项目类别", "category"), ("项目单位", "company"), ("项目进展", "stage"), ("项目负责人", "person"),
     ("企业名称", "company"), ("时间要求", "deadline"), ("工作内容", "task")],
)  # fmt: skip
def test_the_word_ending_last_decides(header, field):
    assert header_field(header) == field


def test_unit_comes_from_the_header():
    assert unit_from_header("总投资（亿元）") == "亿元"
    assert unit_from_header("投资额(万美元)") == "万美元"


def test_header_rows_and_what_they_are():
    assert looks_like_header(["序号", "改革举措", "主 要 内 容", "指导部门", "推广范围"])
    # a gov.cn metadata grid, a sentence and a data row are not headers
    assert not looks_like_header(["索 引 号：", "000014349/2018-00228", "主题分类：", "科技、教育\\科技"])
    assert not looks_like_header(
        ["1", "知识产权民事、刑事、行政案件“三合一”审判", "整合分散的审判资源，实行……"]
    )
    assert is_project_header(["奖次", "项目名称", "企业名称"])
    assert is_project_header(["序号", "名称", "总投资（亿元）"])
    assert not is_project_header(["序号", "名称", "地址"])  # a list of places, not of projects
    assert not is_project_header(["序号", "内容与要求", "进展情况", "责任单位"])
    assert is_task_header(["序号", "内容与要求", "进展情况", "责任单位"])
    assert is_task_header(["序号", "改革举措", "主要内容", "指导部门", "推广范围"])
    assert not is_task_header(["单位", "姓名", "联系方式"])
