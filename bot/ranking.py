"""Step 3 of an answer: one scoring function over every candidate, and the "not found" line.

score = Σ weight × feature, the same features for every kind of candidate (dense similarity,
bigram overlap both ways, intent-to-kind fit, whether it carries the asked-for fact, place,
year, document reference, recency, the asker's case, retrieval rank). The dozen weights and
the threshold under which the answer is "not in the documents" are fitted by
`zhaoshang fit-ranking` on questions generated from records plus part of the development
sets, and checked on the part held out (`bot/data/ranking.json` records both figures).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.candidates import Candidate

FEATURES: tuple[str, ...] = ("dense", "lex_q", "lex_k", "lex_idf", "kind", "carries", "place", "year", "doc", "recent",
                             "case", "rank", "home")  # fmt: skip
DEFAULT_WEIGHTS = {"dense": 2.0, "lex_q": 2.5, "lex_idf": 1.5, "lex_k": 1.0, "kind": 1.5, "carries": 1.0, "place": 1.0, "year": 0.5,
                   "doc": 1.5, "recent": 0.2, "case": 0.5, "rank": 0.5, "home": 0.5}  # fmt: skip
DEFAULT_THRESHOLD = 3.2
_PATH = Path(__file__).with_name("data") / "ranking.json"


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float

    def score(self, c: Candidate) -> float:
        return sum(self.weights.get(f, 0.0) * c.features.get(f, 0.0) for f in FEATURES)

    def rank(self, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            c.score = self.score(c)
        return sorted(candidates, key=lambda c: -c.score)

    def to_dict(self) -> dict:
        return {"weights": self.weights, "threshold": self.threshold}


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> Model:
    p = Path(path) if path else _PATH
    if p.exists():
        data = json.loads(p.read_text(encoding="utf-8"))
        return Model({**DEFAULT_WEIGHTS, **data.get("weights", {})}, float(data.get("threshold", DEFAULT_THRESHOLD)))
    return Model(dict(DEFAULT_WEIGHTS), DEFAULT_THRESHOLD)
