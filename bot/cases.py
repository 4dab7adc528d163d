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

from bot.text_match import raw_bigrams
from knowledge.amounts import MEASURE_UNITS, Amount, find_quantities, parse_amount, spread_range_unit
from knowledge.extract.incentive_conditions import alternative
from knowledge.normalize import normalize

_OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
        "==": lambda a, b: abs(a - b) < 1e-6 * max(1.0, abs(b))}  # fmt: skip
# Qualifiers that exclude each other: a clause for one does not apply to a case of the other.
EXCLUSIVE = [("首次认定", "复审"), ("首次认定", "重新认定"), ("新引进", "存量"), ("新设立", "存量"),
             ("五星级", "四星级", "三星级", "二星级", "一星级"), ("国家级", "省级", "市级", "区级", "县级")]  # fmt: skip


@dataclass(frozen=True)
class CaseFit:
    value: float  # +1 every comparable condition met, −1 one contradicted, 0 nothing to compare
    reason: str  # "营业收入20亿元，符合“10亿元以上”" — empty when nothing was compared


_COMPARED_AS_IS = MEASURE_UNITS | {"%"}  # shares and measured quantities compare in their own unit


def _absolute(a: Amount) -> tuple[str | None, float | None]:
    if a.currency == "USD" and a.amount_usd is not None:
        return "USD", a.amount_usd
    if a.currency == "CNY" and a.amount_cny is not None:
        return "CNY", a.amount_cny
    if a.unit in _COMPARED_AS_IS:
        return a.unit, a.value
    return None, None


def _threshold(t: dict) -> tuple[str | None, float | None]:
    if t.get("amount_usd") is not None:
        return "USD", float(t["amount_usd"])
    if t.get("amount_cny") is not None:
        return "CNY", float(t["amount_cny"])
    if t.get("unit") in _COMPARED_AS_IS and t.get("value") is not None:
        return str(t["unit"]), float(t["value"])
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


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _told(amounts: list[Amount], words: list[str] | None) -> list[tuple[Amount, str | None, float | None, str]]:
    words = words if words is not None and len(words) == len(amounts) else [""] * len(amounts)
    return [(a, *_absolute(a), w) for a, w in zip(amounts, words, strict=True)]


def _about(told: list, what: str):  # noqa: ANN202 - one entry of `_told`
    """Of the amounts told in one currency, the last whose words name what a condition is on
    ("进出口额5.6亿元，比上年增加6000万元" against "当年度进出口额…"); none named: the last told."""
    if not _PAST_ASKED.search(what):  # "去年入库税收1.2亿元，今年…1.6亿元": the asker's case is now
        told = [x for i, x in enumerate(told) if not (_PAST.search(x[3]) and i < len(told) - 1)] or told
    named = [x for x in told if raw_bigrams(what) & raw_bigrams(x[3])] if what else []
    return (named or told)[-1]


_ABOVE = re.compile(r"超过|以上|高于|突破|破|过了|\b(?:above|over|more than|exceeds?|exceeding|beyond)\b", re.I)
_PAST = re.compile(r"去年|上年|前年|以前|原来|过去|上一年")
_PAST_ASKED = re.compile(r"上年|上一年|去年|同比|比上|增长|增加|新增")


def case_fit(incentive, amounts: list[Amount], case_terms: list[str], words: list[str] | None = None) -> CaseFit:  # noqa: ANN001
    """Whether the asker's case meets the clause. Of several amounts in one currency the one whose
    words name the condition's subject is compared, else the last one told ("前年8亿元，去年首次过了
    12亿元"); of the tiers it meets (5亿, 10亿) the closest threshold is the one that pays, so a met
    clause scores 0.9–1.0 by closeness. `words`: the words before each amount in the question."""
    met: list[str] = []
    close: list[float] = []
    thresholds = getattr(incentive, "thresholds", None) or text_thresholds(" ".join(incentive.conditions))
    for t in _expanded(thresholds):
        cur, limit = _threshold(t)
        op = _OPS.get(str(t.get("op", ">=")))
        if cur is None or op is None:
            continue
        told = [x for x in _told(amounts, words) if x[1] == cur and x[2] is not None]
        if not told:
            continue
        a, _cur, value, w = _about(told, str(t.get("what") or ""))
        if not op(value, limit) and not (t.get("op") == ">" and _OPS["=="](value, limit) and _ABOVE.search(w)):
            # (an amount told as "above 2亿" meets "超过2亿元"; told as exactly 2亿 it does not)
            if t.get("alternative"):
                continue  # "世界500强…项目，或总投资超过2亿美元的…": one way in of several, not a bar
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
    value = (0.9 + 0.1 * sum(close) / len(close)) if close else 1.0  # every threshold's closeness counts
    return CaseFit(value if met else 0.0, "；".join(dict.fromkeys(met)))


