"""Lines that a scraper ran together, broken where the printed document breaks them.

- the addressee opening the body line: "各处室（局）、派出机构、直属单位：经研究，…";
- the 落款 glued to the last sentence: "…省机械科学研究院。福建省经济和信息化委员会2017年7月21日（此件主动公开）";
- a document-sharing site's head flattened into the body: "X投资优惠政策 发表时间:2011 年 11 月 02 日
  15:29 砚山县招商引资优惠政策(试行) (砚发201120 号) 为进一步扩大…".
"""

from __future__ import annotations

import re

from knowledge.dates import YEAR_DIGITS, date_line
from knowledge.docno import printed_no
from knowledge.head import title_complete
from knowledge.issuers import is_organ
from knowledge.law_runon import split_law_run
from knowledge.normalize import normalize
from knowledge.sharing_text import split_masthead, split_signed, unpaged

_LONG = 80
_DATE = (
    rf"(?:(?:19|20)\d{{2}}|[{YEAR_DIGITS}]{{4}})\s*年\s*[\d〇○零一二三四五六七八九十Oo]{{1,3}}\s*月"
    rf"\s*[\d〇○零一二三四五六七八九十Oo]{{1,3}}\s*日"
)
_MARKER = r"[（(]\s*此件[^（）()]{2,8}[）)]"
# the 落款 may be followed by the name of the attached file: "…。 平湖市独山港镇人民政府 2024年6月28日 X办法.pdf"
_ATTACHED_FILE = r"[^\s。]{2,80}\.(?:pdf|docx?|xlsx?|wps|ofd)"
_GLUED = re.compile(
    rf"^(.*[。！；])\s*([^。！；，：:]{{3,60}}?)?\s*({_DATE})\s*({_MARKER})?\s*({_ATTACHED_FILE})?\s*$", re.I
)
_ADDRESSEE = re.compile(r"^((?:各|全省|全市|全县|全区)[^。：:]{2,120}?|[^。：:，]{3,40}?)[：:](.{20,})$")
_ADDRESSEE_END = re.compile(
    r"(?:单位|部门|机构|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|处室|企业|公司|学校)[）)]?$"
)
_INFO = re.compile(
    rf"(?:发表时间|发布时间|发布日期|时间)\s*[：:]\s*(?:{_DATE}|\d{{4}}-\d{{1,2}}-\d{{1,2}})(?:\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?"
)
_BRACKETED = re.compile(r"[（(][^（）()]{3,30}[）)]")
_HEAD_SPAN = 200


def split_footer(line: str) -> list[str]:
    """ "…。UNIT DATE（marker）" → the sentence, the signing organ, the date, the marker."""
    m = _GLUED.match(line.strip()) or _GLUED.match(normalize(line))  # the print kept when it reads
    if len(line) <= _LONG or not m:
        return [line]
    body, signer, when, marker, attached = m.groups()
    if signer and not is_organ(normalize(signer)):
        return [line]
    return [x.strip() for x in (body, signer, when, marker, attached) if x and x.strip()]


def split_addressee(line: str) -> list[str]:
    """ "各处室（局）、派出机构、直属单位：经研究，…" → the addressee line and the text."""
    m = _ADDRESSEE.match(line.strip())
    if len(line) <= _LONG or not m or not _ADDRESSEE_END.search(normalize(m.group(1))):
        return [line]
    return [m.group(1) + "：", m.group(2).strip()]


def split_number(line: str) -> list[str]:
    """ "国发[2012]58号各省、自治区…：" → the 文号 and the addressee it was run into."""
    n = normalize(line)
    number = printed_no(n[:40])
    if not number:
        return [line]
    cut = next((k for k in range(4, min(len(n), 40) + 1) if printed_no(n[:k]) == number), None)
    if cut is not None and n[cut : cut + 1] in ("号", "號"):
        cut += 1  # a number read whole before its 号 (咸安政发〔2019〕1 stands without one)
    if cut is None or cut > len(number) + 4:
        return [line]
    rest = n[cut:].strip()
    return [n[:cut], rest] if rest.startswith("各") and len(rest) >= 6 else [line]


