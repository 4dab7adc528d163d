"""Step 3 of an answer: one scoring function over every candidate, and the "not found" line.

score = Σ weight × feature, the same features for every kind of candidate (dense similarity,
bigram overlap both ways, intent-to-kind fit, whether it carries the asked-for fact, place,
year, document reference, recency, the asker's case, retrieval rank). The dozen weights and
the threshold (one per question language) under which the answer is "not in the documents" are fitted by
`zhaoshang fit-ranking` on questions generated from records plus part of the development
sets, and checked on the part held out (`bot/data/ranking.json` records both figures).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bot.candidates import Candidate

FEATURES: tuple[str, ...] = ("dense", "lex_q", "lex_k", "lex_idf", "kind", "carries", "place", "year", "doc", "recent",
                             "case", "rank", "home")  # fmt: skip
DEFAULT_WEIGHTS = {"dense": 2.0, "lex_q": 2.5, "lex_idf": 1.5, "lex_k": 1.0, "kind": 1.5, "carries": 1.0, "place": 1.0, "year": 0.5,
                   "doc": 1.5, "recent": 0.2, "case": 0.5, "rank": 0.5, "home": 0.5}  # fmt: skip
TOPICAL: tuple[str, ...] = ("dense", "lex_q", "lex_k", "lex_idf")
SIGNALS: tuple[str, ...] = ("topical", "carries")
DEFAULT_THRESHOLD = 3.2
_PATH = Path(__file__).with_name("data") / "ranking.json"


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float
    # per question language: an English question meets Chinese text only through the multilingual
    # embedding and the glossary, so its best scores sit lower than a Chinese question's
    thresholds: dict[str, float] = field(default_factory=dict)

    # least values of a few signals of the best candidate, per language, under which it is not an
    # answer whatever its score: "topical" (the weighted meaning-and-words part of the score: a right
    # document of the right kind that shares neither is not about what was asked) and "carries"
    # (whether it states the kind of fact asked for: a sentence on the topic without the asked
    # amount does not answer "how much")
    floors: dict[str, dict[str, float]] = field(default_factory=dict)

    def threshold_for(self, lang: str) -> float:
        return self.thresholds.get(lang, self.threshold)

    def signals(self, c: Candidate) -> dict[str, float]:
        return {"topical": sum(self.weights.get(f, 0.0) * c.features.get(f, 0.0) for f in TOPICAL),
                "carries": c.features.get("carries", 0.0)}  # fmt: skip

    def answers(self, best: Candidate, lang: str) -> bool:
        """Whether the best candidate is an answer at all, or the documents do not hold one."""
        floors = self.floors.get(lang, {}) if not _named_fact(best) else {}
        signals = self.signals(best)
        return best.score >= self.threshold_for(lang) and all(signals[n] >= f for n, f in floors.items())

    def score(self, c: Candidate) -> float:
        return sum(self.weights.get(f, 0.0) * c.features.get(f, 0.0) for f in FEATURES)

    def rank(self, candidates: list[Candidate]) -> list[Candidate]:
        weighted = [(f, self.weights.get(f, 0.0)) for f in FEATURES]  # `score`, the weights looked up once
        for c in candidates:
            c.score = sum(w * c.features.get(f, 0.0) for f, w in weighted)
        return sorted(candidates, key=lambda c: -c.score)

    def to_dict(self) -> dict:
        return {"weights": self.weights, "threshold": self.threshold, "thresholds": self.thresholds,
                "floors": self.floors}  # fmt: skip


def _named_fact(c: Candidate) -> bool:
    """A fact of the document the question names by its 文号 ("17号文的印发日期"): the name is the topic."""
    return c.kind == "doc_fact" and c.features.get("lex_k", 0.0) >= 1.0


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> Model:
    p = Path(path) if path else _PATH
    if p.exists():
        data = json.loads(p.read_text(encoding="utf-8"))
        return Model({**DEFAULT_WEIGHTS, **data.get("weights", {})}, float(data.get("threshold", DEFAULT_THRESHOLD)),
                     {lang: float(t) for lang, t in (data.get("thresholds") or {}).items()},
                     {lang: {n: float(f) for n, f in fl.items()} for lang, fl in (data.get("floors") or {}).items()})  # fmt: skip
    return Model(dict(DEFAULT_WEIGHTS), DEFAULT_THRESHOLD)
