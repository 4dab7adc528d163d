"""One paragraph (or table cell) → its benefit drafts: sentences, groups (；) and clauses (，).

Conditions accumulate until a benefit clause; limits, specs and notes that follow attach to
the benefits before them; a new condition after a benefit starts the next tier ("星级评定在
三星级的" replaces "…二星级的"). Then an unstated grant that the same sentence spells out
("给予五年奖励，其中前三年给予80%…") is dropped, and a benefit that names nobody is for whoever
the paragraph last named.
"""

from __future__ import annotations

import copy
import re

from knowledge.extract.incentive_build import Draft, Unit, expand
from knowledge.extract.incentive_clauses import classify, is_period_clause, sentences, split_outside
from knowledge.extract.incentive_conditions import is_entity
from knowledge.extract.incentive_values import Value, find_values

_SKIP_CLAUSE = re.compile(r"^(?:即|其中|具体为|具体如下|如下|包括)$")


def paragraph_drafts(body: str, carry: bool = False) -> list[Draft]:
    """Every benefit of one paragraph (or table cell), with the paragraph-level passes applied."""
    drafts: list[Draft] = []
    pending: list[str] = []
    for sent in sentences(body):
        if drafts and _BRACKETED.match(sent):
            _bracket_limit(drafts[-1], sent)  # "（…最高奖励不超过50万元）" after the item's last sentence
            continue
        sent_drafts: list[Draft] = []
        lead: list[str] = []  # the conditions before an "A、" item, which its "B、" sibling shares
        for gi, group in enumerate(split_outside(sent, "；;")):
            carried = pending if gi == 0 else (lead if _ITEM_LABEL.match(group.strip()) else [])
            if gi and not carried and _continues_schedule(group, sent_drafts):
                carried = sent_drafts[-1].conditions[:-1]  # "第一年返50%，第二年返40%；第三年返30%…" goes on
            lead = lead or _lead_conditions(group, carried)
            units = _units_of(group, carried)
            for u in units:
                sent_drafts += expand(u, sent)
        if carry and not sent_drafts:
            pending = [c for c in split_outside(sent, "，：:,") if classify(c, False).role == "cond"]
        elif sent_drafts:
            pending = []
        capped = _category_caps(sent, sent_drafts, drafts)
        if capped:
            drafts[-1:] = capped
            continue
        drafts += _year_schedules(_merge_unspecified(sent_drafts, drafts))
    _inherit_beneficiary(drafts)
    return drafts


_DURATION = re.compile(r"^(?:补贴|补助|奖励|扶持|资助|享受|支持)(?:时间|期限|年限)(?:为|是)?\s*(?:\d+|[一二两三四五六七八九十]+)\s*年$")


def _units_of(group: str, carried: list[str]) -> list[Unit]:
    units: list[Unit] = []
    run: list[Unit] = []
    conds: list[str] = list(carried)
    periods: list[str] = []
    method: str | None = None
    for text in _clauses(group):
        if _SKIP_CLAUSE.match(text):
            continue
        c = classify(text, bool(run))
        if c.role == "benefit":
            main, inner = _split_aside(text)
            c = classify(main, bool(run)) if inner else c
            u = Unit(main, c.anchor if c.role == "benefit" else 0, list(conds), method, periods=list(periods))
            units.append(u)
            run.append(u)
            for aside in inner:  # "（其中人工智能小微企业可按…50%申请财政补助）": a second tier
                a = classify(aside, False)
                sub = Unit(aside, a.anchor, [*conds, aside[: a.anchor]], method, periods=list(periods))
                units.append(sub)
                run.append(sub)
            method = None
        elif c.role in ("limit", "spec", "note") and run:
            for u in run:
                {"limit": u.limits, "spec": u.specs, "note": u.notes}[c.role].append(text)
        elif c.role == "spec":  # "补贴标准为5000元/人" with no grant before it: the clause is the grant
            u = Unit(text, 0, list(conds), method, periods=list(periods))
            units.append(u)
            run.append(u)
            method = None
        elif c.role == "method":
            method = text
        elif c.role == "cond" or c.role in ("limit", "spec", "note"):
            if run and _DURATION.match(text):  # "…给予5000元的生活补助，补贴时间为5年": how long the run pays
                for u in run:
                    u.notes.append(text)
                continue
            if is_period_clause(text):
                periods.append(text)
                continue
            if run:
                conds, run = _next_conditions(conds, text), []
            else:
                conds.append(text)
    return units


