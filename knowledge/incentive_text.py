"""An incentive record said in one line, in Chinese or English, for the answer layer.

`describe_zh` restates the record in the document's own words ("一次性补助最高500万元（经认定
的市级中试平台）"); `describe_en` renders the same facts in English with every amount also in
its printed form, so a reader can check it against the source: "a one-off subsidy of up to
RMB 5 million (500万元)". Nothing is invented: an unstated amount is said to be unstated.
"""

from __future__ import annotations

import re

from knowledge.models import Incentive

# benefit words → English nouns, longest first
_NOUNS: list[tuple[str, str]] = [
    ("服务券", "service vouchers"), ("创新券", "innovation vouchers"), ("贴息", "interest subsidy"),
    ("风险补偿", "risk compensation"), ("奖补", "award"), ("津贴", "allowance"), ("奖金", "bonus"),
    ("返还", "refund"), ("资助", "grant"), ("补贴", "subsidy"), ("补助", "subsidy"), ("奖励", "reward"),
    ("扶持", "financial support"), ("支持", "financial support"), ("贷款", "loan"),
]  # fmt: skip
_FREQ_EN = {"one-off": "one-off", "yearly": "a year", "monthly": "a month"}
_FREQ_ZH = {"one-off": "一次性", "yearly": "每年", "monthly": "每月"}
_PER_EN = {"人": "person", "名": "person", "户": "household", "家": "enterprise", "个": "unit", "间": "room",
           "块": "rink", "张": "bed", "床": "bed", "亩": "mu", "平方米": "square metre", "年": "year",
           "月": "month", "夜": "night", "天": "day", "万美元": "USD 10,000", "万元": "RMB 10,000",
           "学科": "discipline", "企业": "enterprise", "单位": "organisation", "项目": "project",
           "品种": "product", "次": "time", "人次": "visit"}  # fmt: skip
_CURRENCY = {"CNY": "RMB", "USD": "USD", "EUR": "EUR", "HKD": "HKD"}


def money_en(absolute: float, currency: str | None) -> str:
    """5e6, CNY → "RMB 5 million"; 300000 → "RMB 300,000"; 1.5e8 USD → "USD 150 million"."""
    cur = _CURRENCY.get(currency or "CNY", currency or "RMB")
    if absolute >= 1e9:
        return f"{cur} {absolute / 1e9:g} billion"
    if absolute >= 1e6:
        return f"{cur} {absolute / 1e6:g} million"
    return f"{cur} {absolute:,.0f}" if absolute == int(absolute) else f"{cur} {absolute:,.2f}"


def noun_en(inc: Incentive) -> str:
    text = f"{inc.title}{inc.benefit}"
    return next((en for zh, en in _NOUNS if zh in text), "benefit")


def _per_en(per: str | None) -> str:
    """ "每人每月" → "per person per month"; "每万美元" → "per USD 10,000"; "每满一万人" → "for every 10,000 people"."""
    if not per:
        return ""
    if per.startswith("每满"):
        return "for every " + per[2:].replace("一万人", "10,000 people").replace("万人", "0,000 people")
    parts = [p for p in per.split("每") if p]
    out = []
    for p in parts:
        unit = p.lstrip("个")
        out.append("per " + _PER_EN.get(p, _PER_EN.get(unit, p)))
    return " ".join(out)


def _amount_en(inc: Incentive) -> str:
    if inc.amount_cny is None and inc.amount_usd is None:
        return ""
    absolute = inc.amount_cny if inc.amount_cny is not None else inc.amount_usd or 0.0
    text = money_en(absolute, inc.currency)
    if inc.amount_min is not None and inc.amount_value:
        low = absolute * inc.amount_min / inc.amount_value
        text = f"{money_en(low, inc.currency)}–{text.split(' ', 1)[1]}"
    return f"{text} ({inc.amount_text})" if inc.amount_text else text


def _rate_en(inc: Incentive) -> str:
    if inc.rate is None:
        return ""
    printed = inc.rate_text or f"{inc.rate:g}%"
    if re.match(r"1\s*[:：比]", printed):
        return f"matching at {printed}"
    if inc.rate_min is not None:
        return f"{inc.rate_min:g}%–{inc.rate:g}%"
    return f"{inc.rate:g}%"


_CEILING = re.compile(r"不超过|不高于|降至|下降至|下浮至")
_UNCOUNTABLE = {"financial support", "service vouchers", "innovation vouchers", "risk compensation"}


def _article(noun: str, one_off: bool) -> str:
    if noun in _UNCOUNTABLE:
        return f"one-off {noun}" if one_off else noun
    if one_off:
        return f"a one-off {noun}"
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


_SCHEDULE = re.compile(r"^第(?:一|1)(?:个)?年")
_YEAR_STEP = re.compile(r"第([一二三四五六七八九十]|\d{1,2})(?:个)?年[^，,；;\d]{0,6}?(\d+(?:\.\d+)?%)")
_CN_NUM = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def schedule_en(benefit: str) -> str:
    """"第一年返50%，第二年返40%" → "50% in year 1, 40% in year 2"; "" when it is no schedule."""
    if not _SCHEDULE.match(benefit):
        return ""
    steps = [(int(n) if n.isdigit() else _CN_NUM[n], rate) for n, rate in _YEAR_STEP.findall(benefit)]
    return ", ".join(f"{rate} in year {n}" for n, rate in steps) if len(steps) >= 2 else ""


