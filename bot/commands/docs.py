"""`zhaoshang docs list | show DOC`: what is in the catalogue and what was extracted from it."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import asdict
from typing import Any

from bot.settings import Settings
from knowledge.incentive_text import describe_en, describe_zh
from knowledge.models import Incentive, SourceDocument

EMPTY = "the catalogue is empty: run `zhaoshang index` first"
_COUNT_LABELS = (("responsibilities", "resp"), ("figures", "fig"), ("projects", "proj"),
                 ("contacts", "cont"), ("references", "ref"), ("incentives", "inc"),
                 ("table_rows", "rows"))  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="docs_command", required=True)
    ls = sub.add_parser("list", help="one line per document")
    ls.add_argument("--visibility", choices=("public", "internal"), help="only documents of this visibility")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show = sub.add_parser("show", help="one document's metadata and records")
    show.add_argument("key", metavar="DOC_NO_OR_ID", help="文号 (any bracket style) or document id")
    show.add_argument("--json", action="store_true", help="print JSON (metadata and records)")


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env(args.env_file)
    if not settings.catalogue_path.is_file():  # do not create an empty data folder just to list it
        print(EMPTY, file=sys.stderr)
        return 1
    from knowledge.catalogue import Catalogue

    catalogue = Catalogue(settings.catalogue_path)
    try:
        if len(catalogue) == 0:
            print(EMPTY, file=sys.stderr)
            return 1
        if args.docs_command == "list":
            return _list(catalogue, args)
        return _show(catalogue, args)
    finally:
        catalogue.close()


# --- list -------------------------------------------------------------------------------


def _list(catalogue: Any, args: argparse.Namespace) -> int:
    docs = catalogue.list_documents((args.visibility,) if args.visibility else None)
    if args.json:
        print(json.dumps(docs, ensure_ascii=False, indent=2))
        return 0
    header = [
        "doc_no",
        "title",
        "date",
        "visibility",
        "kind",
        "status",
        *(label for _, label in _COUNT_LABELS),
    ]
    rows = [
        [
            d.get("doc_no") or "—",
            _clip(d.get("title") or d["doc_id"], 40) + (" [OCR]" if d.get("ocr") else ""),
            d.get("date") or "—",
            d["visibility"],
            d["kind"],
            d.get("status") or "current",
            *(str(d.get("records", {}).get(name, 0)) for name, _ in _COUNT_LABELS),
        ]
        for d in docs
    ]
    print(_table(header, rows))
    print(f"\n{len(docs)} documents")
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    out = ""
    for c in text:
        if _width(out + c) > width - 1:
            return out + "…"
        out += c
    return out


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, ["-" * w for w in widths], *rows]:
        lines.append(
            "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)


# --- show -------------------------------------------------------------------------------


def document_json(doc: SourceDocument) -> dict[str, Any]:
    """Metadata and records; responsibilities as {"section","task","lead","units"} (lead first)."""
    records = {
        "responsibilities": [
            {"section": r.section, "task": r.task, "lead": r.lead, "units": list(r.units)}
            for r in doc.records.responsibilities
        ],
        "figures": [asdict(f) for f in doc.records.figures],
        "projects": [asdict(p) for p in doc.records.projects],
        "contacts": [asdict(c) for c in doc.records.contacts],
        "references": [asdict(r) for r in doc.records.references],
        "incentives": [{**asdict(i), "summary_zh": describe_zh(i), "summary_en": describe_en(i)}
                       for i in doc.records.incentives],  # fmt: skip
        "table_rows": [asdict(t) for t in doc.records.table_rows],
    }
    return {
        **doc.summary(),
        "addressees": doc.addressees,
        "cc": list(doc.cc),
        "valid_until": doc.valid_until,
        "content_hash": doc.content_hash,
        "paragraphs": len(doc.paragraphs),
        "metadata": dict(doc.metadata),
        "records": records,
    }


def _show(catalogue: Any, args: argparse.Namespace) -> int:
    doc = catalogue.get(args.key)
    if doc is None:
        print(f"no document {args.key!r}; `zhaoshang docs list` shows what is indexed", file=sys.stderr)
        return 1
    data = document_json(doc)
    data["version"] = catalogue.version_of(doc.doc_id)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for key in ("doc_id", "doc_no", "title", "issuer", "date", "printed_date", "addressees", "visibility",
                "visibility_source", "kind", "language", "status", "status_note", "version", "path"):  # fmt: skip
        if data.get(key) not in (None, ""):
            print(f"{key:18} {data[key]}")
    if doc.cc:
        print(f"{'cc':18} {'、'.join(doc.cc)}")
    if doc.metadata.get("ocr") == "true":
        print(f"{'text source':18} OCR of a scan (pages {doc.metadata.get('ocr_pages', '?')}, "
              f"confidence {doc.metadata.get('ocr_confidence', '?')}): check quotes against the original")  # fmt: skip
    for key, value in doc.metadata.items():
        first = value.splitlines()[0] if value else ""
        print(f"{'meta.' + key:18} {_clip(first, 100)}")
    recs = doc.records
    _section("responsibilities", [f"{r.section} {r.task} — 牵头 {r.lead}; 配合 {'、'.join(r.co_units) or '—'}"
                                  for r in recs.responsibilities])  # fmt: skip
    _section("projects", [f"{p.name} | {p.amount_text or '—'} | {p.stage or '—'} | {p.place or '—'} | as of "
                          f"{p.as_of or '—'}" for p in recs.projects])  # fmt: skip
    _section("figures", [f"{f.section} {f.subject}: {f.text} ({f.kind}{', ' + f.period if f.period else ''})"
                         for f in recs.figures])  # fmt: skip
    _section("contacts", [f"{c.role or '联系人'} {c.person or '—'} {c.phone or ''}{' (personal)' if c.personal else ''}"
                          f"{' | ' + c.address if c.address else ''}" for c in recs.contacts])  # fmt: skip
    _section("references", [f"{r.relation} {r.target_doc_no or r.target_title or ''} {r.value or ''}".rstrip()
                            for r in recs.references])  # fmt: skip
    _section("incentives", [_incentive_line(i) for i in recs.incentives])
    _section("table_rows", [f"{t.table or '—'} #{t.row}: {_clip(t.source, 100)}" for t in recs.table_rows])
    return 0


def _incentive_line(i: Incentive) -> str:
    """One incentive as staff check it: section, the benefit in the document's words, conditions, units."""
    line = f"{i.section or '—'} {describe_zh(i)}"
    if i.conditions:
        line += f" | 条件：{_clip('；'.join(i.conditions), 80)}"
    if i.units:
        line += f" | 责任单位：{'、'.join(i.units)}"
    if i.valid_until:
        line += f" | 有效期至{i.valid_until}"
    return line


def _section(title: str, lines: list[str]) -> None:
    print(f"\n{title} ({len(lines)})")
    for line in lines:
        print(f"  {line}")
