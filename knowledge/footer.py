"""The 落款 and 版记 of a government document: signature, dates, disclosure marker, 抄送."""

from __future__ import annotations

import re

from knowledge.dates import find_dates, parse_date
from knowledge.normalize import normalize

PUBLIC_MARKERS = ("此件公开发布", "主动公开", "此件公开", "公开方式：主动公开")
INTERNAL_MARKERS = ("依申请公开", "不予公开", "此件不公开", "内部资料", "此件不予公开")
CC = re.compile(r"^抄送[：:](.+)$")
PRINTED = re.compile(
    r"(.*?)\s*((?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)\s*印发"
)


def looks_like_unit(n: str) -> bool:
    return bool(re.search(r"(政府|办公室|办公厅|局|委员会|中心|委|厅|管委会|公司)$", n))


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
    """public/internal and where that came from: admin metadata, a marker, or the default."""
    admin = meta.get("visibility", "").lower()
    if admin in ("public", "公开"):
        return "public", "admin"
    if admin in ("internal", "内部", "private"):
        return "internal", "admin"
    folded = normalize(text)
    if any(m in folded for m in INTERNAL_MARKERS):
        return "internal", "marker"
    if any(m in folded for m in PUBLIC_MARKERS):
        return "public", "marker"
    return "internal", "default"
