"""Incentive questions over real clauses (重庆两江 养老机构 补贴, 济南 服务券 by revenue bracket): the
clause whose conditions the asker's case meets wins, and the answer says which condition decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.compose import render
from tests.bot.record_questions import asker

pytestmark = pytest.mark.slow
DATA = Path(__file__).resolve().parents[1] / "data" / "dev-real"
FILES = ("021_chongqing-liangjiang_elderly-care-institution-support-measures-yuliangjiangguanfa-2024-27.txt",
         "030_shandong-jinan_kunpeng-ascend-innovation-centres-service-resources-2021.txt")  # fmt: skip


@pytest.fixture(scope="module")
def ask(seed_runtime):
    return asker(seed_runtime.assistant, [DATA / name for name in FILES], ("incentive",))


def test_revenue_bracket_is_chosen_by_the_askers_revenue(ask):
    u, k, ranked = ask("鲲鹏昇腾服务券，上一年营业收入20亿元的企业一年最多补多少？")
    best = ranked[0]
    assert best.record.amount_text == "150万元", [c.record.amount_text for c in ranked[:3]]
    head, _ = render(best, u, k.doc(best.doc_key))
    assert "150万元" in head and "20亿元" in head  # the condition that decided is stated


def test_a_bracket_the_case_contradicts_is_ranked_below(ask):
    _, _, ranked = ask("营业收入60亿元的企业，服务券补贴上限多少？")
    assert ranked[0].record.amount_text == "200万元"
    assert all(c.features["case"] < 0 for c in ranked if c.record.amount_text == "150万元")


def test_star_rating_decides_the_monthly_subsidy(ask):
    u, k, ranked = ask("两江新区养老机构收住其他老年人，五星级机构每人每月补多少？")
    assert ranked[0].record.amount_text == "300元"
    head, _ = render(ranked[0], u, k.doc(ranked[0].doc_key))
    assert "300元" in head and "五星级" in head


def test_english_incentive_states_the_amount_in_english(ask):
    u, k, ranked = ask("What is the yearly cap of the service voucher for a company with revenue of RMB 2 billion last year?")
    head, _ = render(ranked[0], u, k.doc(ranked[0].doc_key))
    assert "RMB" in head and "million" in head
