"""The head of an English page (a city's investment site, an English portal): its title and date.

The page prints its navigation above the title ("Home", "> Investment > Investment Policies",
"ZhaoQing Government - Business - Policies & Regulations"), then the title, then a date line
("March 18, 2024") or page-info keys ("TIME:2012-02-24", "SIZE:BMS", "SHARE:"). The title is the
title-like line just above the first date or page-info line; without either, the first title-like
line that is no navigation. A date line, a breadcrumb or a menu word is never the title.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.dates import find_dates

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}  # fmt: skip
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+((?:19|20)\d{{2}})\b", re.I)
# page-info keys: "TIME:2012-02-24", "Date: 2019-09-30", "Source: …", "SHARE:"
_INFO = re.compile(
    r"^(?:time|date|release date|published|posted|updated|source|size|share|color|author|views|hits|"
    r"font|print|分享到)\s*[：:]",
    re.I,
)
_NUMBERED = re.compile(
    r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-z])[.)、]\s|^\(\s*(?:\d{1,3}|[a-z]|[ivx]{1,4})\s*\)", re.I
)
_SCAN = 30
_MAX_WORDS = 20


def english_date(text: str) -> str | None:
    """ "March 18, 2024" / "18 March 2024" / "2012-02-24" → ISO."""
    for pattern, order in ((_MDY, (3, 1, 2)), (_DMY, (3, 2, 1))):
        m = pattern.search(text)
        if m:
            y, mo, d = (m.group(k) for k in order)
            try:
                return date(int(y), _MONTHS[_full(mo)], int(d)).isoformat()
            except (KeyError, ValueError):
                return None
    found = find_dates(text)
    return found[0] if found else None


def _full(month: str) -> str:
    month = month.lower().rstrip(".")
    return next((m for m in _MONTHS if m.startswith(month[:3])), month)


def is_date_line(line: str) -> bool:
    """The line is a date and nothing else: "March 18, 2024", "2024-03-18"."""
    rest = _MDY.sub("", _DMY.sub("", line))
    rest = re.sub(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}", "", rest)
    return rest.strip(" ,|") == "" and rest != line


def is_navigation(line: str) -> bool:
    """A breadcrumb or a line of menu items: "> A > B", "Home", "A - B - C", "A | B | C"."""
    text = line.strip()
    return (
        text.startswith((">", "»", "›"))
        or bool(re.search(r"\s(?:>|»|›|>>)\s", text))
        or text.count(" - ") >= 2
        or text.count("|") >= 2
        or len(text.split()) < 2
    )


def title_like(line: str) -> bool:
    text = line.strip()
    words = text.split()
    return (
        2 <= len(words) <= _MAX_WORDS
        and text[:1].isupper()
        and not text.endswith((".", ":", ";", ","))
        and not _NUMBERED.match(text)
        and not is_date_line(text)
        and not _INFO.match(text)
        and not is_navigation(text)
    )


def read_english_head(lines: list[str]) -> tuple[str | None, int, str | None]:
    """(title, lines the head takes, page date) of an English page."""
    anchor = None
    when = None
    for i, line in enumerate(lines[:_SCAN]):
        if is_date_line(line) or _INFO.match(line.strip()):
            found = english_date(line) if not re.match(r"^(?:source|author)\b", line.strip(), re.I) else None
            if anchor is None and (found or _INFO.match(line.strip())):
                anchor = i
            when = when or found
            if when:
                break
        elif anchor is not None:
            break
    if anchor is not None:
        k = next((j for j in range(anchor - 1, -1, -1) if title_like(lines[j])), None)
        if k is not None:
            end = anchor
            while (
                end < len(lines)
                and end < anchor + 8
                and (is_date_line(lines[end]) or _INFO.match(lines[end].strip()))
            ):
                end += 1
            return lines[k].strip(), end, when
    k = next((j for j, line in enumerate(lines[:_SCAN]) if title_like(line)), None)
    if k is None or (k > 0 and not all(is_navigation(x) for x in lines[:k])):
        return None, 0, when
    return lines[k].strip(), k + 1, when