_RANGE = re.compile(r"\s*(?:（含）)?\s*(?:到|至|—|-|~|～)\s*")
_AFTER = re.compile(r"^\s*(?:（含）)?\s*(?:及|或)?\s*(以上|以下|以内|及以上|不足|未满)")
# "注册资本超3000万美元" states a condition; "最高不超过100万元" is a cap, not one
_BEFORE = re.compile(r"((?<!不)超过|(?<!不)超|不低于|达到|突破|不足|低于|未达到)\s*$")
_OP_OF = {"以上": ">=", "及以上": ">=", "超过": ">", "超": ">", "不低于": ">=", "达到": ">=", "突破": ">=",
          "以下": "<", "以内": "<=", "不足": "<", "未满": "<", "低于": "<", "未达到": "<"}  # fmt: skip


def text_thresholds(text: str) -> list[dict]:
    """Conditions a sentence states on an amount ("营业收入10亿元以上50亿元以下的"), in the shape of
    an incentive's thresholds. Caps (不超过, 最高) are what a clause pays, not who qualifies: left out."""
    from knowledge.extract.figures import find_amounts

    out = []
    text = spread_range_unit(text)
    found = sorted(find_amounts(text) + find_quantities(text), key=lambda x: x[0])
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
        after, before = _AFTER.match(text[end : end + 8]), _BEFORE.search(text[max(0, at - 4) : at])
        marker = (after.group(1) if after else None) or (before.group(1) if before else None)
        if marker:
            out.append({"op": _OP_OF[marker], "amount_cny": a.amount_cny, "amount_usd": a.amount_usd,
                        "unit": a.unit, "value": a.value, "text": a.text + (after.group(1) if after else ""),
                        **({"alternative": True} if alternative(text, at) else {})})  # fmt: skip
    return out


@dataclass(frozen=True)
class _Clause:
    thresholds: list[dict]
    beneficiary: str = ""
    conditions: tuple[str, ...] = ()
    case: tuple[str, ...] = ()


# a tier ends at what it pays: "…至10亩奖励20万元、", "…以下的，补贴42%；", "给予100万元奖励，"
_TIER_END = re.compile(r"(?:奖励|补助|补贴|资助|给予|返还|扶持|奖补)[^、；;，,。]{0,12}?(?:\d+(?:\.\d+)?\s*(?:亿|万|千)?\s*(?:美元|元)|\d+(?:\.\d+)?\s*[%％])"
                       r"[^、；;，,。\d]{0,4}[、；;，,]")


def tiers(text: str) -> list[str]:
    """A sentence that grades what it pays ("3亩（含）至10亩奖励20万元、10亩（含）至30亩奖励50万元；")
    cut into its tiers, each ending at its benefit; a sentence of one provision is one tier."""
    out, start = [], 0
    for m in _TIER_END.finditer(text):
        out.append(text[start : m.end()])
        start = m.end()
    out.append(text[start:])
    return [t for t in out if t.strip()]


def _tier_fits(text: str, amounts: list[Amount], case_terms: list[str]) -> list[tuple[str, CaseFit]]:
    return [(t, case_fit(_Clause(th, t), amounts, case_terms)) for t in tiers(text) if (th := text_thresholds(t))]


