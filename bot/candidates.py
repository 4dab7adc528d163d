"""Step 2 of an answer: every record and sentence that might answer, with its features.

Records of every kind are scored against the question at once (bigram postings and one matrix
product over their vectors) and the best of each kind kept; the sentences of the top retrieved
passages join them, and each document the question may mean adds its facts (dates, issuer,
validity). Each candidate carries the same features, so one ranking function
(`bot.ranking`) can compare a responsibility record with a sentence of a passage.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from bot.cases import Estimate, case_fit, estimate, sentence_fit
from bot.docrefs import doc_names
from bot.intents import INTENTS
from bot.knowledge_view import KINDS, Knowledge
from bot.record_index import coverage_of
from bot.sentences import Sentence, carries, split_sentences
from bot.text_match import bigrams, raw_bigrams
from bot.understand import Understanding
from knowledge.models import Chunk
from knowledge.normalize import normalize
from knowledge.sections import parse_heading
from retrieval.chunking import LIST_ITEM

PER_KIND = 12  # records of one kind kept for ranking
KEY_MIN = 4  # bigrams a record key needs before naming it all counts fully
PASSAGES = 10  # retrieved passages whose sentences are candidates
NAMED_SHARE = 0.75  # what a text matched only on the words naming the document asked about keeps of its overlap
KIND_OF = {"responsibilities": "responsibility", "incentives": "incentive", "figures": "figure",
           "projects": "project", "contacts": "contact", "table_rows": "table_row"}  # fmt: skip
# How well a kind of candidate can answer each intent (the prior the ranking weighs as `kind`).
FIT: dict[str, dict[str, float]] = {
    "who": {"responsibility": 1.0, "table_row": 0.5, "sentence": 0.5, "incentive": 0.2},
    "tasks": {"responsibility": 1.0, "table_row": 0.4, "sentence": 0.3},
    "amount": {"incentive": 1.0, "figure": 0.9, "table_row": 0.6, "project": 0.5, "sentence": 0.7},
    "eligibility": {"incentive": 1.0, "sentence": 0.7, "table_row": 0.6},
    "when": {"doc_fact": 1.0, "sentence": 0.6, "figure": 0.2, "incentive": 0.2},
    "status": {"project": 1.0, "table_row": 0.7, "sentence": 0.6},
    "list": {"table_row": 0.8, "project": 0.8, "sentence": 0.6, "responsibility": 0.3},
    "count": {"table_row": 0.8, "project": 0.7, "figure": 0.6, "sentence": 0.6},
    "extreme": {"table_row": 0.9, "project": 0.9, "figure": 0.4},
    "contact": {"contact": 1.0, "table_row": 0.4, "sentence": 0.3},
    "what": {"sentence": 1.0, "incentive": 0.6, "figure": 0.3, "table_row": 0.4, "responsibility": 0.3},
    "doc": {"doc_fact": 1.0, "sentence": 0.3},
    "frequency": {"sentence": 1.0, "table_row": 0.4, "responsibility": 0.2},  # "how often": a "when" that no date answers
}  # fmt: skip
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_TAG_LINE = re.compile(r"^[（(]?(?:责任单位|牵头单位|配合单位|责任部门|牵头部门)[：:]")


@dataclass
class Candidate:
    kind: str  # responsibility, incentive, figure, project, contact, table_row, doc_fact, sentence
    record: Any  # the record; a Chunk for doc facts' documents is not needed (the doc is)
    doc_key: str
    section: str
    text: str  # what the question was matched against
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    chunk: Chunk | None = None  # the passage of a sentence candidate
    note: str = ""  # why it applies to the asker's case ("营业收入20亿元，符合“10亿元以上”")
    estimate: Estimate | None = None  # what a met clause pays for the asker's amounts (3亿元×2.5%)

    @property
    def said(self) -> str:
        """What the candidate says: the text it was matched on and, for a record, its source."""
        return f"{self.text} {getattr(self.record, 'source', '') or ''}"


@lru_cache(maxsize=65536)  # record texts and titles come back question after question
def _lower_norm(text: str) -> str:
    return normalize(text).lower()


@lru_cache(maxsize=1024)  # the passages retrieved come back question after question
def _passage_norm(text: str) -> str:
    return normalize(text)


def _memo(u: Understanding) -> dict[Any, Any]:
    """Values every candidate of one question shares (its wanted intents, its terms by script),
    computed once per question instead of once per candidate. Kept on the `Understanding`
    itself, outside its fields: nothing changes an understanding once made."""
    memo = u.__dict__.get("_candidate_memo")
    if memo is None:
        memo = u.__dict__["_candidate_memo"] = {}
    return memo


def _wanted(u: Understanding) -> dict[str, float]:
    memo = _memo(u)
    if "wanted" not in memo:
        memo["wanted"] = u.wanted(INTENTS)
    return memo["wanted"]


def _idf_terms(u: Understanding, zh: bool, doc_key: str | None) -> tuple[list, list]:
    """(the question's terms of the text's script, those of them the named document's topic holds)."""
    memo = _memo(u)
    key = ("idf", zh, doc_key)
    if key not in memo:
        asked = u.terms
        terms = [(t, w) for t, w in asked if (not t.isascii()) == zh] or asked
        topic = u.topic_in(doc_key) if doc_key else None
        memo[key] = (terms, [(t, w) for t, w in terms if bigrams(t) <= topic] if topic else [])
    return memo[key]


def lex_idf(u: Understanding, text: str, doc_key: str | None = None) -> float:
    """Rarity-weighted share of the question's content tokens the text contains: missing the one
    rare term a question turns on (所得税) costs more than missing a common one (企业). Only tokens
    of the text's own script count (an English question's glossary terms for Chinese text). In
    the document the question names, a match on its name's tokens alone keeps NAMED_SHARE (`Understanding.topic_in`)."""
    if not u.terms:
        return 0.0
    low = _lower_norm(text)
    zh = any("\u4e00" <= ch <= "\u9fff" for ch in low[:200])
    terms, rest = _idf_terms(u, zh, doc_key)
    share = _share(terms, low)
    return max(_share(rest, low), NAMED_SHARE * share) if rest else share


def _share(terms: list[tuple[str, float]], low: str) -> float:
    total = sum(w for _, w in terms)
    return sum(w for t, w in terms if t in low) / total if total else 0.0


def kind_fit(u: Understanding, kind: str) -> float:
    memo = _memo(u)
    key = ("kind", kind)
    if key not in memo:
        memo[key] = sum(w * FIT[i].get(kind, 0.0) for i, w in _wanted(u).items())
    return memo[key]


def _carries(u: Understanding, text: str) -> float:
    memo = _memo(u)
    if "carried" not in memo:
        memo["carried"] = [(i, w) for i, w in _wanted(u).items() if w > 0.05]
    return sum(w * carries(text, i) for i, w in memo["carried"])


def _case(u: Understanding, text: str) -> float:
    if not u.case:
        return 0.0
    return sum(1.0 for t in u.case if t in text) / len(u.case)


def _sentence_case(u: Understanding, text: str) -> float:
    if u.amounts:
        fit = sentence_fit(text, u.amounts, u.case)
        if fit.value:
            return fit.value
    return _case(u, text)


def _year(u: Understanding, text: str, doc_date: str | None, doc_years: frozenset[str] = frozenset()) -> float:
    """+1 when the text (or, when it names no year of its own, its document) is of a year asked
    about, -1 when of other years only, 0 when nothing tells. Years a text compares against
    ("超过2018、2019年同期") are not its own."""
    if not u.years:
        return 0.0
    own = set(_YEAR.findall(_COMPARED.sub(" ", text)))
    found = own | ({doc_date[:4]} if doc_date else set()) | (set() if own else doc_years)
    if not found:
        return 0.0  # a text of no stated year, in a document of no known date, may be of any year
    return 1.0 if set(u.years) & found else -1.0


# "超过2018、2019年同期", "比2019年增长", "较2020年" name the year compared with, not the text's own
_COMPARED = re.compile(r"(?:比|较|超过|高于|低于|相比|同比|对比)(?:(?:19|20)\d{2}[、和及与]?)+年?|(?:(?:19|20)\d{2}[、和及与]?)+年?同期")


@lru_cache(maxsize=4096)
def _years_named(title: str, subject: str, path: str) -> frozenset[str]:
    """The years a document names itself by: its title, what it carries, its file name (a
    "2020年重点工作完成情况" published in January 2021 is of 2020, not of its date's year)."""
    name = path.rsplit("/", 1)[-1]
    return frozenset(_YEAR.findall(f"{title} {subject} {name}"))


def doc_years(d) -> frozenset[str]:  # noqa: ANN001 - SourceDocument | None
    return _years_named(d.title or "", d.subject_title or "", d.path or "") if d is not None else frozenset()


def _title_words(u: Understanding, title: str, doc_lang: str) -> str:
    """A Chinese document's title as matched against the question: an English one made from its
    file name ("Shaoxing incentives for outside investors") says nothing its Chinese text does
    not, and would match every English question on its words alone."""
    if u.lang == "en" and doc_lang == "zh" and not re.search(r"[\u4e00-\u9fff]", title):
        return ""
    return title


def _recent(date: str | None) -> float:
    return max(0.0, min(1.0, (int(date[:4]) - 2000) / 30)) if date and date[:4].isdigit() else 0.0


def _in_hits(view, hits: list, texts: list[str]) -> dict[int, float]:  # noqa: ANN001 - KindView, list[Hit]
    """Records whose source sentence lies in a retrieved passage → 1 / that passage's rank: the
    retriever's dense + keyword search agreeing with the record is the strongest evidence.
    `texts` are the hits' normalised texts."""
    found: dict[int, float] = {}
    keys = view.source_keys()
    by_doc = view.by_doc()
    for rank, (h, text) in enumerate(zip(hits, texts, strict=True), 1):
        c = h.chunk
        for i in by_doc.get(c.doc_no or c.title, ()):
            src = keys[i]
            if src and i not in found and src in text:
                found[i] = 1.0 / rank
    return found


def records(u: Understanding, k: Knowledge, hits: list | None = None) -> list[Candidate]:  # noqa: ANN001
    out: list[Candidate] = []
    q = u.grams
    hits = hits or []
    hit_texts = [_passage_norm(h.chunk.text) for h in hits]
    # document features once per document, gathered per record below
    doc_keys, positions = k.record_docs()
    place_of_doc = k.places_fit(doc_keys, u.places)
    fit_of_doc = np.fromiter((u.docs.of(d) for d in doc_keys), dtype=np.float64, count=len(doc_keys))
    home_of_doc = _home(u, k, doc_keys)
    named_of_doc = (np.fromiter((2.0 if d in u.docs.named else 0.0 for d in doc_keys), dtype=np.float64, count=len(doc_keys))
                    if u.docs.named else None)  # fmt: skip
    for kind in KINDS:
        view = k.kinds.get(kind)
        if view is None or not view.records:
            continue
        n = len(view.records)
        lex_q = coverage_of(view.full_grams.overlap(q), len(q)) * u.glossed if q else np.zeros(n)
        # how much of the record's key the question names; a two-character key ("企业") says little
        lex_k = coverage_of(view.grams.overlap(q), np.maximum(view.grams.sizes, KEY_MIN)) if q else np.zeros(n)
        dense = (k.dense(view.vectors @ u.vector, u.lang) if u.vector is not None and view.vectors.shape[1] == len(u.vector)
                 else np.zeros(n))  # fmt: skip
        at = positions[kind]
        place, doc, home = place_of_doc[at], fit_of_doc[at], home_of_doc[at]
        prelim = lex_q + 0.5 * lex_k + dense + 0.5 * doc + 0.3 * place
        if named_of_doc is not None:
            prelim = prelim + named_of_doc[at]
        label = KIND_OF[kind]
        fit = kind_fit(u, label)
        in_hits = _in_hits(view, hits, hit_texts)
        picked = list(dict.fromkeys([int(i) for i in best_first(prelim, PER_KIND)] +
                                    sorted(in_hits, key=lambda i: -prelim[i])[:PER_KIND]))  # fmt: skip
        for i in picked:
            r = view.records[int(i)]
            d = k.doc(r.doc_no)
            text = view.texts[int(i)]
            fit_case = case_fit(r, u.amounts, u.case, u.amount_words) if label == "incentive" else None
            case = fit_case.value if fit_case and fit_case.value else _case(u, text)
            out.append(Candidate(label, r, r.doc_no, getattr(r, "section", "") or "", view.keys[int(i)], {
                "dense": float(dense[i]), "lex_q": float(lex_q[i]), "lex_k": float(lex_k[i]), "kind": fit,
                "lex_idf": lex_idf(u, text + " " + _title_words(u, d.title if d else "", d.language if d else "zh")),
                "carries": _record_carries(u, label, r, text), "place": float(place[i]),
                "year": _year(u, text, d.date if d else None, doc_years(d)), "doc": float(doc[i]),
                "recent": _recent(d.date if d else None), "case": case, "rank": in_hits.get(i, 0.0), "home": float(home[i]),
            }, note=fit_case.reason if fit_case else "",
                estimate=estimate(r, u.amounts, u.amount_words) if fit_case and fit_case.value > 0 else None))  # fmt: skip
    return out


def best_first(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the `n` highest scores, best first, ties in position order: exactly
    `np.argsort(-scores, kind="stable")[:n]`, without sorting thousands of records to keep twelve."""
    if len(scores) <= 4 * n:
        return np.argsort(-scores, kind="stable")[:n]
    neg = -scores
    kth = np.partition(neg, n - 1)[n - 1]
    near = np.flatnonzero(neg <= kth)  # every score at least the n-th best, ties included
    if len(near) < n:  # NaN among the scores: the full sort decides
        return np.argsort(neg, kind="stable")[:n]
    return near[np.argsort(neg[near], kind="stable")[:n]]


def _record_carries(u: Understanding, kind: str, r: Any, text: str) -> float:
    """Whether the record states what the intent asks for (a unit for who, an amount for how much)."""
    if kind == "responsibility":
        return u.p("who") + u.p("tasks") + 0.3 * u.p("list")
    if kind == "incentive":
        return u.p("amount") + u.p("eligibility") + 0.5 * u.p("what")
    if kind == "contact":  # "which number can I call" asks a contact whatever the intent reads
        return max(u.p("contact"), 1.0 if u.asked_fact == "phone" else 0.0)
    if kind == "project":
        return u.p("status") + u.p("amount") * (r.amount_text is not None) + u.p("list") + u.p("count") + u.p("extreme")
    if kind == "figure":
        return _carries(u, r.text + r.source)
    return _carries(u, text)


def sentences(u: Understanding, k: Knowledge, hits: list) -> list[Candidate]:  # noqa: ANN001 - retrieval.Hit
    out: list[Candidate] = []
    q = u.grams
    fit = kind_fit(u, "sentence")
    for rank, h in enumerate(hits[:PASSAGES], 1):
        c = h.chunk
        if _is_card(c) or c.section.startswith("落款"):
            continue  # the signature block's dates and names are document facts, not answers
        key = c.doc_no or c.title
        d = k.doc(key)
        if d is None and c.visibility != "public" and u.audience != "staff":
            continue  # defence in depth: never an internal passage to an investor
        place = float(k.places_fit([key], u.places)[0])
        if place == 0.0 and u.places:  # the document's place is unknown or wider than the one asked
            place = _passage_place(u, c.text)
        home = float(_home(u, k, [key])[0])
        heading = c.section.split(" > ")[-1] if c.section else ""
        head_grams = bigrams(heading)
        head_q = len(q & head_grams) / len(q) if q else 0.0
        units = _passage_units(c.text, c.title)
        # a tag line is a responsibility record, a heading names a topic and the document's own
        # title names the document (its facts are document facts): none of them answers
        topic = u.topic_in(key)
        dense = float(k.dense(h.dense_similarity, u.lang, passage=True))
        doc, recent = u.docs.of(key), _recent(d.date if d else c.date)
        years_of_doc = doc_years(d)
        lex_k = 0.5 * (len(q & head_grams) / len(head_grams) if head_grams else 0.0)
        pairs = _pairs(u, units)
        joined = {p.index for p, _, whole in pairs if whole}  # a provision cut at a semicolon is read whole
        for s, grams in [x for x in units if x[0].index not in joined] + [(p, g) for p, g, _ in pairs]:
            own = len(q & grams) / len(q) * u.glossed if q else 0.0
            if topic:  # in the named document, what it is asked about counts more than its name
                own = max(len(topic & grams) / len(topic), NAMED_SHARE * own)
            lex_q = own + 0.3 * max(0.0, min(1.0, own + head_q) - own)  # the heading helps, a little
            if u.lang == "en" and c.language == "en":
                lex_q = max(lex_q, _en_overlap(u, s.text))
            out.append(Candidate("sentence", s, key, c.section_no or c.section, s.text, {
                "dense": dense, "lex_q": lex_q, "lex_k": lex_k,
                "lex_idf": lex_idf(u, s.text + " " + heading + " " + _title_words(u, c.title, c.language), key),
                "kind": fit, "carries": _carries(u, s.norm), "place": place,
                "year": _year(u, s.norm + c.title, None, years_of_doc), "doc": doc, "recent": recent,
                "case": _sentence_case(u, s.norm), "rank": 1.0 / rank, "home": home,
            }, chunk=c))  # fmt: skip
    return out


@lru_cache(maxsize=1024)  # like `split_sentences`: a passage's sentences and their bigrams, once
def _passage_units(text: str, title: str) -> tuple[tuple[Sentence, frozenset[str]], ...]:
    """The sentences of a passage that may answer (not a tag line, a heading or a restatement of
    the document's title), each with its bigrams (interned: a thousand passages' bigram sets hold
    ~6 MB so, twice that with a string object per bigram)."""
    title_grams = raw_bigrams(normalize(title))
    out = []
    for x in split_sentences(text):
        if len(x.norm) >= 6 and not _TAG_LINE.match(x.norm) and not _is_heading(x.norm):
            grams = frozenset(map(sys.intern, raw_bigrams(x.norm)))
            if not _restates(grams, title_grams):
                out.append((x, grams))
    return tuple(out)


def _passage_place(u: Understanding, text: str) -> float:
    """A document of no known place or a wider one (a news copy filed under 贵州) fits the asked
    place where its passage names it: "普安縣抽調精兵強將，組建三個招商分隊" is about 普安县."""
    from knowledge.places import places_in

    return 1.0 if set(places_in(_passage_norm(text))) & set(u.places) else 0.0


def _restates(grams: frozenset[str], title: frozenset[str]) -> bool:
    return bool(grams) and len(grams & title) >= 0.9 * len(grams)


def _pairs(u: Understanding, units: tuple[tuple[Sentence, frozenset[str]], ...]) -> list[tuple[Sentence, frozenset[str], bool]]:
    """Two adjacent sentences as one candidate when one names the topic and the next states the
    fact ("…可以要求付款方确认。付款方应当自被要求之日起三十日内予以确认。"), or when the first ends
    at a semicolon and both are on the topic (True: the pair stands for the first sentence)."""
    q = u.grams
    out = []
    share = [len(q & g) / len(q) if q else 0.0 for _, g in units]
    carried = [_carries(u, s.norm) for s, _ in units]
    for i, ((a, _), (b, _)) in enumerate(zip(units, units[1:], strict=False)):
        la, lb, ca, cb = share[i], share[i + 1], carried[i], carried[i + 1]
        # "前3年…由财政扶持企业；后2年…的50%，由财政扶持企业。": one provision, cut at its semicolon
        joined = a.text.rstrip().endswith(("；", ";")) and min(la, lb) >= 0.2 and max(la, lb) >= 0.3
        if len(a.text) + len(b.text) <= PAIR_CHARS and (joined or (la >= 0.3 and cb > ca + 0.2) or (lb >= 0.3 and ca > cb + 0.2)):
            pair = Sentence(a.text + b.text, a.norm + b.norm, a.index)
            out.append((pair, raw_bigrams(pair.norm), joined))
    # "…按固定资产投资数额确定补贴比例。" then "2000万元以上…补贴42%；" "3000万元以上…补贴60%；" …:
    # every tier of a run cut at semicolons is read with the lead-in that names what it grades
    for i, (a, _) in enumerate(units):
        j = i + 2
        while share[i] >= 0.3 and j < len(units) and units[j - 1][0].text.rstrip().endswith(("；", ";")):
            b = units[j][0]
            if len(a.text) + len(b.text) > PAIR_CHARS or carried[j] <= carried[i] + 0.2:
                break
            pair = Sentence(a.text + b.text, a.norm + b.norm, b.index)
            out.append((pair, raw_bigrams(pair.norm), False))
            j += 1
    # "the longest terms … are:" then "---40 years for commerce, tourism …;": each item with its lead-in
    for i, (a, _) in enumerate(units):
        if not a.text.rstrip().endswith((":", "：")):
            continue
        for b, _ in units[i + 1 : i + 1 + LIST_ITEMS]:
            if not LIST_ITEM.match(b.text):
                break
            pair = Sentence(a.text + " " + b.text, a.norm + b.norm, b.index)
            out.append((pair, raw_bigrams(pair.norm), False))
    return out


LIST_ITEMS = 10  # items after a lead-in read with it
PAIR_CHARS = 220  # two sentences read as one candidate at most this long


def _en_overlap(u: Understanding, text: str) -> float:
    from retrieval.glossary import stem

    low = text.lower()
    words = u.en_words
    return sum(1 for w in words if w in low or stem(w) in low) / len(words) if words else 0.0


# the dates of something the text sets (a deadline, a consultation or application window), not the document's own
_DEADLINE = re.compile(r"截止|截至(?:什么时候|何时|哪天)|最晚|之前(?:报|交|提)|征集|征求意见(?!稿)|申报(?:时间|日期|期)|报名|受理(?:时间|日期)|"
                       r"公示(?:期|时间)|从哪天到哪天|起止|deadline|by when|until when|due\b|comment period|consultation period", re.I)
_VALIDITY = re.compile(r"有效期|施行|生效|失效|废止|valid|in force|effective|expire", re.I)


def doc_facts(u: Understanding, k: Knowledge, limit: int = 3) -> list[Candidate]:
    if _DEADLINE.search(u.original) and not _VALIDITY.search(u.original):
        return []  # "征求意见什么时候截止": a deadline the text sets, never the document's own dates
    ranked = sorted(u.docs.fit.items(), key=lambda kv: -kv[1])[:limit]
    out = []
    for key, fit in ranked:
        d = k.doc(key)
        if d is None or fit < 0.2:
            continue
        names = " ".join(doc_names(d) + [d.issuer or "", d.doc_no or ""])
        grams = raw_bigrams(names)
        out.append(Candidate("doc_fact", d, key, "", d.title, {
            "dense": float(k.dense(u.docs.title_cos.get(key, 0.0), u.lang)),
            "lex_q": len(u.grams & grams) / len(u.grams) if u.grams else 0.0,
            "lex_k": 1.0 if key in u.docs.named else 0.0, "kind": kind_fit(u, "doc_fact"),
            "carries": u.p("when") + u.p("doc"), "lex_idf": lex_idf(u, names),
            "place": float(k.places_fit([key], u.places)[0]), "year": 0.0, "doc": fit, "recent": _recent(d.date),
            "case": 0.0, "rank": 0.0, "home": float(_home(u, k, [key])[0]),
        }))  # fmt: skip
    return out


def _home(u: Understanding, k: Knowledge, doc_keys: list[str]) -> np.ndarray:
    """1 for documents of the office's own place when the question names none (a 绍兴 office
    asking about "联席会议" means its own), else 0."""
    if u.places or not k.home:
        return np.zeros(len(doc_keys))
    from knowledge.places import ancestors

    memo = {d: 1.0 if (p := k.place_of(d)) and k.home in ancestors(p) else 0.0 for d in set(doc_keys)}
    return np.fromiter((memo[d] for d in doc_keys), dtype=np.float64, count=len(doc_keys))


def _is_heading(norm: str) -> bool:
    """A numbered line without a body; "二、责任分解中，列第一位的责任单位为牵头单位。" is a rule, not
    a heading: a clause break and a full stop make a sentence."""
    if norm.endswith("。") and re.search(r"[，,]", norm):
        return False
    h = parse_heading(norm)
    return bool(h and not h.has_body and len(norm) < 40)


def _is_card(c: Chunk) -> bool:
    return not c.section and (c.text.startswith(f"《{c.title}》") or c.text.startswith(c.title))
