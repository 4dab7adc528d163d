"""Dates as government documents print them: 2023年4月26日, 二〇二三年四月二十六日, 2023-04-26."""

from __future__ import annotations

import re
from datetime import date

from knowledge.sections import cn_number

# year digits as printed: 〇 and ○, and the letters O/o typed for them (二OO六年)
YEAR_DIGITS = "〇○零一二三四五六七八九Oo"
_CN = YEAR_DIGITS + "十"
_DATE = re.compile(
    rf"((?:19|20)\d{{2}}|[{_CN}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
)
_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")


def _to_iso(y: str, m: str, d: str) -> str | None:
    try:
        return date(cn_number(y), cn_number(m), cn_number(d)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[str]:
    """All full dates in the text, in order, as ISO strings."""
    found: list[tuple[int, str]] = []
    for m in _DATE.finditer(text):
        iso = _to_iso(*m.groups())
        if iso:
            found.append((m.start(), iso))
    for m in _ISO.finditer(text):
        iso = _to_iso(*m.groups())
        if iso:
            found.append((m.start(), iso))
    return [iso for _, iso in sorted(found)]


_DATE_LINE = re.compile(rf"^\s*{_DATE.pattern}\s*$")


def date_line(text: str) -> str | None:
    """The date when the line is a date and nothing else (a 落款 date line), else None."""
    m = _DATE_LINE.match(text)
    return _to_iso(*m.groups()) if m else None


def parse_date(text: str) -> str | None:
    """The first date in `text` (ISO), e.g. from an admin header "2021-02-05 (signature date)"."""
    dates = find_dates(text)
    return dates[0] if dates else None


def human_date(iso: str, lang: str) -> str:
    """2022-07-14 → 2022年7月14日 / 14 July 2022."""
    d = date.fromisoformat(iso)
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {d.strftime('%B')} {d.year}"
