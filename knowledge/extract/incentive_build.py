"""One benefit clause (with its conditions, method, limits and spec) → one record per benefit.

A clause paying several tiers ("分别给予100万元、30万元") becomes one record per tier, each
with its own tier substituted into the condition ("初次认定为国家…" / "初次认定为省级…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.extract.incentive_conditions import (
    ENTITY,
    Run,
    case_labels,
    dui_phrase,
    entity_in,
    find_runs,
    is_entity,
    pick_run,
    recipient_of,
    subject_of,
    substitute,
    thresholds,
)
from knowledge.extract.incentive_values import (
    GENERIC_NOUNS,
    Value,
    benefit_noun,
    find_values,
    frequency_of,
    in_kind_of,
    years_of,
)

_LIST_SEP = re.compile(r"^\s*(?:（[^（）]{1,8}）)?\s*(?:、|和|及|或|，)\s*$")
_PAIR_RECIPIENTS = re.compile(r"对([\u4e00-\u9fff]{1,8})和([\u4e00-\u9fff]{1,8})(?:进行|给予|予以)")
_GENERIC_RECIPIENT = {"企业", "单位", "其", "项目", "主体"}
_INNER_TRIM = re.compile(r"^(?:并|且|可|另|再|均|其中|分别|同时)+|(?:分别|均|可|并|一次性)+$")
_PERIOD_NUM = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*年内$")


@dataclass
class Unit:
    """A benefit clause and everything the sentence says around it."""

    clause: str
    anchor: int
    conds: list[str]
    method: str | None = None
    limits: list[str] = field(default_factory=list)
    specs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """A record before the paragraph and document passes settle beneficiary, title and merges."""

    conditions: list[str]
    benefit: str
    kind: str
    value: Value | None = None  # the payout (money or rate)
    cap_money: Value | None = None  # a money ceiling when the payout is a rate or unstated
    item: str | None = None
    beneficiary: str = ""
    strength: int = 0  # 3: 对X named an entity; 2: subject / recipient; 1: generic; 0: none
    frequency: str | None = None
    years: int | None = None
    limits: list[str] = field(default_factory=list)
    in_kind: str | None = None
    reduction: bool = False
    rate_override: float | None = None
    noun: str | None = None
    sentence: str = ""
    thresholds: list[dict] = field(default_factory=list)
    case: list[str] = field(default_factory=list)
    from_limit: bool = (
        False  # the amount came from a ceiling after the grant ("…给予补助，单个企业最高50万元")
    )
    fallback: str = ""  # an entity the conditions mention, used when the paragraph names nobody else


def expand(unit: Unit, sentence: str) -> list[Draft]:
    inner = _INNER_TRIM.sub("", unit.clause[: unit.anchor].strip(" ，"))
    payload = unit.clause[unit.anchor :]
    full = "，".join([*([unit.method] if unit.method else []), payload, *unit.specs])
    values = find_values(full)
    tiers = _tiers(full, values)
    conds = [c for c in unit.conds if _meaningful(c)] + ([inner] if _meaningful(inner) else [])
    items = _items(tiers, conds, full) if len(tiers) >= 2 else None
    drafts = []
    for k, tier in enumerate(tiers or [None]):
        tier_conds, item = conds, None
        parallel = _parallel(conds, len(tiers)) if len(tiers) >= 2 else None
        if parallel is not None:  # "全日制博士研究生，…的硕士研究生，分别给予5000元、3000元"
            item = conds[parallel + k]
            tier_conds = [c for i, c in enumerate(conds) if not parallel <= i < parallel + len(tiers) or i == parallel + k]
        elif items:
            idx, run = items
            item = run.items[k]
            tier_conds = (
                [substitute(c, run, k) if i == idx else c for i, c in enumerate(conds)] if idx >= 0 else conds
            )
        benefit = _tier_benefit(full, tiers, k) if tier is not None and len(tiers) >= 2 else full
        drafts.append(_draft(unit, sentence, tier_conds, benefit, tier, values, item))
    return drafts


def _parallel(conds: list[str], n: int) -> int | None:
    """Where `n` conditions in a row name parallel recipients, each paid its own tier: phrases of
    one head noun ("全日制博士研究生", "…的硕士研究生") listed by commas before 分别."""
    for start in range(len(conds) - n, -1, -1):
        group = conds[start : start + n]
        heads = {c[-2:] for c in group}
        if len(heads) == 1 and all(len(c) >= 4 for c in group) \
                and not any(c[-2:] in heads for c in conds[:start] + conds[start + n :]):
            return start
    return None


_FILLER = re.compile(r"^(?:具体|择优|其中|同时|此外|另外|为此|对此|可|并|且|分阶段|按规定)$")


def _meaningful(cond: str) -> bool:
    return len(cond) >= 2 and not _FILLER.match(cond)


def _tiers(full: str, values: list[Value]) -> list[Value]:
    """The payout values: several when the clause enumerates tiers, else the main one."""
    for kind in ("rate", "money"):
        vals = [v for v in values if v.kind == kind and not (kind == "money" and v.cap and _has_rate(values))]
        if len(vals) >= 2 and all(
            _LIST_SEP.match(full[a.end : b.start]) for a, b in zip(vals, vals[1:], strict=False)
        ):
            if vals[0].cap:  # "最高500万元（国家级）、100万元（省级）": 最高 holds for every tier
                vals = [v if v.cap else Value(**{**v.__dict__, "cap": True}) for v in vals]
            return vals
    rates = [v for v in values if v.kind == "rate"]
    if rates:
        return [rates[0]]
    money = [v for v in values if v.kind == "money"]
    return [money[0]] if money else []


def _has_rate(values: list[Value]) -> bool:
    return any(v.kind == "rate" for v in values)


def _items(tiers: list[Value], conds: list[str], full: str) -> tuple[int, Run] | None:
    n = len(tiers)
    if all(
        t.qualifier for t in tiers
    ):  # "500万元（国家级）、100万元（省级）"; rewrite the 国家级、省级 of the condition too
        quals = [t.qualifier or "" for t in tiers]
        for i in range(len(conds) - 1, -1, -1):
            for run in find_runs(conds[i]):
                if len(run.items) == n and all(
                    q[:1] == it[:1] for q, it in zip(quals, run.items, strict=False)
                ):
                    return i, run
        return -1, Run(0, 0, quals)
    picked = pick_run(list(reversed(conds)), n)
    if picked:
        return len(conds) - 1 - picked[0], picked[1]
    m = _PAIR_RECIPIENTS.search(full)
    if m and n == 2:
        return -1, Run(0, 0, [m.group(1), m.group(2)])
    for run in find_runs(full):
        if len(run.items) == n and not any(run.start <= t.start < run.end for t in tiers):
            return -1, run
    return None


def _tier_benefit(full: str, tiers: list[Value], k: int) -> str:
    """The benefit text for one tier: the enumerated values replaced by that tier's value."""
    start, end = tiers[0].start, tiers[-1].end
    end += len(re.match(r"^(?:（[^（）]{1,8}）)?", full[end:]).group(0))
    text = full[:start] + tiers[k].text + full[end:]
    return re.sub(r"分别", "", text, count=1)


