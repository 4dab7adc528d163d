"""Candidate gathering: the cheaper selections equal the plain ones exactly."""

from __future__ import annotations

import numpy as np
import pytest

from bot.candidates import best_first


@pytest.mark.parametrize("seed", range(20))
def test_best_first_is_the_stable_sort_with_ties_in_position_order(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 3000))
    # coarse values: many ties, some of them across the cut
    scores = np.round(rng.random(n) * rng.choice([2, 5, 50, 1000]), 0) / 7
    for keep in (1, 5, 12, 40):
        assert best_first(scores, keep).tolist() == np.argsort(-scores, kind="stable")[:keep].tolist()


def test_best_first_with_nan_and_all_equal():
    scores = np.array([0.5, np.nan, 0.5, 0.9, np.nan] * 40)
    assert best_first(scores, 12).tolist() == np.argsort(-scores, kind="stable")[:12].tolist()
    flat = np.zeros(500)
    assert best_first(flat, 12).tolist() == list(range(12))
    few = np.full(100, np.nan)
    few[[7, 3]] = 1.0
    assert best_first(few, 12).tolist() == np.argsort(-few, kind="stable")[:12].tolist()


def test_record_docs_maps_every_record_to_its_document_once():
    from types import SimpleNamespace

    from bot.knowledge_view import KindView, Knowledge
    from bot.record_index import GramIndex

    def view(doc_nos: list[str]) -> KindView:
        recs = [SimpleNamespace(doc_no=d) for d in doc_nos]
        return KindView(recs, [""] * len(recs), [""] * len(recs), GramIndex([]), GramIndex([]), np.zeros((0, 0)))

    k = Knowledge(kinds={"figures": view(["绍政发〔2023〕1号", "诸政办〔2022〕5号", "绍政发〔2023〕1号"]),
                         "projects": view(["诸政办〔2022〕5号", "重点项目表"])})
    keys, at = k.record_docs()
    assert keys == ["绍政发〔2023〕1号", "诸政办〔2022〕5号", "重点项目表"]
    for kind, v in k.kinds.items():
        assert [keys[i] for i in at[kind]] == [r.doc_no for r in v.records]
    assert k.record_docs()[1] is at  # built once per snapshot


def test_a_passage_naming_the_asked_place_fits_it_in_traditional_script_too():
    """A news copy filed under a province (or none) is about the county its passage names."""
    from types import SimpleNamespace

    from bot.candidates import _passage_place

    u = SimpleNamespace(places=["普安县"])
    assert _passage_place(u, "中招網訊:近日,普安縣抽調精兵強將,組建三個專職招商引資工作隊。") == 1.0
    assert _passage_place(u, "第一分隊由縣投資促進局牽頭,具體負責京、津、魯地區招商引資") == 0.0


def test_a_text_of_no_stated_year_neither_fits_nor_misses_the_year_asked():
    from types import SimpleNamespace

    from bot.candidates import _year

    u = SimpleNamespace(years=["2018"])
    assert _year(u, "1-8月共完成投资622.2亿元", None) == 0.0
    assert _year(u, "2018年全市安排重点项目458个", None) == 1.0
    assert _year(u, "1-8月共完成投资", "2021-09-01") == -1.0


def test_a_deadline_is_never_a_documents_own_date():
    from types import SimpleNamespace

    from bot.candidates import doc_facts

    u = SimpleNamespace(original="广州那份支持方案的征求意见，什么时候截止？")
    assert doc_facts(u, None) == []  # the comment period's end is in the text, not the 成文日期
