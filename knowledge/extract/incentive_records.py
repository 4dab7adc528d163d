"""Drafts → `Incentive` records, and the document-level passes: overviews yield to the items
that spell them out, duplicates go, and every record gets the document's validity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.extract.incentive_build import Draft, title_for
from knowledge.models import Incentive, SourceDocument

_NOUN_CORE = re.compile(r"(?:一次性|资金|财政|补贴|补助|奖励|支持|扶持|奖补|资助)")


def to_record(doc_no: str, section: str, d: Draft, heading: str | None, units: list[str]) -> Incentive:
    money = d.value if d.value is not None and d.value.kind == "money" else d.cap_money
    amount = money.amount if money else None
    rate = d.value.rate if d.value is not None and d.value.kind == "rate" else d.rate_override
    cap = bool((money and money.cap) or (d.cap_money is not None and d.cap_money is money))
    return Incentive(
        doc_no=doc_no,
        section=section,
        title=title_for(d, heading),
        beneficiary=d.beneficiary,
        conditions=[c for c in d.conditions if c],
        benefit=d.benefit,
        benefit_kind=d.kind,  # type: ignore[arg-type]
        source=d.sentence,
        amount_text=money.text if money else None,
        amount_value=amount.value if amount else None,
        amount_unit=amount.unit if amount else None,
        currency=amount.currency if amount else None,
        amount_cny=amount.amount_cny if amount else None,
        amount_usd=amount.amount_usd if amount else None,
        per=d.value.per if d.value is not None and d.kind == "per_unit" else None,
        rate=rate,
        cap=cap,
        frequency=d.frequency,
        years=d.years,
        case=d.case,
        thresholds=d.thresholds,
        units=units,
        rate_text=d.value.text
        if d.value is not None and d.value.kind == "rate"
        else ("减半" if d.rate_override else None),
        amount_min=money.low if money else None,
        rate_min=d.value.low if d.value is not None and d.value.kind == "rate" else None,
        reduction=d.reduction,
        limits=d.limits,
    )


def merge_overviews(records: list[tuple[Incentive, int]]) -> list[Incentive]:
    """An unstated grant that a later item of its section spells out ("创建资金补贴" → "（一）创建补贴") yields to it."""
    out = [r for r, _ in records]
    drop: set[int] = set()
    for i, (r, strength) in enumerate(records):
        if r.benefit_kind != "unspecified":
            continue
        if strength < 0 and any(
            s.section.startswith(r.section) and s.section != r.section for s, _ in records
        ):
            drop.add(i)
            continue
        core = _NOUN_CORE.sub("", r.title)[:4]
        for j, (s, s_strength) in enumerate(records):
            if (
                j == i
                or s.benefit_kind == "unspecified"
                or not s.section.startswith(r.section)
                or s.section == r.section
            ):
                continue
            if core and len(core) >= 2 and core in s.title + s.benefit:
                drop.add(i)
                if s_strength < strength and r.beneficiary:
                    out[j] = replace(out[j], beneficiary=r.beneficiary)
    return [r for i, r in enumerate(out) if i not in drop]


def dedupe(records: list[Incentive]) -> list[Incentive]:
    seen: set[tuple] = set()
    out = []
    for r in records:
        key = (r.section, r.benefit, r.amount_cny, r.rate, r.per, tuple(r.conditions))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def stamp_validity(doc: SourceDocument) -> None:
    """Give every incentive the document's validity (known only after `apply_validity`)."""
    if doc.records.incentives and doc.valid_until:
        doc.records.incentives = [replace(i, valid_until=doc.valid_until) for i in doc.records.incentives]
