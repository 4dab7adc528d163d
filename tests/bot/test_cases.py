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


# --- what a met clause pays for the asker's case (real clauses, parsed by the real parser) ------------

def _clauses(text: str) -> list[Incentive]:
    from knowledge.gov_parse import parse_document
    from knowledge.models import LoadedFile

    return parse_document(LoadedFile(path="snippet.txt", text=text, format="txt", metadata={})).records.incentives


def _told(question: str):
    from bot.understand import words_before
    from knowledge.extract.figures import find_amounts
    from knowledge.normalize import normalize

    found = find_amounts(normalize(question))
    return [a for _, a in found], words_before(normalize(question), found)


def _paying(records: list[Incentive], question: str):
    from bot.cases import estimate

    amounts, words = _told(question)
    met = [r for r in records if case_fit(r, amounts, [], words).value > 0]
    assert len(met) == 1, [r.benefit for r in met]
    return met[0], estimate(met[0], amounts, words)


# 无棣县县级外经贸发展奖励办法 (a county's foreign-trade rewards, public web page)
WUDI = ("一、对外贸易奖励\n"
        "（一）对当年度进出口额10亿元以上（含10亿元）、增幅在5%以上的企业，进出口额比上年度每增加2000万元，给予奖励1万元，最高奖励30万元。\n"
        "（二）对当年度进出口额1亿元-10亿元（含1亿元）、增幅在10%以上的企业，进出口额比上年度每增加1000万元，给予奖励1万元，最高奖励20万元。\n")  # fmt: skip
# 大通县招商引资引荐奖励办法 第二条（一）1、
DATONG = ("第二条 引进项目资金的奖励条件和标准\n（一）引进并形成固定资产投资的项目资金的奖励条件和标准\n"
          "1、引进工业类项目资金：固定资产投资在100万元到1000万元（不含1000万元）的项目，按形成固定资产实际投资额的1%给予奖励；"
          "固定资产投资在1000万元到1亿元（不含1亿元）的项目，按形成固定资产实际投资额的2%给予奖励；"
          "固定资产投资在1亿元到5亿元（不含5亿元）的项目，按形成固定资产实际投资额的2.5%给予奖励；"
          "固定资产投资在5亿元以上的项目，按形成固定资产实际投资额的3%给予奖励。\n")  # fmt: skip
# 温州 关于进一步加快开放型经济发展的若干政策意见 一、1.（2） (knowledge_base)
WENZHOU = ("一、鼓励外资招引\n1.鼓励外资总部落户。\n（2）对新设立的外商投资性公司（不含基金公司），注册资本超3000万美元的，"
           "对其投资我市项目的实到外资，给予每万美元1000元的奖励，最高不超过100万元。\n")  # fmt: skip


def test_each_amount_is_compared_with_the_condition_its_words_name():
    amounts, words = _told("今年进出口额5.6亿元，比上年增加6000万元，增幅12%，能拿多少？")
    assert words[:2] == ["今年进出口额", "比上年增加"]
    tiers = _clauses(WUDI)
    fits = [case_fit(r, amounts, [], words).value for r in tiers]
    assert fits[0] < 0 < fits[1]  # 5.6亿元 is under the 10亿元 tier: the 1亿–10亿元 tier pays
    assert case_fit(tiers[1], amounts, []).value < 0  # without the words the last amount (6000万元) was compared


def test_an_amount_per_step_of_growth_is_counted_and_capped():
    r, e = _paying(_clauses(WUDI), "进出口额5.6亿元，比上年增加6000万元，增幅12%")
    assert e is not None and e.value == 60_000 and e.base.text == "6000万元" and e.cap is None
    _, big = _paying(_clauses(WUDI), "进出口额5亿元，比上年增加4亿元，增幅20%")
    assert big is not None and big.value == 200_000 and big.cap is not None  # 40 steps, capped at 20万元


def test_a_rate_of_the_amount_that_met_the_tier():
    r, e = _paying(_clauses(DATONG), "形成固定资产投资3亿元")
    assert r.rate == 2.5 and e is not None and e.value == 7_500_000 and e.currency == "CNY"


