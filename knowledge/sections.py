"""Section numbering of Chinese government documents: 一、 （一） 1. （1） and 第X章/第X条.

Numbering restarts are common (a reply's 三、 holds its own 一、二、…), so the heading
stack is numbering-aware: a list that starts again at 1 nests under the open heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip

# style name, pattern on the normalised paragraph (heading number in group 1)
_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(r"^第([一二三四五六七八九十百]+)章")),
    ("part", re.compile(r"^第([一二三四五六七八九十百]+)节")),
    ("article", re.compile(r"^第([一二三四五六七八九十百零〇]+)条")),
    ("cn", re.compile(r"^([一二三四五六七八九十]+)、")),
    ("cn_paren", re.compile(r"^（([一二三四五六七八九十]+)）")),
    ("arabic", re.compile(r"^(\d{1,2})[\.．、](?!\d)")),
    ("arabic_paren", re.compile(r"^（(\d{1,2})）")),
]
_HEADING_END = re.compile(r"[。；！？]")


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 二〇二三 (digit by digit) → 2023."""
    if text.isdigit():
        return int(text)
    if "十" not in text and "百" not in text:
        value = 0
        for ch in text:
            value = value * 10 + CN_DIGITS.get(ch, 0)
        return value
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CN_DIGITS.get(ch, 0)
    return total + current


@dataclass(frozen=True)
class Heading:
    style: str
    number: int
    marker: str  # "一、", "（二）", "3."
    title: str  # heading text without trailing body, e.g. "（一）编制一个国际化产业链精准招商规划"
    has_body: bool  # the paragraph continues after the heading sentence


def parse_heading(norm: str) -> Heading | None:
    """Recognise a numbered heading at the start of a normalised paragraph."""
    for style, pattern in _STYLES:
        m = pattern.match(norm)
        if not m:
            continue
        rest = norm[m.end() :]
        if not rest or rest[0].isdigit() and style == "arabic":
            return None
        end = _HEADING_END.search(rest)
        head = rest[: end.start()] if end else rest
        if len(head) > 60:  # a numbered sentence of body text, not a heading
            head = head[:40]
        has_body = bool(end and rest[end.end() :].strip())
        if style == "article":  # an article is cited by its number: 第十二条
            return Heading(style, cn_number(m.group(1)), m.group(0), m.group(0), True)
        return Heading(style, cn_number(m.group(1)), m.group(0), m.group(0) + head.strip(), has_body)
    return None


def heading_number(title: str) -> str:
    """The numbering part of a heading title: "（一）编制…" → "（一）"."""
    for _, pattern in _STYLES:
        m = pattern.match(title)
        if m:
            return m.group(0)
    return ""


def section_number(path: tuple[str, ...] | list[str]) -> str:
    """The numbering a citation prints: "二、（一）"; within a law from its article on ("第十二条")."""
    numbers = [heading_number(p) for p in path]
    for i in range(len(numbers) - 1, -1, -1):
        if numbers[i].startswith("第") and numbers[i].endswith("条"):
            numbers = numbers[i:]
            break
    return "".join(numbers)


def heading_text(title: str) -> str:
    """The words of a heading without its numbering: "（一）编制…。" → "编制…"."""
    return title[len(heading_number(title)) :].strip().rstrip("。；：")


class HeadingStack:
    """Tracks the open headings while walking a document's paragraphs in order."""

    def __init__(self) -> None:
        self._stack: list[Heading] = []

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(h.title for h in self._stack)

    def push(self, h: Heading) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i].style == h.style:
                if h.number == 1:
                    break  # numbering restarts: a nested list under the open heading
                del self._stack[i:]
                break
        self._stack.append(h)
