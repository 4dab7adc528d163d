"""The vectorised look-ups score exactly as the record-by-record formulas they replaced."""

from __future__ import annotations

import random
import re

import pytest

from bot.lookup import (
    _period_bonus,
    _topic,
    _wanted_measure,
    _years,
    find_figures,
    find_projects,
    find_responsibilities,
)
from bot.record_index import GramIndex
from bot.text_match import bigrams, coverage, similarity
from knowledge.normalize import normalize
from knowledge.places import places_in

ALPHABET = "外资项目招商引资牵头单位市商务局投资促进中心绍兴2025年目标亿美元，。"


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 2, 5, 12, 30])))


def test_overlap_counts_shared_bigrams_of_every_text():
    rng = random.Random(3)
    texts = [_text(rng) for _ in range(300)] + ["绍兴", "绍兴"]  # duplicates are indexed once
    idx = GramIndex(texts)
    for _ in range(50):
        q = _text(rng)
        expected = [len(bigrams(q) & bigrams(t)) for t in texts]
        assert idx.overlap(bigrams(q)).tolist() == expected
    assert idx.sizes.tolist() == [len(bigrams(t)) for t in texts]
    assert GramIndex([]).overlap(bigrams("外资")).tolist() == []


QUESTIONS = [
    "境外商务代表处由哪个单位牵头？", "到2025年实际利用外资的目标是多少？", "海亮集团项目进展如何？",
    "绍兴市投资促进中心的联系人是谁？", "国际产业合作园建设谁负责", "实际利用外资增长多少",
]  # fmt: skip


def _figure_score(k, question: str, f) -> float:  # noqa: ANN001 - the formula as it read record by record
    topic, q = _topic(question, ""), normalize(question)
    s = coverage(topic, f.subject) * 0.6 + coverage(topic, f.source) * 0.4 + _period_bonus(q, _years(q), f.period)
    if "目标" in question or re.search(r"aim|target|goal", question, re.I):
        s += 0.1 if f.kind == "target" else -0.1
    wants = _wanted_measure(question)
    if wants:
        got = "money" if f.currency is not None else "percent" if f.unit == "%" else "count"
        s += 0.25 if got == wants else -0.25
    return s


def _rounded(pairs):  # noqa: ANN001, ANN202
    return [(round(s, 9), r) for s, r in pairs]


@pytest.mark.parametrize("question", QUESTIONS)
def test_record_scores_match_the_per_record_formulas(seed_runtime, question):
    k = seed_runtime.assistant.knowledge("staff")
    topic, qp = _topic(question, ""), places_in(question)
    want = sorted(
        ((max(coverage(r.task, topic) * 0.5 + similarity(topic, r.task), coverage(topic, r.task)), r)
         for r in k.responsibilities if k.place_ok(r.doc_no, qp)),
        key=lambda x: -x[0],
    )  # fmt: skip
    assert _rounded(find_responsibilities(k, question)) == _rounded(want)
    name = lambda p: p.name.removesuffix("项目")  # noqa: E731
    want_p = sorted(
        ((max(coverage(name(p), topic), similarity(topic, name(p))) + (0.3 if p.company and p.company in topic else 0.0), p)
         for p in k.projects),
        key=lambda x: -x[0],
    )  # fmt: skip
    assert _rounded(find_projects(k, question)) == _rounded(want_p)
    want_f = sorted(((_figure_score(k, question, f), f) for f in k.figures if k.place_ok(f.doc_no, qp)), key=lambda x: -x[0])
    assert _rounded(find_figures(k, question)) == _rounded(want_f)[:200]
    assert k.responsibilities and k.figures and k.projects  # the seeds hold every kind
