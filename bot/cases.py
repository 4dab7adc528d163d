"""Does the asker's own case meet a clause's conditions? ("一家去年营收20亿元的企业" against
"营业收入10亿元以上的，补贴最高150万元"; "评上五星级" against a clause for 五星级 institutions.)

An incentive record lists thresholds with a comparison and a normalised amount; the question's
amounts (`Understanding.amounts`) are compared with them in the same currency, and the case
words it uses (首次认定, 复审, 新引进, 五星级 …) with the clause's own. The result is a feature
for the ranking (+1 met, −1 contradicted, 0 nothing to compare) and the reason an answer states.
"""

from __future__ import annotations

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


def case_fit(incentive, amounts: list[Amount], case_terms: list[str]) -> CaseFit:  # noqa: ANN001
    met: list[str] = []
    for t in getattr(incentive, "thresholds", None) or []:
        cur, limit = _threshold(t)
        op = _OPS.get(str(t.get("op", ">=")))
        if cur is None or op is None:
            continue
        for a in amounts:
            a_cur, value = _absolute(a)
            if a_cur != cur or value is None:
                continue
            if not op(value, limit):
                return CaseFit(-1.0, f"{a.text}不满足“{t.get('text') or t.get('what', '')}”")
            met.append(f"{a.text}，符合“{t.get('text') or t.get('what', '')}”")
            break
    text = " ".join([incentive.beneficiary or "", *incentive.conditions, *(incentive.case or [])])
    for group in EXCLUSIVE:
        asked = [g for g in group if g in case_terms]
        stated = [g for g in group if g in text]
        if asked and stated:
            if set(asked) & set(stated):
                met.append(f"“{'、'.join(sorted(set(asked) & set(stated)))}”")
            else:
                return CaseFit(-1.0, f"条款适用于{'、'.join(stated)}")
    return CaseFit(1.0 if met else 0.0, "；".join(met))
