"""The asker's case against a clause's conditions: thresholds in the same currency, exclusive qualifiers."""

from __future__ import annotations

from bot.cases import case_fit
from knowledge.amounts import parse_amount
from knowledge.models import Incentive


def clause(beneficiary: str, thresholds: list[dict], case: list[str] | None = None) -> Incentive:
    return Incentive(doc_no="测〔2024〕1号", section="二、", title="服务券补贴", beneficiary=beneficiary, conditions=[],
                     benefit="补贴最高150万元", benefit_kind="money", source="…", case=case or [], thresholds=thresholds)


def amount(text: str):
    a = parse_amount(text)
    assert a is not None
    return a


BRACKET = [{"what": "营业收入", "op": ">=", "value": 10, "unit": "亿元", "currency": "CNY", "amount_cny": 1e9,
            "text": "营业收入10亿元以上"}]  # fmt: skip


def test_amount_meeting_a_threshold_is_stated_as_the_reason():
    fit = case_fit(clause("企业", BRACKET), [amount("20亿元")], [])
    assert fit.value >= 0.9 and "20亿元" in fit.reason and "10亿元以上" in fit.reason


def test_the_last_amount_told_is_the_case_and_the_closest_tier_fits_best():
    five = [{**BRACKET[0], "value": 5, "amount_cny": 5e8, "text": "首次突破5亿元"}]
    ten = [{**BRACKET[0], "value": 10, "amount_cny": 1e9, "text": "首次突破10亿元"}]
    twenty = [{**BRACKET[0], "value": 20, "amount_cny": 2e9, "text": "首次突破20亿元"}]
    told = [amount("8亿元"), amount("12亿元")]  # "前年8亿元，去年首次过了12亿元"
    f5, f10, f20 = (case_fit(clause("企业", t), told, []) for t in (five, ten, twenty))
    assert f20.value == -1.0
    assert f10.value > f5.value > 0 and "12亿元" in f10.reason


def test_amount_below_a_threshold_contradicts():
    assert case_fit(clause("企业", BRACKET), [amount("5亿元")], []).value == -1.0


def test_other_currency_is_not_compared():
    assert case_fit(clause("企业", BRACKET), [amount("2000万美元")], []).value == 0.0


def test_exclusive_qualifiers_decide_between_clauses():
    first = clause("首次认定的中试平台", [], ["首次认定"])
    renewal = clause("复审通过的中试平台", [], ["复审"])
    assert case_fit(first, [], ["首次认定"]).value == 1.0
    assert case_fit(renewal, [], ["首次认定"]).value == -1.0
    assert case_fit(clause("五星级养老机构", []), [], ["五星级"]).value == 1.0
    assert case_fit(clause("三星级养老机构", []), [], ["五星级"]).value == -1.0


def test_nothing_to_compare_is_neutral():
    assert case_fit(clause("企业", BRACKET), [], []).value == 0.0


def test_a_between_threshold_bounds_both_sides():
    band = [{"what": "营业收入", "op": "between", "value": 10, "unit": "亿元", "currency": "CNY", "amount_cny": 1e9,
             "value_max": 50, "amount_max_cny": 5e9, "text": "营业收入10亿元到50亿元之间"}]  # fmt: skip
    assert case_fit(clause("企业", band), [amount("20亿元")], []).value >= 0.9
    assert case_fit(clause("企业", band), [amount("60亿元")], []).value == -1.0
    assert case_fit(clause("企业", band), [amount("5亿元")], []).value == -1.0


def test_thresholds_are_read_from_the_conditions_when_none_are_given():
    c = Incentive(doc_no="x", section="", title="补贴", beneficiary="企业", conditions=["上一年度营业收入在2000万元至1亿元之间"],
                  benefit="补贴60万元", benefit_kind="money", source="…")  # fmt: skip
    assert case_fit(c, [amount("20亿元")], []).value == -1.0
    assert case_fit(c, [amount("5000万元")], []).value >= 0.9
