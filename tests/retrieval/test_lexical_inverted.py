"""The inverted-index BM25 (issue 7 speed-up) ranks exactly as rank_bm25's full scan did,
for staff (every chunk) and investors (an index of the public chunks alone)."""

from __future__ import annotations

import random

from rank_bm25 import BM25Okapi

from knowledge.models import Chunk
from retrieval.lexical import BM25Index
from retrieval.store import ChunkFilter


class _Words:
    def tokenize(self, text: str) -> list[str]:
        return text.split()

    def dictionary(self) -> set[str]:
        return set()

    @staticmethod
    def fold(text: str) -> str:
        return text


def _chunk(i: int, text: str, rng: random.Random) -> Chunk:
    return Chunk(chunk_id=f"c{i}", doc_id=f"d{i % 7}", doc_no=f"绍政发〔2024〕{i % 7}号", title="t", section="s",
                 section_no="", date=None, visibility=rng.choice(["public", "internal"]),
                 kind=rng.choice(["policy", "project-records"]), language="zh", text=text, embed_text=text)


def test_same_scores_and_order_as_a_full_scan_with_filters_before_ranking() -> None:
    rng = random.Random(5)
    vocab = [f"w{j}" for j in range(60)] + ["common"] * 40  # "common" sits in most chunks: negative idf
    corpus = [[rng.choice(vocab) for _ in range(rng.randint(3, 30))] for _ in range(400)]
    chunks = [_chunk(i, " ".join(toks), rng) for i, toks in enumerate(corpus)]
    store = {c.chunk_id: c for c in chunks}
    held = BM25Index(chunks, _Words())
    fetched = BM25Index(chunks, _Words(), fetch=lambda ids: {i: store[i] for i in ids})  # keeps ids only
    public = [i for i, c in enumerate(chunks) if c.visibility == "public"]
    references = {"all": (BM25Okapi(corpus), list(range(len(chunks)))),
                  "public": (BM25Okapi([corpus[i] for i in public]), public)}
    for trial in range(40):
        query = [rng.choice(vocab) for _ in range(rng.randint(1, 6))] + ["absent"]
        flt = [ChunkFilter(), ChunkFilter(visibility=("public",)), ChunkFilter(kinds=("policy",)),
               ChunkFilter(doc_no="绍政发〔2024〕3号"), ChunkFilter(visibility=("public",), kinds=("policy",))][trial % 5]
        reference, members = references["public" if flt.visibility else "all"]
        allowed = [j for j, i in enumerate(members) if flt.allows(chunks[i])]
        scores = reference.get_batch_scores(query, allowed)
        expected = [(chunks[members[j]].chunk_id, round(float(s), 9))
                    for j, s in sorted(zip(allowed, scores, strict=True), key=lambda x: (-x[1], x[0]))[:10] if s > 0]
        for index in (held, fetched):
            got = [(h.chunk.chunk_id, round(h.score, 9)) for h in index.search(" ".join(query), 10, flt)]
            assert got == expected
            assert all(flt.allows(h.chunk) for h in index.search(" ".join(query), 50, flt))