def split_head(line: str) -> list[str]:
    """A head run into the first body sentence: cut after page-info text and a bracketed 文号."""
    n = normalize(line)
    if len(n) <= _LONG * 2:
        return [line]
    span = n[:_HEAD_SPAN]
    cuts: list[tuple[int, int]] = [(m.start(), m.end()) for m in _INFO.finditer(span)]
    cuts += [(m.start(), m.end()) for m in _BRACKETED.finditer(span) if printed_no(m.group(0))]
    if not cuts:
        return [line]
    cuts.sort()
    pieces: list[str] = []
    pos = 0
    for start, end in cuts:
        if start < pos:
            continue
        pieces += [n[pos:start], n[start:end]]
        pos = end
    head = [p.strip() for p in pieces if p.strip()]
    pieces.append(n[pos:])
    if any(re.search(r"[，。；]", p) for p in head) or not any(title_complete(p) for p in head):
        return [line]  # a cited 文号 in the first sentence: no head here
    return [p.strip() for p in pieces if p.strip()]


_FIRST_HEADING = re.compile(r"第[一1]\s*[章条]")


def split_first_heading(line: str) -> list[str]:
    """ "盘县招商引资优惠办法（试行）第一章总则 第一条…" → the title and the text from its first heading."""
    n = normalize(line)
    m = _FIRST_HEADING.search(n[:70])
    if not m or m.start() < 4 or len(n) <= _LONG:
        return [line]
    title = n[: m.start()].strip()
    if not title_complete(title) or re.search(r"[。，；：]", title):
        return [line]
    return [title, n[m.start() :]]


# a sharing site's text run together: its chunk and page numbers, the title, then the first sentence
#   "1、—1—全区招商引资重大项目落地评审实施办法为进一步加大招商选资力度，…"
_RUN_IN = re.compile(
    r"^(?:\d{1,3}\s*[、.．]\s*)?(?:[—\-－]\s*\d{1,3}\s*[—\-－]\s*)?"
    r"([^。，；：:]{6,60}?)((?:为了|为进一步|为加快|为切实|为深入|为全面|为规范|为推动|为促进|根据|按照)[^。]{4,}[，。].*)$"
)


def split_run_in_title(line: str) -> list[str]:
    """ "1、—1—X实施办法为进一步…" → the title X and its first sentence."""
    n = normalize(line)
    m = _RUN_IN.match(n)
    if len(n) <= _LONG or not m or not title_complete(m.group(1)) or m.group(1).startswith("关于"):
        return [line]
    return [m.group(1), m.group(2)]


_HEADING_WORD = re.compile(r"^第[一二三四五六七八九十百\d]+[章节条]$")


def split_spaced(line: str) -> list[str]:
    """A whole notice run on one line with spaces between its parts ("TITLE ADDRESSEE： TEXT。 DATE
    CARRIED-TITLE …"): broken at the spaces that end a part. Only a line that opens with a title."""
    chunks = line.split()
    if len(line) <= _LONG * 2 or len(chunks) < 3 or not title_complete(normalize(chunks[0])):
        return [line]
    pieces = [chunks[0]]
    for prev, chunk in zip(chunks, chunks[1:], strict=False):
        p = normalize(prev)
        ends = p.endswith(("。", "：", ":", "；", "！")) or (len(p) <= 60 and title_complete(p))
        if ends or date_line(p) or date_line(normalize(chunk)) or _HEADING_WORD.match(normalize(chunk)):
            pieces.append(chunk)
        else:
            pieces[-1] += " " + chunk
    return [p for p in pieces if p.strip(" |")]


def rebreak(lines: list[str]) -> list[str]:
    """The lines with run-together heads, addressees and 落款 broken apart."""
    out: list[str] = []
    for i, line in enumerate(unpaged(lines)):
        parts = split_masthead(line) if i < 5 else [line]
        if parts == [line] and i < 3:
            parts = split_law_run(line)
        if parts == [line]:
            parts = split_signed(line)
        if len(parts) > 1:
            out.extend(parts)
            continue
        parts = split_head(line) if i < 5 else [line]
        if i < 5 and parts == [line]:
            parts = split_spaced(line)
        if i < 5 and parts == [line]:
            parts = split_first_heading(line)
        if i < 12 and parts == [line]:
            parts = split_run_in_title(line)
        if i < 8:
            parts = [r for p in parts for q in split_addressee(p) for r in split_number(q)]
        parts = [q for p in parts for q in split_footer(p)]
        out.extend(parts)
    return [x for x in out if x.strip()]
