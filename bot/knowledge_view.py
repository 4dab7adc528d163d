"""What one audience may see: the documents and every record kind, ready to be ranked.

A snapshot is built once per catalogue change. Each record kind has a matching text (what a
question names: a task, a project, a clause's beneficiary) with character-bigram postings for
lexical overlap, and a vector of its full text for similarity by meaning. Investors' snapshots
hold public documents only: the audience wall is applied here, before any ranking.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from bot.docrefs import name_grams, ref_grams
from bot.record_index import GramIndex
from bot.romanized import Romanized
from knowledge.models import Records, SourceDocument
from knowledge.normalize import normalize
from knowledge.places import compatible, doc_place

KINDS: tuple[str, ...] = ("responsibilities", "incentives", "figures", "projects", "contacts", "table_rows")


def record_texts(kind: str, r: Any, title: str = "") -> tuple[str, str]:
    """(key text a question names, full text embedded for meaning) of one record; a contact's full
    text leads with its document's `title`: "who do I call about <the plan>" names the document,
    not the person."""
    if kind == "responsibilities":
        item = getattr(r, "item", "") or ""
        return r.task, " ".join(filter(None, [r.task, item if item != r.task else "", r.scope, r.source]))
    if kind == "incentives":
        key = " ".join(filter(None, [r.title, r.beneficiary]))
        return key, " ".join(filter(None, [key, *r.conditions, r.benefit]))
    if kind == "figures":
        return r.subject, " ".join(filter(None, [r.period, r.subject, r.source]))
    if kind == "projects":
        key = " ".join(filter(None, [r.name, r.company]))
        return key, " ".join(filter(None, [key, r.category, r.place, r.stage, r.content, r.table]))
    if kind == "contacts":
        key = " ".join(filter(None, [r.unit, r.role, r.person]))
        return key, " ".join(filter(None, [title if title != key else "", key, r.section, r.source]))
    if kind == "table_rows":
        key = " ".join(v for v in r.cells.values() if v)
        return key, " ".join(filter(None, [r.table, key]))
    raise KeyError(kind)


_ROW_SOURCE = re.compile(r"^([^：；]{1,12})：([^；]{4,})；")


def _source_key(source: str) -> str:
    """What a passage holding the record contains: the source sentence's opening, or for a table
    row ("单位：省金融监管局 监管一处；姓名：…") its first cell as the passage prints it."""
    text = normalize(source)
    m = _ROW_SOURCE.match(text)
    return (m.group(2) if m else text)[:24]


@dataclass
class KindView:
    records: list[Any]
    keys: list[str]
    texts: list[str]
    grams: GramIndex
    full_grams: GramIndex
    vectors: np.ndarray  # one unit row per record (empty when no vectors are available)
    _by_doc: dict[str, list[int]] | None = None
    _source_keys: list[str] | None = None

    def source_keys(self) -> list[str]:
        """The first 24 normalised characters of each record's source sentence, built on first use:
        how a record is recognised inside a retrieved passage."""
        if self._source_keys is None:
            self._source_keys = [_source_key(r.source or "") for r in self.records]
        return self._source_keys

    def by_doc(self) -> dict[str, list[int]]:
        """Record positions by document key, built on first use."""
        if self._by_doc is None:
            self._by_doc = {}
            for i, r in enumerate(self.records):
                self._by_doc.setdefault(r.doc_no, []).append(i)
        return self._by_doc


@dataclass
class Knowledge:
    docs: dict[str, SourceDocument] = field(default_factory=dict)  # by 文号 (or title)
    kinds: dict[str, KindView] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)  # every unit name, longest first
    dense_baseline: dict[str, float] = field(default_factory=dict)  # by question language (see `baselines`)
    passage_baseline: dict[str, float] = field(default_factory=dict)  # the same against indexed passages
    home: str | None = None  # the office's own place: most documents are about it
    body_df: dict[str, int] = field(default_factory=dict)  # name bigram → documents whose text holds it
    romanized: Romanized = field(default_factory=Romanized)  # pinyin spellings of the texts' names
    _places: dict[str, str | None] = field(default_factory=dict)
    _record_docs: tuple[list[str], dict[str, np.ndarray]] | None = field(default=None, compare=False, repr=False)

    def dense(self, cos: np.ndarray | float, lang: str = "zh", passage: bool = False) -> np.ndarray | float:
        """Cosine rescaled so 0 means "as similar as a question and an unrelated record (or
        passage: long texts sit lower)" and 1 identical. A rescale by the spread of unrelated
        pairs was tried: it inflates English questions against Chinese text, whose unrelated
        pairs are both lower and tighter, and answered English questions the documents cannot."""
        table = self.passage_baseline if passage and self.passage_baseline else self.dense_baseline
        b = table.get(lang, 0.0)
        return np.clip((np.asarray(cos) - b) / (1.0 - b), 0.0, 1.0)

    def doc(self, key: str | None) -> SourceDocument | None:
        return self.docs.get(key or "")

    def records(self, kind: str) -> list[Any]:
        view = self.kinds.get(kind)
        return view.records if view else []

    def record_docs(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """The documents records come from, once each, and per kind each record's position in
        that list, built on first use: a question's document features (reference fit, place,
        home) are computed once per document and gathered for every record with numpy, not
        looked up record by record (at 10k chunks, 18k records and 676 documents)."""
        if self._record_docs is None:
            where: dict[str, int] = {}
            positions = {kind: np.fromiter((where.setdefault(r.doc_no, len(where)) for r in view.records),
                                           dtype=np.intp, count=len(view.records))
                         for kind, view in self.kinds.items()}  # fmt: skip
            self._record_docs = (list(where), positions)
        return self._record_docs

    def place_of(self, doc_key: str) -> str | None:
        if doc_key not in self._places:
            d = self.docs.get(doc_key)
            self._places[doc_key] = doc_place(d) if d else None
        return self._places[doc_key]

    def places_fit(self, doc_keys: Sequence[str], question_places: list[str]) -> np.ndarray:
        """+1 same place named, 0 compatible or unknown, -1 another place (per distinct document)."""
        if not question_places:
            return np.zeros(len(doc_keys))
        memo: dict[str, float] = {}
        for d in set(doc_keys):
            place = self.place_of(d)
            memo[d] = 0.0 if place is None else (1.0 if place in question_places else
                                                  0.0 if compatible(question_places, place) else -1.0)
        return np.fromiter((memo[d] for d in doc_keys), dtype=np.float64, count=len(doc_keys))


def light(doc: SourceDocument) -> SourceDocument:
    """The document without its paragraphs and non-reference records (what answers need)."""
    return replace(doc, paragraphs=[], records=Records(references=list(doc.records.references)))


def visible(audience: str) -> tuple[str, ...] | None:
    """The catalogue filter for an audience: investors see public documents only."""
    return None if audience == "staff" else ("public",)


def load_views(catalogue, vectors=None, questions: dict[str, np.ndarray] | None = None,  # noqa: ANN001
               home: str | None = None, passages: np.ndarray | None = None) -> dict[str, Knowledge]:  # fmt: skip
    """Both audiences' snapshots from one read of the catalogue; record vectors come from the
    cache (`retrieval.vector_cache.VectorCache`), embedded once for the staff superset;
    `questions` (example question vectors by language) and a sample of indexed `passages`
    calibrate the similarity feature."""
    all_docs, texts = [], {}
    for d in catalogue.iter_documents(None):
        texts[d.doc_no or d.title] = " ".join(p.norm for p in d.paragraphs)
        all_docs.append(light(d))
    name_hits = _name_hits(all_docs, texts)
    romanized = Romanized.build(texts)  # over every document: a spelling only adds search terms
    references = catalogue.references(None)
    rows = {kind: catalogue.records_with_visibility(kind) for kind in KINDS}
    titles = {(d.doc_no or d.title): d.title for d in all_docs}
    full_vectors: dict[str, np.ndarray] = {}
    for kind, pairs in rows.items():
        texts = [record_texts(kind, r, titles.get(r.doc_no, ""))[1][:300] for r, _ in pairs]
        full_vectors[kind] = vectors.passages(texts) if vectors is not None and texts else np.zeros((len(texts), 0))
    views: dict[str, Knowledge] = {}
    for audience in ("staff", "investor"):
        vis = visible(audience)
        docs = {(d.doc_no or d.title): (d if audience == "staff" else replace(d))
                for d in all_docs if vis is None or d.visibility in vis}  # fmt: skip
        mark_validity(docs, references)
        kinds = {}
        for kind, pairs in rows.items():
            keep = [i for i, (_, v) in enumerate(pairs) if vis is None or v in vis]
            recs = [pairs[i][0] for i in keep]
            keys, texts = zip(*(record_texts(kind, r, titles.get(r.doc_no, "")) for r in recs), strict=True) if recs else ((), ())
            vec = full_vectors[kind][keep] if len(keep) else np.zeros((0, full_vectors[kind].shape[1]))
            kinds[kind] = KindView(recs, list(keys), list(texts), GramIndex(keys), GramIndex(texts), vec)
        units = sorted({u for r in kinds["responsibilities"].records for u in r.units}, key=len, reverse=True)
        views[audience] = Knowledge(docs, kinds, units, baselines(full_vectors, questions),
                                    baselines({"passages": passages} if passages is not None else {}, questions),
                                    home_place(all_docs, home), body_df=_name_df(docs, name_hits),
                                    romanized=romanized)  # fmt: skip
    return views


def baselines(vectors: dict[str, np.ndarray], questions: dict[str, np.ndarray] | None,
              sample: int = 400) -> dict[str, float]:  # fmt: skip
    """Per question language, the mean cosine of a question and a record picked at random: what
    "unrelated" looks like for this model (about 0.8 for e5 in Chinese, lower across languages,
    near 0 for others), so a similarity feature means the same for any model and language."""
    rows = [v for v in vectors.values() if len(v) and v.ndim == 2 and v.shape[1]]
    if not rows or not questions:
        return {}
    m = np.concatenate(rows)
    rng = np.random.default_rng(0)
    picked = m[rng.integers(0, len(m), sample)]
    return {lang: float(np.clip(np.mean(q @ picked.T), 0.0, 0.95)) for lang, q in questions.items()
            if len(q) and q.shape[1] == picked.shape[1]}  # fmt: skip


def _name_hits(docs: list[SourceDocument], texts: dict[str, str]) -> dict[str, frozenset[str]]:
    """For each document, the bigrams of any document's name that its text holds. The texts'
    own bigram sets are built one at a time and dropped: kept together they are hundreds of MB."""
    names = frozenset().union(*(name_grams(d) for d in docs))
    return {key: ref_grams(text) & names for key, text in texts.items()}


def _name_df(docs: dict[str, SourceDocument], hits: dict[str, frozenset[str]]) -> dict[str, int]:
    """For each bigram of a document name, how many documents' texts hold it: "会议" in a title
    is in every text and names nothing, "车网" is in one and names it."""
    grams = set().union(*(name_grams(d) for d in docs.values())) if docs else set()
    df = dict.fromkeys(grams, 0)
    for key in docs:
        for g in hits.get(key, frozenset()) & grams:
            df[g] += 1
    return df


def home_place(docs: list[SourceDocument], configured: str | None = None) -> str | None:
    """The office's own place: HOME_PLACE when set, else the place most documents are about
    when at least half of those with a place are about it (a 绍兴 office's catalogue is mostly 绍兴's)."""
    if configured:
        return configured
    from knowledge.places import ancestors

    counts: dict[str, int] = {}
    placed = 0
    for d in docs:
        p = doc_place(d)
        if p:
            placed += 1
            for a in ancestors(p):
                counts[a] = counts.get(a, 0) + 1
    majority = [p for p, n in counts.items() if n >= 0.5 * placed]
    if placed < 5 or not majority:
        return None
    return max(majority, key=lambda p: (len(ancestors(p)), counts[p]))  # the most specific of them


def mark_validity(docs: dict[str, SourceDocument], references: list) -> None:  # noqa: ANN001
    """A policy past its validity, or repealed/amended by a later catalogued document, is
    marked so: staff quoting a repealed incentive to an investor is a costly mistake.
    Repeals are read from every document; the repealing 文号 is named only when visible."""
    from knowledge.extract.references import apply_validity

    for d in docs.values():
        apply_validity(d)  # against today's date, not the date it was indexed
    for r in references:
        if r.relation not in ("repeals", "amends") or not r.target_doc_no or r.target_doc_no not in docs:
            continue
        target = docs[r.target_doc_no]
        by = r.doc_no if r.doc_no in docs else "后续文件"
        verb = "废止" if r.relation == "repeals" else "修订"
        target.status = "repealed"
        target.status_note = f"已被{by}{verb}"
