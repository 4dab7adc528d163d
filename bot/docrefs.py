"""Which document a question refers to: "17号文", "江西金融支持抗疫那份文件", "重庆车网互动方案",
"the Beijing foreign investment regulations".

Every document gets a fit in 0..1: a 文号 (whole or a fragment such as 〔2023〕17号 or 17号文)
decides outright; otherwise the question's character bigrams shared with the document's name
(title, the policy a notice wraps, issuer), weighted by how rare each bigram is among the
catalogue's names, so "车网" + "互动" + "方案" find 新能源汽车与电网融合互动工作方案 while "方案" alone
says little. Places named and the title's meaning (the multilingual embedding, for English)
add to it. A name match is evidence for ranking, not a filter; a 文号 narrows the candidates.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from bot.romanized import Romanized
from bot.text_match import raw_bigrams
from knowledge.gov_parse import doc_no_of
from knowledge.models import SourceDocument
from knowledge.normalize import fold, normalize
from knowledge.places import places_in

_BOILERPLATE = re.compile(r"关于|印发|转发|的通知|通知|的$|人民政府办公厅|人民政府办公室|（[^）]{0,12}）")
_FRAGMENT = re.compile(r"(?:([\u4e00-\u9fff]{1,8}?)\s*)?(?:[〔\[【（(]\s*((?:19|20)\d{2})\s*[〕\]】）)]\s*)?(\d{1,4})\s*号(?:文|文件)?")
NAME_HELD = 6.0  # idf units a spelled name adds to the documents whose text holds it
DAMPING = 4.0  # idf units a name match needs before it counts as a reference (see `fit`)


def doc_names(d: SourceDocument) -> list[str]:
    """The names a document goes by: its title, the policy a notice wraps, metadata aliases."""
    names = [d.title, *([d.subject_title] if d.subject_title else []), *(d.aliases or [])]
    for key in ("subject_title", "aliases", "title"):
        value = d.metadata.get(key) if d.metadata else None
        if value:
            names.extend(v for v in re.split(r"[\n;；]", value) if v.strip())
    wrapped = re.findall(r"《([^》]{4,80})》", d.title)
    return list(dict.fromkeys(names + wrapped))


@dataclass
class DocRefs:
    """The fit of every document to the question (0..1) and the documents a 文号 names."""

    fit: dict[str, float] = field(default_factory=dict)
    named: list[str] = field(default_factory=list)  # keys of documents the question names by 文号
    title_cos: dict[str, float] = field(default_factory=dict)  # cosine of the question and each title

    def of(self, key: str) -> float:
        return self.fit.get(key, 0.0)

    @property
    def best(self) -> tuple[str, float] | None:
        if not self.fit:
            return None
        key = max(self.fit, key=self.fit.__getitem__)
        return key, self.fit[key]


_LATIN_WORD = re.compile(r"[a-z][a-z'\-]{2,}")
_EN_FUNCTION = frozenset("the and for with what which how does did can are was were from that this into under our "
                         "their there about body only text notice".split())  # fmt: skip


def ref_grams(text: str) -> frozenset[str]:
    """Chinese character bigrams, and Latin words whole ("w:jiangxi"): letters paired across an
    English name would tie every English question to every English title."""
    t = normalize(text)
    low = t.lower()
    words = {"w:" + w.strip("'-") for w in _LATIN_WORD.findall(low) if w not in _EN_FUNCTION}
    return raw_bigrams(re.sub(r"[A-Za-z]+", " ", t)) | words


def name_grams(d: SourceDocument) -> frozenset[str]:
    text = " ".join(doc_names(d) + [d.issuer or ""])
    return ref_grams(_BOILERPLATE.sub(" ", normalize(text)))


class DocIndex:
    """Name bigrams of every visible document with their rarity, built once per snapshot."""

    def __init__(self, docs: dict[str, SourceDocument], vectors=None, body_df: dict[str, int] | None = None,  # noqa: ANN001
                 romanized: Romanized | None = None) -> None:  # fmt: skip
        """A bigram's rarity counts the names that hold it and, when `body_df` is given, the
        texts that hold it: a word every text uses ("会议", "一次") names no document.
        `romanized`: the texts' names by their pinyin, for English questions (`bot.romanized`)."""
        self.docs = docs
        self.romanized = romanized or Romanized()
        self.keys = list(docs)
        self.grams = [name_grams(docs[k]) for k in self.keys]
        df: dict[str, int] = {}
        for gs in self.grams:
            for g in gs:
                df[g] = df.get(g, 0) + 1
        if body_df:
            df = {g: max(c, body_df.get(g, 0)) for g, c in df.items()}
        n = max(1, len(self.keys))
        self.idf = {g: math.log(1 + n / c) for g, c in df.items()}
        self.places = [set(places_in(" ".join(doc_names(docs[k])) + " " + (docs[k].issuer or ""))) for k in self.keys]
        self._vectors = vectors
        self.title_vectors = (vectors.passages([docs[k].title for k in self.keys]) if vectors is not None and self.keys
                              else None)  # fmt: skip

    def resolve(self, question: str, qvec: np.ndarray | None = None, extra_terms: str = "",
                names: tuple[str, ...] = ()) -> DocRefs:  # fmt: skip
        """`names`: Chinese names an English question spells (`bot.romanized`): the few documents
        whose text holds one are referred to, like a place named."""
        refs = DocRefs()
        if not self.keys:
            return refs
        refs.named = self._by_doc_no(question)
        q = ref_grams(question + " " + extra_terms)
        qplaces = set(places_in(question))
        raw = np.asarray([sum(self.idf[g] for g in q & gs) for gs in self.grams], dtype=np.float64)
        if qplaces:
            raw += np.asarray([1.5 if qplaces & ps else 0.0 for ps in self.places])
        held = {k for n in names for k in self.romanized.holders.get(n, ())}
        if held:
            raw += np.asarray([NAME_HELD if k in held else 0.0 for k in self.keys])
        if qvec is not None and self.title_vectors is not None and len(self.title_vectors):
            sims = self.title_vectors @ qvec
            raw += 8.0 * np.clip(sims - float(np.median(sims)), 0, None)
            refs.title_cos = {k: float(x) for k, x in zip(self.keys, sims, strict=True)}
        fit = raw / (raw.max() + DAMPING) if raw.max() > 0 else raw
        refs.fit = {k: float(f) for k, f in zip(self.keys, fit, strict=True)}
        for k in refs.named:
            refs.fit[k] = 1.0
        return refs

    def _by_doc_no(self, question: str) -> list[str]:
        whole = doc_no_of(question)
        if whole and whole in self.docs:
            return [whole]
        out = []
        for m in _FRAGMENT.finditer(fold(question)):
            prefix, year, number = m.group(1) or "", m.group(2), m.group(3)
            for k in self.keys:
                no = self.docs[k].doc_no or ""
                mm = re.search(r"〔(\d{4})〕(\d+)号", no)
                if not mm or mm.group(2) != number or (year and mm.group(1) != year):
                    continue
                if year or (prefix and set(prefix) & set(no[: mm.start()])) or "号文" in m.group(0):
                    out.append(k)
        return list(dict.fromkeys(out))
