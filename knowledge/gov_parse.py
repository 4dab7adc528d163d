"""Parse a Chinese government document into a `SourceDocument`.

Orchestrates the parts: the head (`knowledge.head`), the 落款 (`knowledge.footer`), the
paragraphs and their section tree (`knowledge.paragraphs`), then the record extractors.
Admin-given metadata (file header) wins over every guess.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from knowledge.docmeta import decide, read_layout
from knowledge.docno import DOC_NO, all_doc_nos, doc_no_of
from knowledge.footer import is_footer_line, looks_like_unit, visibility
from knowledge.mirror_text import repair_lines
from knowledge.models import KINDS, LoadedFile, SourceDocument
from knowledge.normalize import is_chinese, normalize
from knowledge.paragraphs import build_paragraphs, split_lines

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


# Bump when parsing, extraction or chunking (retrieval/chunking.py) changes, so an unchanged file
# is parsed and cut again once: the content hash the indexer compares carries it.
PARSER_VERSION = "2026-12-09.4"


def content_hash(loaded: LoadedFile) -> str:
    """What decides "unchanged": the text, the admin metadata and the parser version.

    Computed before parsing, so an unchanged file is never parsed again (`knowledge.ingest`).
    """
    key = f"{PARSER_VERSION}\n{loaded.text}\n{sorted(loaded.metadata.items())!r}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_document(loaded: LoadedFile) -> SourceDocument:
    meta = {k.lower(): v.strip() for k, v in loaded.metadata.items() if _present(v)}
    layout = read_layout(split_lines(loaded.text))
    fields = decide(meta, layout, loaded.path)
    title = str(fields["title"])
    body, footer = _split_footer(layout.lines[layout.head.lines :])
    vis, vis_source = visibility(meta, "\n".join(repair_lines(loaded.text.split("\n"))))
    language = "zh" if is_chinese(loaded.text[:3000]) else "en"
    from knowledge.extract.table_records import table_texts, tables_of

    tables = tables_of(loaded)  # read before the paragraphs: a table's lines stay lines

    doc = SourceDocument(
        doc_id=doc_id_for(loaded.path),
        path=str(loaded.path),
        content_hash=content_hash(loaded),
        title=normalize(title) if language == "zh" else title.strip(),
        doc_no=fields["doc_no"],  # type: ignore[arg-type]
        issuer=fields["issuer"],  # type: ignore[arg-type]
        date=fields["date"],  # type: ignore[arg-type]
        printed_date=fields["printed_date"],  # type: ignore[arg-type]
        addressees=fields["addressees"],  # type: ignore[arg-type]
        visibility=vis,
        visibility_source=vis_source,
        kind="other",
        language=language,
        cc=fields["cc"],  # type: ignore[arg-type]
        paragraphs=build_paragraphs(body, footer, title, table_texts(tables)),
        metadata=dict(loaded.metadata),
        subject_title=fields["subject_title"],  # type: ignore[arg-type]
        aliases=fields["aliases"],  # type: ignore[arg-type]
        date_source=fields["date_source"],  # type: ignore[arg-type]
        effective_from=fields["effective_from"],  # type: ignore[arg-type]
        valid_until=fields["valid_until"],  # type: ignore[arg-type]
        promulgated=layout.law.promulgated,
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


def _split_footer(rest: list[str]) -> tuple[list[str], list[str]]:
    """Body and the closing footer block (signature, date, marker, 抄送, 印发 line)."""
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
    return rest[:footer_start], rest[footer_start:]


def _kind(meta: dict[str, str], doc: SourceDocument, loaded: LoadedFile) -> str:
    k = meta.get("kind", "").lower()
    if k in KINDS:
        return k
    if loaded.rows:
        return "project-records"
    if len(doc.records.responsibilities) >= 3:
        return "responsible-units"
    if re.search(r"(答复|复函|批复|提案|办理情况的函)", doc.title):
        return "reply"
    if doc.language == "en":
        return "guide"
    if doc.doc_no or re.search(r"(条例|办法|规定|细则|措施|意见|方案|计划|政策)$", doc.title):
        return "policy"
    return "other"
