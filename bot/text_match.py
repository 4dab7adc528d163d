"""Cheap lexical matching for structured look-ups: which record does a question mean?

Char bigrams on normalised text match Chinese without relying on word boundaries; jieba's
words only decide which filler words a question drops. English questions are matched through
the glossary's Chinese terms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.normalize import normalize

# Words that say nothing about *which* record is meant.
_FILLER = re.compile(
    r"由|哪个|哪些|哪一|哪|单位|部门|牵头|负责|责任|是谁|谁|是什么|什么|多少|是否|有没有|有哪些|请问|一下|的|了|吗|呢|？|\?|。|，|"
    r"目前|现在|进展|到哪一步|哪一步|情况|怎么样|如何|计划|要|是|在|和|与|及|有|还|都|个|年|月|日|目标|"
    r"我市|全市|市里|一般|通常|大概|大约"
)


_PUNCT = re.compile(r"[\s，。、；：？！“”（）()《》,.;:?!\"'\-—]")
# a lone numeral before a measure word is a digit: "开一次会" meets "召开1次会议", "两年" meets "2年"
_COUNTED = re.compile(r"(?<![一二两三四五六七八九十百千万零〇\d])([一二两三四五六七八九])(?=[次个项家名条批所件户座套台年])")
_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"两": "2"}


def raw_bigrams(text: str) -> frozenset[str]:
    """The bigrams of normalised text without punctuation (a one-character text is its own gram)."""
    t = _COUNTED.sub(lambda m: _DIGIT[m.group(1)], _PUNCT.sub("", normalize(text)))
    return frozenset({t[i : i + 2] for i in range(len(t) - 1)} if len(t) > 1 else ({t} if t else ()))


@lru_cache(maxsize=4096)  # questions and the few record texts compared one by one
def bigrams(text: str) -> frozenset[str]:
    return raw_bigrams(text)


_FILLER_RUN = re.compile(f"(?:{_FILLER.pattern})+")
_TOKENIZER = None


def words(text: str) -> list[str]:
    """jieba's words of `text` with its default dictionary (one instance for the answer layer
    and the ranking fit; the keyword index keeps its own, with the office's vocabulary)."""
    global _TOKENIZER
    if _TOKENIZER is None:
        import logging

        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        _TOKENIZER = jieba.Tokenizer()
    return _TOKENIZER.lcut(text, HMM=True)


@lru_cache(maxsize=4096)
def focus(question: str) -> str:
    """The question minus filler words: what the asker is really naming. Words are cut first
    (jieba), and a word goes only when it is made of filler entirely: "要" goes, "主要" stays,
    "负责" goes, "负责人" stays."""
    return " ".join(t for t in words(normalize(question)) if not _FILLER_RUN.fullmatch(t))