def _clauses(group: str) -> list[str]:
    """Clauses of a group; "3亩至10亩奖励20万元、10亩至30亩奖励50万元" is two benefit clauses."""
    out: list[str] = []
    for text in split_outside(group, "，：:,"):
        parts = split_outside(text, "、")
        grants = [
            p
            for p in parts
            if classify(p, False).role == "benefit" and find_values(p) and find_values(p)[0].start > 0
        ]
        out += parts if len(parts) >= 2 and len(grants) == len(parts) else [text]
    return out


_NTH_YEAR = re.compile(r"^第(?:[一二三四五六七八九十]|\d{1,2})(?:个)?年(?:度)?$")


def _continues_schedule(group: str, before: list[Draft]) -> bool:
    last = before[-1].conditions if before else []
    return bool(last and _NTH_YEAR.match(last[-1]) and _NTH_YEAR_START.match(group.strip()))


_NTH_YEAR_START = re.compile(r"^第(?:[一二三四五六七八九十]|\d{1,2})(?:个)?年")


def _year_schedules(drafts: list[Draft]) -> list[Draft]:
    """"第一年返40%，第二年返30%，第三年返20%": one record paying by year, not one per year; it
    pays the first year's rate or amount and lasts as many years as the schedule lists."""
    out: list[Draft] = []
    schedules: set[int] = set()  # ids of the drafts that became schedules
    for d in drafts:
        prev = out[-1] if out else None
        nth = bool(d.conditions) and bool(_NTH_YEAR.match(d.conditions[-1]))
        if prev is not None and nth and prev.kind == d.kind:
            if id(prev) in schedules and prev.conditions == d.conditions[:-1]:
                prev.benefit += f"，{d.conditions[-1]}{d.benefit}"
                prev.years = (prev.years or 1) + 1
                continue
            if prev.conditions and _NTH_YEAR.match(prev.conditions[-1]) and prev.conditions[:-1] == d.conditions[:-1]:
                prev.benefit = f"{prev.conditions[-1]}{prev.benefit}，{d.conditions[-1]}{d.benefit}"
                prev.conditions, prev.years = prev.conditions[:-1], 2
                schedules.add(id(prev))
                continue
        out.append(d)
    return out


_CAP_ONLY = re.compile(r"^(.{2,30}?)最高(?:补助|补贴|奖励|资助|支持)?(?:不超过)?$")


def _category_caps(sent: str, sent_drafts: list[Draft], earlier: list[Draft]) -> list[Draft]:
    """"给予10%的分类补助。其中：集成电路产业项目最高补助5000万元，…其他项目最高补助2000万元": a
    sentence of caps by category after a rate makes the rate one record per category, each with
    its cap (an estimate for the asker's amount is then capped where the clause says)."""
    if not (earlier and sent_drafts and re.match(r"^\s*其中", sent)):
        return []
    rate = earlier[-1]
    if rate.kind != "rate" or rate.cap_money is not None:
        return []
    out = []
    for d in sent_drafts:
        m = _CAP_ONLY.match(d.conditions[-1]) if d.kind == "money" and d.conditions and d.value else None
        if m is None:
            return []
        category = re.sub(r"^(?:其中[：:]?)", "", m.group(1)).strip("，：:")
        capped = copy.copy(rate)
        capped.cap_money = Value(**{**d.value.__dict__, "cap": True})
        capped.conditions = [*rate.conditions, category]
        capped.case = list(dict.fromkeys([*rate.case, category]))
        capped.item = category
        if is_entity(category):  # the record is for the category's projects, within the clause's
            capped.beneficiary = category
        capped.limits = [*rate.limits, f"{category}最高{d.value.text}"]
        out.append(capped)
    return out


