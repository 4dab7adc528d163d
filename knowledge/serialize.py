"""SourceDocument ⇄ plain JSON-able dict, so the catalogue stores and returns whole documents.

`dataclasses.asdict` turns tuples into lists; rebuilding restores the typed records,
the heading-path tuples of paragraphs and the frozen dataclasses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, fields
from typing import Any

from knowledge.models import (
    Contact,
    Figure,
    Incentive,
    Paragraph,
    Project,
    Records,
    Reference,
    Responsibility,
    SourceDocument,
    TableRow,
)

RECORD_TYPES: dict[str, type] = {
    "responsibilities": Responsibility,
    "figures": Figure,
    "projects": Project,
    "contacts": Contact,
    "references": Reference,
    "incentives": Incentive,
    "table_rows": TableRow,
}


def doc_to_dict(doc: SourceDocument) -> dict[str, Any]:
    return asdict(doc)


def record_from_dict(cls: type, d: dict[str, Any]) -> Any:
    """Build a record, ignoring keys a newer/older schema added (stored JSON outlives code)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names})


def paragraph_from_dict(d: dict[str, Any]) -> Paragraph:
    return Paragraph(text=d["text"], norm=d["norm"], path=tuple(d.get("path") or ()), index=d.get("index", 0))


def records_from_dict(d: dict[str, list[dict[str, Any]]] | None) -> Records:
    d = d or {}
    return Records(
        **{name: [record_from_dict(cls, r) for r in d.get(name, [])] for name, cls in RECORD_TYPES.items()}
    )


def doc_from_dict(d: dict[str, Any]) -> SourceDocument:
    names = {f.name for f in dataclasses.fields(SourceDocument)}
    kwargs = {k: v for k, v in d.items() if k in names}
    kwargs["paragraphs"] = [paragraph_from_dict(p) for p in d.get("paragraphs", [])]
    kwargs["records"] = records_from_dict(d.get("records"))
    kwargs["cc"] = list(d.get("cc") or [])
    kwargs["metadata"] = dict(d.get("metadata") or {})
    return SourceDocument(**kwargs)
