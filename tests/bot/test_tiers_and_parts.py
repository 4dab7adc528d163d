"""Tiers and parts over real documents (从江 referral rewards by investment range, 闽侯 and 扬州
progress reports): a range printed with its unit once still grades the asker's case, and a
two-part question gets the clause of each part in the head."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.compose import render
from bot.filters import case_first
from tests.bot.record_questions import asker

pytestmark = pytest.mark.slow
DOCS = Path(__file__).resolve().parents[2] / "eval" / "h4-other" / "docs"
FILES = ("q22_guizhou-congjiang_county-investment-reward-measures-news-2011.txt",
         "q07_fujian-minhou_county-key-projects-progress-jan-jun-2023.txt",
         "q02_jiangsu-yangzhou_commerce-bureau-2020-high-quality-development-award-news.txt")  # fmt: skip


@pytest.fixture(scope="module")
def ask(seed_runtime):
    return asker(seed_runtime.assistant, [DOCS / name for name in FILES])


def test_the_range_the_askers_investment_falls_in_decides_the_rate(ask):
    u, k, ranked = ask("我是外地客商，给从江县牵线引进了一个固定资产投资8000万元的项目，按从江的招商引资奖励办法按什么比例奖？")
    best = case_first(u, ranked)[0]
    assert best.kind == "incentive", [(c.kind, c.text) for c in ranked[:3]]
    head, _ = render(best, u, k.doc(best.doc_key))
    assert "2‰" in head and "8000万元" in head, head  # "5000-10000万元": the tier the case meets
    assert "实际完成固定资产投资额的2‰" in head  # the rate is of what the clause names


def test_each_part_of_a_two_part_question_brings_its_clause(ask):
    u, k, ranked = ask("闽侯2023年县级重点项目1-6月累计完成投资多少？占年计划的百分之几？")
    best = next(c for c in ranked if c.kind == "figure")
    head, _ = render(best, u, k.doc(best.doc_key))
    assert "362.32亿元" in head and "64.49%" in head, head


def test_a_count_of_events_answers_how_many_were_held(ask):
    u, k, ranked = ask("扬州市商务局讲2020年全市新引进了多少个重大产业项目？统筹开展了多少场招商拜访？")
    best = next(c for c in ranked if c.kind == "figure" and "362" in c.record.text)
    head, _ = render(best, u, k.doc(best.doc_key))
    assert "362个" in head and "400多场" in head, head
