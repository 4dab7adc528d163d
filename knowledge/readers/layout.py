"""Positioned lines (a PDF's text layer or OCR boxes) → paragraphs in reading order.

A printed Chinese document wraps a paragraph at the right margin and indents its first
line by two characters, so the page geometry says where a paragraph starts and ends;
text extraction alone would leave one paragraph per printed line, cut mid-sentence.
A title broken over two centred lines in a larger font is one paragraph too. Page
numbers ("— 3 —", "-3-") are page furniture and are dropped.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(r"^[\s\-—–－_·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[\s\-—–－_·]*$")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass(frozen=True)
class Line:
    """One printed line: its box in page units (y grows downwards) and its text."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # character height


def join_text(a: str, b: str) -> str:
    """Join two pieces of one paragraph: no space between Chinese, one between Latin words."""
    if not a or not b:
        return a + b
    if _CJK.match(a[-1]) or _CJK.match(b[0]) or a.endswith("-"):
        return a + b
    return f"{a} {b}"


def group_lines(boxes: Iterable[Line]) -> list[Line]:
    """Boxes on one baseline (OCR returns words or phrases) → one line each, top to bottom."""
    lines: list[list[Line]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        for line in lines:
            last = line[-1]
            overlap = min(last.bottom, box.bottom) - max(last.top, box.top)
            if overlap > 0.5 * min(last.bottom - last.top, box.bottom - box.top):
                line.append(box)
                break
        else:
            lines.append([box])
    out = []
    for parts in lines:
        parts.sort(key=lambda b: b.x0)
        text = ""
        for p in parts:
            text = join_text(text, p.text)
        out.append(
            Line(
                text=text,
                x0=min(p.x0 for p in parts),
                x1=max(p.x1 for p in parts),
                top=min(p.top for p in parts),
                bottom=max(p.bottom for p in parts),
                size=statistics.median(p.size for p in parts),
            )
        )
    return sorted(out, key=lambda ln: ln.top)


def drop_page_numbers(lines: Sequence[Line]) -> list[Line]:
    """A page number alone on the first or last line of a page is not text."""
    out = list(lines)
    for i in (len(out) - 1, 0):
        if out and 0 <= i < len(out) and _PAGE_NUMBER.fullmatch(out[i].text.strip()):
            out.pop(i)
    return out


@dataclass(frozen=True)
class Geometry:
    """A document's page layout: body character size, left text edge, right margin, page width."""

    body: float
    left: float
    right: float
    width: float

    @classmethod
    def of(cls, lines: Sequence[Line], width: float) -> Geometry | None:
        lines = [ln for ln in lines if ln.text.strip()]
        if not lines:
            return None
        body = statistics.median(ln.size for ln in lines) or 1.0
        ends = sorted(ln.x1 for ln in lines)
        right = ends[min(len(ends) - 1, (9 * len(ends)) // 10)]  # where full lines end
        return cls(body=body, left=_mode((ln.x0 for ln in lines), body / 2), right=right, width=width)


def paragraphs(pages: Sequence[Sequence[Line]], geometry: Geometry | None = None) -> list[str]:
    """Join lines into paragraphs across consecutive pages (a page break does not end one)."""
    geo = geometry or Geometry.of([ln for page in pages for ln in page], 0.0)
    out: list[str] = []
    if geo is None:
        return out
    prev: Line | None = None
    for page_no, page in enumerate(pages):
        first = True
        for ln in page:
            text = ln.text.strip()
            if not text:
                continue
            if prev is not None and _continues(prev, ln, geo, new_page=first and page_no > 0):
                out[-1] = join_text(out[-1], text)
            else:
                out.append(text)
            prev, first = ln, False
    return out


def _continues(prev: Line, ln: Line, geo: Geometry, new_page: bool) -> bool:
    body = geo.body
    if _title_pair(prev, ln, geo):
        return True
    if abs(ln.size - prev.size) > 0.25 * body:
        return False  # a heading in another size
    if ln.x0 > geo.left + 0.8 * body:
        return False  # indented: a new paragraph (or a centred / right-aligned line)
    if prev.x0 > geo.left + 3 * body:
        return False  # the line before was centred or right-aligned (a signature, a date): it stands alone
    if prev.x1 < geo.right - 1.5 * body:
        return False  # the line before stopped short of the margin: its paragraph ended
    if not new_page and ln.top - prev.bottom > 1.5 * max(prev.bottom - prev.top, body):
        return False  # a blank line between
    return True


def _title_pair(prev: Line, ln: Line, geo: Geometry) -> bool:
    """Two centred lines in the same large font, one under the other: a title broken in two."""
    body = geo.body
    if not geo.width or min(prev.size, ln.size) < 1.15 * body or abs(prev.size - ln.size) > 0.1 * body:
        return False
    centred = all(abs((x.x0 + x.x1) / 2 - geo.width / 2) < 1.5 * body for x in (prev, ln))
    return centred and ln.top - prev.bottom < 1.2 * ln.size


def _mode(values: Iterable[float], bucket: float) -> float:
    """The most common value, in buckets of half a character (scans are not pixel-exact)."""
    rounded = [round(v / bucket) for v in values]
    return statistics.mode(rounded) * bucket if rounded else 0.0