def test_a_per_unit_amount_is_paid_on_the_amount_the_conditions_were_not_checked_on():
    r, e = _paying(_clauses(WENZHOU), "新设外商投资性公司，注册资本5000万美元，实到外资800万美元，能拿多少？")
    assert e is not None and e.base.text == "800万美元" and e.value == 800_000 and e.currency == "CNY"
    _, capped = _paying(_clauses(WENZHOU), "注册资本5000万美元，实到外资2000万美元")
    assert capped is not None and capped.value == 1_000_000 and capped.cap is not None


def test_a_fixed_sum_has_no_estimate():
    from bot.cases import estimate

    fixed = clause("企业", BRACKET)
    assert estimate(fixed, [amount("20亿元")], ["营业收入"]) is None


def test_the_estimate_is_stated_first_in_either_language():
    from bot.compose import estimate_line

    _, e = _paying(_clauses(DATONG), "形成固定资产投资3亿元")
    assert estimate_line(e, "zh") == "按所述情况约可得750万元（3亿元×2.5%）。"
    assert estimate_line(e, "en").startswith("For the case described: about RMB 7.5 million")


# 重庆江津工业园区优惠政策 二、（二）: two thresholds per tier, a refund schedule of a tax nobody told
JIANGJIN = ("自企业投产之日起，增值税地方留成部分由园区管委会奖励企业标准为：A、投资1000万元以上，单位年产值达150万元/亩，"
            "第一年返40%，第二年返30%，第三年返20%；B、投资1000万元以上，单位年产值达250万元/亩，第一年返50%，第二年返40%，"
            "第三年返30%，第四年返20%。\n")  # fmt: skip
# 宁波 3511 项目补助: the amount told is both the tier's test and what the rate is of
NINGBO = ("对投资规模1亿元(含)以上的“3511”产业重大工业投资项目,按照实际投入(仅指设备、技术及软件投入,下同)给予10%的分类补助。"
          "其中:集成电路产业、智能装备产业项目最高补助5000万元,八大细分行业中其他项目最高补助3000万元;其他项目最高补助2000万元。\n")  # fmt: skip


def test_of_tiers_met_on_two_thresholds_the_closest_on_both_fits_best():
    amounts, words = _told("我们投资1500万元，投产后每亩年产值能到260万元，增值税地方留成部分怎么返？")
    a, b = _clauses(JIANGJIN)
    assert 0 < case_fit(a, amounts, [], words).value < case_fit(b, amounts, [], words).value


def test_a_rate_of_something_nobody_told_has_no_estimate_but_one_of_the_told_amount_does():
    from bot.cases import estimate

    amounts, words = _told("我们投资1500万元，投产后每亩年产值能到260万元")
    assert all(estimate(r, amounts, words) is None for r in _clauses(JIANGJIN))
    amounts, words = _told("一个集成电路项目设备、技术和软件实际投入8亿元，补助最多能拿多少？")
    chip = next(r for r in _clauses(NINGBO) if r.amount_cny == 5e7)
    e = estimate(chip, amounts, words)
    assert e is not None and e.value == 5e7 and e.cap is not None  # 8亿元×10% = 8000万元, capped


# 温州 关于进一步加快开放型经济发展的若干政策意见 一、1.（3） (knowledge_base)
WENZHOU_TAX = ("一、鼓励外资招引\n1.鼓励外资总部落户。\n（3）对外商投资企业当年入库税收首次超过1亿元、1.5亿元、2亿元的给予奖励，"
               "奖励额度分别参照其当年形成地方综合贡献度的50%、60%、70%确定。\n")  # fmt: skip


def test_the_askers_case_is_what_holds_now_and_a_rate_of_an_untold_base_is_not_computed():
    from bot.cases import estimate

    amounts, words = _told("去年入库税收1.2亿元，今年第一次超过1.5亿元、到了1.6亿元，政策上怎么奖励？")
    fits = {r.rate: case_fit(r, amounts, [], words).value for r in _clauses(WENZHOU_TAX)}
    assert fits[70.0] < 0 < fits[50.0] < fits[60.0]  # 1.6亿元 is compared, not last year's 1.2亿元
    assert all(estimate(r, amounts, words) is None for r in _clauses(WENZHOU_TAX))  # 贡献度 was not told