def sentence_fit(text: str, amounts: list[Amount], case_terms: list[str]) -> CaseFit:
    """`case_fit` for a sentence of a passage: its stated conditions against the asker's case; of
    a graded sentence, the tier the case meets (a case of 35亩 meets "30亩（含）以上的奖励80万元"
    and contradicts the tiers below it), contradicted only when it meets none."""
    fits = [f for _, f in _tier_fits(text, amounts, case_terms)]
    if len(fits) < 2:
        return case_fit(_Clause(text_thresholds(text), text), amounts, case_terms)
    return max(fits, key=lambda f: f.value) if any(f.value > 0 for f in fits) else min(fits, key=lambda f: f.value)


def met_tier(text: str, amounts: list[Amount], case_terms: list[str]) -> str | None:
    """The tier of a graded sentence the asker's case meets (what its head states), or None."""
    fitted = _tier_fits(text, amounts, case_terms) if amounts else []
    if len(fitted) < 2:
        return None
    met = [(t, f) for t, f in fitted if f.value > 0]
    return max(met, key=lambda x: x[1].value)[0] if met else None


def respective_tier(sentence: str, amounts: list[Amount]) -> tuple[Amount, Amount] | None:
    """"首次超过1亿元、1.5亿元、2亿元的给予奖励，奖励额度分别参照…的50%、60%、70%确定" for an asker
    told 2亿元 (or "above 200 million"): (2亿元, 70%), the tier the amount reaches and what it pays."""
    from knowledge.extract.figures import find_amounts

    text = normalize(sentence)
    at = text.find("分别")
    if at < 0 or not amounts:
        return None
    values = [a for _, a in find_amounts(re.split(r"[。；;]", text[at:])[0])]
    found = find_amounts(text[:at])
    run: list[Amount] = []  # a run of amounts joined by 、 before 分别, as many as the values after it
    prev_end = 0
    for p, a in found:
        run = [*run, a] if run and text[prev_end:p].strip() == "、" else [a]
        prev_end = p + len(a.text)
        if len(run) == len(values) >= 2:
            break
    if len(run) != len(values) or len(values) < 2:
        return None
    levels = [_absolute(a) for a in run]
    for told in amounts:
        cur, value = _absolute(told)
        tiers = [(i, v) for i, (c, v) in enumerate(levels) if c == cur and cur is not None]
        reached = [(i, v) for i, v in tiers if v is not None and value is not None and v <= value * (1 + 1e-9)]
        if len(tiers) == len(run) and reached:
            i = max(reached, key=lambda x: x[1])[0]
            return run[i], values[i]
    return None


@dataclass(frozen=True)
class Estimate:
    """What a met clause pays for the asker's case: a rate of the amount told, or an amount per
    step of it (每万美元1000元, 每增加1000万元奖励1万元), capped where the clause says so."""

    value: float  # absolute, in `currency`
    currency: str
    base: Amount  # the asker's amount it is computed from
    how: str  # "×2.5%", "÷1000万元×1万元"
    cap: Amount | None = None  # the ceiling that was applied


_STEP = re.compile(r"每(?:增加|新增|增长|多)?\s*((?:[\d.]+\s*)?(?:亿|万|千)?\s*(?:美元|元))")
_CAP = re.compile(r"(?:最高|不超过|封顶|上限)[^，；。\d]{0,6}([\d.]+\s*(?:亿|万|千)?\s*(?:美元|元))")
_GROWTH = re.compile(r"增加|新增|增长|增量|多")


