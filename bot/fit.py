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
import random
import re
from dataclasses import dataclass, field

import numpy as np

from bot import compose
from bot.candidates import Candidate
from bot.ranking import DEFAULT_WEIGHTS, FEATURES, Model
from bot.text_match import words as jieba_words
from knowledge.normalize import normalize

REAL_WEIGHT = 3.0  # a development question counts as three generated ones in the threshold
# Share of questions a deployed assistant gets that its documents cannot answer (about one in ten
# in the development sets; a quarter here, to lean towards refusing). Balanced accuracy would
# assume one in two and refuse many answerable questions to avoid a rare wrong answer.
ABSENT_PRIOR = 0.25
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
                           history=list(d.get("history") or [])))  # fmt: skip
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


def generate(k, n: int, share: float, seed: int = 7) -> list[Example]:  # noqa: ANN001 - Knowledge
    """Questions from records: kind, template, paraphrased key text, and the answer string."""
    rng = random.Random(seed)
    pool: list[tuple[str, str, str, str]] = []  # (doc, question, answer, kind)
    for r in k.records("responsibilities"):
        if r.task and len(r.task) >= 4:
            t = rng.choice(["{}由哪个单位牵头？", "{}这项工作谁负责？", "{}的责任单位有哪些？", "谁来牵头{}？"])
            pool.append((r.doc_no, t.format(_paraphrase(r.task, rng)), r.lead, "responsibility"))
    for r in k.records("incentives"):
        if r.amount_text and (r.beneficiary or r.title):
            t = rng.choice(["{}能拿多少补贴？", "{}最多给多少？", "对{}奖励多少？"])
            pool.append((r.doc_no, t.format(_paraphrase(r.beneficiary or r.title, rng)), r.amount_text, "incentive"))
    for f in k.records("figures"):
        if f.subject and len(f.subject) >= 4 and f.kind == "target":
            pool.append((f.doc_no, f"{f.period or ''}{_paraphrase(f.subject, rng)}的目标是多少？", f.text, "figure"))
    for p in k.records("projects"):
        if p.stage:
            pool.append((p.doc_no, f"{_paraphrase(p.name, rng)}进展到哪一步了？", p.stage, "project"))
    for c in k.records("contacts"):
        if c.phone and c.unit:
            pool.append((c.doc_no, f"{c.unit}的联系人是谁？电话多少？", c.phone, "contact"))
    for d in k.docs.values():
        if d.date and len(d.title) >= 8:
            pool.append((d.doc_no or d.title, f"{_paraphrase(d.title, rng)}是哪天发布的？", d.date[:4] + "年", "doc_fact"))
    rng.shuffle(pool)
    out = []
    for i, (doc, q, answer, kind) in enumerate(pool[:n]):
        held = _held(doc, share)
        out.append(Example(f"gen:{i}", q, "staff", [[answer]], {doc}, heldout=held, source=f"generated-{kind}"))
        if i % 3 == 0:  # the same question with its document gone has no answer
            out.append(Example(f"neg:{i}", q, "staff", [], set(), exclude=doc, heldout=held, source="negative"))
    return out


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


def choose_threshold(tops: list[tuple[float, bool, bool, float]]) -> float:
    """`tops`: (best score, answerable, best is right, weight). Maximise the expected share of
    questions handled right (answered right, or refused when absent) with absent ones making up
    `ABSENT_PRIOR` of them; real questions weigh more than generated."""
    scores = sorted({t[0] for t in tops})
    pos = [t for t in tops if t[1]]
    neg = [t for t in tops if not t[1]]
    wp, wn = sum(t[3] for t in pos) or 1.0, sum(t[3] for t in neg) or 1.0
    best_t, best_v = (scores[0] if scores else 0.0), -1.0
    for t in scores + [scores[-1] + 1 if scores else 1.0]:
        a = sum(w for s, _, ok, w in pos if ok and s >= t) / wp
        r = sum(w for s, _, _, w in neg if s < t) / wn
        v = (1 - ABSENT_PRIOR) * a + ABSENT_PRIOR * r
        if v > best_v:
            best_t, best_v = t, v
    return float(best_t)


def evaluate(model: Model, data: list[tuple[Example, np.ndarray, np.ndarray]]) -> dict[str, float]:
    """Share of answerable questions whose best candidate is right and above the threshold, and
    share of absent answers refused."""
    pos = [(x, y) for ex, x, y in data if ex.groups and y.sum() > 0]
    neg = [x for ex, x, _ in data if not ex.groups]
    w = np.asarray([model.weights.get(f, 0.0) for f in FEATURES])
    right = sum(1 for x, y in pos if y[int(np.argmax(x @ w))] > 0 and (x @ w).max() >= model.threshold)
    refused = sum(1 for x in neg if not len(x) or (x @ w).max() < model.threshold)
    return {"answerable": len(pos), "right": right, "right_share": round(right / max(1, len(pos)), 3),
            "absent": len(neg), "refused": refused, "refused_share": round(refused / max(1, len(neg)), 3)}  # fmt: skip


def fit(data: list[tuple[Example, np.ndarray, np.ndarray]]) -> tuple[Model, dict]:
    train = [(ex, x, y) for ex, x, y in data if not ex.heldout]
    rows = [(x, y) for ex, x, y in train if ex.groups and y.sum() > 0 and len(x) > 1]
    weights = fit_weights(rows, DEFAULT_WEIGHTS)
    w = np.asarray([weights[f] for f in FEATURES])
    tops = []
    for ex, x, y in train:
        weight = REAL_WEIGHT if ex.source == "dev" else 1.0
        if not len(x):
            tops.append((-1e9, bool(ex.groups), False, weight))
            continue
        s = x @ w
        tops.append((float(s.max()), bool(ex.groups), bool(y[int(np.argmax(s))] > 0), weight))
    model = Model(weights, choose_threshold(tops))
    report = {"train": evaluate(model, train), "heldout": evaluate(model, [d for d in data if d[0].heldout]),
              "questions": {"train": len(train), "heldout": len(data) - len(train)}}  # fmt: skip
    return model, report


def save(model: Model, report: dict, path) -> None:  # noqa: ANN001
    path.write_text(json.dumps({**model.to_dict(), "report": report}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
