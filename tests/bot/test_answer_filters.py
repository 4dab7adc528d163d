"""What rules a candidate out before ranking: a target for a question on what was achieved, a
figure of other years for a question naming a year."""

from __future__ import annotations

from types import SimpleNamespace

from bot.candidates import Candidate
from bot.filters import aims, other_years
from bot.sentences import states_target
from bot.understand import _ACTUAL_ASK


def _sentence(text: str, section: str = "") -> Candidate:
    return Candidate("sentence", SimpleNamespace(text=text), "doc", "", text, chunk=SimpleNamespace(section=section))


def test_asking_what_was_achieved_is_told_from_asking_for_a_target():
    assert _ACTUAL_ASK.search("绍兴2023年全年实际利用外资最终完成了多少？")
    assert _ACTUAL_ASK.search("How much foreign investment did Zhejiang actually use in 2022?")
    assert not _ACTUAL_ASK.search("2023到2025年累计利用外资的目标是多少？")
    assert not _ACTUAL_ASK.search("实际利用外资的考核标准是什么？")  # the indicator's name is no tense


def test_a_target_sentence_is_known_by_its_cue_or_its_heading():
    assert states_target("2023—2025年，累计实际利用外资40亿美元以上，引进总投资1亿美元以上项目25个。")
    assert states_target("力争全年引进项目30个")
    assert states_target("外资规模稳步提升", section="一、总体目标")
    assert not states_target("2022年实际使用外资193亿美元，位列全国第五")
    assert aims(_sentence("到2025年，实际利用外资达到10亿美元"))
    assert not aims(_sentence("1-8月完成投资622.2亿元，占年度计划的73%"))


def test_a_figure_of_other_years_is_not_one_of_the_year_asked():
    assert other_years(_sentence("2021年全市实际利用外资13509万美元，同比增长20%"), ["2023"])
    assert not other_years(_sentence("2023—2025年，累计实际利用外资40亿美元以上"), ["2024"])
    assert not other_years(_sentence("全市实际利用外资13509万美元"), ["2023"])  # states no year: may be of any


def test_of_the_tiers_of_one_clause_only_the_closest_met_one_stays():
    from bot.filters import closest_tier

    def tier(case: float, source: str = "标准为：A、…；B、…") -> Candidate:
        return Candidate("incentive", SimpleNamespace(source=source), "doc", "", "", {"case": case})

    a, b, other, unmet = tier(0.93), tier(0.98), tier(0.91, "另一条"), tier(-1.0)
    assert closest_tier([a, b, other, unmet]) == [b, other, unmet]


def test_another_place_rules_a_document_out_in_chinese_and_only_weighs_in_english():
    from bot.filters import by_place

    def at(place: float) -> Candidate:
        return Candidate("sentence", SimpleNamespace(text=""), "doc", "", "", {"place": place})

    here, there = at(1.0), at(-1.0)
    assert by_place([here, there], "zh") == [here]
    kept = by_place([at(1.0), at(-1.0)], "en")
    assert [c.features["place"] for c in kept] == [1.0, 0.0]


def test_a_plans_figure_is_no_achievement_but_its_completed_share_is():
    def figure(subject: str, kind: str = "figure") -> Candidate:
        return Candidate("figure", SimpleNamespace(kind=kind, subject=subject), "doc", "", subject)

    assert aims(figure("年度计划投资")) and aims(figure("累计实际利用外资", kind="target"))
    assert not aims(figure("占年度计划")) and not aims(figure("共完成投资"))


def test_months_so_far_are_asked_as_reports_print_them():
    from bot.understand import months_as_printed

    assert months_as_printed("汉中2018年前8个月重点项目完成投资多少？") == "汉中2018年1-8月重点项目完成投资多少？"
    assert months_as_printed("前十一个月") == "1-11月" and months_as_printed("前二十个月") == "前二十个月"


def test_the_record_of_the_tier_the_case_meets_comes_before_its_own_sentence():
    from bot.filters import case_first

    def cand(kind: str, score: float, case: float = 0.0, doc: str = "doc") -> Candidate:
        c = Candidate(kind, SimpleNamespace(source=""), doc, "", kind, {"case": case})
        c.score = score
        return c

    sentence, tier, other_doc = cand("sentence", 7.8), cand("incentive", 7.0, 0.99), cand("incentive", 7.5, 0.99, "另一份")
    u = SimpleNamespace(amounts=["3500万元"])
    assert case_first(u, [sentence, other_doc, tier])[0] is tier
    assert case_first(SimpleNamespace(amounts=[]), [sentence, tier])[0] is sentence  # no case told