_ASIDE = re.compile(r"\s*（其中([^（）]+)）")


def _split_aside(text: str) -> tuple[str, list[str]]:
    """A bracket "（其中…）" that grants something of its own, split from the clause."""
    asides = [m.group(1) for m in _ASIDE.finditer(text) if classify(m.group(1), False).role == "benefit"]
    if not asides:
        return text, []
    return _ASIDE.sub(lambda m: "" if m.group(1) in asides else m.group(0), text), asides


def _next_conditions(conds: list[str], text: str) -> list[str]:
    """After a benefit, a condition of the same shape replaces its sibling; another one starts afresh."""
    bare = _ITEM_LABEL.sub("", text)
    for i, c in enumerate(conds):
        c_bare = _ITEM_LABEL.sub("", c)
        if len(c_bare) >= 4 and len(bare) >= 4 and c_bare[:4] == bare[:4]:
            return [*conds[:i], text]
    return [text]


def _lead_conditions(group: str, carried: list[str]) -> list[str]:
    """The conditions a group states before its first labelled item ("标准为：A、…")."""
    clauses = _clauses(group)
    at = next((i for i, c in enumerate(clauses) if _ITEM_LABEL.match(c)), None)
    if not at:
        return []
    return [*carried, *[c for c in clauses[:at] if classify(c, False).role == "cond"]]


_ITEM_LABEL = re.compile(r"^(?:[A-Za-z][、.．]|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[、.．])\s*")  # "A、" "（二）" "3."


def _merge_unspecified(sent_drafts: list[Draft], earlier: list[Draft]) -> list[Draft]:
    """Drop an unstated grant whose amounts the same sentence (or the next, condition-free one) states."""
    specified = [d for d in sent_drafts if d.kind in ("money", "rate", "per_unit") and not d.from_limit]
    kept = []
    for i, d in enumerate(sent_drafts):
        later = [s for s in sent_drafts[i + 1 :] if s in specified]
        if (d.kind == "unspecified" or d.from_limit) and later:
            for s in (
                later
            ):  # "给予连续5年奖励，即：…分别参照…": the details inherit the overview's who and how long
                s.years = s.years or d.years
                s.conditions = [*[c for c in d.conditions if c not in s.conditions], *s.conditions]
                s.case = list(dict.fromkeys([*d.case, *s.case]))
                s.thresholds = [*d.thresholds, *s.thresholds]
                if s.strength < d.strength:
                    s.beneficiary, s.strength = d.beneficiary, d.strength
            continue
        kept.append(d)
    if (earlier and earlier[-1].kind == "unspecified" and kept
            and all(not d.conditions and _SPEC_START.match(d.benefit) for d in kept)):  # fmt: skip
        prev = earlier.pop()
        for d in kept:
            d.conditions, d.thresholds, d.case = prev.conditions, prev.thresholds, prev.case
            if d.strength < prev.strength:
                d.beneficiary, d.strength = prev.beneficiary, prev.strength
    return kept


_BRACKETED = re.compile(r"^[（(][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]$")


def _bracket_limit(d: Draft, text: str) -> None:
    d.limits.append(text)
    money = [v for v in find_values(text) if v.kind == "money"]
    if money and d.cap_money is None and (d.value is None or d.value.kind == "rate"):
        d.cap_money = Value(**{**money[0].__dict__, "cap": True})
        if d.kind == "unspecified":
            d.kind = "money"
            d.value = d.cap_money


_SPEC_START = re.compile(r"^(?:每|按每|(?:其)?(?:补贴|补助|奖励|资助)(?:标准|额度|金额))")


def _inherit_beneficiary(drafts: list[Draft]) -> None:
    """A benefit that names nobody is for whoever the paragraph last named."""
    last = None
    for d in drafts:
        if d.strength >= 2:
            last = d
        elif d.strength == 0 and (last is not None or d.fallback):
            d.beneficiary, d.strength = (last.beneficiary if last is not None else d.fallback), 1