def _draft(unit: Unit, sentence: str, conds: list[str], benefit: str, tier: Value | None, values: list[Value],
           item: str | None) -> Draft:  # fmt: skip
    kind_hit = in_kind_of(unit.clause[unit.anchor :])
    caps = [v for v in values if v.kind == "money" and v.cap and v is not tier]
    limit_values = [v for lim in unit.limits for v in find_values(lim) if v.kind == "money"]
    d = Draft(conditions=conds, benefit=benefit, kind="unspecified", value=tier, sentence=sentence, item=item)
    d.limits = [*unit.limits, *unit.notes]
    if tier is not None and tier.kind == "rate":
        d.kind = "rate"
        d.cap_money = caps[0] if caps else (limit_values[0] if limit_values else None)
    elif tier is not None:
        d.kind = "per_unit" if tier.per else "money"
    elif limit_values:
        d.kind, d.cap_money = "money", limit_values[0]
        d.value, d.from_limit = limit_values[0], True
    if (
        kind_hit
        and kind_hit[1]
        and tier is not None
        and tier.kind == "money"
        and re.search(r"收取|征收|缴纳|计收|收费", unit.clause)
    ):
        d.kind, d.in_kind, d.reduction = (
            "in_kind",
            kind_hit[0],
            True,
        )  # "减按每件80元收取": a lowered charge, not a payment
    if kind_hit and (tier is None or (tier.kind == "rate" and kind_hit[1])):
        d.in_kind, d.reduction = kind_hit
        if tier is None and not limit_values:
            d.kind = "in_kind"
            if "减半" in kind_hit[0]:
                d.rate_override = 50.0
    period_text = "，".join([unit.clause[unit.anchor :], *unit.limits, *unit.notes])
    d.frequency = (
        (tier.frequency if tier else None)
        or _per_frequency(tier)
        or frequency_of("，".join([unit.method or "", unit.clause[unit.anchor :]]))
        or ("one-off" if "一次性" in unit.clause else None)
        or (frequency_of("，".join(unit.limits)) if unit.limits else None)
    )
    if d.frequency is None and d.value is not None and d.value.frequency:
        d.frequency = d.value.frequency
    d.years = years_of(unit.clause) or _period_years(unit.periods) or years_of(period_text)
    d.noun = benefit_noun(unit.clause[unit.anchor :]) or benefit_noun(unit.clause)
    whole = benefit_noun(
        unit.clause
    )  # "一次性安家补助100万元": the payload starts at 补助, the name is 安家补助
    if (d.noun is None or d.noun in GENERIC_NOUNS) and whole and whole not in GENERIC_NOUNS:
        d.noun = whole
    joined = "，".join(conds)
    d.thresholds = thresholds(joined)
    d.case = case_labels(joined, item, own=unit.clause[: unit.anchor])
    _beneficiary(d, conds, unit.clause[unit.anchor :])
    return d


