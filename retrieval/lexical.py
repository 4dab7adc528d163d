"""BM25 keyword search over jieba tokens, with the office's vocabulary as one token each.

Dense search misses exact names and numbers (市投资促进中心, 绍政办发〔2023〕17号, 40亿美元).
jieba gets a user dictionary built from the catalogue (unit names, 文号, project names)
and the glossary, so those stay whole. Investor queries use an index built from public
chunks only, and kind/文号 filters narrow the candidates before scoring, so nothing is
ever dropped after ranking.
"""

from __future__ import annotations

import logging
import re
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import numpy as np

from knowledge.models import Chunk
from knowledge.normalize import normalize
from knowledge.places import chunk_place
from retrieval.glossary import load_glossary, stem
from retrieval.store import ChunkFilter
from retrieval.token_cache import TokenCache, text_key

POLICY_TERMS = (
    "牵头单位", "责任单位", "配合单位", "要素保障", "营商环境", "招商引资", "国际化招商", "利用外资",
    "实际利用外资", "合同外资", "外资项目", "重大外资项目", "境外商务代表处", "联席会议", "召集人",
    "QFLP", "合格境外有限合伙人", "市投资促进中心", "投促中心", "利润再投资", "方案架构", "世界500强",
    "各区、县（市）政府", "产业链", "集成电路", "生物医药", "新能源汽车", "智能视觉", "承办人", "联系电话",
)  # fmt: skip

_DOC_NO = re.compile(r"[\u4e00-\u9fff]{2,6}〔\d{4}〕\d{1,4}号")
_YEAR_BRACKETS = re.compile(r"[\[【［(（〔]\s*((?:19|20)\d{2})\s*[\]】］)）〕]\s*(?=\d{1,4}\s*号)")


def canonical_brackets(text: str) -> str:
    """绍政办发[2023]17号 / 【2023】 / (2023) → 绍政办发〔2023〕17号, the catalogue spelling."""
    return _YEAR_BRACKETS.sub(r"〔\1〕", text)


def find_doc_nos(text: str, known: Iterable[str]) -> list[str]:
    """Known 文号 named in `text`, in any bracket spelling."""
    folded = canonical_brackets(normalize(text)).replace(" ", "")
    return [d for d in known if d and d in folded]


_LATIN = re.compile(r"[a-z][a-z0-9'\-]*|\d+(?:\.\d+)?%?")
_ZH_STOP = set(
    "的 了 是 在 和 与 及 或 有 由 对 为 把 被 从 向 将 于 以 等 中 上 下 也 都 就 并 而 其 之 这 那 哪 谁 吗 呢 么 吧 啊 "
    "什么 哪个 哪些 哪里 哪天 多少 怎么 怎样 如何 是否 有没有 是不是 请问 一下 目前 现在 已经 还有 除了 "
    "我们 你们 他们 我市 本市 一个 一批 一支 进行 开展 相关 有关".split()
)
_EN_STOP = set(
    "a an the of to in on for and or with by at from as is are was were be been being do does did how what which "
    "who whom whose when where why there their its it this that these those between about into than then so such "
    "can could should would will shall may might must have has had any all some much many more most other please "
    "tell me we you i our your they them he she his her not no yes if but also".split()
)


@dataclass(frozen=True)
class LexicalHit:
    chunk: Chunk
    score: float


