"""English wording for investors: unit and programme names through the glossary, amounts,
dates, durations and frequencies, and the key facts of a Chinese sentence.

English answers name a unit as "Development and Reform Commission (市发改委)" — the Chinese
official name is what an investor shows at the counter — and state numbers with their units
converted (1.5亿美元 = USD 150 million), never a free translation of the policy.
"""

from __future__ import annotations

import re

from bot.sentences import FLOOR_ZH
from knowledge.amounts import parse_amount
from knowledge.dates import find_dates, human_date
from knowledge.normalize import normalize
from retrieval.glossary import load_glossary

STAGE_EN = {
    "招商": "attracting investors", "洽谈": "in negotiation (talks ongoing)", "方案架构": "scheme structuring",
    "签约": "signed", "审批": "under approval", "在建": "under construction", "投产": "in operation",
}  # fmt: skip
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DURATION = re.compile(r"(?<![\d第])(?!(?:19|20)\d{2}年)(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?\s*(工作日|日|天|个月|月|年|周)(?:内|以内|之内)?")
_DURATION_EN = {"工作日": "working day", "日": "day", "天": "day", "个月": "month", "月": "month", "年": "year", "周": "week"}
_FREQUENCY = {"每年": "per year", "每半年": "every six months", "每季度": "per quarter", "每月": "per month",
              "每人每月": "per person per month", "每人每年": "per person per year", "一次性": "one-off"}  # fmt: skip
_COUNT = re.compile(r"(?<![第\d.])(\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*(?:余|多)?\s*(个|项|家|名|条|张|批|所|次|人|件|户|座|套|台|类|种|位|处)(?!月)")
_DATE_SPAN = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*年\s*\d{1,2}\s*月(?!\s*(?:内|以内|之内))")
_MEASURE_EN = {"平方公里": "km²", "万平方米": "×10,000 m²", "平方米": "m²", "公顷": "hectares", "亩": "mu",
               "万千瓦": "×10,000 kW", "千瓦": "kW", "万吨": "×10,000 tonnes", "吨": "tonnes", "公里": "km",
               "立方米": "m³"}  # fmt: skip
_MEASURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(" + "|".join(_MEASURE_EN) + r")(以上|以下|以内)?")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")
_UNIT_WORDS = re.compile(r"dollar|yuan|million|thousand|hundred|billion|renminbi", re.I)


def en_name(zh: str) -> str:
    """'Development and Reform Commission (市发改委)'; the Chinese name alone when unknown. A
    place's organ is its place's name and the organ's: 金华市人民政府办公室 → 'Jinhua General Office
    of the Municipal People's Government'."""
    glossary = load_glossary()
    en = glossary.to_english(zh) or _placed_organ(zh)
    return f"{en} ({zh})" if en else zh


_PLACE_HEAD = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?=[市省县区州][\u4e00-\u9fff]{2,})")


def _placed_organ(zh: str) -> str | None:
    from knowledge.places import pinyin_of, places_in

    m = _PLACE_HEAD.match(zh)
    if not m or not places_in(m.group(1)):
        return None
    rest = zh[len(m.group(1)) :]
    organ = load_glossary().to_english(rest)
    level = {"区": "District", "县": "County", "省": "Provincial"}.get(rest[0])
    if not organ and level:  # 区人民政府 as 市人民政府 is named, at its own level
        organ = (load_glossary().to_english("市" + rest[1:]) or "").replace("Municipal", level) or None
    if not organ:
        return None
    pinyin = pinyin_of(places_in(m.group(1))[0])
    if not pinyin:
        return None
    place = pinyin.title()
    placed = re.sub(r"\b(Municipal|Provincial|County|District)\b", rf"{place} \1", organ, count=1)
    return placed if placed != organ else f"{place} {organ}"


def gloss(zh: str, limit: int = 4, known: str = "") -> str:
    """English names of the glossary terms in a Chinese phrase, in the order they occur (longest
    match first, non-overlapping): "举办一批国际论坛（展会）" → "international forum, expo". Terms
    whose English the asker already used (`known`) come last: they are not news. A hint, not a
    translation."""
    text = normalize(zh)
    glossary = load_glossary()
    spans: list[tuple[int, str]] = []
    for term in sorted(glossary.zh_to_en, key=len, reverse=True):
        if len(term) < 2:
            continue
        at = text.find(term)
        while at >= 0:
            spans.append((at, glossary.zh_to_en[term][0]))
            text = text[:at] + "\x00" * len(term) + text[at + len(term) :]
            at = text.find(term)
    low = known.lower()
    ordered = [name for _, name in sorted(spans) if not _UNIT_WORDS.search(name)]  # amounts are stated as facts
    fresh = [n for n in dict.fromkeys(ordered) if n.lower() not in low]
    stale = [n for n in dict.fromkeys(ordered) if n.lower() in low]
    return ", ".join((fresh + stale)[:limit])


