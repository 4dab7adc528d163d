"""Compare a parsed document's metadata with what a records clerk filed for it.

Shared by the table-driven dev-real test and the held-out measurement
(`python -m tests.knowledge.metadata_check tests/data/heldout`).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from knowledge.docno import doc_no_of
from knowledge.models import SourceDocument
from knowledge.normalize import normalize

FIELDS = ("title", "doc_no", "issuer", "date", "visibility", "effective_from", "valid_until")


def _key(value: str | None) -> str | None:
    """Titles and names compare without spaces, width or script differences, case-insensitively."""
    if value is None:
        return None
    return re.sub(r"\s+", "", normalize(value)).casefold()


def effective_from(doc: SourceDocument) -> str | None:
    value = getattr(doc, "effective_from", None)
    if value:
        return value
    return next((r.value for r in doc.records.references if r.relation == "effective_from"), None)


def actual(doc: SourceDocument) -> dict[str, Any]:
    return {
        "title": doc.title,
        "doc_no": doc.doc_no,
        "issuer": doc.issuer,
        "date": doc.date,
        "visibility": doc.visibility,
        "effective_from": effective_from(doc),
        "valid_until": doc.valid_until,
    }


def mismatches(doc: SourceDocument, expected: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """{field: (expected, got)} for every field that differs."""
    got = actual(doc)
    out = {}
    for field in FIELDS:
        if field not in expected:
            continue
        want, have = expected[field], got[field]
        if field == "doc_no":
            same = _key(want and (doc_no_of(want) or want)) == _key(have)
        elif field in ("title", "issuer"):
            same = _key(want) == _key(have)
        else:
            same = want == have
        if not same:
            out[field] = (want, have)
    return out


def _files(folder: Path) -> dict[str, Path]:
    return {p.name.split("_", 1)[0]: p for p in sorted(folder.iterdir()) if re.match(r"[a-z]\d+_", p.name)}


def main(folder: str) -> int:
    from knowledge.gov_parse import parse_document
    from knowledge.loaders import load_file

    root = Path(folder)
    expected = json.loads((root / "expected.json").read_text("utf-8"))
    files = _files(root)
    right = 0
    for key, exp in expected.items():
        doc = parse_document(load_file(files[key]))
        bad = mismatches(doc, exp)
        right += not bad
        print(f"{key} {'ok' if not bad else 'WRONG'}")
        for field, (want, have) in bad.items():
            print(f"    {field}: expected {want!r}, got {have!r}")
    print(f"{right}/{len(expected)} fully right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/heldout"))
