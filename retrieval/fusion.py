"""Reciprocal rank fusion: merge ranked id lists without comparing their scores.

BM25 scores and cosine similarities live on different scales; RRF only uses ranks, so
fusing them needs no calibration. Pure and model-free, hence unit-tested on its own.
"""

from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None, k: int = 60
) -> list[tuple[str, float]]:
    """Fuse ranked lists of ids into one list of (id, score), best first.

    score(id) = Σ weight_i / (k + rank_i(id)), rank starting at 1. Ties keep the order
    in which ids were first seen, so the result is deterministic.
    """
    if k < 0:
        raise ValueError("k must be >= 0")
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"got {len(weights)} weights for {len(rankings)} rankings")
    if any(w < 0 for w in weights):
        raise ValueError("weights must be >= 0")
    if rankings and sum(weights) <= 0:
        raise ValueError("weights must not all be zero")
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        seen: set[str] = set()
        for rank, item in enumerate(ranking, 1):
            if item in seen:  # a duplicate in one list counts once, at its best rank
                continue
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    order = {item: i for i, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
