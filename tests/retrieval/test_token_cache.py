"""Tokens survive a restart; a changed office vocabulary re-cuts only the texts it touches."""

from __future__ import annotations

from knowledge.models import Chunk
from retrieval.lexical import BM25Index, Tokenizer
from retrieval.store import ChunkFilter
from retrieval.token_cache import TokenCache

TEXTS = ["绍兴市投资促进中心负责境外招商", "市商务局牵头外资项目", "越城区招商服务站配合招商引资", "天气晴朗"]


def _chunk(i: int, text: str) -> Chunk:
    return Chunk(chunk_id=f"c{i}", doc_id=f"d{i}", doc_no=None, title="t", section="", section_no="", date=None,
                 visibility="public", kind="policy", language="zh", text=text, embed_text=text)  # fmt: skip


class Counting:
    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer, self.seen = tokenizer, []

    def __call__(self, text: str) -> list[str]:
        self.seen.append(text)
        return self.tokenizer.tokenize(text)


def test_cached_tokens_equal_fresh_ones_and_a_new_word_recuts_only_its_texts(tmp_path):
    path = tmp_path / "tokens.sqlite3"
    tok = Tokenizer()
    first = Counting(tok)
    tokens, fresh = TokenCache(path).tokenize_all(TEXTS, first, tok.dictionary(), tok.fold)
    assert fresh == len(TEXTS) and tokens == [tok.tokenize(t) for t in TEXTS]
    cache = TokenCache(path)
    cache.finish(tok.dictionary())
    again = Counting(tok)
    assert cache.tokenize_all(TEXTS, again, tok.dictionary(), tok.fold) == (tokens, 0) and again.seen == []
    tok.add_words(["越城区招商服务站"])  # a unit name the catalogue learnt since
    recut = Counting(tok)
    tokens2, fresh = TokenCache(path).tokenize_all(TEXTS, recut, tok.dictionary(), tok.fold)
    assert recut.seen == ["越城区招商服务站配合招商引资"] and fresh == 1
    assert "越城区招商服务站" in tokens2[2] and tokens2 == [tok.tokenize(t) for t in TEXTS]


def test_keyword_index_from_the_cache_ranks_the_same_and_prunes_gone_texts(tmp_path):
    path = tmp_path / "tokens.sqlite3"
    chunks = [_chunk(i, t) for i, t in enumerate(TEXTS)]
    built = BM25Index(chunks, Tokenizer(), cache=TokenCache(path))
    rebuilt = BM25Index(chunks, Tokenizer(), cache=TokenCache(path))
    assert (built.tokenized, rebuilt.tokenized) == (4, 0)
    flt = ChunkFilter.for_audience("staff")
    for q in ("外资项目谁牵头", "境外招商", "招商引资"):
        assert [(h.chunk.chunk_id, h.score) for h in built.search(q, 5, flt)] == [
            (h.chunk.chunk_id, h.score) for h in rebuilt.search(q, 5, flt)
        ]
    BM25Index(chunks[:2], Tokenizer(), cache=TokenCache(path))  # two texts left the index
    import sqlite3

    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM tokens").fetchone()[0] == 2
