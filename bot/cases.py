"""Does the asker's own case meet a clause's conditions? ("一家去年营收20亿元的企业" against
"营业收入10亿元以上的，补贴最高150万元"; "评上五星级" against a clause for 五星级 institutions.)

An incentive record lists thresholds with a comparison and a normalised amount; the question's
amounts (`Understanding.amounts`) are compared with them in the same currency, and the case
words it uses (首次认定, 复审, 新引进, 五星级 …) with the clause's own. The result is a feature
for the ranking (+1 met, −1 contradicted, 0 nothing to compare) and the reason an answer states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.amounts import Amount

_OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
        "==": lambda a, b: abs(a - b) < 1e-6 * max(1.0, abs(b))}  # fmt: skip
# Qualifiers that exclude each other: a clause for one does not apply to a case of the other.
EXCLUSIVE = [("首次认定", "复审"), ("首次认定", "重新认定"), ("新引进", "存量"), ("新设立", "存量"),
             ("五星级", "四星级", "三星级", "二星级", "一星级"), ("国家级", "省级", "市级", "区级", "县级")]  # fmt: skip


@dataclass(frozen=True)
class CaseFit:
    value: float  # +1 every comparable condition met, −1 one contradicted, 0 nothing to compare
    reason: str  # "营业收入20亿元，符合“10亿元以上”" — empty when nothing was compared


def _absolute(a: Amount) -> tuple[str | None, float | None]:
    if a.currency == "USD" and a.amount_usd is not None:
        return "USD", a.amount_usd
    if a.currency == "CNY" and a.amount_cny is not None:
        return "CNY", a.amount_cny
    if a.unit == "%":
        return "%", a.value
    return None, None


def _threshold(t: dict) -> tuple[str | None, float | None]:
    if t.get("amount_usd") is not None:
        return "USD", float(t["amount_usd"])
    if t.get("amount_cny") is not None:
        return "CNY", float(t["amount_cny"])
    if t.get("unit") == "%" and t.get("value") is not None:
        return "%", float(t["value"])
    return None, None


def _expanded(thresholds: list[dict]) -> list[dict]:
    """A "between" threshold (10亿元到50亿元之间) is two: ≥ its amount and ≤ its upper bound."""
    out = []
    for t in thresholds:
        if t.get("op") != "between":
            out.append(t)
            continue
        out.append({**t, "op": ">="})
        upper = {"amount_cny": t.get("amount_max_cny"), "amount_usd": t.get("amount_max_usd"), "value": t.get("value_max")}
        if any(v is not None for v in upper.values()):
            out.append({**t, **upper, "op": "<="})
    return out


def _closeness(value: float, limit: float) -> float:
    """1 when the asker's amount sits at the threshold, toward 0 far above (or below) it."""
    lo, hi = sorted((abs(value), abs(limit)))
    return lo / hi if hi else 1.0


def case_fit(incentive, amounts: list[Amount], case_terms: list[str]) -> CaseFit:  # noqa: ANN001
    """Whether the asker's case meets the clause. Of several amounts in one currency the last one
    told is the case ("前年8亿元，去年首次过了12亿元"); of the tiers it meets (5亿, 10亿) the closest
    threshold is the one that pays, so a met clause scores 0.9–1.0 by closeness."""
    met: list[str] = []
    close: list[float] = []
    thresholds = getattr(incentive, "thresholds", None) or text_thresholds(" ".join(incentive.conditions))
    for t in _expanded(thresholds):
        cur, limit = _threshold(t)
        op = _OPS.get(str(t.get("op", ">=")))
        if cur is None or op is None:
            continue
        told = [(a, v) for a in amounts for a_cur, v in (_absolute(a),) if a_cur == cur and v is not None]
        if not told:
            continue
        a, value = told[-1]
        if not op(value, limit):
            return CaseFit(-1.0, f"{a.text}不满足“{t.get('text') or t.get('what', '')}”")
        reason = f"{a.text}，符合“{t.get('text') or t.get('what', '')}”"
        if reason not in met:
            met.append(reason)
        close.append(_closeness(value, limit))
    text = " ".join([incentive.beneficiary or "", *incentive.conditions, *(incentive.case or [])])
    for group in EXCLUSIVE:
        asked = [g for g in group if g in case_terms]
        stated = [g for g in group if g in text]
        if asked and stated:
            if set(asked) & set(stated):
                met.append(f"“{'、'.join(sorted(set(asked) & set(stated)))}”")
            else:
                return CaseFit(-1.0, f"条款适用于{'、'.join(stated)}")
    value = (0.9 + 0.1 * min(close)) if close else 1.0
    return CaseFit(value if met else 0.0, "；".join(dict.fromkeys(met)))


_RANGE = re.compile(r"\s*(?:（含）)?\s*(?:到|至|—|-|~|～)\s*")
_AFTER = re.compile(r"^\s*(?:及|或)?\s*(以上|以下|以内|及以上|不足|未满)")
_BEFORE = re.compile(r"(超过|不低于|达到|突破|不足|低于|未达到)\s*$")
_OP_OF = {"以上": ">=", "及以上": ">=", "超过": ">", "不低于": ">=", "达到": ">=", "突破": ">=",
          "以下": "<", "以内": "<=", "不足": "<", "未满": "<", "低于": "<", "未达到": "<"}  # fmt: skip


def text_thresholds(text: str) -> list[dict]:
    """Conditions a sentence states on an amount ("营业收入10亿元以上50亿元以下的"), in the shape of
    an incentive's thresholds. Caps (不超过, 最高) are what a clause pays, not who qualifies: left out."""
    from knowledge.extract.figures import find_amounts

    out = []
    found = find_amounts(text)
    ranged: set[int] = set()
    for (at1, a1), (at2, a2) in zip(found, found[1:], strict=False):  # "10亿元到50亿元之间", "500万元至2000万元"
        if _RANGE.fullmatch(text[at1 + len(a1.text) : at2]):
            out.append({"op": ">=", "amount_cny": a1.amount_cny, "amount_usd": a1.amount_usd, "unit": a1.unit,
                        "value": a1.value, "text": f"{a1.text}至{a2.text}"})  # fmt: skip
            out.append({"op": "<", "amount_cny": a2.amount_cny, "amount_usd": a2.amount_usd, "unit": a2.unit,
                        "value": a2.value, "text": f"{a1.text}至{a2.text}"})  # fmt: skip
            ranged |= {at1, at2}
    for at, a in found:
        if at in ranged:
            continue
        end = at + len(a.text)
        after, before = _AFTER.match(text[end : end + 4]), _BEFORE.search(text[max(0, at - 4) : at])
        marker = (after.group(1) if after else None) or (before.group(1) if before else None)
        if marker:
            out.append({"op": _OP_OF[marker], "amount_cny": a.amount_cny, "amount_usd": a.amount_usd,
                        "unit": a.unit, "value": a.value, "text": a.text + (after.group(1) if after else "")})  # fmt: skip
    return out


@dataclass(frozen=True)
class _Clause:
    thresholds: list[dict]
    beneficiary: str = ""
    conditions: tuple[str, ...] = ()
    case: tuple[str, ...] = ()


def sentence_fit(text: str, amounts: list[Amount], case_terms: list[str]) -> CaseFit:
    """`case_fit` for a sentence of a passage: its stated conditions against the asker's case."""
    return case_fit(_Clause(text_thresholds(text), text), amounts, case_terms)
