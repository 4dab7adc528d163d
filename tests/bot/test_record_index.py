"""Bigram postings give exactly the shared-bigram counts a record-by-record comparison would."""

from __future__ import annotations

import random

from bot.record_index import GramIndex
from bot.text_match import bigrams

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
