"""The documents' own Chinese names as an English question spells them: "Juxin Development Zone"
is 聚鑫经济开发区, "Zhongyi Carbon" 中溢炭素, "Tianhe" 天河.

The glossary knows words, the gazetteer knows places; the names of zones, parks, firms and
projects an office's documents use are in neither. Every two-character run of the documents'
text is indexed by its pinyin (all readings of each character), kept when its characters
belong together (the share of its rarer character's occurrences that are in the pair: 聚鑫 is
a name, 局新 in "商务局新引进" is two words meeting). A capitalised English word that
spells such a pair exactly stands for it; the corpus decides between homophones (阳新, not 阳信,
where only 阳新 occurs).
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Container

_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:'[a-z]+)?\b")  # Titlecase: a name (acronyms such as ETDZ are not pinyin)
COHESION = 0.1  # share of the occurrences of the pair's rarer character that are in the pair
NAMING_DOCS = 3  # a name held by at most this many documents refers to them


class Romanized:
    """Pinyin spelling → the corpus's character pair so spelled."""

    def __init__(self, spellings: dict[str, str] | None = None,
                 holders: dict[str, tuple[str, ...]] | None = None) -> None:  # fmt: skip
        self.spellings = spellings or {}
        self.holders = holders or {}  # name → the few documents whose text holds it

    @classmethod
    def build(cls, texts: dict[str, str]) -> Romanized:
        """`texts`: each document's text by its key."""
        from pypinyin import Style, pinyin

        chars: Counter[str] = Counter()
        pairs: Counter[str] = Counter()
        docs_of: dict[str, list[str]] = {}
        for key, text in texts.items():
            cjk = " ".join(_RUN.findall(text))  # pairs across the joining spaces are dropped below
            chars.update(cjk)
            here = Counter(map(operator.add, cjk, cjk[1:]))
            pairs.update(here)
            for g in here:
                held = docs_of.setdefault(g, [])
                if len(held) <= NAMING_DOCS:
                    held.append(key)
        readings = {c: [r for r in pinyin(c, style=Style.NORMAL, heteronym=True)[0] if r.isalpha()] for c in chars}
        best: dict[str, tuple[int, float, str]] = {}
        for pair, n in pairs.items():
            a, b = pair
            if a == " " or b == " ":
                continue
            rarer = min(chars[a], chars[b])
            if n / rarer < COHESION:
                continue
            for ra in readings.get(a, ()):
                for rb in readings.get(b, ()):
                    # of pairs spelled alike the one of the rarest character is the name: 中溢 over 中医,
                    # 聚鑫 over 据信 (a word of two common characters)
                    if (rarer, -n, pair) < best.get(ra + rb, (rarer + 1, 0, "")):
                        best[ra + rb] = (rarer, -n, pair)
        spellings = {key: pair for key, (_, _, pair) in best.items()}
        holders = {p: tuple(docs_of[p]) for p in spellings.values() if len(docs_of[p]) <= NAMING_DOCS}
        return cls(spellings, holders)

    def names_in(self, question: str, skip: Container[str] = frozenset(), *more: Container[str]) -> list[tuple[str, list[str]]]:
        """(word, Chinese names) for each capitalised word of an English question that spells a
        name of the corpus; `skip`: words already read (glossary terms, places)."""
        out = []
        for m in _NAME.finditer(question):
            word = re.sub(r"'s$", "", m.group(0).lower())  # "Tianhe's measures"
            if word in skip or any(word in known for known in more):
                continue
            name = self.spellings.get(word.replace("'", ""))
            if name:
                out.append((word, [name]))
        return out

    def __len__(self) -> int:
        return len(self.spellings)
