"""Parse a Chinese government document into a `SourceDocument`.

Orchestrates the parts: the head (`knowledge.head`), the 落款 (`knowledge.footer`), the
paragraphs and their section tree (`knowledge.paragraphs`), then the record extractors.
Admin-given metadata (file header) wins over every guess.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from knowledge.dates import parse_date
from knowledge.docno import DOC_NO, all_doc_nos, doc_no_of
from knowledge.footer import (
    footer_cc,
    footer_dates,
    footer_issuer,
    is_footer_line,
    looks_like_unit,
    visibility,
)
from knowledge.head import addressees, fallback_title, head_title, is_header_line, own_doc_no, red_head_issuer
from knowledge.models import KINDS, LoadedFile, SourceDocument
from knowledge.normalize import is_chinese, normalize
from knowledge.paragraphs import build_paragraphs, split_lines
from knowledge.sections import parse_heading

__all__ = [
    "DOC_NO",
    "PARSER_VERSION",
    "all_doc_nos",
    "content_hash",
    "doc_id_for",
    "doc_no_of",
    "parse_document",
]

_SENTENCE_END = tuple("。；！？：”」）)》.!?;:")
ABSENT = {"", "none", "unknown", "not shown", "not shown in this copy", "n/a", "无", "未知"}


# Bump when parsing or extraction changes, so an unchanged file is parsed again once.
PARSER_VERSION = "2026-11-26.5"


def content_hash(loaded: LoadedFile) -> str:
    """What decides "unchanged": the text, the admin metadata and the parser version.

    Computed before parsing, so an unchanged file is never parsed again (`knowledge.ingest`).
    """
    key = f"{PARSER_VERSION}\n{loaded.text}\n{sorted(loaded.metadata.items())!r}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_document(loaded: LoadedFile) -> SourceDocument:
    meta = {k.lower(): v.strip() for k, v in loaded.metadata.items() if _present(v)}
    raw_paras = split_lines(loaded.text)
    header, body, footer = _segment(raw_paras)

    doc_no = _meta_doc_no(meta) or own_doc_no(header)
    issuer = meta.get("issuer") or red_head_issuer(header) or footer_issuer(footer)
    title = (
        meta.get("title")
        or head_title(header, doc_no)
        or fallback_title(raw_paras, issuer, doc_no, loaded.path)
    )
    issue_date, printed_date = footer_dates(footer)
    if meta.get("date"):
        issue_date = parse_date(meta["date"]) or issue_date
    date = issue_date or printed_date

    vis, vis_source = visibility(meta, loaded.text)
    language = "zh" if is_chinese(loaded.text[:3000]) else "en"
    from knowledge.extract.table_records import table_texts, tables_of

    tables = tables_of(loaded)  # read before the paragraphs: a table's lines stay lines

    doc = SourceDocument(
        doc_id=doc_id_for(loaded.path),
        path=str(loaded.path),
        content_hash=content_hash(loaded),
        title=normalize(title) if language == "zh" else title.strip(),
        doc_no=doc_no,
        issuer=issuer,
        date=date,
        printed_date=printed_date,
        addressees=addressees(header),
        visibility=vis,
        visibility_source=vis_source,
        kind="other",
        language=language,
        cc=footer_cc(footer),
        paragraphs=build_paragraphs(body, footer, title, table_texts(tables)),
        metadata=dict(loaded.metadata),
    )
    from knowledge.extract import extract_records

    doc.records = extract_records(doc, loaded.rows, tables)
    doc.kind = _kind(meta, doc, loaded)  # type: ignore[assignment]
    from knowledge.extract.references import apply_validity

    apply_validity(doc)
    from knowledge.extract.incentives import stamp_validity

    stamp_validity(doc)
    return doc


# --- helpers -----------------------------------------------------------------


def _present(value: str | None) -> bool:
    if value is None:
        return False
    v = value.strip().lower()
    return not (
        v in ABSENT
        or v.startswith("not shown")
        or v.startswith("unknown")
        or v.startswith("not in this copy")
    )


def doc_id_for(path: str) -> str:
    """The stable id of the document read from `path` (its file stem, made safe)."""
    stem = Path(path).stem
    return re.sub(r"[^\w\-\u4e00-\u9fff]+", "_", stem).strip("_") or "document"


def _meta_doc_no(meta: dict[str, str]) -> str | None:
    return doc_no_of(meta["doc_no"]) if "doc_no" in meta else None


def _segment(paras: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split into header (红头, 文号, title, addressees), body, footer (signature onwards)."""
    header: list[str] = []
    i = 0
    # the header ends at the addressee line (ends with ：) when there is one in the first lines
    for j, p in enumerate(paras[:8]):
        if normalize(p).endswith("：") and not parse_heading(normalize(p)):
            header = paras[: j + 1]
            i = j + 1
            break
    else:
        while i < min(len(paras), 4) and is_header_line(paras[i]) and not parse_heading(normalize(paras[i])):
            header.append(paras[i])
            i += 1
    rest = paras[i:]
    footer_start = len(rest)
    for k in range(len(rest) - 1, -1, -1):
        n = normalize(rest[k])
        if is_footer_line(n):
            footer_start = k
            continue
        # the signature line right above a date line belongs to the footer
        if (
            k + 1 == footer_start
            and len(n) <= 30
            and not n.endswith(_SENTENCE_END)
            and looks_like_unit(n)
            and not re.search(r"[：、，]", n)
        ):
            footer_start = k
            continue
        break
    return header, rest[:footer_start], rest[footer_start:]


def _kind(meta: dict[str, str], doc: SourceDocument, loaded: LoadedFile) -> str:
    k = meta.get("kind", "").lower()
    if k in KINDS:
        return k
    if loaded.rows:
        return "project-records"
    if len(doc.records.responsibilities) >= 3:
        return "responsible-units"
    if "答复" in doc.title or "提案" in doc.title:
        return "reply"
    if doc.language == "en":
        return "guide"
    return "policy" if doc.doc_no else "other"
