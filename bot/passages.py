"""Pick the passages (and within them the sentences) that answer a question, or none.

The retriever always returns *something*; this decides whether it is relevant enough:
the question's own terms must be covered by the passage, and a document about another
place (a 温州 policy for a 绍兴 question) never answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.lookup import Knowledge
from bot.text_match import bigrams, focus
from knowledge.models import Chunk
from knowledge.normalize import normalize
from knowledge.places import compatible as place_compatible
from knowledge.places import doc_place, places_in

ZH_MIN_COVERAGE = 0.5
PASSAGE_K = 20  # hits fetched per question: wide, because place and coverage checks follow
CANDIDATES = 4  # relevant passages compared before the best two are quoted
EN_MIN_COVERAGE = 0.5
_EN_STOP = set(
    "a an the of in on at to for from by with and or is are was were be been does do did what which who whom whose how "
    "when where why can could should would will shall may might must there their its it this that these those i we you "
    "they he she me my our your about into than then so if not no any some much many more most per via as up out over "
    "under between during since until aim aims tell please give get has have had".split()
)  # fmt: skip
_SENT = re.compile(r"(?<=[。；！？!?;])")


@dataclass(frozen=True)
class Picked:
    chunk: Chunk
    sentences: list[str]
    coverage: float


def en_coverage(question: str, zh_terms_by_phrase: list[tuple[str, list[str]]], text: str) -> float:
    """Share of the English question's content words found in `text` directly or via the glossary."""
    from retrieval.glossary import stem

    low = normalize(text).lower()
    covered_words: set[str] = set()
    for phrase, zhs in zh_terms_by_phrase:
        if any(z in low for z in zhs):
            covered_words.update(phrase.split())
    from knowledge.places import EN as PLACES_EN

    # places are checked on their own (bot.places); they say where, not what
    words = [w for w in re.findall(r"[a-z][a-z0-9\-]+|\d{4}", question.lower()) if w not in _EN_STOP and stem(w) not in PLACES_EN]
    if not words:
        return 0.0

    hit = sum(1 for w in words if stem(w) in covered_words or w in low)
    return hit / len(words)


def zh_coverage(question: str, text: str) -> float:
    """Share of the question's focus bigrams in the text. Place names are left out: the
    place is checked against the document on its own, and passages rarely repeat it."""
    topic = focus(question)
    for place in places_in(question):
        topic = re.sub(f"{place}[市区县]?", " ", topic)
    q = bigrams(topic)
    t = bigrams(text)
    return len(q & t) / len(q) if q else 0.0


def best_passages(retriever, k: Knowledge, question: str, audience: str, lang: str, zh: str, limit: int = 2) -> list[Picked]:  # noqa: ANN001
    from retrieval.glossary import load_glossary

    hits = retriever.search(question, audience=audience, k=PASSAGE_K)  # wide: place filtering follows
    qp = places_in(question)
    phrases = load_glossary().english_terms(question) if lang == "en" else []
    picked: list[Picked] = []
    for h in hits:
        c = h.chunk
        if _is_card(c):
            continue  # a metadata card answers "when/who issued", which the doc-fact route handles
        d = k.doc(c.doc_no or c.title)
        if qp and d is not None and not place_compatible(qp, doc_place(d)):
            continue
        if d is None and c.visibility != "public" and audience != "staff":
            continue  # defence in depth: never quote an internal chunk to an investor
        if not _years_present(question, c.text + " " + c.title):
            continue  # a question about 2024 is not answered by a passage that never mentions 2024
        cov = en_coverage(question, phrases, c.text + " " + c.title) if lang == "en" and not _is_zh(question) else zh_coverage(question, c.text)
        threshold = EN_MIN_COVERAGE if lang == "en" else ZH_MIN_COVERAGE
        if cov < threshold:
            continue
        sentences = _best_sentences(question, c.text, phrases, lang)
        picked.append(Picked(c, sentences, cov))
        if len(picked) >= CANDIDATES:
            break
    if not picked:
        return []
    # Among passages about as relevant as the best, the newer document wins.
    best = max(p.coverage for p in picked)
    close = [p for p in picked if p.coverage >= best * 0.8]
    close.sort(key=lambda p: _doc_date(k, p.chunk), reverse=True)
    return close[:limit]


def _doc_date(k: Knowledge, c: Chunk) -> str:
    d = k.doc(c.doc_no or c.title)
    return (d.date if d else None) or c.date or ""


def _years_present(question: str, text: str) -> bool:
    years = set(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", question))
    return all(y in text for y in years)


def _is_card(c: Chunk) -> bool:
    return not c.section and (c.text.startswith(f"《{c.title}》") or c.text.startswith(c.title))


def _is_zh(text: str) -> bool:
    from knowledge.normalize import is_chinese

    return is_chinese(text)


def _best_sentences(question: str, text: str, phrases: list[tuple[str, list[str]]], lang: str, max_chars: int = 180) -> list[str]:
    sentences = [s.strip() for s in _SENT.split(text) if s.strip()]
    if len(text) <= max_chars or len(sentences) <= 1:
        return [text.strip()]
    if lang == "en":
        zh_terms = [z for _, zs in phrases for z in zs]
        scores = [sum(1 for z in zh_terms if z in normalize(s)) + (2 if re.search(r"[A-Za-z]{3,}", s) and any(w in s.lower() for w in question.lower().split()) else 0) for s in sentences]
    else:
        q = bigrams(focus(question))
        scores = [len(q & bigrams(s)) for s in sentences]
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    chosen: list[int] = []
    total = 0
    for i in order:
        if scores[i] <= 0 and chosen:
            break
        if total + len(sentences[i]) > max_chars and chosen:
            break
        chosen.append(i)
        total += len(sentences[i])
    return [sentences[i] for i in sorted(chosen)]