def estimate(incentive, amounts: list[Amount], words: list[str] | None = None) -> Estimate | None:  # noqa: ANN001
    """The sum the clause pays for the amounts the asker told, when it is a rate of one of them or
    an amount per step of one; None when the clause pays a fixed sum or the case gives no base."""
    r = incentive
    told = [x for x in _told(amounts, words) if x[1] in ("CNY", "USD") and x[2]]
    qualifying = []  # the amounts the clause's conditions were checked on are not what it pays on
    for t in _expanded(r.thresholds or []):
        same = [x for x in told if x[1] == _threshold(t)[0]]
        if same:
            qualifying.append(_about(same, str(t.get("what") or "")))
    if not told:
        return None
    if r.benefit_kind == "rate":  # a rate is of what its clause names (按实际投入…10%, 地方综合贡献度的50%):
        base_words = (r.benefit or "").split(r.rate_text or "%")[0]  # an amount told in those words
        told = [x for x in told if raw_bigrams(base_words) & raw_bigrams(x[3]) or not _CJK.search(x[3])]
        if not told:  # (an English asker's words cannot be checked against the Chinese clause)
            return None  # "第一年返40%" of a 增值税留成, "贡献度的50%": nobody told the base
    told = [x for x in told if x not in qualifying] or told
    clause = " ".join([*r.conditions, r.benefit or "", r.per or ""])
    step = _STEP.search(clause)
    if r.benefit_kind == "rate" and r.rate and not r.reduction and r.rate_min is None:
        base = _about(told, (r.benefit or "").split(r.rate_text or "%")[0])
        value, currency, how = base[2] * r.rate / 100, base[1], f"×{r.rate_text or f'{r.rate:g}%'}"
    elif step and r.benefit_kind in ("money", "per_unit") and (r.amount_cny or r.amount_usd):
        unit = parse_amount(step.group(1) if re.match(r"[\d.]", step.group(1)) else "1" + step.group(1))
        unit_cur, unit_value = _absolute(unit) if unit else (None, None)
        same = [x for x in told if x[1] == unit_cur]
        if not unit_value or not same:
            return None
        growth = [x for x in same if _GROWTH.search(x[3])] if _GROWTH.search(step.group(0)) else []
        base = (growth or [_about(same, clause)])[-1]
        steps = int(base[2] // unit_value + 1e-9)
        currency = "USD" if r.amount_usd and not r.amount_cny else "CNY"
        each = r.amount_usd if currency == "USD" else r.amount_cny
        value, how = steps * each, f"÷{unit.text}×{r.amount_text or ''}"
    else:
        return None
    cap = None
    for text in [*r.limits, r.benefit or "", r.source or ""]:
        m = _CAP.search(text)
        found = parse_amount(m.group(1)) if m else None
        if found is not None and _absolute(found)[0] == currency:
            cap = found
            break
    if cap is not None and value > (_absolute(cap)[1] or value):
        return Estimate(_absolute(cap)[1] or value, currency, base[0], how, cap)
    return Estimate(value, currency, base[0], how) if value > 0 else None


_EN_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "half a": 0.5, "half of one": 0.5}  # fmt: skip
_EN_RATE = re.compile(r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half a)\s*(?:percent|per cent|%)\s+of\s+(?:the\s+)?([a-z\- ]{3,40}?)(?=[,.;]|\s+(?:shall|will|is|are|to|for|up|and|in)\b)", re.I)
_EN_CAP = re.compile(r"(?:up to|not (?:more|exceeding) than|maximum(?: reward| subsidy| amount)? of|capped at)\s+(?:a\s+)?(?:maximum\s+(?:reward\s+|subsidy\s+)?of\s+)?((?:RMB|USD|US\$|CNY)?\s?\d+(?:\.\d+)?\s*(?:million|billion|thousand)?\s*(?:yuan|dollars)?)", re.I)


def estimate_en(text: str, amounts: list[Amount]) -> Estimate | None:
    """The sum an English clause pays ("One percent of the actual investment … up to a maximum
    reward of 5 million yuan") for the amount the asker told, in the clause's currency."""
    m = _EN_RATE.search(text)
    told = [x for x in _told(amounts, None) if x[1] in ("CNY", "USD") and x[2]]
    if not m or not told:
        return None
    raw = m.group(1).lower()
    rate = float(raw) if raw[0].isdigit() else float(_EN_NUMBER[raw])
    base = told[-1]
    value = base[2] * rate / 100
    cap_m = _EN_CAP.search(text[m.end() :])
    cap = parse_amount(cap_m.group(1)) if cap_m else None
    if cap is not None and (cap_abs := _absolute(cap))[0] == base[1] and cap_abs[1] and value > cap_abs[1]:
        return Estimate(cap_abs[1], base[1], base[0], f"× {rate:g}%", cap)
    return Estimate(value, base[1], base[0], f"× {rate:g}%") if value > 0 else None
