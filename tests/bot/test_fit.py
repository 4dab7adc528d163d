"""The ranking fit: weights, per-language thresholds and the floors under which a high score is
still no answer, on feature rows built here (the fit sees nothing else)."""

from __future__ import annotations

import math
import random

import numpy as np

from bot import fit
from bot.candidates import Candidate
from bot.ranking import FEATURES, Model, load_model


def row(**values: float) -> np.ndarray:
    return np.asarray([values.get(f, 0.0) for f in FEATURES])


def example(i: int, lang: str, answerable: bool) -> fit.Example:
    return fit.Example(f"q{i}", "?", "staff", [["x"]] if answerable else [], lang=lang, source="generated")


def data(lang: str, n: int, rng: random.Random, on_topic: float, absent_topic: float) -> list:
    """Answerable questions: a right candidate on topic beside a wrong one. Absent questions: a
    candidate that fits everything but the topic (kind, document, place, year, …), so that its
    score is as high as an answer's."""
    out = []
    for i in range(n):
        right = row(dense=on_topic + rng.random() * 0.2, lex_q=0.5, kind=1.0, doc=1.0)
        wrong = row(dense=0.2, lex_q=0.1, kind=0.5)
        out.append((example(i, lang, True), np.vstack([right, wrong]), np.asarray([1.0, 0.0])))
    for i in range(n, n + n // 2):
        off = row(dense=absent_topic, kind=1.0, doc=1.0, carries=1.0, place=1.0, year=1.0, rank=1.0, recent=1.0,
                  home=1.0, case=1.0)  # fmt: skip
        out.append((example(i, lang, False), np.vstack([off]), np.asarray([0.0])))
    return out


def test_choose_threshold_separates_answers_from_absent_ones():
    tops = [(s, True, True, 1.0) for s in (5.0, 6.0, 7.0)] + [(s, False, False, 1.0) for s in (1.0, 2.0)]
    t = fit.choose_threshold(tops)
    assert 2.0 < t <= 5.0


def test_floor_refuses_a_high_score_that_is_off_topic():
    # absent questions score as high as answers, but their topical part is lower
    tops = [(8.0, True, True, 1.0, 3.0, 1.0) for _ in range(6)] + [(8.0, False, False, 1.0, 0.5, 1.0) for _ in range(3)]
    floor = fit.choose_floor(tops, 6.0, {}, 4)
    assert 0.5 < floor <= 3.0
    # when the signal does not tell them apart, no floor
    same = [(8.0, True, True, 1.0, 1.0, 1.0) for _ in range(6)] + [(8.0, False, False, 1.0, 1.0, 1.0) for _ in range(3)]
    assert fit.choose_floor(same, 6.0, {}, 4) == -math.inf


def test_fit_gives_each_language_with_enough_questions_its_own_threshold_and_floor():
    rng = random.Random(3)
    rows = data("zh", 60, rng, on_topic=0.8, absent_topic=0.1) + data("en", 60, rng, on_topic=0.4, absent_topic=0.05)
    rows += data("fr", 4, rng, on_topic=0.8, absent_topic=0.1)  # too few: the overall threshold
    model, report = fit.fit(rows)
    assert set(model.thresholds) == {"zh", "en"}
    assert model.threshold_for("fr") == model.threshold
    assert "topical" in model.floors["zh"]
    assert report["by_language"]["en"]["train"]["refused_share"] > 0.9
    assert report["by_language"]["zh"]["train"]["right_share"] > 0.9


def test_model_answers_only_above_its_threshold_and_floors(tmp_path):
    model = Model({f: 1.0 for f in FEATURES}, 2.0, {"en": 1.0}, {"zh": {"topical": 1.0, "carries": 0.5}})
    strong = Candidate("sentence", None, "d", "", "", features={"dense": 0.6, "lex_q": 0.6, "carries": 1.0, "kind": 1.0})
    off_topic = Candidate("sentence", None, "d", "", "", features={"dense": 0.1, "kind": 1.0, "doc": 1.0, "carries": 1.0})
    no_fact = Candidate("sentence", None, "d", "", "", features={"dense": 0.6, "lex_q": 0.6, "kind": 1.0, "carries": 0.0})
    for c in (strong, off_topic, no_fact):
        c.score = model.score(c)
    assert model.answers(strong, "zh")
    assert not model.answers(off_topic, "zh")  # score 3.1 ≥ 2 but topical 0.1 < 1
    assert not model.answers(no_fact, "zh")  # on topic, but states no fact of the asked kind
    assert model.answers(no_fact, "en")  # English has no floors and a lower threshold
    path = tmp_path / "ranking.json"
    fit.save(model, {}, path)
    again = load_model(str(path))
    assert again.thresholds == {"en": 1.0} and again.floors == {"zh": {"topical": 1.0, "carries": 0.5}}


def test_english_questions_are_generated_from_a_records_glossary_terms():
    rng = random.Random(1)
    made = fit._english("responsibility", "引进外资项目和跨国公司地区总部", "市商务局", rng)
    assert made is not None
    question, answers = made
    assert question.isascii() and len(question.split()) >= 4
    assert answers[0] == "市商务局"
    assert fit._english("responsibility", "某某某", "市商务局", rng) is None  # nothing to say it with
