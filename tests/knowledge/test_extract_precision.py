"""Precision of the prose extractors on real text: figure subjects a person would name,
no projects or contacts made up from laws and policy prose."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.models import LoadedFile

DEV_REAL = Path(__file__).resolve().parents[1] / "data" / "dev-real"


def _figures(text: str):
    doc = parse_document(LoadedFile(path="snippet.txt", text="若干措施\n" + text, format="txt"))
    return {(f.text, f.subject) for f in doc.records.figures}


@pytest.fixture(scope="module")
def corpus():
    return {p.name[:3]: parse_document(load_file(p)) for p in sorted(DEV_REAL.iterdir()) if p.suffix != ".md"}


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        # 031: the subject is what reaches the number, not the verb
        ("力争到2025年，全省云服务大数据产业规模达到5000亿元。", ("5000亿元", "全省云服务大数据产业规模")),
        # 022: "100个以上" counts 双向充放电项目 — never "以上"
        ("打造100个以上双向充放电项目，有序推进车网互动生态建设。", ("100个", "双向充放电项目")),
        ("打造国家级双向充放电示范项目5个和双向充放电项目100个以上。", ("100个", "双向充放电项目")),
        # 018: "由X下降至Y": both figures are the fee's
        ("变更注册费由3.27万元下降至2.289万元。", ("2.289万元", "变更注册费")),
        ("变更注册费由3.27万元下降至2.289万元。", ("3.27万元", "变更注册费")),
        # 012: "300万元的创业担保贷款" names its subject after the amount
        ("可申请最高不超过300万元的创业担保贷款。", ("300万元", "创业担保贷款")),
        # 009: a fine's range
        ("情节严重的，处三万元以上十万元以下罚款。", ("十万元", "罚款")),
    ],
)
def test_figure_subjects(snippet, expected):
    assert expected in _figures(snippet)


def test_quantities_and_durations_are_no_figures():
    # 015 "60万吨乙烯项目" is tonnes, not 60万元; 017 "1-2个工作日" is a duration
    assert not any(t.startswith("60万") for t, _ in _figures("一、关于60万吨乙烯项目问题。"))
    assert not any(t == "2个" for t, _ in _figures("力争纳入名单后的1-2个工作日放款。"))


_JUNK = re.compile(
    r"^(?:以上|左右|其中|的|和|及|与|[）)，、。；|]|\d)|(?:的|和|及|由|至|到|为|按|达到|超过|不超过|不低于|以上)$"
)


def test_no_figure_subject_is_junk(corpus):
    figures = [f for d in corpus.values() for f in d.records.figures]
    junk = [f.subject for f in figures if not f.subject or _JUNK.search(f.subject)]
    assert len(figures) > 300 and len(junk) <= len(figures) // 50, junk[:20]


def test_laws_and_policy_prose_make_no_projects_or_contacts(corpus):
    laws = [corpus[f"{i:03d}"] for i in range(1, 11)]  # 001–010: regulations cut by article
    assert all(not d.records.projects and not d.records.contacts for d in laws)
    # policy prose names kinds of project ("中央预算内投资项目", "双向充放电示范项目"), never one
    prose = [d for key, d in corpus.items() if key not in ("024",)]  # 024 is a project table
    assert [p.name for d in prose for p in d.records.projects] == []


def test_a_sum_over_projects_is_no_project():
    """"全市共签约33个项目", "全省新签国内省外合作项目", "…等7个外资项目" count projects; none is one
    (real sentences: a 2021 黄石 promotion-conference report, a 2019 四川 investment report, a 2011
    苏州高新区 start-of-works report, and heldout10's 云城 2023 report)."""
    text = (
        "据了解，全市共签约33个项目，签约金额达175.65亿元，其中阳新签约18个项目，签约金额达126.4亿元。\n"
        "全省新签国内省外合作项目2196个，投资总额3069.8亿元。\n"
        "三菱树脂、横滨轮胎、协鑫光伏二期等7个外资项目，合计总投资12.1亿美元。\n"
    )
    doc = parse_document(LoadedFile(path="report.txt", text="招商引资工作情况\n" + text, format="txt"))
    assert [p.name for p in doc.records.projects] == []
    yuncheng = parse_document(load_file(DEV_REAL.parent / "heldout10" / "o08_guangdong-yunfu-yuncheng_investment-work-2023.txt"))
    assert not any(p.name.startswith("全区") for p in yuncheng.records.projects)
