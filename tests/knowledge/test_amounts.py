"""Amounts as printed → value, unit, currency and absolute USD/CNY for exact comparisons."""

from __future__ import annotations

import pytest

from knowledge.amounts import chinese_number, parse_amount, unit_from_header


@pytest.mark.parametrize(
    ("text", "value", "unit", "currency", "usd", "cny"),
    [
        ("8000万美元", 8000, "万美元", "USD", 8e7, None),
        ("海亮集团 8000 万美元外资利润再投资项目", 8000, "万美元", "USD", 8e7, None),
        ("引进海外基金 3 亿美元", 3, "亿美元", "USD", 3e8, None),
        ("投资额 50 亿元的", 50, "亿元", "CNY", None, 5e9),
        ("2021年全市实际利用外资13509万美元", 13509, "万美元", "USD", 1.3509e8, None),
        ("合同外资16222.23万美元", 16222.23, "万美元", "USD", 1.622223e8, None),
        ("US$ 8.96 billion", 89.6, "亿美元", "USD", 8.96e9, None),
        ("USD 100 million", 1, "亿美元", "USD", 1e8, None),
        ("about 8.96 billion US dollars in 2022", 89.6, "亿美元", "USD", 8.96e9, None),
        ("RMB 2 billion", 20, "亿元", "CNY", None, 2e9),
        ("1.2亿", 1.2, "亿元", "CNY", None, 1.2e8),
        ("1,200万元", 1200, "万元", "CNY", None, 1.2e7),
        ("5千万美元", 5000, "万美元", "USD", 5e7, None),
        ("三亿美元", 3, "亿美元", "USD", 3e8, None),
        ("五千万美元", 5000, "万美元", "USD", 5e7, None),
        ("人民币3000元", 3000, "元", "CNY", None, 3000),
        ("4500余万美元", 4500, "万美元", "USD", 4.5e7, None),
    ],
)
def test_money(text, value, unit, currency, usd, cny):
    a = parse_amount(text)
    assert a is not None
    assert a.value == pytest.approx(value)
    assert (a.unit, a.currency) == (unit, currency)
    assert a.amount_usd == (pytest.approx(usd) if usd else None)
    assert a.amount_cny == (pytest.approx(cny) if cny else None)
    assert a.text in text


def test_percent_and_points():
    a = parse_amount("同比增长 96.7%")
    assert (a.value, a.unit, a.currency, a.amount_usd) == (96.7, "%", None, None)
    assert parse_amount("投资比重提高2个百分点").unit == "个百分点"


def test_first_amount_wins():
    assert parse_amount("从8000万美元增加到3亿美元").text == "8000万美元"


@pytest.mark.parametrize("text", ["", "   ", "2020年", "第4号提案", "一是外资招引质量不高", None, "8000"])
def test_no_amount(text):
    assert parse_amount(text) is None


def test_default_unit_from_a_header():
    a = parse_amount("8000", "万美元")
    assert (a.value, a.unit, a.amount_usd) == (8000, "万美元", 8e7)
    b = parse_amount("1.2亿", "美元")  # the header says the currency, the cell the magnitude
    assert (b.unit, b.amount_usd) == ("亿美元", 1.2e8)
    c = parse_amount("3亿美元", "万元")  # a unit in the cell wins over the header
    assert c.amount_usd == 3e8 and c.amount_cny is None
    assert parse_amount("15", "%").unit == "%"
    assert parse_amount("12", "个") is None


@pytest.mark.parametrize(
    ("header", "unit"),
    [("总投资(万美元)", "万美元"), ("投资额（亿元）", "亿元"), ("计划总投资（万元人民币）", "万元"),
     ("金额[美元]", "美元"), ("投资总额万美元", "万美元"), ("项目名称", None), ("总投资", None)],
)  # fmt: skip
def test_unit_from_header(header, unit):
    assert unit_from_header(header) == unit


@pytest.mark.parametrize(
    ("text", "value"), [("三千五百", 3500), ("二〇二三", 2023), ("十二", 12), ("一点五", 1.5), ("两", 2)]
)
def test_chinese_number(text, value):
    assert chinese_number(text) == value
    assert chinese_number("百家") is None


def test_a_range_printed_with_its_unit_once_gives_both_bounds_the_unit():
    from knowledge.amounts import spread_range_unit
    from knowledge.extract.incentive_conditions import thresholds

    assert spread_range_unit("固定资产投资3000-5000万元项目") == "固定资产投资3000万元-5000万元项目"
    assert spread_range_unit("2023—2025年，营业收入10至50亿元") == "2023—2025年，营业收入10亿元至50亿元"
    (t,) = thresholds("固定资产投资5000-10000万元项目,按实际完成固定资产投资额2‰给予奖励")
    assert (t["op"], t["amount_cny"], t["amount_max_cny"]) == ("between", 5e7, 1e8)
