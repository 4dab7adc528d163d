"""Character-bigram postings over record texts, so a look-up scores every record at once.

The answer engine (`bot.candidates`) ranks records by shared bigrams with the question (coverage and
similarity in `bot.text_match`). Comparing the question with each record in Python was most
of the answer time at 10k chunks (≈10k figure records) and grew linearly; here one pass over
the question's few posting lists gives the shared-bigram count of every record as a numpy
array, from which the same scores follow exactly. Identical texts (several figures quote the
same sentence) are indexed once.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import numpy as np

from bot.text_match import raw_bigrams


class GramIndex:
    """`overlap(q)[i]` = |bigrams(q) ∩ bigrams(texts[i])|, `sizes[i]` = |bigrams(texts[i])|."""

    def __init__(self, texts: Sequence[str]) -> None:
        unique: dict[str, int] = {}
        self._text_of = np.fromiter((unique.setdefault(t, len(unique)) for t in texts), dtype=np.int32, count=len(texts))
        gram_ids: dict[str, int] = {}
        rows, cols = array("i"), array("i")
        sizes = np.zeros(len(unique), dtype=np.int32)
        for j, text in enumerate(unique):
            grams = raw_bigrams(text)
            sizes[j] = len(grams)
            for g in grams:
                rows.append(gram_ids.setdefault(g, len(gram_ids)))
                cols.append(j)
        row_arr = np.frombuffer(rows, dtype=np.int32) if rows else np.zeros(0, dtype=np.int32)
        col_arr = np.frombuffer(cols, dtype=np.int32) if cols else np.zeros(0, dtype=np.int32)
        order = np.argsort(row_arr, kind="stable")
        self._cols = col_arr[order]
        self._start = np.concatenate(([0], np.cumsum(np.bincount(row_arr, minlength=len(gram_ids))))).astype(np.int64)
        self._gram_ids = gram_ids
        self._n_unique = len(unique)
        self.sizes = sizes[self._text_of] if len(texts) else np.zeros(0, dtype=np.int32)

    def __len__(self) -> int:
        return len(self._text_of)

    def overlap(self, grams: Iterable[str]) -> np.ndarray:
        counts = np.zeros(self._n_unique, dtype=np.int32)
        for g in grams:
            j = self._gram_ids.get(g)
            if j is not None:  # each text holds a gram once: no repeated index within a slice
                counts[self._cols[self._start[j] : self._start[j + 1]]] += 1
        return counts[self._text_of]


def coverage_of(shared: np.ndarray, size: int | np.ndarray) -> np.ndarray:
    """shared / size, 0 where size is 0: the share of the question's (or a record key's) bigrams matched."""
    size_arr = np.asarray(size, dtype=np.float64)
    return np.divide(shared, size_arr, out=np.zeros(len(shared), dtype=np.float64), where=size_arr > 0)


def similarity_of(shared: np.ndarray, q_size: int, sizes: np.ndarray) -> np.ndarray:
    """shared / sqrt(|q|·|t|), 0 when either is empty (the vector form of `text_match.similarity`)."""
    denom = np.sqrt(float(q_size) * sizes.astype(np.float64))
    return np.divide(shared, denom, out=np.zeros(len(shared), dtype=np.float64), where=denom > 0)


def top(scores: np.ndarray, items: Sequence, n: int) -> list[tuple[float, object]]:
    """The `n` best (score, item) pairs, best first; ties keep record order (as a stable sort did)."""
    if not len(scores):
        return []
    order = np.argsort(-scores, kind="stable")[:n]
    return [(float(scores[i]), items[int(i)]) for i in order]