def with_gloss(zh: str) -> str:
    hint = gloss(zh)
    return f"{zh} ({hint})" if hint else zh


def en_period(period: str) -> str:
    """2023—2025年 → 2023–2025; 2022年1-6月 → Jan–Jun 2022; 2021年 → 2021."""
    m = re.fullmatch(r"(\d{4})年(\d{1,2})[-—–~至到](\d{1,2})月", period)
    if m:
        return f"{_MONTHS[int(m.group(2)) - 1]}–{_MONTHS[int(m.group(3)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})\s*[-—–~至到]+\s*(\d{4})年", period)
    if m:
        return f"{m.group(1)}–{m.group(2)}"
    m = re.fullmatch(r"(?:到|至|截至)?(\d{4})年(?:底|末)?", period)
    return m.group(1) if m else period


def money_words(absolute: float, currency: str) -> str:
    cur = "USD" if currency == "USD" else "RMB" if currency == "CNY" else currency
    if absolute >= 1e9:
        words = f"{absolute / 1e9:g} billion"
    elif absolute >= 1e6:
        words = f"{absolute / 1e6:g} million"
    else:
        words = f"{absolute:,.0f}"
    return f"{cur} {words}"


def en_amount(text: str, value: float | None, unit: str | None, currency: str | None) -> str:
    more = " or more" if text.endswith("以上") else ""
    if unit == "%" and value is not None:
        return f"{value:g}%{more} ({text})"
    if value is not None and unit in ("个", "项", "家", "批", "名", "所"):
        return f"{value:g}{more} ({text})"
    if value is None or not unit or currency not in ("USD", "CNY"):
        return text
    mult = 1e8 if unit.startswith("亿") else 1e4 if unit.startswith("万") else 1.0
    return f"{money_words(value * mult, currency)}{more} ({text})"


