"""Fit the ranking's weights and its "not found" threshold, and report how well they hold.

Training questions come from two places: questions generated from the catalogue's own records
(a task's words → "由哪个单位牵头？", a clause's beneficiary → "能拿多少？"), paraphrased by dropping
words, and a share of the development sets. A candidate is right when its stated head contains
the answer (the record's lead unit / amount, or every `must_include` group of a dev question)
and it comes from the right document. The weights maximise the softmax likelihood of the right
candidates (a dozen weights, L2 toward the defaults, so nothing can memorise a question); the
threshold maximises the expected share handled right: answered right, or refused when the answer
is absent (dev sets' unanswerable questions, and generated questions asked with their own
document removed), with absent questions a quarter of all. Questions are split by a hash of their id/document: the held-out part is
never fitted and its figures are reported beside the training ones.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from dataclasses import dataclass, field

import numpy as np

from bot import compose
from bot.candidates import Candidate
from bot.ranking import DEFAULT_WEIGHTS, FEATURES, SIGNALS, Model
from bot.text_match import words as jieba_words
from knowledge.normalize import normalize

REAL_WEIGHT = 3.0  # a development question counts as three generated ones in the threshold
# Share of questions a deployed assistant gets that its documents cannot answer (about one in ten
# in the development sets; a quarter here, to lean towards refusing). Balanced accuracy would
# assume one in two and refuse many answerable questions to avoid a rare wrong answer.
ABSENT_PRIOR = 0.25
MIN_LANG_QUESTIONS = 30  # fewer questions of a language than this: it shares the overall threshold
MIN_FLOOR_ABSENT = 20  # a topic floor is fitted only on at least this many questions without an answer
_SCORE_NORM = re.compile(r"[\s，。、；：？！“”‘’（）()《》〔〕【】\[\],.;:?!\"'·—\-]")


def norm(text: str) -> str:
    return _SCORE_NORM.sub("", normalize(text)).lower()


@dataclass
class Example:
    qid: str
    question: str
    audience: str
    groups: list[list[str]]  # must_include groups ([] for a question with no answer)
    doc_keys: set[str] = field(default_factory=set)  # right documents (empty: any)
    exclude: str | None = None  # a document removed for this question (a generated negative)
    heldout: bool = False
    source: str = "dev"  # dev | generated | negative
    history: list[str] = field(default_factory=list)
    lang: str = "zh"


def _held(key: str, share: float) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def from_dev(lines: list[dict], set_name: str, share: float) -> list[Example]:
    out = []
    for d in lines:
        groups = [] if d.get("answerable") is False else d.get("must_include") or []
        if d.get("answerable") is not False and not groups:
            continue  # access checks (must_not_include only) say nothing about ranking
        out.append(Example(f"{set_name}:{d['id']}", d["question"], d.get("audience", "staff"), groups,
                           set(d.get("sources") or []), heldout=_held(d["id"], share), source="dev",
                           history=list(d.get("history") or []), lang=d.get("lang", "zh")))  # fmt: skip
    return out


def _paraphrase(text: str, rng: random.Random) -> str:
    words = [w for w in jieba_words(normalize(text)) if w.strip() and not re.fullmatch(r"[，。、；：（）\s]", w)]
    if len(words) <= 3:
        return "".join(words)
    # people name a task by a few of its words, often not the first ones: keep about half, and
    # sometimes swap two neighbours, so generated questions are no easier than real ones
    keep = [w for w in words if rng.random() > 0.5] or words[:2]
    if len(keep) > 2 and rng.random() < 0.3:
        i = rng.randrange(len(keep) - 1)
        keep[i], keep[i + 1] = keep[i + 1], keep[i]
    return "".join(keep)


# An investor names a task by the English of a few of its terms: templates per record kind
_EN_TEMPLATES = {
    "responsibility": ["Which office leads {}?", "Who is responsible for {}?", "Which department is in charge of {}?"],
    "incentive": ["How much support is there for {}?", "What is the maximum subsidy for {}?", "Can we get a reward for {}?"],
    "figure": ["What is the target for {}?", "How much {} is planned?"],
    "doc_fact": ["When was the document on {} issued?"],
}


def _english(kind: str, topic: str, answer: str, rng: random.Random) -> tuple[str, list[str]] | None:
    """An English question about a record's topic (its glossary terms, some dropped) and the
    answer strings an English head may state (the Chinese original, or its English name)."""
    from bot.render_en import gloss
    from retrieval.glossary import to_english

    terms = [t for t in gloss(topic, limit=5).split(", ") if t]
    if kind not in _EN_TEMPLATES or len(terms) < 2:
        return None
    keep = [t for t in terms if rng.random() > 0.3] or terms[:2]
    answers = [answer] + [a for a in (to_english(answer),) if a]
    if kind == "doc_fact":
        answers = [answer.rstrip("年")]
    return rng.choice(_EN_TEMPLATES[kind]).format(" ".join(keep)), answers


def generate(k, n: int, share: float, seed: int = 7, english: float = 0.5) -> list[Example]:  # noqa: ANN001 - Knowledge
    """Questions from records: kind, template, paraphrased key text, and the answer string; a
    share of them (`english`) asked again in English through the glossary, as investors ask."""
    rng = random.Random(seed)
    pool: list[tuple[str, str, str, str]] = []  # (doc, question, answer, kind)
    topics: dict[str, str] = {}  # question → the record text it names (for its English variant)
    for r in k.records("responsibilities"):
        if r.task and len(r.task) >= 4:
            t = rng.choice(["{}由哪个单位牵头？", "{}这项工作谁负责？", "{}的责任单位有哪些？", "谁来牵头{}？"])
            pool.append((r.doc_no, t.format(_paraphrase(r.task, rng)), r.lead, "responsibility"))
            topics[pool[-1][1]] = r.task
    for r in k.records("incentives"):
        if r.amount_text and (r.beneficiary or r.title):
            t = rng.choice(["{}能拿多少补贴？", "{}最多给多少？", "对{}奖励多少？"])
            pool.append((r.doc_no, t.format(_paraphrase(r.beneficiary or r.title, rng)), r.amount_text, "incentive"))
            topics[pool[-1][1]] = f"{r.title} {r.beneficiary or ''}"
    for f in k.records("figures"):
        if f.subject and len(f.subject) >= 4 and f.kind == "target":
            pool.append((f.doc_no, f"{f.period or ''}{_paraphrase(f.subject, rng)}的目标是多少？", f.text, "figure"))
            topics[pool[-1][1]] = f.subject
    for p in k.records("projects"):
        if p.stage:
            pool.append((p.doc_no, f"{_paraphrase(p.name, rng)}进展到哪一步了？", p.stage, "project"))
    for c in k.records("contacts"):
        if c.phone and c.unit:
            pool.append((c.doc_no, f"{c.unit}的联系人是谁？电话多少？", c.phone, "contact"))
    for d in k.docs.values():
        if d.date and len(d.title) >= 8:
            pool.append((d.doc_no or d.title, f"{_paraphrase(d.title, rng)}是哪天发布的？", d.date[:4] + "年", "doc_fact"))
            topics[pool[-1][1]] = d.title
    rng.shuffle(pool)
    out = []
    for i, (doc, q, answer, kind) in enumerate(pool[:n]):
        held = _held(doc, share)
        asked = [(f"gen:{i}", q, [answer], "zh")]
        if q in topics and rng.random() < english and (en := _english(kind, topics[q], answer, rng)):
            asked.append((f"gen-en:{i}", en[0], en[1], "en"))
        for qid, text, answers, lang in asked:
            out.append(Example(qid, text, "staff", [answers], {doc}, heldout=held, source=f"generated-{kind}", lang=lang))
            if i % 3 == 0:  # the same question with its document gone has no answer
                out.append(Example(f"neg-{qid}", text, "staff", [], set(), exclude=doc, heldout=held, source="negative", lang=lang))
    return out


def _as_candidate(x: np.ndarray, score: float) -> Candidate:
    """A candidate holding only a feature row, for the model's signals and floors."""
    c = Candidate("row", None, "", "", "", features=dict(zip(FEATURES, map(float, x), strict=True)))
    c.score = score
    return c


