"""Incentive records, one shape per test, each on a real snippet (tests/data/dev-real, the bundled
knowledge_base, tests/data/incentives — provenance in their READMEs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.models import Incentive, LoadedFile

DATA = Path(__file__).resolve().parents[1] / "data"
KB = Path(__file__).resolve().parents[2] / "knowledge_base"


def _records(text: str, metadata: dict[str, str] | None = None) -> list[Incentive]:
    doc = parse_document(LoadedFile(path="snippet.txt", text=text, format="txt", metadata=metadata or {}))
    return doc.records.incentives


def _file(path: Path) -> list[Incentive]:
    return parse_document(load_file(path)).records.incentives


def _by_amount(records: list[Incentive], cny: float) -> Incentive:
    found = [r for r in records if r.amount_cny == cny]
    assert len(found) == 1, [(r.amount_text, r.benefit) for r in records]
    return found[0]


def test_per_person_per_month_by_star_rating_each_tier_its_own_record():
    """021 第七条: 600/100/200/300元每人每月, the star condition replacing its sibling each time."""
    text = (
        "第七条 社会办养老机构接收户籍在新区，按照《军人抚恤优待条例》享受国家定期抚恤补助金的孤寡老年人、"
        "最低生活保障家庭老年人的，按每人每月600元标准给予运营补贴；接收户籍在新区的其他老年人的，"
        "星（叶）级评定在二星（叶）级及以下的，按每人每月100元标准给予运营补贴，星（叶）级评定在三星（叶）级、"
        "四星（叶）级的，按每人每月200元标准给予运营补贴，星（叶）级评定在五星（叶）级的，按每人每月300元标准给予运营补贴。"
    )
    records = _records(text)
    assert sorted(r.amount_cny for r in records) == [100, 200, 300, 600]
    for r in records:
        assert (r.benefit_kind, r.per, r.frequency, r.title, r.section) == (
            "per_unit",
            "每人每月",
            "monthly",
            "运营补贴",
            "第七条",
        )
        assert r.beneficiary == "社会办养老机构"
    assert "最低生活保障家庭老年人" in " ".join(_by_amount(records, 600).conditions)
    three_four = _by_amount(records, 200)
    assert any("三星（叶）级、四星（叶）级" in c for c in three_four.conditions)
    assert not any("二星" in c for c in three_four.conditions)
    assert "二星级及以下" in _by_amount(records, 100).case
    assert "五星级" in _by_amount(records, 300).case


def test_ratio_matching_with_bed_thresholds_and_no_record_for_the_context_clause():
    """021 第五条: 按1:0.5 配套; 在给予市级建设补贴基础上 is context, not a second grant."""
    records = _file(
        DATA
        / "dev-real"
        / "021_chongqing-liangjiang_elderly-care-institution-support-measures-yuliangjiangguanfa-2024-27.txt"
    )
    ratio = [r for r in records if r.section == "第五条"]
    assert len(ratio) == 1
    r = ratio[0]
    assert (r.benefit_kind, r.rate, r.rate_text) == ("rate", 0.5, "1:0.5")
    beds = {(t["what"], t["op"], t["value"], t["unit"]) for t in r.thresholds}
    assert ("养老机构新增床位", ">=", 50.0, "张") in beds and ("养老机构新增床位", ">=", 20.0, "张") in beds
    assert "养老机构" in r.beneficiary
    # "对A的，或B的": either qualifies, so who it is for names both
    assert "50张以上" in r.beneficiary and "，或利用租赁产权" in r.beneficiary and "20张以上" in r.beneficiary
    # procedure (第六条 申请…并提交材料), budget (第十四条) and clawback (第十五条) grant nothing
    assert not [r for r in records if r.section in ("第六条", "第八条", "第十三条", "第十四条", "第十五条")]


def test_caps_one_off_and_yearly_and_the_overview_yields_to_its_items():
    """025 第十三条: 创建补贴 ≤500万元 (one-off), 运营补贴 ≤200万元 a year; the article's own
    "给予创建资金补贴 / 运营补贴" overview is not a third and fourth record."""
    records = _file(
        DATA
        / "dev-real"
        / "025_chongqing_pilot-scale-platform-recognition-measures-yujingxinguifan-2024-17.txt"
    )
    create = _by_amount(records, 5_000_000)
    assert (create.title, create.cap, create.frequency, create.section) == (
        "创建补贴",
        True,
        "one-off",
        "第十三条（一）",
    )
    assert "中试平台" in create.beneficiary and create.limits == ["同一平台支持金额不超过500万元"]
    run = _by_amount(records, 2_000_000)
    assert (run.title, run.cap, run.frequency) == ("运营补贴", True, "yearly")
    assert not [
        r
        for r in records
        if r.benefit_kind == "unspecified" and ("创建" in r.benefit or "运营补贴" in r.benefit)
    ]
    assert not [
        r for r in records if r.amount_cny == 5_000_000 and r.section.startswith("第六条")
    ]  # 设备原值500万元 is a condition


def test_tiers_named_in_brackets_rates_with_caps_permille_and_units_from_the_tag():
    """029: 最高500万元（国家级）、100万元（省级）; 30% capped by a bracket; 2‰; 每名1000元 with a yearly ceiling."""
    records = _file(DATA / "dev-real" / "029_shandong-jinan_ai-pilot-zone-policies-draft-2020.txt")
    tiers = [r for r in records if r.benefit_kind == "money" and r.section == "一、2."]
    national, provincial = _by_amount(tiers, 5_000_000), _by_amount(tiers, 1_000_000)
    assert "国家级" in national.case and "省级" in provincial.case and national.cap and provincial.cap
    assert "国家级技术创新中心" in national.beneficiary and "省级技术创新中心" in provincial.beneficiary
    assert national.units == ["市科技局", "市发展改革委", "市工业和信息化局"]
    scene = next(r for r in records if r.rate == 30 and r.amount_cny == 2_000_000)
    assert scene.cap and scene.benefit_kind == "rate"
    bonds = next(r for r in records if r.rate_text == "2‰")
    assert (bonds.rate, bonds.amount_cny, bonds.frequency) == (0.2, 1_000_000, "yearly")
    training = next(r for r in records if r.per == "每名")
    assert training.amount_cny == 1000 and "每个单位每年最高补贴100万元" in training.limits
    assert training.units[:2] == ["市委组织部", "市人力资源社会保障局"]
    small = next(
        r for r in records if r.rate == 50 and "小微企业" in r.beneficiary
    )  # the （其中…50%…） bracket
    assert small.amount_cny == 300_000 and small.cap


def test_revenue_brackets_from_a_pdf_extraction_with_wrapped_lines():
    """030 第八条: 服务券 ceilings by revenue bracket; lines wrapped mid-sentence and "— 5 —" page numbers."""
    records = _file(
        DATA / "dev-real" / "030_shandong-jinan_kunpeng-ascend-innovation-centres-service-resources-2021.txt"
    )
    caps = sorted(r.amount_cny for r in records if r.section.startswith("第八条"))
    assert caps == [100_000, 200_000, 500_000, 600_000, 1_000_000, 1_500_000, 2_000_000]
    top = _by_amount(records, 2_000_000)
    assert (top.cap, top.frequency, top.beneficiary) == (True, "yearly", "上一年度营业收入50亿元以上的企业")
    assert top.thresholds[0]["op"] == ">=" and top.thresholds[0]["amount_cny"] == 5e9
    middle = _by_amount(records, 1_500_000)
    assert middle.thresholds[0]["op"] == "between"
    assert (middle.thresholds[0]["amount_cny"], middle.thresholds[0]["amount_max_cny"]) == (1e9, 5e9)
    assert not [r for r in records if r.benefit_kind == "unspecified" and r.section.startswith("第八条")]


def test_refund_rate_and_guaranteed_loan_caps_from_the_pdf():
    """012 (国发〔2018〕39号, .pdf): 返还…50%; 最高不超过15万元 / 300万元 创业担保贷款."""
    records = _file(DATA / "dev-real" / "012_state-council_employment-promotion-opinions-guofa-2018-39.pdf")
    refund = next(r for r in records if r.rate == 50 and "失业保险费" in r.benefit)
    assert refund.beneficiary == "不裁员或少裁员的参保企业"
    person, firm = _by_amount(records, 150_000), _by_amount(records, 3_000_000)
    assert person.cap and firm.cap and "小微企业" in firm.beneficiary
    assert any("25%" in t["text"] for t in firm.thresholds)


def test_fee_waivers_and_cuts_are_reductions_not_payments():
    """018 and 016: 免收注册费, 收费按原标准降低20%, 担保费率不超过1%, 减半收取."""
    records = _file(
        DATA / "dev-real" / "018_jiangxi_market-regulation-growth-measures-ganshijianzong-2020-1.txt"
    )
    waiver = next(r for r in records if "免收注册费" in r.benefit)
    assert waiver.benefit_kind == "in_kind" and waiver.reduction
    cuts = [r for r in records if r.rate == 20]
    assert len(cuts) == 3 and all(r.reduction for r in cuts)
    finance = _file(
        DATA / "dev-real" / "016_jiangxi_financial-support-epidemic-growth-measures-ganfutingzi-2020-14.txt"
    )
    fee = next(r for r in finance if r.rate == 1)
    assert fee.reduction and "担保费率不超过1%" in fee.benefit
    half = next(r for r in finance if "减半收取" in r.benefit)
    assert (half.benefit_kind, half.rate, half.reduction) == ("in_kind", 50.0, True)


def test_score_tiers_and_usd_thresholds_and_per_ten_thousand_dollars():
    """028 (3/2/1万元) and the bundled Wenzhou policy (实到外资1000万美元以上, 每万美元1000元, 首次超过1亿元…)."""
    bank = _file(
        DATA
        / "dev-real"
        / "028_liaoning-chaoyang_bank-support-assessment-and-rewards-chaozhengbanfa-2010-25.txt"
    )
    assert sorted(r.amount_cny for r in bank if r.amount_cny) == [10_000, 20_000, 30_000]
    wz = _file(KB / "019_wenzhou-open-economy-policy-opinions.txt")
    top = _by_amount(wz, 2_000_000)
    assert "新引进" in top.case and top.frequency == "one-off"
    usd = {(t["what"], t["op"], t["amount_usd"]) for t in top.thresholds if t["currency"] == "USD"}
    assert usd == {("总投资", ">", 2e8), ("当年实到外资", ">=", 1e7)}
    per = next(r for r in wz if r.per == "每万美元")
    assert per.amount_cny == 1000 and any("最高不超过100万元" in x for x in per.limits)
    in_3 = [r for r in wz if r.section == "一、1.（3）"]  # the item sits under 一、 and 1.
    tiers = sorted((r.rate, r.thresholds[0]["amount_cny"]) for r in in_3)
    assert tiers == [(50, 1e8), (60, 1.5e8), (70, 2e8)]


def test_first_recognition_tiers_ranges_years_and_star_ranges():
    """柳河县 (tests/data/incentives): 初次认定 国家/省级, 5%-20%, 前三年/后两年, 100元/亩, 国家2—5星级."""
    key = _file(DATA / "incentives" / "liuhe-2019-key-industries-opinions.txt")
    centre = [r for r in key if "企业技术（研发）中心" in r.source and r.amount_cny in (1_000_000, 300_000)]
    national = next(r for r in centre if r.amount_cny == 1_000_000 and "首次认定" in r.case)
    assert "国家级" in national.case
    span = next(r for r in key if r.rate_text == "5%-20%")
    assert (span.rate, span.rate_min) == (20, 5)
    years = sorted((r.rate, r.years) for r in key if r.limits and "5000万元" in r.limits[0])
    assert years == [(50, 2), (80, 3)]
    acre = next(r for r in key if r.amount_cny == 100 and r.per == "每亩")
    assert acre.frequency == "one-off"
    tourism = _file(DATA / "incentives" / "liuhe-2019-tourism-opinions.txt")
    stars = sorted((r.amount_cny, r.case[-1]) for r in tourism if "乡村旅游示范单位" in r.source)
    assert stars == [(20_000, "2星级"), (40_000, "3星级"), (80_000, "4星级"), (150_000, "5星级")]


def test_table_rows_give_one_record_per_measure_with_the_category_and_unit_columns():
    """023: a ` | ` table; 免征增值税 below 月销售额10万元, 5000元/人, units from the 责任单位 column."""
    records = _file(
        DATA
        / "dev-real"
        / "023_chongqing_enterprise-burden-reduction-policy-list-12th-batch-yuqijianfuban-2024-16.txt"
    )
    vat = next(r for r in records if "免征增值税" in r.benefit)
    assert vat.benefit_kind == "in_kind" and vat.units == ["重庆市税务局"] and vat.title == "税收优惠"
    assert vat.thresholds[0]["op"] == "<=" and vat.thresholds[0]["amount_cny"] == 100_000
    hire = next(r for r in records if r.amount_cny == 5000)
    assert (hire.benefit_kind, hire.per, hire.title) == ("per_unit", "每人", "一次性吸纳就业补贴")
    assert "小微企业" in hire.beneficiary and any("只享受一次" in x for x in hire.limits)


@pytest.mark.parametrize(
    "name",
    [
        "001_beijing_foreign-investment-regulations-2024.txt",
        "002_guangdong_fie-rights-protection-regulations-2022.txt",
        "004_shandong_economic-development-zone-regulations-2016.txt",
        "009_zhejiang_private-enterprise-development-promotion-regulations-2020.txt",
        "027_chongqing_industrial-design-action-plan-2024-2027-yujingxinfuwu-2024-16.txt",
        "035_shandong-jinan_digital-pioneer-city-promotion-plan-2021.txt",
    ],
)
def test_laws_and_plans_give_no_amounts(name: str):
    """Laws and action plans: at most an unstated 给予奖励, never an amount (their figures are targets)."""
    records = _file(DATA / "dev-real" / name)
    assert all(
        r.benefit_kind in ("unspecified", "in_kind") and r.amount_cny is None and r.rate is None
        for r in records
    )
    assert len(records) <= 3


def test_targets_policy_making_budgets_and_compensation_are_not_incentives():
    text = (
        "一、总体目标\n到2025年，全市实际利用外资达到40亿美元，引进世界500强企业10家，对外贸易总额突破1000亿元。\n"
        "二、保障措施\n市、区人民政府可以在法定权限内制定费用减免、用地指标保障、招商引资奖励等促进外商投资的政策。\n"
        "设立规模不低于1亿元的重点产业发展引导资金，列入县财政预算，用于重点产业发展补助和奖励。\n"
        "因公共利益需要征收外商投资企业财产的，应当依法给予公平、合理的补偿。\n"
        "社会办养老机构在获得市级建设补贴后1年内，可向新区社会保障局申请区级建设补贴并提交以下材料：\n"
    )
    assert _records(text) == []


def test_unstated_grants_in_prose_are_unspecified_with_their_own_words():
    """The 临港 opinions: 每月给予临港津贴, 给予一定的财政扶持 — no invented amount."""
    records = _file(DATA / "incentives" / "shanghai-lingang-2016-dual-special-policy-opinions.txt")
    allowance = next(r for r in records if "临港津贴" in r.benefit)
    assert (allowance.benefit_kind, allowance.frequency, allowance.amount_cny) == (
        "unspecified",
        "monthly",
        None,
    )
    assert not [r for r in records if "优先向临港地区布局" in r.benefit or "税收增量返还" in r.benefit]


def test_validity_comes_from_the_document():
    """029 says 有效期3年; with the sheet's date as admin metadata every record carries the end date
    (three years from 2020-06-02 end on 2023-06-01, the day before the anniversary)."""
    path = DATA / "dev-real" / "029_shandong-jinan_ai-pilot-zone-policies-draft-2020.txt"
    doc = parse_document(
        LoadedFile(
            path=str(path), text=path.read_text("utf-8"), format="txt", metadata={"date": "2020-06-02"}
        )
    )
    assert doc.valid_until == "2023-06-01"
    assert doc.records.incentives and {r.valid_until for r in doc.records.incentives} == {"2023-06-01"}


def test_english_documents_give_no_incentive_records():
    assert _file(DATA / "dev-real" / "038_en_us-commercial-guide-china-establishing-an-office.txt") == []


def test_parallel_recipients_listed_by_commas_each_get_their_own_tier_and_the_period_after_the_run():
    """A news page of 太原 (2018): 博士 and 硕士 are two comma-listed recipients of one 分别 clause;
    the 、 inside the second names which 硕士, not a second tier. 补贴时间为5年 closes the run."""
    text = (
        "一是人才补贴。生活补助,全日制博士研究生,世界排名前200名大学、教育部公布的一流大学建设高校和“双一流”"
        "建设学科的硕士研究生,由市财政每月分别给予5000元、3000元的生活补助,补贴时间为5年。"
    )
    records = _records(text)
    phd, master = _by_amount(records, 5000), _by_amount(records, 3000)
    assert phd.beneficiary == "全日制博士研究生" and not any("硕士" in c for c in phd.conditions)
    assert "硕士研究生" in master.beneficiary and not any("博士研究生" in c for c in master.conditions)
    assert phd.years == master.years == 5


def test_caps_by_category_after_a_rate_make_one_capped_record_per_category():
    """宁波 3511 项目补助 (2020): "给予10%的分类补助。其中：…项目最高补助5000万元，…；其他项目最高补助2000万元"."""
    text = (
        "对投资规模1亿元(含)以上的“3511”产业重大工业投资项目,按照实际投入(仅指设备、技术及软件投入,下同)给予10%的分类补助。"
        "其中:集成电路产业、智能装备产业项目最高补助5000万元,八大细分行业中其他项目最高补助3000万元;其他项目最高补助2000万元。"
    )
    records = _records(text)
    assert sorted((r.rate, r.amount_cny, r.cap) for r in records) == [(10.0, 2e7, True), (10.0, 3e7, True), (10.0, 5e7, True)]
    chip = next(r for r in records if r.amount_cny == 5e7)
    assert chip.beneficiary == "集成电路产业、智能装备产业项目"


def test_a_refund_schedule_by_year_is_one_record_per_tier_and_b_shares_the_lead_of_a():
    """重庆江津工业园区优惠政策: "标准为：A、…，第一年返40%，第二年返30%…；B、…第二年返40%；第三年返30%…"."""
    text = (
        "自企业投产之日起，增值税地方留成部分由园区管委会奖励企业标准为：A、投资1000万元以上，单位年产值达150万元/亩，"
        "第一年返40%，第二年返30%，第三年返20%；B、投资1000万元以上，单位年产值达250万元/亩，第一年返50%，第二年返40%；"
        "第三年返30%，第四年返20%。"
    )
    records = _records(text)
    assert [(r.rate, r.years) for r in records] == [(40.0, 3), (50.0, 4)]
    b = records[1]
    assert b.benefit == "第一年返50%，第二年返40%，第三年返30%，第四年返20%"
    assert any("增值税地方留成" in c for c in b.conditions)
    from knowledge.incentive_text import describe_en

    assert "50% in year 1, 40% in year 2, 30% in year 3, 20% in year 4" in describe_en(b)


def test_a_bare_unit_before_以上_is_one_of_it():
    """漯河招商引资激励办法: "引进项目实际投资亿元及以上的，一次性奖励资金20万元"."""
    from knowledge.extract.incentive_conditions import thresholds

    (t,) = thresholds("引进项目实际投资亿元及以上的")
    assert (t["amount_cny"], t["op"]) == (1e8, ">=")