def _cn_int(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw == "十":
        return 10
    if len(raw) == 2 and raw[0] == "十":
        return 10 + _CN_DIGIT.get(raw[1], 0)
    if len(raw) >= 2 and raw[1] == "十":
        return _CN_DIGIT.get(raw[0], 0) * 10 + (_CN_DIGIT.get(raw[2], 0) if len(raw) > 2 else 0)
    return _CN_DIGIT.get(raw)


def key_facts(zh: str, limit: int = 6) -> list[str]:
    """Numbers with their units, dates and durations stated in a Chinese text, in English."""
    text = normalize(zh)
    facts: list[str] = []
    rest = text
    pos = 0
    while len(facts) < limit and (a := parse_amount(rest[pos:])):
        at = rest.find(a.text, pos)
        if at < 0:
            break
        pos = at + max(1, len(a.text))
        if a.unit == "%":
            facts.append(f"{a.value:g}% ({a.text})")
        elif a.currency in ("USD", "CNY") and (a.amount_cny or a.amount_usd):
            prefix = "up to " if re.search(r"(?:最高|不超过|最多)\s*$", rest[max(0, at - 6) : at]) else ""
            facts.append(f"{prefix}{money_words(a.amount_usd or a.amount_cny or 0, a.currency)} ({a.text})")
    for m in re.finditer(r"\d+(?:\.\d+)?\s*[:：比]\s*\d+(?:\.\d+)?", text):
        facts.append(f"ratio {m.group(0).replace('：', ':')}")
    # the month and day of a date are not durations or counts ("2027年12月31日" is no "12 months")
    undated = _DATE_SPAN.sub(lambda m: "\x00" * len(m.group(0)), text)
    measured: set[tuple[str, str]] = set()
    for m in _MEASURE.finditer(undated):
        if (m.group(1), m.group(2)) in measured:
            continue  # "6亩以下(不含6亩)" states one size
        measured.add((m.group(1), m.group(2)))
        more = {"以上": " or more", "以下": " or less", "以内": " or less"}.get(m.group(3) or "", "")
        facts.append(f"{m.group(1)} {_MEASURE_EN[m.group(2)]}{more} ({m.group(0)})")
    for m in _LANDLINE.finditer(text):  # an office's number; a mobile is personal and never shown here
        facts.append(f"phone {m.group(0)}")
    for iso in find_dates(text)[:2]:
        facts.append(human_date(iso, "en"))
    for m in _DURATION.finditer(undated):
        n = _cn_int(m.group(1))
        if n is not None:
            facts.append(f"{n} {_DURATION_EN[m.group(2)]}{'s' if n != 1 else ''} ({m.group(0)})")
    for m in _COUNT.finditer(undated):
        n = _cn_int(m.group(1)) if not re.fullmatch(r"\d+(?:\.\d+)?", m.group(1)) else float(m.group(1))
        if n is not None:
            facts.append(f"{n:g} ({m.group(0)})" if isinstance(n, float) else f"{n} ({m.group(0)})")
    for zh_term, en in _FREQUENCY.items():
        if zh_term in text:
            facts.append(en)
    for m in _ADDRESS.finditer(text):
        facts.append(f"address {m.group(1)}")
    for m in FLOOR_ZH.finditer(undated):
        n = _cn_int(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if n:
            facts.append(f"{_ordinal(n)} floor ({m.group(0)})")
    for m in _RANK.finditer(text):
        n = _cn_int(m.group(2))
        if n:
            scope = _SCOPE_EN.get(m.group(1) or "", "")
            facts.append(f"ranked {_ordinal(n)}{scope} ({m.group(0)})")
    return list(dict.fromkeys(facts))[:limit]


# "坐落于中华大街勤政路299号"
_ADDRESS = re.compile(r"(?:坐落于|位于|地址[:：]?)\s*([\u4e00-\u9fff\d]{2,30}?(?:路|街|大道|大街|巷)\d+号)")
_RANK = re.compile(r"(?:位列|位居|排名|排在|名列|居)(全国|全省|全市|全球|世界|全国各省份)?第([一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名)?")
_SCOPE_EN = {"全国": " nationally", "全国各省份": " nationally", "全省": " in the province", "全市": " in the city",
             "全球": " worldwide", "世界": " worldwide"}  # fmt: skip


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_QUOTED = re.compile(r"[“\"]([\u4e00-\u9fff]{2,10})[”\"]")


def quoted_terms(zh: str, limit: int = 3) -> list[str]:
    """Terms a sentence puts in quotation marks (“一事一议”), with their English where the
    glossary knows them: a policy's named arrangements are what an English reader needs named."""
    glossary = load_glossary()
    out = []
    for term in dict.fromkeys(_QUOTED.findall(normalize(zh))):
        en = glossary.to_english(term)
        out.append(f"{term} ({en})" if en else term)  # a named arrangement reads even untranslated
    return out[:limit]


# a body a sentence names: the pieces between verbs and stops that end as a body's name does
_BODY_CUT = re.compile(r"设立|成立|组建|建立|会同|牵头|负责|配合|联合|指导|统筹|协调|[由对向在经据按]|[，；、：。（）()]")
_BODY_END = re.compile(r"(?:委员会|领导小组|专项小组|工作小组|工作组|专班|办公室|管委会|人民政府|局|厅|中心)$")


def bodies(zh: str, limit: int = 3) -> list[str]:
    """The bodies a sentence names, the one that 牵头 (else 负责) first, each with its English name."""
    text = normalize(zh)
    pieces = (p.lstrip("的") for p in _BODY_CUT.split(text))
    found = list(dict.fromkeys(p for p in pieces if 3 <= len(p) <= 18 and _BODY_END.search(p)))
    duty = text.find("牵头") if "牵头" in text else text.find("负责")
    if duty > 0:  # the body named last before the duty does it
        before = [b for b in found if 0 <= text.find(b) < duty]
        if before:
            found.remove(before[-1])
            found.insert(0, before[-1])
    out = []
    for b in found[:limit]:
        named = en_name(b)
        out.append(named if named != b else (f"{g} ({b})" if (g := gloss(b, limit=3)) else b))
    return out


_LIST = re.compile(r"[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12})+(?:和[\u4e00-\u9fff]{2,12})?")
_LEAD_WORD = re.compile(r"^(?:在|对|以|结合|包括|如|围绕|重点|聚焦|推动|发展|支持|鼓励)")
_LATIN = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9&+\-]{1,}|\d+\+[A-Z]+)(?![A-Za-z])")


