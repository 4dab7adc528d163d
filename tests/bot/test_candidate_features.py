"""The answer engine's cached features (fact detectors once per text, a passage's sentences and
their bigrams once per passage, per-question values once per question) equal the plain
computations they replace, candidate by candidate, on the real seed index."""

from __future__ import annotations

import pytest

from bot import candidates as C
from bot.candidates import Candidate
from bot.sentences import FACT_TYPES, Sentence, carries, has_fact, split_sentences, states_fact
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


def _plain_lex_idf(u, text: str) -> float:  # noqa: ANN001
    asked = u.terms
    if not asked:
        return 0.0
    low = normalize(text).lower()
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in low[:200])
    terms = [(t, w) for t, w in asked if (not t.isascii()) == zh] or asked
    total = sum(w for _, w in terms)
    return sum(w for t, w in terms if t in low) / total if total else 0.0


def _plain_sentences(u, k, hits) -> list[Candidate]:  # noqa: ANN001 - the function before its caches
    out: list[Candidate] = []
    q = u.grams
    for rank, h in enumerate(hits[: C.PASSAGES], 1):
        c = h.chunk
        if C._is_card(c) or c.section.startswith("落款"):
            continue
        key = c.doc_no or c.title
        d = k.doc(key)
        if d is None and c.visibility != "public" and u.audience != "staff":
            continue
        place = float(k.places_fit([key], u.places)[0])
        home = float(C._home(u, k, [key])[0])
        heading = c.section.split(" > ")[-1] if c.section else ""
        head_grams = raw_bigrams(heading)
        head_q = len(q & head_grams) / len(q) if q else 0.0
        title = raw_bigrams(normalize(c.title))
        units = [x for x in split_sentences(c.text)
                 if len(x.norm) >= 6 and not C._TAG_LINE.match(x.norm) and not C._is_heading(x.norm)
                 and not C._restates(raw_bigrams(x.norm), title)]  # fmt: skip
        pairs = []
        for a, b in zip(units, units[1:], strict=False):
            la, lb = (len(q & raw_bigrams(x.norm)) / len(q) if q else 0.0 for x in (a, b))
            ca, cb = _plain_wanted_carries(u, a.norm), _plain_wanted_carries(u, b.norm)
            if len(a.text) + len(b.text) <= 220 and ((la >= 0.3 and cb > ca + 0.2) or (lb >= 0.3 and ca > cb + 0.2)):
                pairs.append(Sentence(a.text + b.text, a.norm + b.norm, a.index))
        for s in units + pairs:
            own = len(q & raw_bigrams(s.norm)) / len(q) * u.glossed if q else 0.0
            lex_q = own + 0.3 * max(0.0, min(1.0, own + head_q) - own)
            lex_k = 0.5 * (len(q & head_grams) / len(head_grams) if head_grams else 0.0)
            if u.lang == "en" and c.language == "en":
                lex_q = max(lex_q, C._en_overlap(u, s.text))
            out.append(Candidate("sentence", s, key, c.section_no or c.section, s.text, {
                "dense": float(k.dense(h.dense_similarity, u.lang, passage=True)), "lex_q": lex_q, "lex_k": lex_k,
                "lex_idf": _plain_lex_idf(u, s.text + " " + heading + " " + c.title),
                "kind": _plain_kind_fit(u, "sentence"), "carries": _plain_wanted_carries(u, s.norm), "place": place,
                "year": C._year(u, s.norm + c.title, None), "doc": u.docs.of(key), "recent": C._recent(d.date if d else c.date),
                "case": C._sentence_case(u, s.norm), "rank": 1.0 / rank, "home": home,
            }, chunk=c))  # fmt: skip
    return out


def _texts(cases) -> list[str]:  # noqa: ANN001
    texts = []
    for _, k, hits in cases:
        texts += [s.norm for h in hits for s in split_sentences(h.chunk.text)]
        for view in k.kinds.values():
            texts += view.texts[:200] + [r.source or "" for r in view.records[:200]]
    return texts


def test_sentence_candidates_equal_the_plain_computation(cases):
    for u, k, hits in cases:
        for _ in range(2):  # cold, then from the caches
            got, want = C.sentences(u, k, hits), _plain_sentences(u, k, hits)
            assert [(c.text, c.doc_key, c.section, c.chunk) for c in got] == [
                (c.text, c.doc_key, c.section, c.chunk) for c in want]
            assert [c.features for c in got] == [c.features for c in want], u.original


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
    for u, _, _ in cases:
        for kind in (*C.KIND_OF.values(), "sentence", "doc_fact"):
            assert C.kind_fit(u, kind) == _plain_kind_fit(u, kind)
        for t in texts:
            assert C._carries(u, t) == _plain_wanted_carries(u, t)
            assert C.lex_idf(u, t) == _plain_lex_idf(u, t)


def test_ranking_scores_are_the_models_score(seed_runtime, cases):
    a = seed_runtime.assistant
    for u, k, _ in cases:
        ranked = a.model.rank(a.candidates(u, k))
        assert ranked and all(c.score == a.model.score(c) for c in ranked)