def test_an_english_clause_pays_its_rate_of_the_amount_told_capped_where_it_says():
    from bot.cases import estimate_en

    clause = ("One percent of the actual investment shall be awarded to project intermediaries who have introduced "
              "a total investment of 10 million yuan or more, up to a maximum reward of 5 million yuan.")  # 阳泉 (English page)
    e = estimate_en(clause, [amount("RMB 300 million")])
    assert e is not None and e.value == 3e6 and e.cap is None
    capped = estimate_en(clause, [amount("RMB 800 million")])
    assert capped is not None and capped.value == 5e6 and capped.cap is not None
    assert estimate_en("Rewards shall be given to the intermediaries.", [amount("RMB 300 million")]) is None


# 诸暨 补充意见 (bundled 001) and a county's 优惠规章 (eval/h3-other o22): graded provisions
LAND = "过户土地面积3亩（含）至10亩奖励20万元、过户土地面积10亩（含）至30亩奖励50万元；过户土地面积30亩（含）以上的奖励80万元。"
BANDS = ("固定资产投资在2000万元以上3000万元以下的，补贴42%；固定资产投资3000万元以上5000万元以下的，补贴60%；"
         "固定资产投资5000万元以上，且每亩土地的固定资产投资在100万元以上的，补贴80%。")  # fmt: skip


def told(text: str) -> list:
    from knowledge.amounts import find_quantities

    return [a for _, a in find_quantities(text)] or [amount(text)]


def test_a_graded_sentence_is_met_by_the_tier_the_case_falls_in():
    from bot.cases import met_tier, sentence_fit, tiers

    assert len(tiers(LAND)) == 3 and len(tiers(BANDS)) == 3
    for case, paid in (("15亩", "50万元"), ("35 mu", "80万元"), ("4000万元", "60%")):
        text = BANDS if "万元" in case else LAND
        assert sentence_fit(text, told(case), []).value > 0.9, case
        assert paid in (met_tier(text, told(case), []) or ""), case
    assert sentence_fit(LAND, told("2亩"), []).value == -1.0  # below every tier
    assert met_tier(LAND, told("2亩"), []) is None


def test_measured_quantities_compare_in_their_own_unit_never_with_money():
    from knowledge.amounts import find_quantities

    [(_, q)] = find_quantities("1.5万平方米")
    assert (q.value, q.unit, q.currency) == (15000.0, "平方米", None)
    assert find_quantities("12 mutual funds, 35 multi-storey") == []
    # 35亩 says nothing about a sum of money: a money tier is neither met nor contradicted by it
    assert sentence_fit_value(BANDS, "35亩") == 0.0


def sentence_fit_value(text: str, case: str) -> float:
    from bot.cases import sentence_fit

    return sentence_fit(text, told(case), []).value


def test_a_range_printed_as_x以上y以下_is_one_measure():
    from knowledge.extract.incentive_conditions import thresholds

    found = thresholds("固定资产投资3000万元以上5000万元以下的")
    assert [(t["what"], t["op"]) for t in found] == [("固定资产投资", ">="), ("固定资产投资", "<=")]
    assert found[1]["text"] == "固定资产投资5000万元以下"


def test_a_fiscal_level_is_no_case_of_the_asker():
    from bot.docrefs import DocIndex, DocRefs
    from bot.understand import _own_case

    assert _own_case("固定资产投资4000万元，土地净收益县级留成能补贴多少？", DocRefs(), DocIndex({})) == []
    assert _own_case("我们是县级龙头企业，能补多少？", DocRefs(), DocIndex({})) == ["县级"]


def test_a_graded_provision_short_enough_is_stated_whole():
    from bot.sentences import fact_head

    first = ("投资新建或并购固定资产投资在1000万元以上的生产型、经营型、科技型企业，从投产经营年度起5年内，前3年企业缴纳的"
             "所得税县级留成部分，由同级财政扶持企业；后2年企业缴纳所得税县级留成部分的50%，由同级财政扶持企业。")  # fmt: skip
    head = fact_head(first, lambda c: 0.5 if "所得税" in c else 0.0, {"amount": 1.0})
    assert "前3年" in head and "50%" in head
    # one half that states nothing asked keeps the head to the clauses that do
    prose = "各地要加强组织领导，明确责任分工，确保各项政策措施落到实处，形成工作合力；" * 2 + "对新引进项目给予一次性奖励100万元。"
    assert "100万元" in fact_head(prose, lambda c: 0.0, {"amount": 1.0}) and len(fact_head(prose, lambda c: 0.0, {"amount": 1.0})) < len(prose)


