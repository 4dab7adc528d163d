"""Text normalisation for matching: width folding and script folding.

Government files mix full-width and ASCII punctuation and, on mirrors, traditional
characters. We match on a normalised form and quote the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import zhconv

_SPACES_BETWEEN_CJK = re.compile(r"(?<=[\u3400-\u9fff\d])[ \t\u3000]+(?=[\u3400-\u9fff\d])")
_MULTI_SPACE = re.compile(r"[ \t\u3000\xa0]+")

# NFKC turns （）：， into ()：, ; we fold back to the full-width forms the
# documents (and our patterns) use, so one pattern set serves both spellings.
_TO_FULLWIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "!": "！", "?": "？"})


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    """Traditional → simplified (mirrors convert pages to traditional script)."""
    return zhconv.convert(text, "zh-cn")


def fold(text: str) -> str:
    """Width-fold with NFKC, then use full-width CJK punctuation consistently.

    ASCII punctuation between Latin letters/digits is kept ("1.5", "a,b") so English
    text and numbers stay readable; next to Chinese it becomes full-width.
    """
    text = unicodedata.normalize("NFKC", text)
    out = []
    for i, ch in enumerate(text):
        if ch in "():,;!?" and _cjk_context(text, i, wide=ch in "()"):
            out.append(ch.translate(_TO_FULLWIDTH))
        else:
            out.append(ch)
    return "".join(out)


def _cjk_context(text: str, i: int, wide: bool) -> bool:
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if _is_cjk(prev) or _is_cjk(nxt):
        return True
    if wide:  # "(QFLP)" inside a Chinese sentence
        window = text[max(0, i - 8) : i + 9]
        return sum(_is_cjk(c) for c in window) >= 3
    return False


def _is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or ch in "〔〕【】《》“”、。")


def normalize(text: str) -> str:
    """The searchable form: width folded, simplified script, CJK-internal spaces removed."""
    text = fold(text)
    text = to_simplified(text) if _has_cjk(text) else text
    text = _SPACES_BETWEEN_CJK.sub("", text)
    return _MULTI_SPACE.sub(" ", text).strip()


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def is_chinese(text: str) -> bool:
    """True when at least a fifth of the letters are CJK ideographs."""
    cjk = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return cjk > 0 and cjk * 2 >= latin / 2.5