class Tokenizer:
    """jieba (own instance, not the global one) + English lowercase words + whole 文号."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._lock = threading.Lock()
        self.words: set[str] = set()
        self.doc_nos: set[str] = set()
        self.add_words(list(POLICY_TERMS) + load_glossary().chinese_terms())
        self.add_words(words)

    def dictionary(self) -> set[str]:
        """Every word cut whole (what a token cache must match)."""
        return self.words | self.doc_nos

    @staticmethod
    def fold(text: str) -> str:
        """Text in the form dictionary words are matched in."""
        return canonical_brackets(normalize(text)).lower()

    def add_words(self, words: Iterable[str]) -> None:
        for w in words:
            w = canonical_brackets(normalize(w or "")).lower()
            if _DOC_NO.fullmatch(w) or "〔" in w:
                self.doc_nos.add(w)
                continue
            if 2 <= len(w) <= 30 and w not in self.words and not w.isascii():
                self.words.add(w)
                self._jieba.add_word(w, freq=200000)

    def tokenize(self, text: str) -> list[str]:
        text = canonical_brackets(normalize(text)).lower()
        tokens: list[str] = []
        for doc_no in sorted(self.doc_nos, key=len, reverse=True):  # known numbers first, whole
            if doc_no in text:
                tokens.extend([doc_no] * text.count(doc_no))
                text = text.replace(doc_no, " ")
        tokens.extend(_DOC_NO.findall(text))
        text = _DOC_NO.sub(" ", text)
        with self._lock:
            pieces = self._jieba.lcut_for_search(text, HMM=True)
        for piece in pieces:
            piece = piece.strip()
            if not piece:
                continue
            if piece.isascii():
                tokens.extend(stem(w) for w in _LATIN.findall(piece) if w not in _EN_STOP)
            elif piece not in _ZH_STOP and any("\u3400" <= c <= "\u9fff" for c in piece):
                tokens.append(piece)
        return tokens


class BM25Index:
    """BM25 over every chunk (staff) and over the public chunks alone (investor), sharing one
    inverted index: each view has its own BM25 statistics (chunk count, average length, idf),
    so an investor's scores are exactly those of an index built from public chunks only.

    Memory is a target: with `fetch` (the store's read by id), the index keeps ids, filter
    columns and postings, not the chunks; the few hits a search returns are read back. Chunks
    are consumed as a stream (a page of the store at a time) and tokens come from `cache`
    when it holds them."""

    def __init__(
        self,
        chunks: Iterable[Chunk],
        tokenizer: Tokenizer,
        fetch: Callable[[list[str]], dict[str, Chunk]] | None = None,
        cache: TokenCache | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self._fetch = fetch
        self._chunks: list[Chunk] | None = None if fetch else []
        self.tokenized = 0  # texts tokenized now (not from the cache)
        cache = cache or TokenCache(None)
        words = tokenizer.dictionary()
        ids: list[str] = []
        kinds: list[str] = []
        doc_nos: list[str] = []
        places: list[str | None] = []
        place_of: dict[tuple[str, str | None], str | None] = {}  # a document's chunks share title and 文号
        public: list[bool] = []
        keys: list[str] = []
        terms: dict[str, int] = {}
        flat = array("q")
        lengths = array("q")
        for batch in _batches(chunks, 2000):
            tokens, fresh = cache.tokenize_all([c.embed_text for c in batch], tokenizer.tokenize, words, tokenizer.fold)
            self.tokenized += fresh
            keys.extend(text_key(c.embed_text) for c in batch)
            for c, toks in zip(batch, tokens, strict=True):
                toks = toks or ["\u2205"]
                flat.extend(terms.setdefault(t, len(terms)) for t in toks)
                lengths.append(len(toks))
                ids.append(c.chunk_id)
                kinds.append(c.kind)
                doc_nos.append(c.doc_no or "")
                at = (c.title, c.doc_no)
                places.append(place_of[at] if at in place_of else place_of.setdefault(at, chunk_place(c)))
                public.append(c.visibility == "public")
            if self._chunks is not None:
                self._chunks.extend(batch)
        cache.finish(words, keep=keys)
        self.doc_nos = {d for d in doc_nos if d}
        self._ids = ids
        self._pos: dict[str, int] | None = None  # id → position, built on first `allows`
        self._kind = np.asarray(kinds, dtype=object)
        self._doc_no = np.asarray(doc_nos, dtype=object)
        self._place = places
        self._postings = _Postings(np.frombuffer(flat, dtype=np.int64) if flat else np.zeros(0, dtype=np.int64),
                                   np.frombuffer(lengths, dtype=np.int64) if lengths else np.zeros(0, dtype=np.int64),
                                   terms)  # fmt: skip
        members = np.asarray(public, dtype=bool)
        self._views = {"all": self._postings.view(None), "public": self._postings.view(members)}

    def __len__(self) -> int:
        return len(self._ids)

    def search(self, query: str, k: int, flt: ChunkFilter) -> list[LexicalHit]:
        return self._hits(self.search_tokens(self.tokenizer.tokenize(query), k, flt))

    def search_ids(self, query: str, k: int, flt: ChunkFilter) -> list[tuple[str, float]]:
        """(chunk id, score), best first: the retriever reads back only the chunks it keeps."""
        return [(self._ids[i], s) for i, s in self.search_tokens(self.tokenizer.tokenize(query), k, flt)]

    def term_weights(self, text: str, flt: ChunkFilter) -> list[tuple[str, float]]:
        """The distinct tokens of `text` with their idf in the audience's view; a token the corpus
        never uses weighs as much as the rarest one (nothing can cover it: evidence of no answer)."""
        view = self._view(flt)
        rarest = float(view.idf.max()) if len(view.idf) else 1.0
        out = []
        for t in dict.fromkeys(self.tokenizer.tokenize(text)):
            i = self._postings.terms.get(t)
            out.append((t, float(view.idf[i]) if i is not None and view.idf[i] > 0 else rarest))
        return out

    def _view(self, flt: ChunkFilter) -> _ViewStats:
        if flt.visibility is None:
            return self._views["all"]
        if tuple(flt.visibility) == ("public",):
            return self._views["public"]
        raise ValueError(f"no keyword index for visibility {flt.visibility}")

    def search_tokens(self, tokens: list[str], k: int, flt: ChunkFilter) -> list[tuple[int, float]]:
        """(chunk position, score) of the best `k` allowed chunks; filters narrow before ranking."""
        view = self._view(flt)
        if not len(self._ids) or not tokens or k <= 0:
            return []
        scores = self._postings.scores(tokens, view)
        candidates = np.flatnonzero(self._allowed(flt, view) & (scores > 0))
        if not len(candidates):
            return []
        order = np.argsort(-scores[candidates], kind="stable")[:k]  # ties: lower position first
        return [(int(i), float(scores[i])) for i in candidates[order]]

    def allows(self, chunk_ids: list[str], flt: ChunkFilter) -> list[bool] | None:
        """For each chunk id, whether `flt` admits the chunk, from the visibility, kind and 文号
        this index read from the store (what `ChunkFilter.allows` checks on a read chunk); None
        when an id is not in this index (the store changed since it was built)."""
        at = self._positions(chunk_ids)
        if at is None:
            return None
        try:
            view = self._view(flt)
        except ValueError:
            return None
        return [bool(view.members[i]) and (not flt.kinds or self._kind[i] in flt.kinds)
                and (not flt.doc_no or self._doc_no[i] == flt.doc_no) for i in at]  # fmt: skip

    def places(self, chunk_ids: list[str]) -> list[str | None] | None:
        """For each chunk id, the place of its document (`knowledge.places.chunk_place`, from the
        title and 文号 this index read from the store); None when an id is not in this index. A
        question naming a place orders every fused hit by place: from here, without reading them."""
        at = self._positions(chunk_ids)
        return None if at is None else [self._place[i] for i in at]  # type: ignore[index]

    def _positions(self, chunk_ids: list[str]) -> list[int] | None:
        if self._pos is None:
            self._pos = {cid: i for i, cid in enumerate(self._ids)}
        at = [self._pos.get(cid) for cid in chunk_ids]
        return None if any(i is None for i in at) else at  # type: ignore[return-value]

    def _allowed(self, flt: ChunkFilter, view: _ViewStats) -> np.ndarray:
        mask = view.members.copy()
        if flt.kinds:
            mask &= np.isin(self._kind, list(flt.kinds))
        if flt.doc_no:
            mask &= self._doc_no == flt.doc_no
        return mask

    def _hits(self, ranked: list[tuple[int, float]]) -> list[LexicalHit]:
        if self._chunks is not None:
            return [LexicalHit(self._chunks[i], s) for i, s in ranked]
        found = self._fetch([self._ids[i] for i, _ in ranked]) if ranked else {}  # type: ignore[misc]
        return [LexicalHit(found[self._ids[i]], s) for i, s in ranked if self._ids[i] in found]


@dataclass(frozen=True)
class _ViewStats:
    """BM25 statistics of one view (all chunks, or the public ones)."""

    members: np.ndarray  # bool per chunk
    idf: np.ndarray  # per term
    avgdl: float


class _Postings:
    """Term → (chunk positions, term frequencies) in flat CSR arrays, built with numpy.

    Scoring touches only the chunks that contain a query term (not every chunk, as
    rank_bm25's get_batch_scores does); scores equal BM25Okapi's (k1 1.5, b 0.75, negative
    idf replaced by 0.25 × the mean idf), which the tests check against rank_bm25 itself."""

    K1, B, EPSILON = 1.5, 0.75, 0.25

    def __init__(self, flat: np.ndarray, lengths: np.ndarray, terms: dict[str, int]) -> None:
        """`flat`: every chunk's term ids, one chunk after another; `lengths`: tokens per chunk."""
        n = max(len(lengths), 1)
        docs = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        pairs, tf = np.unique(flat * n + docs, return_counts=True)  # sorted by term, then chunk
        del docs
        self.terms = terms
        self.chunk = (pairs % n).astype(np.int32)
        self.tf = tf.astype(np.float32)
        self.start = np.searchsorted(pairs // n, np.arange(len(terms) + 1)).astype(np.int64)
        self.doc_len = lengths.astype(np.float64)

    def view(self, members: np.ndarray | None) -> _ViewStats:
        n_chunks = len(self.doc_len)
        if members is None:
            members = np.ones(n_chunks, dtype=bool)
        n = int(members.sum())
        present = np.add.reduceat(members[self.chunk].astype(np.int64), self.start[:-1]) if len(self.chunk) else np.zeros(0)
        present = np.where(np.diff(self.start) > 0, present, 0)  # reduceat repeats a value for empty slices
        in_view = present > 0  # rank_bm25 knows only the terms of its own corpus
        idf = np.log(n - present + 0.5) - np.log(present + 0.5) if n else np.zeros(len(present))
        mean = float(idf[in_view].mean()) if in_view.any() else 0.0
        idf = np.where(idf < 0, self.EPSILON * mean, idf)
        idf = np.where(in_view, idf, 0.0)
        avgdl = float(self.doc_len[members].sum() / n) if n else 1.0
        return _ViewStats(members, idf, avgdl)

    def scores(self, tokens: list[str], view: _ViewStats) -> np.ndarray:
        scores = np.zeros(len(self.doc_len), dtype=np.float64)
        for q in tokens:  # duplicates count twice, as in rank_bm25
            t = self.terms.get(q)
            if t is None or not view.idf[t]:
                continue
            ids = self.chunk[self.start[t] : self.start[t + 1]]
            tf = self.tf[self.start[t] : self.start[t + 1]].astype(np.float64)
            norm = self.K1 * (1 - self.B + self.B * self.doc_len[ids] / view.avgdl)
            scores[ids] += view.idf[t] * (tf * (self.K1 + 1) / (tf + norm))
        return scores


def _batches(items: Iterable[Chunk], size: int) -> Iterator[list[Chunk]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def catalogue_words(catalogue: object) -> list[str]:
    """Unit names, 文号 and project names from the catalogue, for the jieba dictionary."""
    words: list[str] = []
    for r in getattr(catalogue, "responsibilities", lambda: [])():
        words.extend(r.units)
    for p in getattr(catalogue, "projects", lambda: [])():
        words.extend(x for x in (p.name, p.company) if x)
    for d in getattr(catalogue, "list_documents", lambda: [])():
        doc_no = d.get("doc_no") if isinstance(d, dict) else getattr(d, "doc_no", None)
        if doc_no:
            words.append(doc_no)
    return words