def test_the_measure_an_amount_is_asked_per_and_english_asks_for_rates_and_money():
    from bot.understand import asked_per, part_fact

    assert "平方米" in asked_per("天河区人才公寓的租金是每平方米每月多少钱？")
    assert "亩" in asked_per("What is the price of industrial land per mu in the zone?")
    assert asked_per("每人每月补多少钱？") == ()  # per person is who is paid, not a measure asked
    assert part_fact("what corporate income tax rate do high-tech companies pay?", "en") == "percent"
    assert part_fact("what is the minimum registered capital for a fund manager?", "en") == "money"


def test_a_year_compared_with_is_not_the_texts_own_and_a_yearless_text_takes_its_documents():
    from bot.candidates import _year, doc_years

    u = SimpleNamespace(years=["2020"])
    # the bundled 2020 completion table, published in January 2021
    assert _year(u, "35个市县长项目中,已落地29个,落地率82.9%,超过2018、2019年同期落地率。", None, frozenset({"2020"})) == 1.0
    assert _year(u, "2019年全市实现地区生产总值6000亿元", None, frozenset({"2020"})) == -1.0  # its own year rules
    assert _year(u, "全市实现地区生产总值6000亿元", None, frozenset()) == 0.0
    doc = SimpleNamespace(title="Shaoxing key work completion table", subject_title=None,
                          path="knowledge_base/003_shaoxing-2020-key-work-completion-table.txt")
    assert doc_years(doc) == frozenset({"2020"})


def test_an_indicator_named_actual_is_no_ask_for_what_was_achieved_when_the_goal_is_asked():
    from bot.understand import _GOAL_ASK

    q = "What is Quzhou's 2024 goal for actually utilised foreign investment, and what share should go to manufacturing?"
    assert not (_ACTUAL_ASK.search(q) and not _GOAL_ASK.search(q))
    assert _ACTUAL_ASK.search("How much foreign capital did the city actually attract last year?")


def test_the_dates_of_a_window_the_text_sets_are_not_the_documents_own():
    from bot.candidates import _DEADLINE

    assert _DEADLINE.search("征求意见稿里，征集意见的时间是从哪天到哪天？")
    assert _DEADLINE.search("申报时间是什么时候？")
    assert not _DEADLINE.search("这份征求意见稿是哪天发布的？")  # the draft's own date


def test_an_english_question_asking_several_things_has_its_parts_and_their_facts():
    from bot.understand import english_parts, part_fact

    parts = english_parts("Who is the contact, what is the phone number, and what is the deadline?")
    assert [part_fact(p, "en") for p in parts] == ["unit", "phone", "date"]
    assert [part_fact(p, "en") for p in english_parts("Is there an internship subsidy, how much, and for how long?")][1:] == [
        "quantity", "duration"]
    assert english_parts("What is the minimum wage in Shaoxing in 2026?") == ["What is the minimum wage in Shaoxing in 2026?"]


def test_a_date_question_names_the_event_it_asks_the_date_of():
    from bot.understand import asked_event

    assert "开工" in asked_event("中联重科江阴华东基地最后是哪一天正式开工的？")
    assert "签约" in asked_event("When was the agreement signed?")
    assert asked_event("这个办法什么时候施行？") == ()  # the document's own dates answer it
    assert asked_event("项目开工了吗？") == ()  # asks a status, not a date


def test_a_numbered_rule_with_a_clause_break_and_a_full_stop_is_a_sentence_not_a_heading():
    from bot.candidates import _is_heading

    assert not _is_heading("二、责任分解中,列第一位的责任单位为牵头单位或汇总单位。")
    assert _is_heading("二、主要目标")


def test_a_sum_asked_names_what_it_is_the_sum_of():
    from bot.understand import asked_money

    assert "到位" in asked_money("Of the 33 projects signed, how much capital has actually been paid in so far?")
    assert asked_money("签约金额是多少？") == ("签约",)
    assert asked_money("这个项目投资多少？") == ()


def test_a_part_is_answered_by_what_sets_it_apart_and_of_the_year_asked():
    from bot.answer import Assistant
    from bot.text_match import raw_bigrams

    shared = "柳河经济开发区截止2021年上半年各是多少"
    u = SimpleNamespace(parts=[raw_bigrams("工业产值" + shared), raw_bigrams("税收" + shared)], part_facts=[None, None])

    def cand(text: str, score: float, year: float = 1.0) -> Candidate:
        return Candidate("sentence", SimpleNamespace(text=text), "doc", "", text, {"year": year}, score=score)

    best = cand("截止2021年上半年，区内完成工业产值12.2亿元，同比增长9.13%。", 8.0)
    profile = cand("柳河经济开发区组建于2005年9月，截止2021年上半年规划总面积12平方公里。", 7.5)
    old_tax = cand("2019年，完成工业产值21.29亿元，税收1.99亿元。", 7.0, year=-1.0)
    tax = cand("税收4936万元，同比增长39.22%。", 6.0)
    chosen = Assistant._answer_set(None, u, [best, profile, old_tax, tax])  # the method reads no state of its own
    assert [c.text for c in chosen] == [best.text, tax.text]