def test_over_is_a_condition_and_not_over_is_a_cap():
    from bot.cases import text_thresholds

    found = text_thresholds("对新设立的外商投资性公司，注册资本超3000万美元的，给予每万美元1000元的奖励，最高不超过100万元")
    assert [(t["op"], t["amount_usd"]) for t in found] == [(">", 3e7)]


def test_an_english_askers_amounts_are_matched_to_the_conditions_they_are_of():
    from bot.cases import case_fit
    from bot.understand import _en_amount_words
    from knowledge.extract.figures import find_amounts

    q = "We are a new investment company with US$50 million registered capital. This year we put US$8 million of paid-in foreign capital into local projects."
    found = find_amounts(q)
    words = _en_amount_words(q, found)
    assert "注册资本" in words[0] and "外资" in words[1] and "注册资本" not in words[1]
    registered = [{"what": "注册资本", "op": ">", "amount_usd": 3e7, "currency": "USD", "text": "注册资本超3000万美元"}]
    fit = case_fit(clause("外商投资性公司", registered), [a for _, a in found], [], words)
    assert fit.value > 0 and "US$50 million" in fit.reason  # not the US$8 million put into projects


def test_an_amount_told_as_above_a_threshold_meets_over_that_threshold():
    from bot.cases import case_fit

    over = [{"what": "入库税收", "op": ">", "amount_cny": 2e8, "currency": "CNY", "text": "入库税收首次超过2亿元"}]
    told = [amount("RMB 200 million")]
    assert case_fit(clause("外商投资企业", over), told, [], ["tax goes above"]).value > 0
    assert case_fit(clause("外商投资企业", over), told, [], ["tax of exactly"]).value == -1.0


def test_a_respective_list_pays_the_tier_the_askers_amount_reaches():
    from bot.cases import respective_tier

    text = "对外商投资企业当年入库税收首次超过1亿元、1.5亿元、2亿元的给予奖励，奖励额度分别参照其当年形成地方综合贡献度的50%、60%、70%确定。"
    reached, pays = respective_tier(text, [amount("RMB 200 million")])
    assert (reached.text, pays.text) == ("2亿元", "70%")
    assert respective_tier(text, [amount("1.2亿元")])[1].text == "50%"
    assert respective_tier(text, [amount("5000万元")]) is None  # below every tier


def test_a_follow_up_naming_nothing_or_a_bare_sum_reads_the_question_it_follows():
    from bot.understand import _in_currency_of, is_followup

    assert is_followup("完成率是多少？") and is_followup("谁牵头？")
    assert not is_followup("QFLP是什么？") and not is_followup("营商环境怎么样？") and not is_followup("绍兴在哪？")
    [(_, a)] = _in_currency_of("And if its tax paid goes above 200 million?", "the first year its tax exceeds RMB 100 million")
    assert a.currency == "CNY" and a.amount_cny == 2e8


def test_an_amount_range_with_one_unit_is_read_as_a_condition():
    from bot.cases import text_thresholds

    low, high = text_thresholds("固定资产投资5000-10000万元项目，按实际完成固定资产投资额2‰给予奖励")
    assert (low["op"], low["amount_cny"], high["op"], high["amount_cny"]) == (">=", 5e7, "<", 1e8)


def test_a_threshold_offered_as_one_way_in_does_not_bar_the_case():
    """温州 开放型经济 policy: 世界500强 projects, or projects of over US$200 million, with US$10 million paid in."""
    from knowledge.extract.incentive_conditions import thresholds

    text = ("对新引进的世界500强企业外商投资项目,或总投资超过2亿美元的外商投资大项目,当年实到外资1000万美元以上的,"
            "给予外商投资企业200万元一次性奖励")  # fmt: skip
    ts = thresholds(text)
    assert [t.get("alternative", False) for t in ts] == [True, False]
    fit = case_fit(clause("世界500强企业外商投资项目", ts), [amount("1200万美元")], [])
    assert fit.value > 0, fit
    assert case_fit(clause("世界500强企业外商投资项目", ts), [amount("800万美元")], []).value < 0
