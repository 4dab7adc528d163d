"""What an incentive clause pays: money amounts, rates, per-unit amounts, caps, periods, treatments.

Only amounts with a currency count as payouts ("一万元", "100万元", "1000万美元"): a bare
"一万人" or "50张" is a count, never money. Rates are percentages (50%, 2‰ → 0.2) or the
second term of a ratio (1:0.5 → 0.5). A range ("5%—20%", "10万元—100万元") keeps its upper
bound as the value and the lower bound in `low`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.amounts import Amount, chinese_number, parse_amount

NUM = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_MULT = r"(?:十亿|亿|千万|百万|十万|万|千)?"
_CUR = r"(?:美元|美金|元人民币|元|欧元|港元|港币)"
MONEY = re.compile(rf"({NUM})\s*(?:余|多)?\s*({_MULT})\s*({_CUR})(?:人民币)?")
_DASH = r"\s*(?:—|–|-|~|～|至|到)+\s*"
_MONEY_RANGE = re.compile(rf"({NUM})\s*({_MULT})\s*(?:{_CUR})?{_DASH}({NUM})\s*({_MULT})\s*({_CUR})")
_PCT = re.compile(rf"({NUM})\s*(?:%|％)(?:{_DASH}({NUM})\s*(?:%|％))?|({NUM}){_DASH}({NUM})\s*(?:%|％)")
_PERMILLE = re.compile(rf"({NUM})\s*‰")
_RATIO = re.compile(r"(?<![\d.])1\s*[:：比]\s*(\d+(?:\.\d+)?)(?![\d.])")
_CAP_BEFORE = re.compile(
    r"(?:最高(?:不超过|可达|补助|补贴|奖励|支持|资助)?|不超过|不高于|上限为?(?:每年)?|封顶|最多)\s*(?:金额|额度)?\s*(?:为)?\s*$"
)
_FLOOR_BEFORE = re.compile(r"(?:不低于|不少于|最低)\s*$")
_QUALIFIER_AFTER = re.compile(r"^\s*（([^（）]{1,8})）")
_UNIT = (
    r"(?:平方米|人次|学科|企业|单位|平台|项目|品种|季度|平米|人|名|户|家|个|间|块|张|床|亩|吨|台|套|辆|项|件|批|场|次"
    r"|夜|天|月|年)"
)
# 每人每月600元, 每万美元1000元, 每间奖励2000元, 按每名1000元, 每满一万人奖励一万元, 每个学科500万元
_PER_PREFIX = re.compile(
    rf"(每(?:满)?(?:{NUM})?\s*(?:万|千)?(?:个|家|位)?(?:美元|元|{_UNIT})(?:每(?:年|月|季度|天|夜|次))?)"
    rf"(?:[^，。；0-9最不]{{0,6}})$"
)
_PER_SUFFIX = re.compile(rf"^\s*/\s*({_UNIT})(?:\s*/\s*({_UNIT}))?")
_PERIOD_UNITS = {"年": "yearly", "月": "monthly"}


@dataclass(frozen=True)
class Value:
    """One payable value inside a benefit clause, with where it sits (offsets into the clause)."""

    start: int
    end: int
    text: str  # as printed: "500万元", "30%", "1:0.5", "5%—20%"
    kind: str  # money | rate
    amount: Amount | None = None  # money (the upper bound of a range)
    rate: float | None = None  # percent (50 for 50%) or a ratio's second term
    low: float | None = None  # a range's lower bound, in the value's own unit (万元 / %)
    cap: bool = False  # 最高 / 不超过 / 上限 before it
    floor: bool = False  # 不低于 before it
    per: str | None = None  # 每人每月, 每万美元, 每亩
    qualifier: str | None = None  # a bracket right after: 500万元（国家级）
    frequency: str | None = None  # from a "/年" suffix


def _num(raw: str) -> float | None:
    raw = raw.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return chinese_number(raw)


def _money(text: str) -> Amount | None:
    amount = parse_amount(text)
    return amount if amount and amount.currency else None


def find_values(clause: str) -> list[Value]:
    """Every money amount and rate in `clause`, left to right, with cap/per/qualifier context."""
    found: list[Value] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _MONEY_RANGE.finditer(clause):
        high = _money(f"{m[3]}{m[4]}{m[5]}")
        low = _num(m[1])
        if high and low is not None and free(m.start(), m.end()):
            low_mult = m[2] or m[4]
            low_abs = _money(f"{m[1]}{low_mult}{m[5]}")
            low_v = low_abs.value if low_abs and low_abs.unit == high.unit else low
            found.append(_context(clause, Value(m.start(), m.end(), m[0], "money", amount=high, low=low_v)))
            taken.append((m.start(), m.end()))
    for m in MONEY.finditer(clause):
        if not free(m.start(), m.end()):
            continue
        amount = _money(m[0])
        if amount:
            found.append(_context(clause, Value(m.start(), m.end(), m[0], "money", amount=amount)))
            taken.append((m.start(), m.end()))
    for m in _PCT.finditer(clause):
        if not free(m.start(), m.end()):
            continue
        if m[3] is not None:  # 5—20%
            low, high = _num(m[3]), _num(m[4])
        else:
            low, high = (_num(m[1]), _num(m[2])) if m[2] else (None, _num(m[1]))
        if high is None:
            continue
        found.append(_context(clause, Value(m.start(), m.end(), m[0], "rate", rate=high, low=low)))
        taken.append((m.start(), m.end()))
    for m in _PERMILLE.finditer(clause):
        v = _num(m[1])
        if v is not None and free(m.start(), m.end()):
            found.append(_context(clause, Value(m.start(), m.end(), m[0], "rate", rate=round(v / 10, 6))))
            taken.append((m.start(), m.end()))
    for m in _RATIO.finditer(clause):
        if free(m.start(), m.end()):
            found.append(_context(clause, Value(m.start(), m.end(), m[0], "rate", rate=float(m[1]))))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda v: v.start)


def _context(clause: str, v: Value) -> Value:
    before, after = clause[: v.start], clause[v.end :]
    cap = bool(_CAP_BEFORE.search(before[-8:]))
    floor = bool(_FLOOR_BEFORE.search(before[-4:]))
    per, frequency, end = None, None, v.end
    if v.kind == "money":
        sm = _PER_SUFFIX.match(after)
        if sm:
            units = [u for u in (sm[1], sm[2]) if u]
            frequency = next((_PERIOD_UNITS[u] for u in units if u in _PERIOD_UNITS), None)
            per_units = [u for u in units if u not in _PERIOD_UNITS]
            per = "每" + "每".join(per_units) if per_units else None
            end = v.end + sm.end()
        else:
            pm = _PER_PREFIX.search(before[-16:])
            if pm:
                per = pm[1].replace("满", "") if not re.match(r"每满", pm[1]) else pm[1]
                if re.fullmatch(r"每(?:年|月)", per):  # 每年200万元 is a frequency, not a unit
                    frequency, per = _PERIOD_UNITS[per[1]], None
    qm = _QUALIFIER_AFTER.match(clause[end:])
    qualifier = qm[1] if qm and not re.search(r"\d|含|以上|以下", qm[1]) else None
    return Value(
        v.start,
        end,
        clause[v.start : end],
        v.kind,
        v.amount,
        v.rate,
        v.low,
        cap,
        floor,
        per,
        qualifier,
        frequency,
    )


# --- treatments, periods, nouns -------------------------------------------------------

# A treatment in kind: fee waivers, halved fees, priority. Verb-first forms only, so a noun
# phrase listing policy areas ("费用减免、用地指标保障") is not read as a waiver.
IN_KIND = re.compile(
    r"免收|免征|免交|免缴|免除[^，。；]{0,14}(?:费|税|保证金)|一律免|减半(?:收取|征收|缴纳|计收)?|减免(?![、等，。；])|减按"
    r"|免费(?:提供|检测|寄送|使用|办理|培训)|实行免费|(?:收费|费率|费用|征收标准|收取标准|标准)[^，。；]{0,12}(?:降低|下调|下浮)"
    r"|(?:降低|下调|下浮)[^，。；]{0,10}(?:收费|费率|收费标准|征收标准)|(?:降低|下调|下浮)\d+(?:\.\d+)?[%％]"
    r"|优先(?:解决|安排|保障|供地|供应|支持|办理|报关|报检|租赁|组织|推荐|考虑|提供|发放|立项|享受|列入|纳入|审批)"
    r"|(?:费率|收费标准|收费|利率)[^，。；]{0,8}(?:不超过|不高于|降至|下降至|下浮至)"
    r"|用地优先|绿卡待遇|免租|租金减免|减免租金|(?:享受|给予)[^，。；]{0,10}(?:费|租|价)[^，。；]{0,2}优惠(?!政策)"
)
_REDUCTION = re.compile(r"减半|降低|下调|下浮|减按|减免|免|不超过|不高于|降至|下降至")
_ONE_OFF = re.compile(r"一次性")
_YEARLY = re.compile(r"每年|年度|每个年度|按年|逐年|/年")
_MONTHLY = re.compile(r"每月|按月|/月")
_YEARS = [
    re.compile(r"为期\s*(\d+|[一二两三四五六七八九十]+)\s*年"),
    re.compile(r"连续(?:享受|奖励|补助|补贴|给予)?\s*(\d+|[一二两三四五六七八九十]+)\s*年"),
    re.compile(r"(?:前|后)(\d+|[一二两三四五六七八九十]+)\s*年"),
    re.compile(r"(?:起|之日起)\s*(\d+|[一二两三四五六七八九十]+)\s*年内(?!最多|不得|只)"),
    re.compile(
        r"给予[\u4e00-\u9fff]{0,6}?(\d+|[一二两三四五六七八九十]+)\s*年(?:\s*\d|[^内，。；]{0,4}(?:奖励|补助|补贴|支持))"
    ),
    re.compile(r"(?:补贴|补助|奖励|扶持)(?:时间|期限)为?\s*(\d+|[一二两三四五六七八九十]+)\s*年"),
    # a tax holiday: "转制为企业后，五年内免征企业所得税"
    re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*年内\s*(?=免征|免收|免予|减半|减征|减按)"),
]


def frequency_of(text: str) -> str | None:
    if _ONE_OFF.search(text):
        return "one-off"
    if _MONTHLY.search(text):
        return "monthly"
    if _YEARLY.search(text):
        return "yearly"
    return None


def years_of(text: str) -> int | None:
    for rx in _YEARS:
        m = rx.search(text)
        if m:
            n = _num(m.group(1))
            if n and 0 < n <= 20:
                return int(n)
    return None


def in_kind_of(text: str) -> tuple[str, bool] | None:
    """(the treatment as printed, whether it reduces a charge) or None."""
    m = IN_KIND.search(text)
    if not m:
        return None
    return m.group(0), bool(_REDUCTION.search(m.group(0)))


BENEFIT_NOUN = r"(?:奖励|补助|补贴|资助|奖补|扶持|支持|风险补偿|返还|贴息|津贴|奖金|服务券|创新券)"
_NOUN_PHRASE = re.compile(rf"([\u4e00-\u9fff]{{0,12}}?{BENEFIT_NOUN}+)")
_NOUN_CUT = re.compile(
    r"^.*(?:给予|予以|提供|发放|申请|享受|进行|的|按|为|对|最高|每[\u4e00-\u9fff]{0,2}?(?:年|月|人|名|个|家|间|块|亩))"
)
_NOUN_TRIM = re.compile(r"^(?:并|再|另|可|分别|一次性|按规定|适当|一定|企业|单位|财政|资金后|满|当年)+")
GENERIC_NOUNS = {"奖励", "补助", "补贴", "支持", "资金支持", "扶持", "奖补", "资助", "资金补助", "财政补助", "奖励支持",
                 "资金扶持", "补偿", "财政支持", "返还", "奖励返还", "配套支持", "财政扶持"}  # fmt: skip


def benefit_noun(payload: str) -> str | None:
    """The benefit's own name in the clause: "一次性吸纳就业补贴", "运营补贴", "风险补助"."""
    best = None
    for m in _NOUN_PHRASE.finditer(
        re.sub(rf"{NUM}\s*{_MULT}\s*{_CUR}(?:/[\u4e00-\u9fff]{{1,2}})*|{NUM}\s*[%％‰]", "，", payload)
    ):
        phrase = _NOUN_TRIM.sub("", _NOUN_CUT.sub("", m.group(1)))
        if len(phrase) >= 2:
            best = phrase
    return best