def label(candidates: list[Candidate], ex: Example, u, k) -> np.ndarray:  # noqa: ANN001
    """1 for candidates whose stated head answers the example (most groups matched, ≥ 1)."""
    if not ex.groups:
        return np.zeros(len(candidates))
    hits = np.zeros(len(candidates))
    for i, c in enumerate(candidates):
        doc = k.doc(c.doc_key)
        if ex.doc_keys and c.doc_key not in ex.doc_keys and not (doc and doc.doc_no in ex.doc_keys):
            continue
        head = norm(compose.render(c, u, doc)[0])
        hits[i] = sum(1 for g in ex.groups if any(norm(s) in head for s in g))
    best = hits.max() if len(hits) else 0
    return (hits == best).astype(float) * (best > 0)


def fit_weights(rows: list[tuple[np.ndarray, np.ndarray]], init: dict[str, float], l2: float = 0.05,
                steps: int = 400, lr: float = 0.05) -> dict[str, float]:  # fmt: skip
    """Listwise softmax over each question's candidates; weights kept ≥ 0."""
    w = np.asarray([init.get(f, 0.0) for f in FEATURES])
    w0 = w.copy()
    for _ in range(steps):
        grad = l2 * (w - w0)
        for x, y in rows:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            pos = y / y.sum()
            grad += (p - pos) @ x / len(rows)
        w = np.maximum(0.0, w - lr * grad)
    return {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)}


