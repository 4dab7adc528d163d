"""English questions spell the documents' own names in pinyin: the corpus says which name is meant."""

from __future__ import annotations

from bot.docrefs import DocIndex
from bot.romanized import Romanized
from knowledge.models import SourceDocument

# openings of real texts: a county's 优惠规章 (eval/h3-other o22) and a 柳河 project sheet (o03)
TEXTS = {
    "县招商引资优惠规章制度": "符合聚鑫经济开发区产业布局，项目总投资在5000万元以上，据信有关部门已经同意，根据数据显示。",
    "中溢炭素年产10万吨项目": "中溢炭素年产10万吨大规格超高功率石墨电极项目，由中溢炭素科技有限公司投资建设，位于柳河县。",
    "中医药产业发展意见": "根据中医药发展规划，支持中医医院建设，推广中医诊疗，根据有关规定，据信息显示。",
}


def test_a_capitalised_spelling_stands_for_the_name_of_the_rarest_characters():
    r = Romanized.build(TEXTS)
    found = dict(r.names_in("What output capacity will Zhongyi Carbon's project in the Juxin Development Zone have?"))
    assert found["zhongyi"] == ["中溢"]  # not 中医: 溢 occurs nowhere else, 医 does
    assert found["juxin"] == ["聚鑫"]  # not 据信, two characters every text uses
    assert r.holders["聚鑫"] == ("县招商引资优惠规章制度",)


def test_words_already_read_and_words_not_spelled_as_names_are_left_alone():
    r = Romanized.build(TEXTS)
    assert r.names_in("juxin zone, ETDZ rules, What Changes", skip=set()) == []  # lower case, acronym, English
    assert r.names_in("Tianhe's measures for Zhongyi", skip={"zhongyi"}) == []


def test_a_spelled_name_refers_to_the_document_whose_text_holds_it():
    docs = {k: SourceDocument(k, f"{k}.txt", "h", k, None, None, None, None, None, "public", "default", "policy", "zh") for k in TEXTS}
    index = DocIndex(docs, None, None, Romanized.build(TEXTS))
    refs = index.resolve("county that hosts the Juxin Development Zone", None, "", ("聚鑫",))
    assert refs.best is not None and refs.best[0] == "县招商引资优惠规章制度"
    assert index.resolve("county that hosts the Juxin Development Zone").of("县招商引资优惠规章制度") == 0.0