def describe_en(inc: Incentive) -> str:
    """One English line: what is paid, how much, how often, for how long, for whom."""
    noun = noun_en(inc)
    freq = inc.frequency
    head = _article(noun, freq == "one-off")
    amount, rate = _amount_en(inc), _rate_en(inc)
    per_has_period = bool(inc.per and re.search(r"每(?:年|月)", inc.per))
    if inc.reduction and _CEILING.search(inc.benefit):
        what = f"a charge capped at {rate or 'the stated level'} ({inc.benefit})"
    elif inc.benefit_kind == "in_kind":
        if inc.reduction and inc.rate is not None:
            what = f"a {inc.rate:g}% reduction ({inc.benefit})"
        elif inc.reduction or re.search(r"免", inc.benefit):
            what = f"a waiver or reduction of charges ({inc.benefit})"
        elif "优先" in inc.benefit:
            what = f"priority treatment ({inc.benefit})"
        else:
            what = f"a benefit in kind ({inc.benefit})"
    elif inc.benefit_kind == "unspecified":
        what = f"{head} (amount not stated: {inc.benefit})"
    elif inc.benefit_kind == "rate":
        if inc.reduction:
            what = f"a {rate} reduction ({inc.benefit})"
        elif rate.startswith("matching"):
            what = f"{head} {rate} ({inc.benefit})"
        elif schedule_en(inc.benefit):
            what = f"{head} of {schedule_en(inc.benefit)} ({inc.benefit})"
        else:
            what = f"{head} of {rate} ({inc.benefit})"
        if amount:
            what += f", up to {amount}" if inc.cap else f", {amount}"
    else:
        per = _per_en(inc.per)
        size = f"up to {amount}" if inc.cap else amount
        what = f"{head} of {size}{' ' + per if per else ''}"
    if freq in ("yearly", "monthly") and inc.benefit_kind != "in_kind" and not per_has_period:
        what += f" {_FREQ_EN[freq]}"
    if inc.years:
        what += f" for {inc.years} year{'s' if inc.years > 1 else ''}"
    if inc.beneficiary:
        what += f" — for {inc.beneficiary}"
    return what[0].upper() + what[1:]


# what a rate is of: "按实际完成固定资产投资额2‰给予奖励", "参照其当年形成地方综合贡献度的50%确定",
# "给予市场平均价首年租费30%的一次性补贴"; a cap or a frequency before the rate is no base
_BASE_LEAD = re.compile(r"(?:按照|按|参照|依照|依据|根据|给予|返还)(?:其)?")
_BASE_TRIM = re.compile(r"^(?:不高于|不超过|不低于|最高|最多|其)+|(?:的|给予|予以|计|计算|进行|按|不高于|不超过)+$")
_NO_BASE = re.compile(r"\d|^每|降低|下调|提高|比例$|标准$|额度$")


def rate_base(benefit: str, rate: str) -> str:
    """The amount a rate is taken of, as printed ("实际完成固定资产投资额"); "" when the clause
    does not say ("补贴80%") or the phrase before the rate is no amount (每年, 比例)."""
    if re.search(r"[:：比]", rate):  # a matching ratio (1:0.5) is of another grant, told as such
        return ""
    before = re.sub(r"（[^（）]*）|\([^()]*\)", "", benefit.split(rate, 1)[0])
    before = re.split(r"[，,；;。：:]", before)[-1]
    for lead in reversed(list(_BASE_LEAD.finditer(before))):  # the nearest lead that names an amount
        base = _BASE_TRIM.sub("", before[lead.end() :]).strip()
        if 2 <= len(base) <= 24 and not _NO_BASE.search(base):
            return base
    return ""


def describe_zh(inc: Incentive) -> str:
    """一行中文：按原文的金额、频次和期限说明给什么、给谁，如 "创建补贴：一次性最高500万元（新组建中试平台）"."""
    parts: list[str] = []
    if inc.benefit_kind in ("money", "per_unit") and inc.amount_text:
        per = inc.per or ""
        freq = "" if re.search(r"每(?:年|月)", per) else _FREQ_ZH.get(inc.frequency or "", "")
        parts.append(f"{freq}{per}{'最高' if inc.cap else ''}{inc.amount_text}")
    elif inc.benefit_kind == "rate" and _SCHEDULE.match(inc.benefit):
        parts.append(inc.benefit)  # "第一年返50%，第二年返40%…": the schedule is the benefit
    elif (
        inc.benefit_kind == "rate"
        and inc.rate is not None
        and not (inc.reduction and _CEILING.search(inc.benefit))
    ):
        rate = inc.rate_text or f"{inc.rate:g}%"
        base = "" if inc.reduction else rate_base(inc.benefit, rate)
        text = f"{'降低' if inc.reduction and '降' not in inc.benefit else ''}{base + '的' if base else ''}{rate}"
        if inc.amount_text:
            text += (
                f"，{'每年' if inc.frequency == 'yearly' else ''}{'最高' if inc.cap else ''}{inc.amount_text}"
            )
        parts.append(text)
    else:
        parts.append(inc.benefit)
    if inc.years and not _SCHEDULE.match(inc.benefit):
        parts.append(f"连续{inc.years}年")
    body = "，".join(parts)
    line = body if inc.title and inc.title in body else f"{inc.title}：{body}" if inc.title else body
    return f"{line}（{inc.beneficiary}）" if inc.beneficiary else line