def choose_threshold(tops: list[tuple]) -> float:
    """`tops`: (best score, answerable, best is right, weight, …). Maximise the expected share of
    questions handled right (answered right, or refused when absent) with absent ones making up
    `ABSENT_PRIOR` of them; real questions weigh more than generated."""
    scores = sorted({t[0] for t in tops})
    pos = [t for t in tops if t[1]]
    neg = [t for t in tops if not t[1]]
    wp, wn = sum(t[3] for t in pos) or 1.0, sum(t[3] for t in neg) or 1.0
    best_t, best_v = (scores[0] if scores else 0.0), -1.0
    for t in scores + [scores[-1] + 1 if scores else 1.0]:
        a = sum(t_[3] for t_ in pos if t_[2] and t_[0] >= t) / wp
        r = sum(t_[3] for t_ in neg if t_[0] < t) / wn
        v = (1 - ABSENT_PRIOR) * a + ABSENT_PRIOR * r
        if v > best_v:
            best_t, best_v = t, v
    return float(best_t)


def choose_floor(tops: list[tuple], threshold: float, floors: dict[int, float], at: int) -> float:
    """The least value of signal `tops[i][at]` the best candidate needs, on top of `threshold` and
    the `floors` already chosen (signal index → floor): the floor that maximises the same expected
    share as `choose_threshold`; no floor (-inf) unless one does better."""
    def passes(t: tuple) -> bool:
        return t[0] >= threshold and all(t[j] >= f for j, f in floors.items())

    above = [t for t in tops if passes(t)]
    pos = [t for t in tops if t[1]]
    neg = [t for t in tops if not t[1]]
    wp, wn = sum(t[3] for t in pos) or 1.0, sum(t[3] for t in neg) or 1.0
    refused_anyway = sum(t[3] for t in neg if not passes(t))
    best_f, best_v = -math.inf, -1.0
    for f in [-math.inf] + sorted({t[at] for t in above}):
        a = sum(t[3] for t in above if t[1] and t[2] and t[at] >= f) / wp
        r = (refused_anyway + sum(t[3] for t in above if not t[1] and t[at] < f)) / wn
        v = (1 - ABSENT_PRIOR) * a + ABSENT_PRIOR * r
        if v > best_v + 1e-9:
            best_f, best_v = f, v
    return float(best_f)


