"""The 落款 and 版记 of a government document: signature, dates, disclosure marker, 抄送."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.dates import YEAR_DIGITS, date_line, find_dates, parse_date
from knowledge.decree import is_post_signature
from knowledge.normalize import normalize

PUBLIC_MARKERS = ("此件公开发布", "主动公开", "此件公开", "公开方式：主动公开")
INTERNAL_MARKERS = ("依申请公开", "不予公开", "此件不公开", "内部资料", "此件不予公开")
CC = re.compile(r"^抄送[：:](.+)$")
PRINTED = re.compile(
    rf"(.*?)\s*((?:\d{{4}}|[{YEAR_DIGITS}]{{4}})年[\d一二三四五六七八九十]{{1,3}}月[\d一二三四五六七八九十]{{1,3}}日)\s*印发"
)


# 附注 on disclosure: （此件公开发布） （此件主动公开） （此件依申请公开） 公开方式：主动公开
MARKER = re.compile(
    r"[（(]\s*此件\s*(公开发布|主动公开|公开|依申请公开|不予公开|不公开)\s*[）)]"
    r"|(?:公开方式|信息公开选项|公开属性)\s*[：:]?\s*(主动公开|依申请公开|不予公开|不公开|公开)"
)
_PUBLIC = ("公开发布", "主动公开", "公开")
SOURCE = re.compile(r"^(?:来源|信息来源|发布机构|来源单位)[：:]\s*(\S{3,40})$")


@dataclass
class Signature:
    """The 落款: signing organ(s) and 成文日期, then the 附注 on disclosure."""

    index: int  # line index of the date
    date: str | None  # None when the copy lost the year ("年2月22日")
    signers: list[str] = field(default_factory=list)
    marker: str | None = None
    person: str | None = None  # a decree's signer: "省长 XXX"


def marker_of(text: str) -> str | None:
    m = MARKER.search(text)
    return (m.group(1) or m.group(2)) if m else None


_YEARLESS = re.compile(r"^(?:(?:19|20)?\d{0,2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def signature(lines: list[str], start: int = 0) -> Signature | None:
    """The first 落款 at or after `start`: a line that is only a date, closing the text above it.

    A decree is signed by a person ("省长 XXX"): that line belongs to the 落款 but names no organ.
    A date that lost its year still ends the 落款 of the organs above it.
    """
    for k in range(start, len(lines)):
        when = date_line(lines[k])
        if not when and not _YEARLESS.match(lines[k]):
            continue
        signers: list[str] = []
        person = None
        j = k - 1
        while j >= start and len(signers) < 20:
            if person is None and is_post_signature(lines[j]):
                person = lines[j]
            elif _signer_line(lines[j]):
                signers.insert(0, lines[j])
            else:
                break
            j -= 1
        closing = j < start or lines[j].endswith(("。", "！", "）", ")", ".")) or k >= len(lines) - 3
        marker = marker_of(lines[k + 1]) if k + 1 < len(lines) else None
        if not when and not signers:
            continue
        if signers or marker or closing or person:
            return Signature(k, when, signers, marker, person)
    return None


def _signer_line(n: str) -> bool:
    # quotes belong to an organ's name only: "安徽省推进“三地一区”建设领导小组…办公室"
    quoted = bool(re.search(r"[“”]", n)) and not re.search(r"(办公室|小组|委员会|指挥部)$", n)
    return (
        2 <= len(n) <= 40
        and not quoted
        and not re.search(r"[。，；：！？《》]", n)
        and not date_line(n)
        and not n[:1].isdigit()
    )


def source_unit(lines: list[str]) -> str | None:
    """ "来源：江西省市场监督管理局" (a page's source line) names the issuing unit."""
    for n in lines:
        m = SOURCE.match(n)
        if m and looks_like_unit(m.group(1)):
            return m.group(1)
    return None


def looks_like_unit(n: str) -> bool:
    return bool(re.search(r"(政府|政府办|办公室|办公厅|局|委员会|中心|委|厅|管委会|公司)$", n))


def is_footer_line(n: str) -> bool:
    if any(m in n for m in PUBLIC_MARKERS + INTERNAL_MARKERS) and len(n) < 40:
        return True
    if CC.match(n) or PRINTED.search(n):
        return True
    if re.fullmatch(r"(承办人(姓名)?|联系人|联系电话|电话|手机)[：:].{0,40}", n):
        return True
    dates = find_dates(n)
    return bool(dates and len(n) <= 40 and not n.endswith("。"))


def footer_issuer(footer: list[str]) -> str | None:
    for line in footer:
        n = normalize(line)
        if looks_like_unit(n) and len(n) <= 30:
            return n
        m = PRINTED.search(n)
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def footer_dates(footer: list[str]) -> tuple[str | None, str | None]:
    """(date of issue, date printed) from the footer lines."""
    issue, printed = None, None
    for line in footer:
        n = normalize(line)
        m = PRINTED.search(n)
        if m:
            printed = printed or parse_date(m.group(2))
            continue
        if not issue:
            dates = find_dates(n)
            if dates and len(n) <= 40:
                issue = dates[0]
    return issue, printed


def footer_cc(footer: list[str]) -> list[str]:
    for line in footer:
        m = CC.match(normalize(line))
        if m:
            return [u.strip() for u in re.split(r"[，,、]", m.group(1).rstrip("。")) if u.strip()]
    return []


def visibility(meta: dict[str, str], text: str) -> tuple[str, str]:
    """public/internal and where that came from: admin metadata, a marker, or the default.

    Only a printed 附注 counts: "推进政务信息主动公开" in a sentence says nothing about this file.
    """
    admin = meta.get("visibility", "").lower()
    if admin in ("public", "公开"):
        return "public", "admin"
    if admin in ("internal", "内部", "private"):
        return "internal", "admin"
    marker = marker_of(normalize(text)) or marker_of(meta.get("disclosure", ""))
    if marker:
        return ("public" if marker in _PUBLIC else "internal"), "marker"
    folder = meta.get("default_visibility", "")
    if folder in ("public", "internal"):
        return folder, "folder"
    return "internal", "default"
