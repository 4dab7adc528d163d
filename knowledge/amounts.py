"""Money and percentage amounts as printed in Chinese (and English) government text.

Staff ask "which projects over 1亿美元…", so every amount is also stored as an absolute
USD or CNY figure; the printed value and unit are kept for quoting. A bare 万/亿 with no
currency is read as yuan, the convention of Chinese government documents, unless the
caller's context (e.g. a column header "总投资(万美元)") says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MULT = {"": 1.0, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "十亿": 1e9}
_EN_MULT = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
}  # fmt: skip
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}

_NUM = r"(?P<num>\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_CN_RE = re.compile(
    _NUM
    + r"\s*(?:余|多)?\s*(?P<mult>十亿|亿|千万|百万|十万|万)?\s*(?:余|多)?\s*(?P<cur>美元|美金|元人民币|元|欧元|港元|港币)"
    r"|" + _NUM.replace("num", "num2") + r"\s*(?:余|多)?\s*(?P<mult2>十亿|亿|千万|百万|十万|万)(?![美元])"
    r"|(?P<num3>\d+(?:\.\d+)?)\s*(?P<pct>%|％|个百分点)"
)
_EN_PREFIX_RE = re.compile(
    r"(?P<cur>US\s?\$|USD|US dollars?|\$|RMB|CNY|¥|￥|人民币)\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(?P<mult>thousand|million|billion|mn|bn|mio|亿|万|[kmb](?![a-z]))?",
    re.IGNORECASE,
)
_EN_SUFFIX_RE = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<mult>thousand|million|billion|mn|bn)?\s*"
    r"(?P<cur>US dollars?|U\.S\. dollars?|dollars?|USD|RMB|yuan|CNY)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    text: str  # as printed
    value: float  # in `unit`
    unit: str  # 万美元, 亿美元, 美元, 万元, 亿元, 元, %, ...
    currency: str | None  # USD, CNY, EUR, HKD or None
    amount_usd: float | None = None  # absolute
    amount_cny: float | None = None  # absolute


def chinese_number(text: str) -> float | None:
    """二〇二三 → 2023 (digit by digit), 三千五百 → 3500, 一点五 → 1.5; None if not a numeral."""
    if not text:
        return None
    if "点" in text:
        whole, frac = text.split("点", 1)
        w = chinese_number(whole) if whole else 0.0
        digits = "".join(str(_CN_DIGITS.get(c, "")) for c in frac)
        return None if w is None or len(digits) != len(frac) else float(f"{int(w)}.{digits}")
    if all(c in _CN_DIGITS for c in text):  # 二〇二三
        return float("".join(str(_CN_DIGITS[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c in _CN_DIGITS:
            current = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            total += (current or 1) * _CN_SMALL[c]
            current = 0
        else:
            return None
    return float(total + current)


def _number(raw: str) -> float | None:
    raw = raw.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return chinese_number(raw)


def _currency(word: str) -> str | None:
    w = word.lower().replace(" ", "")
    if w in (
        "美元",
        "美金",
        "usd",
        "us$",
        "$",
        "usdollar",
        "usdollars",
        "u.s.dollar",
        "u.s.dollars",
        "dollar",
        "dollars",
    ):
        return "USD"
    if w in ("元", "元人民币", "人民币", "rmb", "cny", "¥", "￥", "yuan"):
        return "CNY"
    return {"欧元": "EUR", "港元": "HKD", "港币": "HKD"}.get(word)


def _build(text: str, value: float, mult: str, currency: str | None) -> Amount:
    factor = _MULT[mult]
    absolute = value * factor
    # Fold 千万/百万/十万 into 万 so units compare: "5千万美元" → 5000 万美元.
    if mult in ("十万", "百万", "千万"):
        value, mult = absolute / 1e4, "万"
    elif mult == "十亿":
        value, mult = absolute / 1e8, "亿"
    name = {"USD": "美元", "CNY": "元", "EUR": "欧元", "HKD": "港元"}.get(currency or "", "")
    return Amount(
        text=text.strip(),
        value=value,
        unit=f"{mult}{name}",
        currency=currency,
        amount_usd=absolute if currency == "USD" else None,
        amount_cny=absolute if currency == "CNY" else None,
    )


def _english(m: re.Match[str]) -> Amount | None:
    value = _number(m["num"])
    currency = _currency(m["cur"])
    if value is None or currency is None:
        return None
    mult = (m["mult"] or "").lower()
    absolute = value * (_EN_MULT.get(mult) or _MULT.get(mult, 1.0))
    # Express in the Chinese unit a comparison table would use: 8.96 billion → 89.6 亿美元.
    unit = "亿" if absolute >= 1e8 else "万" if absolute >= 1e4 else ""
    return _build(m.group(0), absolute / _MULT[unit], unit, currency)


# what a bare 万/亿 counts when it is not money: areas, weights, power, people, things
_MEASURED = re.compile(
    r"\s*(?:余|多)?\s*(?:平方(?:公里|米|千米)|平米|㎡|亩|公顷|吨|千瓦|千伏安|公里|米|立方|平(?!台)|标箱|TEU|人次|人(?!民币)|户|辆|台|套|张|床|"
    r"头|只|株|件|册|条|部|座|间|千瓦时|度|kW|m)"
)


def parse_amount(text: str | None, default_unit: str | None = None) -> Amount | None:
    """The first amount in `text`, or None.

    `default_unit` (e.g. "万美元" from a column header) applies to a bare number ("8000")
    and gives the currency to a bare 万/亿 ("1.2亿" under a 美元 header).
    """
    if not text or not text.strip():
        return None
    found: list[tuple[int, Amount]] = []
    for m in _CN_RE.finditer(text):
        if m["num2"] is not None and _MEASURED.match(text, m.end()):
            continue  # "15万平方米", "3.5万吨", "1.2万人": a count of something, not money
        amount = _chinese(m, default_unit)
        if amount:
            found.append((m.start(), amount))
        break
    for rx in (_EN_PREFIX_RE, _EN_SUFFIX_RE):
        em = rx.search(text)
        if em:
            amount = _english(em)
            if amount:
                found.append((em.start(), amount))
    if found:
        return min(found, key=lambda f: f[0])[1]
    if default_unit:
        bare = re.fullmatch(r"\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*", text)
        if bare:
            value = _number(bare.group(1))
            if value is not None:
                return _from_unit(text, value, default_unit)
    return None


def _chinese(m: re.Match[str], default_unit: str | None) -> Amount | None:
    if m["num3"] is not None:
        unit = "%" if m["pct"] in ("%", "％") else m["pct"]
        return Amount(text=m.group(0), value=float(m["num3"]), unit=unit, currency=None)
    if m["num"] is not None:
        value = _number(m["num"])
        if value is None:
            return None
        return _build(m.group(0), value, m["mult"] or "", _currency(m["cur"]))
    value = _number(m["num2"])
    if value is None:
        return None
    currency = _unit_currency(default_unit) or "CNY"
    return _build(m.group(0), value, m["mult2"], currency)


def _unit_currency(unit: str | None) -> str | None:
    if not unit:
        return None
    if "美元" in unit or "美金" in unit or "USD" in unit.upper():
        return "USD"
    if "元" in unit or "RMB" in unit.upper() or "CNY" in unit.upper():
        return "CNY"
    return None


def _from_unit(text: str, value: float, unit: str) -> Amount | None:
    """A bare number under a unit header: "8000" with "万美元"."""
    if unit in ("%", "％"):
        return Amount(text=text.strip(), value=value, unit="%", currency=None)
    currency = _unit_currency(unit)
    mult = next((k for k in sorted(_MULT, key=len, reverse=True) if k and unit.startswith(k)), "")
    if currency is None:
        return None
    amount = _build(text, value, mult, currency)
    return amount


def unit_from_header(header: str) -> str | None:
    """The unit given in a column header: "总投资(万美元)" / "投资额（亿元）" → "万美元" / "亿元"."""
    m = re.search(r"[（(\[【]\s*([^）)\]】]*?(?:美元|美金|元|%|％)(?:人民币)?)\s*[）)\]】]", header)
    if m:
        return m.group(1).replace("人民币", "").replace("美金", "美元").strip() or None
    m = re.search(r"((?:十亿|亿|千万|百万|万)?(?:美元|美金|元))\s*$", header)
    return m.group(1).replace("美金", "美元") if m else None


# Measured quantities a condition may be stated in (过户土地面积30亩以上, 建筑面积1万平方米以上),
# each unit with its English names; the value is kept in the unit, 万 folded in.
_MEASURES = {"亩": ("mu",), "平方米": ("square metres", "square meters", "sq m", "m²", "㎡", "平米"),
             "公顷": ("hectares", "ha"), "吨": ("tons", "tonnes", "t")}  # fmt: skip
_MEASURE_NAMES = {name: unit for unit, names in _MEASURES.items() for name in (unit, *names)}
_QUANTITY = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<mult>万)?\s*(?P<unit>"
    + "|".join(sorted((re.escape(n) for n in _MEASURE_NAMES), key=len, reverse=True))
    + r")(?![A-Za-z])",
    re.I,
)


def find_quantities(text: str) -> list[tuple[int, Amount]]:
    """Measured quantities with their offsets, as Amounts of no currency ("35亩", "35 mu",
    "1.5万平方米" = 15000 平方米): a case told in mu meets a clause's 亩 tiers."""
    out = []
    for m in _QUANTITY.finditer(text):
        value = _number(m["num"])
        unit = _MEASURE_NAMES.get(m["unit"]) or _MEASURE_NAMES.get(m["unit"].lower())
        if value is None or unit is None:
            continue
        value *= 1e4 if m["mult"] else 1.0
        out.append((m.start(), Amount(text=m.group(0).strip(), value=value, unit=unit, currency=None)))
    return out


