"""Bilingual investment-promotion glossary: English queries reach Chinese documents.

Foreign investors ask in English about policies written in Chinese; a multilingual
embedder alone prefers English pages about the wrong thing. Appending the Chinese
terms for the English phrases found in a question lets BM25 and the embedder reach the
Chinese policy. The answer layer uses the reverse direction to print unit names in
English. Data lives in `data/glossary.tsv` (shipped as package data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from knowledge.normalize import normalize

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*|\d+(?:\.\d+)?")


def stem(word: str) -> str:
    """A tiny English stemmer: case and simple plurals/possessives only ("forums" → "forum")."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text)]


@dataclass
class Glossary:
    """Chinese ↔ English term pairs with longest-match lookup of English phrases."""

    zh_to_en: dict[str, list[str]] = field(default_factory=dict)
    en_to_zh: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    max_words: int = 1

    def add(self, zh: str, english: list[str]) -> None:
        zh = normalize(zh)
        if not zh or not english:
            raise ValueError(f"glossary entry needs a Chinese term and an English rendering: {zh!r}")
        self.zh_to_en.setdefault(zh, []).extend(e for e in english if e not in self.zh_to_en.get(zh, []))
        for en in english:
            key = tuple(_words(en))
            if not key:
                continue
            targets = self.en_to_zh.setdefault(key, [])
            if zh not in targets:
                targets.append(zh)
            self.max_words = max(self.max_words, len(key))

    @classmethod
    def from_tsv(cls, text: str, source: str = "glossary.tsv") -> Glossary:
        glossary = cls()
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise ValueError(f"{source}:{lineno}: expected 'Chinese<TAB>English|English…'")
            glossary.add(parts[0].strip(), [e.strip() for e in parts[1].split("|") if e.strip()])
        return glossary

    def english_terms(self, text: str) -> list[tuple[str, list[str]]]:
        """English phrases found in `text` (longest match first) with their Chinese terms."""
        words = _words(text)
        found: list[tuple[str, list[str]]] = []
        i = 0
        while i < len(words):
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key in self.en_to_zh:
                    found.append((" ".join(key), self.en_to_zh[key]))
                    i += n
                    break
            else:
                i += 1
        return found

    def expand_query(self, query: str) -> str:
        """The query plus the Chinese terms of every English phrase in it (deduplicated)."""
        extra: list[str] = []
        for _, zh_terms in self.english_terms(query):
            for zh in zh_terms:
                if zh not in extra and zh not in query:
                    extra.append(zh)
        return f"{query} {' '.join(extra)}" if extra else query

    def to_english(self, zh: str) -> str | None:
        """The preferred English rendering of a Chinese term, or None when unknown."""
        names = self.zh_to_en.get(normalize(zh))
        return names[0] if names else None

    def to_chinese(self, en: str) -> list[str]:
        """Chinese terms for an English phrase (exact phrase, case/plural-insensitive)."""
        return list(self.en_to_zh.get(tuple(_words(en)), []))

    def chinese_terms(self) -> list[str]:
        return list(self.zh_to_en)


@lru_cache(maxsize=4)
def load_glossary(path: str | None = None) -> Glossary:
    """The bundled glossary, or one read from `path` (a TSV in the same format)."""
    if path:
        return Glossary.from_tsv(Path(path).read_text(encoding="utf-8"), source=path)
    text = resources.files("retrieval").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    return Glossary.from_tsv(text)


def expand_query(query: str) -> str:
    """Append Chinese terms for English phrases in `query` (see `Glossary.expand_query`)."""
    return load_glossary().expand_query(query)


def to_english(zh: str) -> str | None:
    """English name of a Chinese term such as a unit name ("市发改委"), or None."""
    return load_glossary().to_english(zh)
