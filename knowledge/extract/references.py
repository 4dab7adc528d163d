"""Other documents a document cites, and the relations that decide whether a policy still
holds: 自…起施行, 有效期至 / 有效期N年, 废止 and 修订 of named documents.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.dates import find_dates
from knowledge.models import Reference, SourceDocument
from knowledge.sections import heading_number

_TITLE_BEFORE = re.compile(r"《([^》]{2,80})》\s*[（(]?\s*$")
_EFFECTIVE = re.compile(r"自\s*(.{4,16}?日)\s*起(?:施行|实施|执行)")
_VALID_UNTIL = re.compile(r"有效期至\s*(.{4,16}?日)")
_VALID_YEARS = re.compile(r"有效期\s*(?:为)?\s*(\d+|[一二三四五六七八九十])\s*年")
_REPEAL_WORDS = re.compile(r"(?:同时|予以|即行)?废止")
_AMEND_WORDS = re.compile(r"修订|修改")


def extract_references(doc: SourceDocument) -> list[Reference]:
    from knowledge.docno import DOC_NO

    own = doc.doc_no
    out: list[Reference] = []
    for p in doc.paragraphs:
        section = "".join(heading_number(h) for h in p.path)
        text = p.norm
        for m in DOC_NO.finditer(text):
            target = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
            if target == own:
                continue
            tm = _TITLE_BEFORE.search(text[: m.start()])
            title = tm.group(1) if tm else None
            after = text[m.end() : m.end() + 20]
            relation = "cites"
            if _REPEAL_WORDS.search(after) or _REPEAL_WORDS.search(text[max(0, m.start() - 6) : m.start()]):
                relation = "repeals"
            elif _AMEND_WORDS.search(after[:8]):
                relation = "amends"
            out.append(Reference(doc.doc_no or doc.title, section, relation, target, title, None, p.text))
        for m in _EFFECTIVE.finditer(text):
            d = find_dates(m.group(1))
            if d:
                out.append(Reference(doc.doc_no or doc.title, section, "effective_from", None, None, d[0], p.text))
        for m in _VALID_UNTIL.finditer(text):
            d = find_dates(m.group(1))
            if d:
                out.append(Reference(doc.doc_no or doc.title, section, "valid_until", None, None, d[0], p.text))
        for m in _VALID_YEARS.finditer(text):
            from knowledge.sections import cn_number

            out.append(Reference(doc.doc_no or doc.title, section, "valid_years", None, None, str(cn_number(m.group(1))), p.text))
    return out


def apply_validity(doc: SourceDocument, today: date | None = None) -> None:
    """Set `valid_until` from the document's own clauses and mark it expired when past.

    Repeal by a later document is decided across the catalogue (see `catalogue_status`).
    """
    refs = doc.records.references
    until = next((r.value for r in refs if r.relation == "valid_until"), None)
    if not until:
        years = next((r.value for r in refs if r.relation == "valid_years"), None)
        start = next((r.value for r in refs if r.relation == "effective_from"), None) or doc.date
        if years and start:
            s = date.fromisoformat(start)
            try:
                until = s.replace(year=s.year + int(years)).isoformat()
            except ValueError:
                until = s.replace(year=s.year + int(years), day=28).isoformat()
    doc.valid_until = until
    if until and date.fromisoformat(until) < (today or date.today()):
        doc.status = "expired"
        doc.status_note = f"有效期至{until}"


def repealed_by(docs: list[SourceDocument]) -> dict[str, tuple[str, str]]:
    """{repealed 文号: (repealing 文号, relation)} across a set of documents."""
    out: dict[str, tuple[str, str]] = {}
    for d in docs:
        for r in d.records.references:
            if r.relation in ("repeals", "amends") and r.target_doc_no and d.doc_no:
                out[r.target_doc_no] = (d.doc_no, r.relation)
    return out
