"""Damage that mirror sites do to a text, undone before the text is read.

- Pinyin mirrors annotate characters: 高(gao)新区, 甘政發(fā)〔2023〕8號(hào). The annotations
  split titles, 文号 and amounts (10萬(wan)元(yuan)), so they are removed, but only from a text
  that has at least two of them: one "(a)" after a Chinese word is not a pinyin mirror (a page that
  glosses only its 文号, "發改地(di)區[2016]1771號(hao)", has two).
- A page saved in the wrong encoding turns ideographic spaces into "?": 第一章?总?则,
  甘肃省人民政府????????. A "?" touching a Chinese character is a lost space.
- Document-sharing sites stamp their slogan onto the first line: "精选优质文档-倾情为你奉上X办法…".
"""

from __future__ import annotations

import re

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_SYLLABLE = re.compile(rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv{_TONED}]+(?:ng|n|r)?")
_ANNOTATION = re.compile(rf"(?<=[\u4e00-\u9fff）)])[（(]\s*([a-z{_TONED}]{{1,6}})\s*[)）]")
_LOST_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\?+|\?+(?=[\u4e00-\u9fff])")
_MIN_ANNOTATIONS = 2
_SLOGAN = re.compile(r"^(?:精选优质文档|优质文档)\s*[-—－]*\s*倾情为你奉上\s*")


def _is_pinyin(word: str) -> bool:
    return bool(_SYLLABLE.fullmatch(word))


def pinyin_mirror(text: str) -> bool:
    """The text carries pinyin annotations throughout (a mirror), not one stray "(a)"."""
    hits = 0
    for m in _ANNOTATION.finditer(text):
        hits += _is_pinyin(m.group(1))
        if hits >= _MIN_ANNOTATIONS:
            return True
    return False


def strip_pinyin(line: str) -> str:
    return _ANNOTATION.sub(lambda m: "" if _is_pinyin(m.group(1)) else m.group(0), line)


def repair_lines(lines: list[str]) -> list[str]:
    """The lines with pinyin annotations (in a pinyin mirror) and "?" for lost spaces undone."""
    pinyin = pinyin_mirror("\n".join(lines[:200]))
    out = []
    for k, line in enumerate(lines):
        if k < 3:
            line = _SLOGAN.sub("", line)
        if pinyin:
            line = strip_pinyin(line)
        line = _LOST_SPACE.sub(" ", line).strip()
        if line:
            out.append(line)
    return out