def test_a_who_question_names_the_role_it_asks_after_and_which_ones_is_no_count():
    from bot.understand import asked_role, part_fact

    assert asked_role("那场推介会的承办单位是哪几家？") == ("承办",)
    assert asked_role("推介会由谁主办？") == ("主办",)
    assert asked_role("这项工作由哪个部门牵头？") == ()
    assert part_fact("承办单位是哪几家？") != "count" and part_fact("一共签约了几个项目？") == "count"


def test_a_part_naming_nothing_of_its_own_is_answered_by_the_fact_it_asks_for_in_the_best_document():
    from bot.answer import Assistant
    from bot.text_match import raw_bigrams

    topic = raw_bigrams("火炬开发区政府投资项目库征求意见联系人电话")  # "…, and what is the deadline?"
    u = SimpleNamespace(parts=[topic, topic], part_facts=["phone", "date"], grams=topic)

    def cand(text: str, score: float, doc: str = "torch") -> Candidate:
        return Candidate("sentence", SimpleNamespace(text=text), doc, "", text, {"year": 0.0}, score=score)

    best = cand("联系人：江鸿，联系电话：0760-89873855", 8.4)
    draft = cand("区经科局拟订了《火炬开发区政府投资预备项目库管理办法（征求意见稿）》", 5.9)
    deadline = cand("公众可在2021年2月21日前，可以通过电话、电子邮件等形式向我局反映。", 4.9)
    elsewhere = cand("2021年2月1日起施行。", 8.0, doc="other")
    chosen = Assistant._answer_set(None, u, [best, elsewhere, draft, deadline])
    assert [c.text for c in chosen] == [best.text, deadline.text]


def test_the_askers_origin_is_no_place_the_answer_must_be_of():
    from knowledge.places import asked_places, without_origin

    q = "我是澳门居民，今年44岁，在天河创办的公司里港澳员工占三成，能算港澳青年企业享受政策吗？"
    assert "澳门" not in asked_places(q) and "澳门" not in without_origin(q)
    assert "澳门" in asked_places("澳门的投资环境怎么样？")
    assert "沈阳" in asked_places("我们是沈阳的外资企业，该找哪个部门？")  # where the firm is, not whence


def test_one_items_amount_is_not_the_sum_of_a_list_it_is_in():
    from bot.filters import summed_with_others

    text = "三菱树脂、横滨轮胎、协鑫光伏二期等7个外资项目，合计总投资12.1亿美元；"
    assert summed_with_others(text, "苏州高新区那批开工项目里，横滨轮胎项目单独投资了多少？")
    assert not summed_with_others(text, "苏州高新区开工的外资项目总投资多少？")  # names no item
    assert not summed_with_others("横滨轮胎项目总投资3亿美元。", "横滨轮胎项目投资了多少？")


def test_a_cell_read_alone_gives_way_to_its_row_when_another_column_is_asked():
    from bot.filters import row_first
    from knowledge.models import TableRow

    cells = {"目标名称": "项目引进", "考核内容及指标": "引进浙商回归和杭商回家的10亿以上项目50个。", "完成情况": "29个。", "完成率": "58%"}
    row = TableRow("tz", "", "", 4, cells, "；".join(f"{k}：{v}" for k, v in cells.items()))
    cell = Candidate("sentence", SimpleNamespace(text=cells["考核内容及指标"]), "tz", "", cells["考核内容及指标"], {}, score=10.9)
    as_row = Candidate("table_row", row, "tz", "", row.source, {}, score=10.2)
    asked = SimpleNamespace(original="引进浙商回归和杭商回家10亿以上项目完成了几个？完成率多少？")
    assert row_first(asked, [cell, as_row])[0] is as_row
    # a question about the cell's own column keeps the cell
    own = SimpleNamespace(original="引进浙商回归和杭商回家的10亿以上项目，考核指标是多少个？")
    assert row_first(own, [cell, as_row])[0] is cell


def test_a_sum_asked_of_money_wants_money_and_each_one_is_no_count():
    from bot.sentences import has_fact
    from bot.understand import part_fact

    assert part_fact("桐乡2023年1-5月实际利用外资是多少？") == "money"  # "三种模式" answers no such question
    assert part_fact("实际利用外资增长多少？") == "quantity"
    assert not has_fact("这些成绩的取得，离不开每一家外资企业的信任和付出。", "count")
    assert has_fact("全年新设外资企业3000家。", "count")