def _per_frequency(tier: Value | None) -> str | None:
    if tier and tier.per:
        if "每月" in tier.per:
            return "monthly"
        if "每年" in tier.per:
            return "yearly"
    return None


def _period_years(periods: list[str]) -> int | None:
    for p in periods:
        m = _PERIOD_NUM.search(p)
        if m:
            return years_of(f"连续{m.group(1)}年")
    return None


def _beneficiary(d: Draft, conds: list[str], payload: str) -> None:
    """Who the record is for, as a phrase a person recognises, and how sure we are."""
    raw = None
    for c in reversed(conds):
        x = dui_phrase(c)
        if x:
            x = x.rstrip("的")
            if is_entity(x):
                d.beneficiary, d.strength = _shorten(x), 3
                return
            raw = raw or x
    if (
        d.item and is_entity(d.item) and len(d.item) >= 4
    ):  # "省级未来工厂、省级智能工厂…" tiers name who is paid
        d.beneficiary, d.strength = d.item, 2
        return
    for c in reversed(conds):  # "钨与稀土国家质检中心对小微型企业和困难企业的产品…": who the 对 names
        m = _DUI_INSIDE.search(c)
        if m:
            d.beneficiary, d.strength = m.group(1), 2
            return
    for c in conds:
        s = subject_of(c)
        if s and not (_GRANTOR.search(s) and re.match(r"^\s*(?:给予|予以|按|对)", c.split(s, 1)[-1])):
            d.beneficiary, d.strength = _shorten(s), 2
            return
    r = recipient_of(payload)
    if r and r not in _GENERIC_RECIPIENT:
        d.beneficiary, d.strength = r, 2
        return
    if d.item and is_entity(d.item):
        d.beneficiary, d.strength = d.item, 2
        return
    rel = raw or next((c.rstrip("的") for c in reversed(conds) if c.endswith("的") and len(c) >= 5), None)
    if rel and _VERB_START.match(rel):
        rel = None  # "接收户籍在新区的其他老年人的" has no subject of its own: the paragraph's applies
    head = entity_in(rel) if rel else None
    lead = subject_of(rel) if rel else None
    if (
        rel and lead and len(rel) > len(lead) + 1
    ):  # "外商投资企业当年入库税收首次超过1亿元" → "外商投资企业（当年…）"
        d.beneficiary, d.strength = f"{lead}（{rel[len(lead) :].strip('，的')}）", 1
    elif rel and head:  # "对…新增床位50张以上的" names no head: "…的养老机构" does
        alts = _alternatives(rel, conds)
        if alts:  # "对A的，或B的，给予…": either qualifies, so both are who it is for
            d.beneficiary, d.strength = "，或".join([rel, *alts]) + f"的{head}", 1
        else:
            d.beneficiary, d.strength = _shorten(rel if rel.endswith(head) else f"{rel}的{head}"), 1
    elif r:
        d.beneficiary, d.strength = r, 1
    else:
        d.fallback = entity_in("，".join(conds)) or ""


