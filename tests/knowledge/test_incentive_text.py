"""One-line renderings of incentive records, in Chinese and in English, from real documents."""

from __future__ import annotations

from pathlib import Path

from knowledge.gov_parse import parse_document
from knowledge.incentive_text import describe_en, describe_zh, money_en
from knowledge.loaders import load_file

DATA = Path(__file__).resolve().parents[1] / "data"
KB = Path(__file__).resolve().parents[2] / "knowledge_base"


def _records(path: Path):
    return parse_document(load_file(path)).records.incentives


def test_money_in_english_words():
    assert money_en(5_000_000, "CNY") == "RMB 5 million"
    assert money_en(300_000, "CNY") == "RMB 300,000"
    assert money_en(1.5e8, "USD") == "USD 150 million"
    assert money_en(2.5e9, "CNY") == "RMB 2.5 billion"


def test_a_capped_one_off_subsidy_and_a_yearly_one():
    records = _records(
        DATA
        / "dev-real"
        / "025_chongqing_pilot-scale-platform-recognition-measures-yujingxinguifan-2024-17.txt"
    )
    create = next(r for r in records if r.amount_cny == 5_000_000)
    assert describe_en(create).startswith("A one-off subsidy of up to RMB 5 million (500万元) — for ")
    assert describe_zh(create).startswith("创建补贴：一次性最高500万元（")
    run = next(r for r in records if r.amount_cny == 2_000_000)
    assert "up to RMB 2 million (200万元) a year" in describe_en(run)
    assert describe_zh(run).startswith("运营补贴：每年最高200万元")


def test_per_person_per_month_is_said_once():
    records = _records(
        DATA
        / "dev-real"
        / "021_chongqing-liangjiang_elderly-care-institution-support-measures-yuliangjiangguanfa-2024-27.txt"
    )
    r = next(r for r in records if r.amount_cny == 600)
    assert describe_en(r) == "A subsidy of RMB 600 (600元) per person per month — for 社会办养老机构"
    assert describe_zh(r) == "运营补贴：每人每月600元（社会办养老机构）"


def test_rates_ratios_ranges_years_and_unstated_amounts():
    wz = _records(KB / "019_wenzhou-open-economy-policy-opinions.txt")
    rd = next(r for r in wz if r.rate == 20)
    assert "of 20%" in describe_en(rd) and "up to RMB 10 million (1000万元)" in describe_en(rd)
    per = next(r for r in wz if r.per == "每万美元")
    assert "RMB 1,000 (1000元) per USD 10,000" in describe_en(per)
    ratio = next(
        r
        for r in _records(
            DATA
            / "dev-real"
            / "021_chongqing-liangjiang_elderly-care-institution-support-measures-yuliangjiangguanfa-2024-27.txt"
        )
        if r.rate_text == "1:0.5"
    )
    assert "matching at 1:0.5" in describe_en(ratio)
    liuhe = _records(DATA / "incentives" / "liuhe-2019-key-industries-opinions.txt")
    span = next(r for r in liuhe if r.amount_min is not None)
    assert "RMB 100,000–1 million (10万元—100万元)" in describe_en(span)
    three = next(r for r in liuhe if r.rate == 80)
    assert "for 3 years" in describe_en(three) and "连续3年" in describe_zh(three)
    lingang = _records(DATA / "incentives" / "shanghai-lingang-2016-dual-special-policy-opinions.txt")
    allowance = next(r for r in lingang if "临港津贴" in r.benefit)
    assert "amount not stated: 每月给予临港津贴" in describe_en(allowance) and "RMB" not in describe_en(
        allowance
    )


def test_waivers_cuts_and_fee_ceilings_are_not_payments():
    jx = _records(
        DATA / "dev-real" / "018_jiangxi_market-regulation-growth-measures-ganshijianzong-2020-1.txt"
    )
    waiver = next(r for r in jx if r.benefit == "免收注册费")
    assert describe_en(waiver).startswith("A waiver or reduction of charges (免收注册费)")
    cut = next(r for r in jx if r.rate == 30)
    assert describe_en(cut).startswith("A 30% reduction (")
    fin = _records(
        DATA / "dev-real" / "016_jiangxi_financial-support-epidemic-growth-measures-ganfutingzi-2020-14.txt"
    )
    fee = next(r for r in fin if r.rate == 1)
    assert describe_en(fee).startswith("A charge capped at 1% (担保费率不超过1%)")
    assert "担保费率不超过1%" in describe_zh(fee) and "降低1%" not in describe_zh(fee)


def test_a_rate_is_stated_with_what_it_is_of():
    from knowledge.incentive_text import rate_base

    # real clauses: 温州 地区总部, 绍兴 标准厂房, 从江 引资奖励, 厦门 到资奖励
    assert rate_base("给予奖励，奖励额度参照其当年形成地方综合贡献度的50%确定", "50%") == "当年形成地方综合贡献度"
    assert rate_base("给予市场平均价首年租费30%的一次性补贴", "30%") == "市场平均价首年租费"
    assert rate_base("按实际完成固定资产投资额给予2.5‰奖励", "2.5‰") == "实际完成固定资产投资额"
    assert rate_base("按不高于新增实际外资金额2%的比例予以奖励", "2%") == "新增实际外资金额"
    # no amount named before the rate: nothing is made up
    assert rate_base("补贴80%", "80%") == ""
    assert rate_base("按每亩300万元计算投资额度，给予每年1%的财政奖励扶持", "1%") == ""
    assert rate_base("参照上级奖励标准给予不高于1:1的配套补贴", "1:1") == ""