def listed(zh: str, limit: int = 8) -> list[str]:
    """The items of the longest 、-list in a Chinese text, each with its English where known:
    "集成电路、生物医药" → ["集成电路 (integrated circuit)", "生物医药 (biomedicine)"]."""
    runs = _LIST.findall(normalize(zh))
    if not runs:
        return []
    items = [_LEAD_WORD.sub("", x) for x in re.split(r"、|和", max(runs, key=len))]
    items[-1] = items[-1].split("等")[0]
    items = [x for x in items if 2 <= len(x) <= 10]
    if len(items) < 2:
        return []
    glossary = load_glossary()
    out = []
    for item in items[:limit]:
        en = glossary.to_english(item) or gloss(item, limit=1)
        out.append(f"{item} ({en})" if en else item)
    return out


def sentence_head(zh: str, question: str = "", focus: str = "", who: bool = False) -> str:
    """An English head for a Chinese sentence: its key facts (numbers with units, dates, durations),
    the items it lists, the names in Latin letters it uses (QFLP), and the terms it is about
    (those the question did not already name first). Stated, not translated."""
    # the facts of the clause that answers (`focus`) come first: a long sentence states more
    # facts than a head can hold
    parts = list(dict.fromkeys(key_facts(focus) + key_facts(zh)))[:6] if focus else key_facts(zh)
    named_bodies = bodies(zh) if who else []  # "which body…": the bodies come first
    if named_bodies:
        parts.insert(0, "bodies: " + "; ".join(named_bodies))
    items = listed(zh)
    if items:
        parts.append("listed: " + ", ".join(items))
    quoted = quoted_terms(zh)
    if quoted:
        parts.append("termed: " + ", ".join(quoted))
    latin = [x for x in dict.fromkeys(_LATIN.findall(zh)) if x.lower() not in question.lower() or len(x) >= 3]
    if latin:
        parts.append("named: " + ", ".join(latin[:4]))
    about = gloss(zh, limit=5, known=question + " " + " ".join(items))
    if about:
        parts.append(f"on: {about}")
    if not parts:
        return ""
    return "The source states — " + "; ".join(parts) + "."


def substantive(head: str) -> bool:
    """Whether an English head states something (a fact, a list, a name), not only its topic."""
    return bool(re.search(r"— (?!on:)", head)) or not head.startswith("The source states")


_PER = {"人": "person", "月": "month", "年": "year", "平方米": "square metre", "亩": "mu", "张床位": "bed", "床位": "bed",
        "床": "bed", "家": "company", "个": "item", "万美元": "USD 10,000", "万元": "RMB 10,000", "吨": "tonne", "台": "unit",
        "次": "time", "项": "item", "户": "household", "名": "person", "辆": "vehicle", "套": "set"}  # fmt: skip
_FREQ_EN = {"one-off": "a one-off", "yearly": "a yearly", "monthly": "a monthly"}


def per_en(per: str) -> str:
    """每人每月 → per person per month; 每万美元 → per USD 10,000."""
    parts = [p for p in per.split("每") if p]
    return " ".join("per " + _PER.get(p, p) for p in parts)


def incentive_en(r) -> str:  # noqa: ANN001 - knowledge.models.Incentive
    """"a one-off subsidy of up to RMB 5 million (500万元) — 中试平台创建补贴 (pilot platform); for: …"."""
    amount = ""
    if r.amount_value is not None and r.amount_unit and r.currency in ("USD", "CNY"):
        absolute = r.amount_usd or r.amount_cny
        amount = f"{money_words(absolute, r.currency)} ({r.amount_text})" if absolute else (r.amount_text or "")
        if r.amount_min is not None:
            amount = f"{r.amount_min:g}–{amount}"
    elif r.rate_text or r.rate is not None:
        amount = r.rate_text or f"{r.rate:g}%"
        amount += " reduction" if r.reduction else ""
    if amount and r.per:
        amount += " " + per_en(r.per)
    if not amount:
        amount = f"{with_gloss(r.benefit)} (no amount stated)"
    cap = "up to " if r.cap and not amount.startswith(("up to", "RMB", "USD")) else ("up to " if r.cap else "")
    freq = _FREQ_EN.get(r.frequency or "", "")
    years = f", for {r.years} years" if r.years else ""
    what = with_gloss(r.title) if r.title else "benefit"
    head = f"{(freq + ' ') if freq else ''}{what}: {cap}{amount}{years}"
    if r.beneficiary:
        head += f"; for: {with_gloss(r.beneficiary)}"
    return head + "."