_DUI_INSIDE = re.compile(rf"(?<=[\u4e00-\u9fff])对((?:(?!对)[^，。；的]){{2,20}}?{ENTITY})(?:的|$)")
_VERB_START = re.compile(
    r"^(?:接收|吸纳|引进|取得|获得|开展|参与|参加|承担|完成|实现|通过|招用|新招用|组织|建设|购买|使用)"
)
_GRANTOR = re.compile(r"(?:区县|县区|政府|部门|局|委|办公室|管委会|财政|银行机构)$")


def _alternatives(rel: str, conds: list[str]) -> list[str]:
    """The conditions "或…的" right after the one `rel` came from: alternatives that qualify as well."""
    at = next((i for i, c in enumerate(conds) if rel in c), None)
    alts: list[str] = []
    for c in conds[at + 1 :] if at is not None else []:
        m = _ALTERNATIVE.match(c)
        if not m:
            break
        alts.append(m.group(1))
    return alts


_ALTERNATIVE = re.compile(r"^或(?:者)?(?:对于|对)?([^，。；]{2,60}?)的$")


def _shorten(phrase: str) -> str:
    """Keep a long phrase readable: its last qualifier and head ("取得等级证书的工作人员") when over 30 chars."""
    if len(phrase) <= 30:
        return phrase
    qualifier, _, head = phrase.rpartition("的")
    last = re.split(r"并|且|及|、|，|或", qualifier)[-1]
    if head and 2 <= len(last) <= 12 and len(last) + len(head) < 30:
        return f"{last}的{head}"
    return head if len(head) >= 2 else phrase[-30:]


def _short_name(beneficiary: str) -> str | None:
    """A short name for whom a benefit is: "新设立的外商投资性公司（不含基金公司）" → "外商投资性公司"."""
    plain = re.sub(r"（[^（）]*）", "", beneficiary)
    tail = plain.rsplit("的", 1)[-1]
    if 2 <= len(tail) <= 10 and is_entity(tail):
        return tail
    lead = subject_of(plain)
    if lead and len(lead) <= 10:
        return lead
    m = re.search(ENTITY + "$", plain) or re.search(ENTITY, plain)
    return m.group(0) if m else None


def title_for(d: Draft, heading: str | None) -> str:
    """A short name of the clause: the item's short heading, else the benefit's own name, else
    the heading's benefit noun, else who it is for plus the noun ("企业补贴")."""
    if heading and len(heading) <= 14 and "，" not in heading:
        return heading
    if d.in_kind and (d.kind == "in_kind" or d.reduction) and len(d.benefit) <= 16:
        return d.benefit  # "担保费率不超过1%", "免收注册费"
    if d.kind == "in_kind" and d.in_kind:  # "优先安排用地", "免收…通行费"
        m = re.search(re.escape(d.in_kind) + r"[\u4e00-\u9fff]{0,8}", d.benefit)
        return m.group(0) if m else d.in_kind
    if d.noun and d.noun not in GENERIC_NOUNS and len(d.noun) >= 3:
        return d.noun
    heading_noun = benefit_noun(heading) if heading else None
    if heading_noun and heading_noun not in GENERIC_NOUNS and len(heading_noun) >= 3:
        return heading_noun
    head = _short_name(d.beneficiary) if d.beneficiary else None
    noun = d.noun or heading_noun or "奖励"
    return f"{head or ''}{noun}" if head else (heading[:14] if heading else noun)
