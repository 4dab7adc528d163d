"""The answer engine's cached features (fact detectors once per text, a passage's sentences and
their bigrams once per passage, per-question values once per question) equal the plain
computations they replace, candidate by candidate, on the real seed index."""

from __future__ import annotations

import pytest

from bot import candidates as C
from bot.sentences import FACT_TYPES, carries, has_fact, split_sentences, states_fact
from bot.text_match import raw_bigrams
from knowledge.normalize import normalize

pytestmark = pytest.mark.slow

QUESTIONS = (
    ("境外商务代表处由哪个单位牵头？", "staff"),
    ("到2025年实际利用外资的目标是多少？", "investor"),
    ("绍兴市对世界500强企业设立区域总部有什么奖励？", "staff"),
    ("我们实到外资1200万美元，首次认定，能拿多少奖励？", "investor"),
    ("联席会议多长时间开一次？", "staff"),
    ("What incentives are there for foreign-funded R&D centres?", "investor"),
    ("Who leads the work on overseas business representative offices?", "staff"),
)


@pytest.fixture(scope="module")
def cases(seed_runtime):
    a = seed_runtime.assistant
    out = []
    for q, audience in QUESTIONS:
        u = a.understand(q, audience)
        out.append((u, a.knowledge(audience), seed_runtime.retriever.search(u.question, audience=audience, k=20)))
    return out


# --- the computations as they were, uncached -----------------------------------------------------
def _plain_carries(text: str, intent: str) -> float:
    from bot.sentences import WANTED

    wanted = WANTED.get(intent, ())
    if not wanted:
        return 0.5
    return 1.0 if any(FACT_TYPES[w].search(text) for w in wanted) else 0.0


def _plain_wanted_carries(u, text: str) -> float:  # noqa: ANN001
    return sum(w * _plain_carries(text, i) for i, w in u.wanted(C.INTENTS).items() if w > 0.05)


def _plain_kind_fit(u, kind: str) -> float:  # noqa: ANN001
    return sum(w * C.FIT[i].get(kind, 0.0) for i, w in u.wanted(C.INTENTS).items())


def _fresh(u):  # noqa: ANN001, ANN202 - the understanding with its per-question values forgotten
    u.__dict__.pop("_candidate_memo", None)
    return u


def _texts(cases) -> list[str]:  # noqa: ANN001
    texts = []
    for _, k, hits in cases:
        texts += [s.norm for h in hits for s in split_sentences(h.chunk.text)]
        for view in k.kinds.values():
            texts += view.texts[:200] + [r.source or "" for r in view.records[:200]]
    return texts


def test_passage_units_are_the_plain_filter_with_each_sentences_bigrams(cases):
    for _, _, hits in cases:
        for h in hits:
            c = h.chunk
            title = raw_bigrams(normalize(c.title))
            want = [(x, raw_bigrams(x.norm)) for x in split_sentences(c.text)
                    if len(x.norm) >= 6 and not C._TAG_LINE.match(x.norm) and not C._is_heading(x.norm)
                    and not C._restates(raw_bigrams(x.norm), title)]  # fmt: skip
            assert list(C._passage_units(c.text, c.title)) == want


def test_sentence_candidates_equal_those_computed_without_any_cache(cases, monkeypatch):
    warm = []
    for u, k, hits in cases:
        C.sentences(_fresh(u), k, hits)
        warm.append([(c.text, c.section, c.chunk, c.features) for c in C.sentences(u, k, hits)])  # from the caches
    monkeypatch.setattr(C, "_passage_units", C._passage_units.__wrapped__)
    monkeypatch.setattr(C, "_passage_norm", normalize)
    monkeypatch.setattr("bot.sentences.has_fact", lambda text, t: FACT_TYPES[t].search(text) is not None)
    monkeypatch.setattr(C, "_memo", lambda u: {})  # every per-question value computed again, every time
    for (u, k, hits), got in zip(cases, warm, strict=True):
        plain = [(c.text, c.section, c.chunk, c.features) for c in C.sentences(u, k, hits)]
        assert got == plain and plain, u.original
        recs = C.records(u, k, hits)
        assert recs


def test_fact_detectors_once_per_text_say_what_the_patterns_say(cases):
    texts = _texts(cases) + ["", "自发布之日起施行", "按固定资产投资额的3‰给予奖励", "每半年召开一次", "0575-85201234"]
    for _ in range(2):
        for t in texts:
            for name, pattern in FACT_TYPES.items():
                assert has_fact(t, name) == bool(pattern.search(t))
            for intent in ("who", "amount", "when", "what", "frequency", "contact", "list", "count"):
                assert carries(t, intent) == _plain_carries(t, intent)
            for fact in ("percent", "money", "date", "quantity", "phone"):
                from bot.sentences import STATED_BY

                assert states_fact(t, fact) == any(FACT_TYPES[x].search(t) for x in STATED_BY.get(fact, (fact,)))


def test_per_question_values_equal_the_plain_ones(cases):
    texts = _texts(cases)[:400]
    for u, _, hits in cases:
        keys = [None] + list(dict.fromkeys(h.chunk.doc_no or h.chunk.title for h in hits))
        for kind in (*C.KIND_OF.values(), "sentence", "doc_fact"):
            assert C.kind_fit(u, kind) == _plain_kind_fit(u, kind)
        for t in texts:
            assert C._carries(u, t) == _plain_wanted_carries(u, t)
            for key in keys[:4]:
                once = C.lex_idf(u, t, key)
                assert once == C.lex_idf(_fresh(u), t, key)


def test_record_candidates_equal_those_computed_without_the_memo(cases, monkeypatch):
    def shown(cs):  # noqa: ANN001, ANN202
        return [(c.kind, c.text, c.features, c.note) for c in cs]

    warm = [shown(C.records(_fresh(u), k, hits)) for u, k, hits in cases]
    monkeypatch.setattr(C, "_memo", lambda u: {})
    monkeypatch.setattr(C, "_passage_norm", normalize)
    monkeypatch.setattr("bot.sentences.has_fact", lambda text, t: FACT_TYPES[t].search(text) is not None)
    for (u, k, hits), got in zip(cases, warm, strict=True):
        assert got == shown(C.records(u, k, hits)) and got, u.original


def test_ranking_scores_are_the_models_score(seed_runtime, cases):
    a = seed_runtime.assistant
    for u, k, _ in cases:
        ranked = a.model.rank(a.candidates(u, k))
        assert ranked and all(c.score == a.model.score(c) for c in ranked)


def test_a_count_of_events_is_a_count_and_an_ordinal_is_not():
    assert states_fact("统筹全市开展招商拜访活动400多场", "count")
    assert not states_fact("习近平主席在第五届中国国际进口博览会开幕式上指出", "count")


def test_a_sum_asked_of_a_part_may_be_told_as_a_rate():
    from bot.sentences import states_part

    assert states_part("按实际研发投入的30%给予补助", "money") and states_part("补助最高200万元", "money")
    assert not states_part("按实际研发投入的30%给予补助", "date")
    assert not states_part("绍政办发〔2023〕17号", "docno")  # the document's number is no fact a text is checked for
