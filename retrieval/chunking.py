"""Structure-aware chunks: one per section paragraph, never crossing a section.

A 责任单位 line is useless without its task, so it joins the paragraph before it, and
every chunk's embedded text starts with the title, 文号 and heading path. Headings fold
into that prefix instead of becoming chunks of their own. Flattened tables (one cell per
line, rows numbered 1, 2, …) become one chunk per row. Each document also gets a
"card" chunk with its metadata, so "when was X issued" finds the date.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from knowledge.models import Chunk, Paragraph, SourceDocument
from knowledge.normalize import normalize
from knowledge.sections import parse_heading, section_number

_SENTENCE = re.compile(r".+?(?:[。；！？]+[”’」）)]?|\.(?:\s+|$)|$)", re.S)
_ROW_NO = re.compile(r"^\d{1,3}$")
_UNITS_LINE = ("责任单位", "牵头单位", "配合单位", "责任部门", "Responsible unit", "Lead unit")
SHORT = 80  # a paragraph shorter than this packs with its neighbours
# an item of a list (---40 years for commerce…, • …, (1) …, （一）…, 一是…): read with its lead-in
LIST_ITEM = re.compile(r"^\s*(?:-{1,3}|[•·●▪]|\(?\d{1,2}[).、]|（[一二三四五六七八九十\d]{1,2}）|[一二三四五六七八九十]{1,2}是)")


# Changing how a document is cut: bump knowledge.gov_parse.PARSER_VERSION, or existing indexes keep
# their old chunks (an unchanged file is not read again).


def chunk_document(doc: SourceDocument, max_chars: int = 400) -> list[Chunk]:
    """Chunks of `doc` in reading order, plus its metadata card first."""
    if max_chars < 50:
        raise ValueError("max_chars must be at least 50")
    card = _card(doc)
    chunks = [card] if card else []
    seen = {c.chunk_id for c in chunks}
    for path, texts in _sections(doc.paragraphs):
        for text in _windows(_units(texts), max_chars):
            chunk = _make(doc, path, text)
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                chunks.append(chunk)
    return chunks


def chunk_id(doc_id: str, section: str, text: str) -> str:
    """Deterministic id: the same text in the same section of the same document keeps its id."""
    return hashlib.sha256("\x1f".join((doc_id, section, text)).encode("utf-8")).hexdigest()[:24]


def embed_text(title: str, doc_no: str | None, section: str, text: str) -> str:
    """What is embedded and keyword-indexed: title, 文号 and heading path before the text."""
    head = f"{title} {doc_no}" if doc_no else title
    return f"{head} | {section} | {normalize(text)}"


def _make(doc: SourceDocument, path: tuple[str, ...], text: str) -> Chunk:
    section = " > ".join(path)
    return Chunk(
        chunk_id=chunk_id(doc.doc_id, section, text),
        doc_id=doc.doc_id,
        doc_no=doc.doc_no,
        title=doc.title,
        section=section,
        section_no=section_number(path),
        date=doc.date,
        visibility=doc.visibility,
        kind=doc.kind,
        language=doc.language,
        text=text,
        embed_text=embed_text(doc.title, doc.doc_no, section, text),
    )


def _card(doc: SourceDocument) -> Chunk | None:
    """Metadata as a searchable passage (title, 文号, issuer, dates, addressees).

    Only for documents with a 文号 or a date: a card holding just a title is noise that
    a dense model ranks high for every vague question.
    """
    if not (doc.doc_no or doc.date):
        return None
    if doc.language == "zh":
        parts = [f"《{doc.title}》"]
        parts += [f"印发：《{doc.subject_title}》"] if doc.subject_title else []
        parts += [f"文号：{doc.doc_no}"] if doc.doc_no else []
        parts += [f"发文单位：{doc.issuer}"] if doc.issuer else []
        parts += [f"成文日期：{_zh_date(doc.date)}（{doc.date}）"] if doc.date else []
        parts += [f"印发日期：{_zh_date(doc.printed_date)}"] if doc.printed_date else []
        parts += [f"主送：{doc.addressees}"] if doc.addressees else []
        parts += [f"施行日期：{_zh_date(doc.effective_from)}"] if doc.effective_from else []
        parts += [f"有效期至：{_zh_date(doc.valid_until)}"] if doc.valid_until else []
        parts += [f"状态：{doc.status_note}"] if doc.status_note else []
        text = "；".join(parts)
    else:
        parts = [doc.title]
        parts += [f"Document number: {doc.doc_no}"] if doc.doc_no else []
        parts += [f"Issuer: {doc.issuer}"] if doc.issuer else []
        parts += [f"Date: {doc.date}"] if doc.date else []
        text = ". ".join(parts)
    return _make(doc, (), text)


def _zh_date(iso: str | None) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else (iso or "")


def _sections(paragraphs: list[Paragraph]) -> Iterator[tuple[tuple[str, ...], list[str]]]:
    """Consecutive paragraphs sharing a heading path; heading-only paragraphs are dropped."""
    path: tuple[str, ...] | None = None
    texts: list[str] = []
    headings: list[str] = []  # kept when a section has nothing else: "（一）对…给予奖励200万元。" is content
    for p in paragraphs:
        if p.path != path:
            if texts or headings:
                yield path or (), texts or headings
            path, texts, headings = p.path, [], []
        if _is_heading_only(p):
            if "，" in p.norm or len(p.norm) > 24:  # a numbered sentence, not a bare title
                headings.append(p.text.strip())
        else:
            texts.append(p.text.strip())
    if texts or headings:
        yield path or (), texts or headings


def _is_heading_only(p: Paragraph) -> bool:
    norm = p.norm.strip().rstrip("。：:")
    if p.path and norm == normalize(p.path[-1]).rstrip("。：:"):
        return True
    h = parse_heading(p.norm)
    return bool(h and not h.has_body and len(p.norm) <= 40 and p.path and p.path[-1] == h.title)


def _units(texts: list[str]) -> list[str]:
    """Merge within one section: 责任单位 lines onto their task, table rows, short lines."""
    if sum(bool(_ROW_NO.match(normalize(t))) for t in texts) >= 2:
        return _rows(texts)
    units: list[str] = []
    carry = ""  # short paragraphs waiting to be packed with the next one
    for t in texts:
        if normalize(t).startswith(_UNITS_LINE) and units and not carry:
            units[-1] = f"{units[-1]}\n{t}"
            continue
        if units and LIST_ITEM.match(t) and _leads_in(units[-1]) and not carry:
            units[-1] = f"{units[-1]}\n{t}"  # "the longest terms … are:" keeps its items
            continue
        t = f"{carry}\n{t}" if carry else t
        carry = ""
        if len(t) < SHORT:
            carry = t
        else:
            units.append(t)
    if carry:
        if units and len(units[-1]) + len(carry) < SHORT * 2:
            units[-1] = f"{units[-1]}\n{carry}"
        else:
            units.append(carry)
    return units


def _leads_in(unit: str) -> bool:
    """A lead-in ("…are:", "…如下："), alone or already followed by items of its list."""
    first, *items = unit.split("\n")
    return first.rstrip().endswith((":", "：")) and all(LIST_ITEM.match(x) for x in items)


def _rows(texts: list[str]) -> list[str]:
    """A flattened table: a line holding only a row number starts a new row."""
    rows: list[list[str]] = [[]]
    for t in texts:
        if _ROW_NO.match(normalize(t)) and rows[-1]:
            rows.append([])
        rows[-1].append(t)
    return ["\n".join(r) for r in rows if r]


def _windows(units: list[str], max_chars: int) -> Iterator[str]:
    """Each unit whole when it fits, else consecutive sentence windows of at most max_chars."""
    for unit in units:
        if len(unit) <= max_chars:
            yield unit
            continue
        window = ""
        for sentence in _sentences(unit):
            if window and len(window) + len(sentence) > max_chars:
                yield window.strip()
                window = ""
            while len(sentence) > max_chars:  # one enormous sentence: cut after a clause
                cut = _clause_cut(sentence, max_chars)
                yield sentence[:cut].strip()
                sentence = sentence[cut:]
            window += sentence
        if window.strip():
            yield window.strip()


def _clause_cut(sentence: str, max_chars: int) -> int:
    """Where to cut a sentence longer than max_chars: after its last ； past the window's first
    quarter, else its last ， or 、 in the second half, so a clause (a condition and its amount)
    stays in one chunk; at max_chars only when no such mark is there."""
    for marks, start in (("；;", max_chars // 4), ("，,", max_chars // 2), ("、", max_chars // 2)):
        cut = max(sentence.rfind(m, start, max_chars) for m in marks)
        if cut > 0:
            return cut + 1
    return max_chars


def _sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)]