def evaluate(model: Model, data: list[tuple[Example, np.ndarray, np.ndarray]]) -> dict[str, float]:
    """Share of answerable questions whose best candidate is right and above the threshold, and
    share of absent answers refused."""
    pos = [(ex, x, y) for ex, x, y in data if ex.groups and y.sum() > 0]
    neg = [(ex, x) for ex, x, _ in data if not ex.groups]
    w = np.asarray([model.weights.get(f, 0.0) for f in FEATURES])
    def answers(ex: Example, x: np.ndarray) -> int | None:
        i = int(np.argmax(x @ w))
        return i if model.answers(_as_candidate(x[i], float(x[i] @ w)), ex.lang) else None

    right = sum(1 for ex, x, y in pos if (i := answers(ex, x)) is not None and y[i] > 0)
    refused = sum(1 for ex, x in neg if not len(x) or answers(ex, x) is None)
    return {"answerable": len(pos), "right": right, "right_share": round(right / max(1, len(pos)), 3),
            "absent": len(neg), "refused": refused, "refused_share": round(refused / max(1, len(neg)), 3)}  # fmt: skip


def fit(data: list[tuple[Example, np.ndarray, np.ndarray]]) -> tuple[Model, dict]:
    train = [(ex, x, y) for ex, x, y in data if not ex.heldout]
    rows = [(x, y) for ex, x, y in train if ex.groups and y.sum() > 0 and len(x) > 1]
    weights = fit_weights(rows, DEFAULT_WEIGHTS)
    w = np.asarray([weights[f] for f in FEATURES])
    probe = Model(weights, 0.0)
    tops: dict[str, list] = {}
    for ex, x, y in train:
        weight = REAL_WEIGHT if ex.source == "dev" else 1.0
        if not len(x):
            tops.setdefault(ex.lang, []).append((-1e9, bool(ex.groups), False, weight) + (-1e9,) * len(SIGNALS))
            continue
        s = x @ w
        i = int(np.argmax(s))
        signals = probe.signals(_as_candidate(x[i], float(s[i])))
        tops.setdefault(ex.lang, []).append((float(s[i]), bool(ex.groups), bool(y[i] > 0), weight)
                                            + tuple(signals[n] for n in SIGNALS))  # fmt: skip
    everything = [t for ts in tops.values() for t in ts]
    thresholds = {lang: choose_threshold(ts) for lang, ts in tops.items() if len(ts) >= MIN_LANG_QUESTIONS}
    floors: dict[str, dict[str, float]] = {}
    for lang, t in thresholds.items():
        if sum(1 for top in tops[lang] if not top[1]) < MIN_FLOOR_ABSENT:
            continue
        chosen: dict[int, float] = {}
        for j in range(4, 4 + len(SIGNALS)):
            chosen[j] = choose_floor(tops[lang], t, chosen, j)
        floors[lang] = {name: chosen[j] for j, name in enumerate(SIGNALS, start=4) if chosen[j] > -math.inf}
    model = Model(weights, choose_threshold(everything), thresholds, floors)
    held = [d for d in data if d[0].heldout]
    report = {"train": evaluate(model, train), "heldout": evaluate(model, held),
              "questions": {"train": len(train), "heldout": len(held)},
              "by_language": {lang: {"train": evaluate(model, [d for d in train if d[0].lang == lang]),
                                     "heldout": evaluate(model, [d for d in held if d[0].lang == lang])}
                              for lang in sorted({d[0].lang for d in data})}}  # fmt: skip
    return model, report


def save(model: Model, report: dict, path) -> None:  # noqa: ANN001
    path.write_text(json.dumps({**model.to_dict(), "report": report}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