MEASURE_UNITS = frozenset(_MEASURES)


def money_zh(absolute: float, currency: str | None) -> str:
    """An absolute sum as Chinese documents print it: 1.5亿美元, 16万元, 800元."""
    unit = "美元" if currency == "USD" else "元"
    return f"{absolute / 1e8:g}亿{unit}" if absolute >= 1e8 else f"{absolute / 1e4:g}万{unit}" if absolute >= 1e4 else f"{absolute:g}{unit}"


# "3000-5000万元", "10至50亿元": a range printed with its unit once, on the upper bound
_SHARED_UNIT = re.compile(
    r"(?<![\d.,])(\d+(?:\.\d+)?)\s*(—|–|-|~|～|至|到)\s*(\d+(?:\.\d+)?)\s*"
    r"((?:十亿|亿|千万|百万|万|千)?\s*(?:美元|元)|万?平方米|亩|公顷|万?吨)"
)


def spread_range_unit(text: str) -> str:
    """Give a range's lower bound the unit printed once after the upper one, so both bounds read
    as amounts: "3000-5000万元" → "3000万元-5000万元". A year range (2023—2025年) has no such unit."""
    return _SHARED_UNIT.sub(lambda m: f"{m[1]}{m[4]}{m[2]}{m[3]}{m[4]}", text)
