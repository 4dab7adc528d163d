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
# a date whose 年 and 月 were lost on the way (they were images, or markup): "2023426日" = 2023年4月26日,
# and a date line that lost 日 too: under its organ "201597" = 2015年9月7日, or whole "20171120"
_LOST_YM = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2,4})日")
_BARE_DATE_LINE = re.compile(r"^((?:19|20)\d{2})(\d{2,4})$")
_ORGAN_END = re.compile(
    r"(?:人民政府|政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|局|厅|廳|管委会|管委會)$"
)
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


def _month_day(digits: str) -> tuple[int, int] | None:
    """The one reading of digits as month and day ("426" → 4, 26; "112" could be 1/12 or 11/2: none)."""
    splits = {
        (int(digits[:k]), int(digits[k:])) for k in (1, 2) if 0 < k < len(digits) and len(digits) - k <= 2
    }
    valid = [(m, d) for m, d in splits if 1 <= m <= 12 and 1 <= d <= 31]
    return valid[0] if len(valid) == 1 else None


def _dated(year: str, digits: str) -> str | None:
    md = _month_day(digits)
    return f"{year}年{md[0]}月{md[1]}日" if md else None


def restore_dates(line: str, above: str = "") -> str:
    """Dates that lost 年 and 月 (and, on a 落款 line under its organ, 日) put back when only one reading fits."""
    line = _LOST_YM.sub(lambda m: _dated(m.group(1), m.group(2)) or m.group(0), line)
    bare = _BARE_DATE_LINE.match(line)
    if bare and (_ORGAN_END.search(above) or (len(bare.group(2)) == 4 and not above.strip().isdigit())):
        line = _dated(bare.group(1), bare.group(2)) or line
    return line


def repair_lines(lines: list[str]) -> list[str]:
    """The lines with pinyin annotations (in a pinyin mirror) and "?" for lost spaces undone."""
    pinyin = pinyin_mirror("\n".join(lines[:200]))
    out = []
    for k, line in enumerate(lines):
        if k < 3:
            line = _SLOGAN.sub("", line)
        if pinyin:
            line = strip_pinyin(line)
        line = restore_dates(_LOST_SPACE.sub(" ", line).strip(), out[-1] if out else "")
        if line:
            out.append(line)
    return out
