"""Structured look-ups over catalogue records, audience-filtered in the catalogue query.

Each finder returns the best records with a match score; the composer decides whether
the score is good enough to answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from bot.record_index import GramIndex, coverage_of, similarity_of, top
from bot.text_match import bigrams, focus, similarity
from knowledge.amounts import parse_amount
from knowledge.models import Contact, Figure, Project, Records, Responsibility, SourceDocument
from knowledge.normalize import normalize
from knowledge.places import compatible, doc_place, places_in
from knowledge.stages import STAGE_NAMES, normalize_stage


@lru_cache(maxsize=4096)
def _compatible(question_places: tuple[str, ...], place: str | None) -> bool:
    return compatible(list(question_places), place)


def visible(audience: str) -> tuple[str, ...] | None:
    """The catalogue filter for an audience: investors see public documents only."""
    return None if audience == "staff" else ("public",)


@dataclass
class Knowledge:
    """A snapshot of the records one audience may see, with the documents they came from.

    Documents are kept light (metadata, references and status, no paragraphs): the answer
    layer cites them, the passages come from the index. The bigram indexes over record
    texts are built on first use."""

    docs: dict[str, SourceDocument] = field(default_factory=dict)  # by 文号 (or title)
    responsibilities: list[Responsibility] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    units: list[str] = field(default_factory=list)  # every unit name, longest first

    def doc(self, doc_no: str) -> SourceDocument | None:
        return self.docs.get(doc_no)

    _places: dict[str, str | None] = field(default_factory=dict)
    _indexes: dict[str, object] = field(default_factory=dict)

    def place_ok(self, doc_no: str, question_places: list[str]) -> bool:
        if not question_places:
            return True
        if doc_no not in self._places:  # computed once per document, not per record and question
            d = self.docs.get(doc_no)
            self._places[doc_no] = doc_place(d) if d else None
        return _compatible(tuple(question_places), self._places[doc_no])

    def places_ok(self, records: Sequence, question_places: list[str]) -> np.ndarray:
        """place_ok for every record at once (per distinct document, not per record)."""
        if not question_places:
            return np.ones(len(records), dtype=bool)
        ok = {d: self.place_ok(d, question_places) for d in {r.doc_no for r in records}}
        return np.fromiter((ok[r.doc_no] for r in records), dtype=bool, count=len(records))

    def index(self, name: str) -> GramIndex:
        """A bigram index over one record field, built once per snapshot."""
        if name not in self._indexes:
            texts = {
                "task": lambda: [r.task for r in self.responsibilities],
                "subject": lambda: [f.subject for f in self.figures],
                "source": lambda: [f.source for f in self.figures],
                "project": lambda: [p.name.removesuffix("项目") for p in self.projects],
                "contact": lambda: [self._contact_context(c) for c in self.contacts],
            }[name]()
            self._indexes[name] = GramIndex(texts)
        return self._indexes[name]  # type: ignore[return-value]

    def prepare(self) -> Knowledge:
        """Build every index now (at load, not in the first asker's answer time)."""
        for name in ("task", "subject", "source", "project", "contact"):
            self.index(name)
        self.figure_features()
        return self

    def _contact_context(self, c: Contact) -> str:
        d = self.doc(c.doc_no)
        return " ".join(filter(None, [d.title if d else "", d.issuer if d else "", c.unit or "", c.doc_no]))

    def figure_features(self) -> dict[str, np.ndarray]:
        """Per-figure arrays the figure score needs besides text overlap."""
        if "figure_features" not in self._indexes:
            periods: dict[str | None, int] = {}
            self._indexes["figure_features"] = {
                "target": np.fromiter((f.kind == "target" for f in self.figures), dtype=bool, count=len(self.figures)),
                "measure": np.asarray(
                    ["money" if f.currency is not None else "percent" if f.unit == "%" else "count" for f in self.figures],
                    dtype=object,
                ),
                "period": np.fromiter((periods.setdefault(f.period, len(periods)) for f in self.figures),
                                      dtype=np.int32, count=len(self.figures)),
                "periods": np.asarray(list(periods), dtype=object),
            }  # fmt: skip
        return self._indexes["figure_features"]  # type: ignore[return-value]


RESULTS = 200  # records a finder returns, best first (callers read the first few)


def light(doc: SourceDocument) -> SourceDocument:
    """The document without its paragraphs and non-reference records (what answers need)."""
    return replace(doc, paragraphs=[], records=Records(references=list(doc.records.references)))


def load_views(catalogue) -> dict[str, Knowledge]:  # noqa: ANN001 - knowledge.catalogue.Catalogue
    """Both audiences' snapshots from one read of the catalogue: the investor view holds the
    public documents' records (the same objects), filtered by the catalogue's own visibility."""
    all_docs = [light(d) for d in catalogue.iter_documents(None)]
    references = catalogue.references(None)
    views: dict[str, Knowledge] = {}
    records = {name: catalogue.records_with_visibility(name) for name in ("responsibilities", "figures", "projects", "contacts")}
    for audience in ("staff", "investor"):
        vis = visible(audience)
        docs = {(d.doc_no or d.title): (d if audience == "staff" else replace(d))
                for d in all_docs if vis is None or d.visibility in vis}  # fmt: skip
        mark_validity(docs, references)
        picked = {name: [r for r, v in rows if vis is None or v in vis] for name, rows in records.items()}
        units = sorted({u for r in picked["responsibilities"] for u in r.units}, key=len, reverse=True)
        views[audience] = Knowledge(docs, picked["responsibilities"], picked["figures"], picked["projects"],
                                    picked["contacts"], units).prepare()  # fmt: skip
    return views


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


def _topic(question: str, english_terms: str) -> str:
    """What to match records against: the Chinese focus, or for English the glossary terms and years."""
    if english_terms:
        return english_terms + " " + " ".join(re.findall(r"(?:19|20)\d{2}", question))
    return focus(question)


def find_responsibilities(k: Knowledge, question: str, zh_terms: str = "", doc_no: str | None = None) -> list[tuple[float, Responsibility]]:
    q = bigrams(_topic(question, zh_terms))
    if not k.responsibilities or not q:
        return []
    idx = k.index("task")
    shared = idx.overlap(q)
    scores = np.maximum(
        coverage_of(shared, idx.sizes) * 0.5 + similarity_of(shared, len(q), idx.sizes), coverage_of(shared, len(q))
    )
    keep = k.places_ok(k.responsibilities, places_in(question))
    if doc_no:
        keep &= np.fromiter((r.doc_no == doc_no for r in k.responsibilities), dtype=bool, count=len(scores))
    return _ranked(scores, keep, k.responsibilities)


def _ranked(scores: np.ndarray, keep: np.ndarray, records: Sequence) -> list:
    """Kept records, best first (ties in record order, as the stable sort over a list did)."""
    ids = np.flatnonzero(keep)
    return top(scores[ids], [records[int(i)] for i in ids] if len(ids) < len(records) else records, RESULTS)


def find_unit(k: Knowledge, question: str, english_units: list[str] | None = None) -> str | None:
    q = normalize(question)
    for u in k.units:
        if u in q:
            return u
    for u in english_units or []:
        if u in k.units:
            return u
    return None


def tasks_of_unit(k: Knowledge, unit: str, doc_no: str | None = None) -> list[Responsibility]:
    return [r for r in k.responsibilities if unit in r.units and (doc_no is None or r.doc_no == doc_no)]


_PERIOD_ALIASES = {"上半年": "1-6月", "1-6月": "上半年", "到": "—", "至": "—"}


@lru_cache(maxsize=65536)
def _years(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?:19|20)\d{2}", text))


def _period_bonus(q: str, years_q: frozenset[str], period: str | None) -> float:
    """`q` is the normalised question and `years_q` its years, computed once per question."""
    if not period:
        return 0.0
    years_p = _years(period)
    bonus = 0.0
    if years_q and years_p:
        bonus += 0.4 * len(years_q & years_p) / len(years_q) - (0.3 if not years_q & years_p else 0)
    for a, b in _PERIOD_ALIASES.items():
        if a in q and (b in period or a in period):
            bonus += 0.1
    return bonus


def find_figures(k: Knowledge, question: str, zh_terms: str = "") -> list[tuple[float, Figure]]:
    if not k.figures:
        return []
    q_grams = bigrams(_topic(question, zh_terms))
    q = normalize(question)
    years_q = _years(q)
    subject, source = k.index("subject"), k.index("source")
    scores = coverage_of(subject.overlap(q_grams), len(q_grams)) * 0.6 + coverage_of(source.overlap(q_grams), len(q_grams)) * 0.4
    feats = k.figure_features()
    per_period = np.asarray([_period_bonus(q, years_q, p) for p in feats["periods"]], dtype=np.float64)
    scores += per_period[feats["period"]]
    if "目标" in question or re.search(r"aim|target|goal", question, re.I):
        scores += np.where(feats["target"], 0.1, -0.1)
    wants = _wanted_measure(question)
    if wants:
        scores += np.where(feats["measure"] == wants, 0.25, -0.25)
    return _ranked(scores, k.places_ok(k.figures, places_in(question)), k.figures)


_COUNT_Q = re.compile(r"多少个|几个|几家|几项|how many|number of", re.I)
_PCT_Q = re.compile(r"比例|占比|百分|增长多少|增速|percent|share|rate|growth", re.I)
_MONEY_Q = re.compile(r"金额|投资额|多少钱|资金|外资|how much|amount|capital|investment|fund|usd|dollar|亿|万美元", re.I)


def _wanted_measure(question: str) -> str | None:
    """Whether the asker wants an amount of money, a count or a percentage."""
    if _COUNT_Q.search(question):
        return "count"
    if _PCT_Q.search(question):
        return "percent"
    if _MONEY_Q.search(question):
        return "money"
    return None


def find_projects(k: Knowledge, question: str, zh_terms: str = "") -> list[tuple[float, Project]]:
    topic = _topic(question, zh_terms)
    q = bigrams(topic)
    if not k.projects:
        return []
    idx = k.index("project")
    shared = idx.overlap(q)
    scores = np.maximum(coverage_of(shared, idx.sizes), similarity_of(shared, len(q), idx.sizes))
    scores += np.fromiter((0.3 if p.company and p.company in topic else 0.0 for p in k.projects),
                          dtype=np.float64, count=len(k.projects))  # fmt: skip
    return _ranked(scores, np.ones(len(scores), dtype=bool), k.projects)


@dataclass(frozen=True)
class ProjectFilter:
    stage: str | None = None
    min_usd: float | None = None
    max_usd: float | None = None
    min_cny: float | None = None
    max_cny: float | None = None
    place: str | None = None

    def describe(self, lang: str) -> str:
        parts = []
        if self.stage:
            parts.append(f"阶段为{self.stage}" if lang == "zh" else f"at stage {self.stage}")
        for label, v, cur in (("≥", self.min_usd, "USD"), ("≤", self.max_usd, "USD"), ("≥", self.min_cny, "CNY"), ("≤", self.max_cny, "CNY")):
            if v is not None:
                parts.append(f"{label} {_money(v, cur, lang)}")
        if self.place:
            parts.append(f"位于{self.place}" if lang == "zh" else f"in {self.place}")
        return ("、" if lang == "zh" else ", ").join(parts)


def _money(v: float, cur: str, lang: str) -> str:
    if lang == "zh":
        unit = "美元" if cur == "USD" else "元"
        return f"{v / 1e8:g}亿{unit}" if v >= 1e8 else f"{v / 1e4:g}万{unit}"
    return f"{cur} {v / 1e6:g} million"


_OVER = re.compile(r"(?:超过|以上|大于|不低于|over|above|more than|at least|exceeding)", re.I)
_UNDER = re.compile(r"(?:以下|低于|少于|不超过|under|below|less than|at most)", re.I)
_STAGE_EN = {"talks": "洽谈", "negotiat": "洽谈", "signed": "签约", "construction": "在建", "operation": "投产", "production": "投产"}


def project_filter(question: str) -> ProjectFilter:
    q = normalize(question)
    stage = normalize_stage(re.sub(r"项目", "", q)) if any(s in q for s in STAGE_NAMES) or "在谈" in q else None
    if stage is None:
        for en, st in _STAGE_EN.items():
            if en in q.lower():
                stage = st
    amount = parse_amount(q)
    kw: dict[str, float] = {}
    if amount and amount.currency in ("USD", "CNY"):
        absolute = amount.amount_usd if amount.currency == "USD" else amount.amount_cny
        is_under = bool(_UNDER.search(q))
        key = ("max_" if is_under else "min_") + amount.currency.lower()
        kw[key] = absolute  # type: ignore[assignment]
    return ProjectFilter(stage=stage, place=next(iter(places_in(q)), None) if "位于" in q or " in " in q else None, **kw)


def find_contacts(k: Knowledge, question: str, zh_terms: str = "") -> list[tuple[float, Contact]]:
    if not k.contacts:
        return []
    q = bigrams(_topic(question, zh_terms))
    qp = places_in(question)
    scores = coverage_of(k.index("contact").overlap(q), len(q)) + (0.2 if qp else 0.0)
    return _ranked(scores, k.places_ok(k.contacts, qp), k.contacts)


def find_document(k: Knowledge, question: str) -> SourceDocument | None:
    from knowledge.gov_parse import doc_no_of

    no = doc_no_of(question)
    if no and no in k.docs:
        return k.docs[no]
    best = max(k.docs.values(), key=lambda d: similarity(focus(question), d.title), default=None)
    return best if best and similarity(focus(question), best.title) > 0.3 else None
