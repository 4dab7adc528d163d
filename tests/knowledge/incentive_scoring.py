"""Score extracted incentives against the hand labels in tests/data/incentives/expected.json.

A record matches an expected one when the label's key is in the record's source sentence and
its amount (absolute CNY), rate and kind agree; among candidates the one whose conditions and
benefit share most characters with the key wins. Records matching no label but holding an
`optional` key are ignored; all others are false positives. Field checks (cap, frequency,
years, per, case, beneficiary) are counted over matched records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.gov_parse import parse_document
from knowledge.loaders import load_file
from knowledge.models import Incentive
from knowledge.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "incentives" / "expected.json"


def doc_path(name: str) -> Path:
    if name.startswith("dev-real/"):
        return ROOT / "tests" / "data" / name
    if name.startswith("knowledge_base/"):
        return ROOT / name
    return ROOT / "tests" / "data" / "incentives" / name


@dataclass
class Score:
    expected: int = 0
    found: int = 0  # matched expected records
    extracted: int = 0  # records, optional ones excluded
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    field_checks: int = 0
    field_errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "extracted", "field_checks"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false_positives += other.false_positives
        self.missed += other.missed
        self.field_errors += other.field_errors


def _kinds(label: dict) -> list[str]:
    k = label.get("kind")
    return k if isinstance(k, list) else [k] if k else []


def _fits(r: Incentive, e: dict) -> bool:
    if normalize(e["key"]) not in r.source:
        return False
    if "cny" in e and (r.amount_cny is None or abs(r.amount_cny - e["cny"]) > 1e-6):
        return False
    if "rate" in e and (r.rate is None or abs(r.rate - e["rate"]) > 1e-6):
        return False
    return not _kinds(e) or r.benefit_kind in _kinds(e)


def _overlap(r: Incentive, key: str) -> int:
    text = "".join(r.conditions) + r.benefit
    return sum(1 for ch in set(key) if ch in text)


def _field_errors(r: Incentive, e: dict) -> tuple[int, list[str]]:
    checks, errors = 0, []
    tag = f"{e['key']} [{e.get('cny', e.get('rate', ''))}]"
    for name, actual in (("cap", r.cap), ("freq", r.frequency), ("years", r.years)):
        if name in e:
            checks += 1
            if actual != e[name]:
                errors.append(f"{tag}: {name} {actual!r} != {e[name]!r}")
    if "per" in e:
        checks += 1
        if not r.per or e["per"] not in r.per:
            errors.append(f"{tag}: per {r.per!r} lacks {e['per']!r}")
    for c in e.get("case", []):
        checks += 1
        if c not in r.case:
            errors.append(f"{tag}: case {r.case} lacks {c}")
    if "ben" in e:
        checks += 1
        if e["ben"] not in r.beneficiary:
            errors.append(f"{tag}: beneficiary {r.beneficiary!r} lacks {e['ben']!r}")
    if "units" in e:
        checks += 1
        if e["units"] not in r.units:
            errors.append(f"{tag}: units {r.units} lack {e['units']!r}")
    return checks, errors


def score_document(name: str, label: dict, records: list[Incentive]) -> Score:
    s = Score(expected=len(label["expected"]))
    used: set[int] = set()
    for e in label["expected"]:
        cands = [i for i, r in enumerate(records) if i not in used and _fits(r, e)]
        if not cands:
            s.missed.append(f"{name}: {e['key']} [{e.get('cny', e.get('rate', e.get('kind')))}]")
            continue
        best = max(cands, key=lambda i: _overlap(records[i], normalize(e["key"])))
        used.add(best)
        s.found += 1
        checks, errors = _field_errors(records[best], e)
        s.field_checks += checks
        s.field_errors += [f"{name}: {x}" for x in errors]
    for i, r in enumerate(records):
        if i in used:
            continue
        if any(normalize(k) in r.source for k in label.get("optional", [])):
            continue
        s.false_positives.append(
            f"{name}: {r.benefit_kind} {r.amount_text or r.rate_text or ''} | {r.benefit[:60]}"
        )
    s.extracted = len(used) + len(s.false_positives)
    return s


def score_all(heldout: bool | None = None) -> tuple[Score, dict[str, Score], dict[str, list[Incentive]]]:
    """Score every labelled document, or only the held-out ones (True) / only the others (False)."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    held = set(labels.get("_heldout", []))
    total, per_doc, records = Score(), {}, {}
    for name, label in labels.items():
        if name.startswith("_") or (heldout is not None and (name in held) != heldout):
            continue
        doc = parse_document(load_file(doc_path(name)))
        records[name] = doc.records.incentives
        per_doc[name] = score_document(name, label, doc.records.incentives)
        total.add(per_doc[name])
    return total, per_doc, records


if __name__ == "__main__":  # a report for a person: python -m tests.knowledge.incentive_scoring [heldout|dev]
    import sys

    which = {"heldout": True, "dev": False}.get(sys.argv[1] if len(sys.argv) > 1 else "", None)
    total, per_doc, records = score_all(which)
    for name, s in per_doc.items():
        print(f"{name[:60]:60} records {len(records[name]):3}  P {s.precision:.2f}  R {s.recall:.2f}")
    print(f"\nall: expected {total.expected}, found {total.found}, extracted {total.extracted}; "
          f"precision {total.precision:.3f}, recall {total.recall:.3f}; fields {total.field_checks - len(total.field_errors)}"
          f"/{total.field_checks}")  # fmt: skip
    for title, rows in (("missed", total.missed), ("false positives", total.false_positives),
                        ("field errors", total.field_errors)):  # fmt: skip
        print(f"\n{title} ({len(rows)})")
        for row in rows:
            print("  " + row)
