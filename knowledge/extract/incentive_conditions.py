"""Who qualifies for an incentive: thresholds, case qualifiers, the beneficiary, enumerated tiers.

A clause often pays several tiers at once ("对初次认定为国家、省级企业技术中心的企业，分别给予
100万元、30万元奖励"): `find_runs` finds the enumerated items so each amount is paired with
its own tier, and `substitute` rewrites the condition for one tier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from knowledge.amounts import parse_amount, spread_range_unit
from knowledge.extract.incentive_values import MONEY, NUM

# --- thresholds -----------------------------------------------------------------------------

_COUNT_UNIT = r"(?:万平方米|平方米|平米|万人次|人次|批次|千瓦|万吨|周岁|张|人|家|名|个|亩|年|分|项|套|台|间|辆|吨|户|岁|星)"
_QTY = rf"{NUM}\s*(?:十亿|亿|千万|百万|十万|万|千)?\s*(?:美元|美金|元|{_COUNT_UNIT}|%|％)"
_QTY_RE = re.compile(_QTY)
_OP_BEFORE = re.compile(
    r"(首次突破|首次超过|首次达到|突破|超过|超|高于|大于|达到|达|不低于|不少于|低于|少于|不足|不超过|不高于|在|为)\s*$"
)
_OP_FAR = re.compile(
    r"(首次突破|首次超过|首次达到|突破|超过|达到|不低于|不少于|低于|不超过)([\u4e00-\u9fff]{2,12}?)\s*$"
)
_OP_AFTER = re.compile(r"^\s*(?:（含本数）|（含）|\(含\))?\s*(及以上|以上|及以下|以下|以内)")
_RANGE = re.compile(rf"^\s*(?:（含）|及以上|以上)?\s*(?:—|–|-|~|至|到)\s*({_QTY})(?:\s*(?:（含）)?\s*之间)?")
_MEASURE = (
    r"(?:床位|营业收入|销售收入|销售额|营业额|实到外资|实际到位外资|实际使用外资|外资|注册资本|总投资|固定资产投资|投资额|投资强度"
    r"|投资|投入|税收|纳税额|贡献额|贡献|产值|面积|人数|规模|租期|贷款额|金额|合同额|收入|利润|出口额|进出口额|资产|得分|分数|比例|占比"
    r"|职工|员工|人员)"
)
_WHAT = re.compile(rf"((?:[\u4e00-\u9fff]{{0,6}}?){_MEASURE})\s*(?:（[^（）]*）)?\s*$")
_WHAT_FALLBACK = re.compile(r"([\u4e00-\u9fff]{2,8})$")
_OPS = {"首次突破": ">", "首次超过": ">", "突破": ">", "超过": ">", "超": ">", "高于": ">", "大于": ">",
        "首次达到": ">=", "达到": ">=", "达": ">=", "不低于": ">=", "不少于": ">=", "及以上": ">=", "以上": ">=",
        "低于": "<", "少于": "<", "不足": "<", "不超过": "<=", "不高于": "<=", "及以下": "<=", "以下": "<=", "以内": "<="}  # fmt: skip


def _quantity(text: str) -> dict[str, Any]:
    amount = parse_amount(text) if re.search(r"元", text) else None
    if amount and amount.currency:
        return {"value": amount.value, "unit": amount.unit, "currency": amount.currency,
                "amount_cny": amount.amount_cny, "amount_usd": amount.amount_usd}  # fmt: skip
    m = re.match(rf"({NUM})\s*(十亿|亿|千万|百万|十万|万|千)?\s*(.*)$", text.strip())
    from knowledge.extract.incentive_values import _num

    value = _num(m[1]) if m else None
    unit = ((m[2] or "") + m[3]).strip() if m else ""
    return {
        "value": value,
        "unit": unit.replace("％", "%"),
        "currency": None,
        "amount_cny": None,
        "amount_usd": None,
    }


_BARE_UNIT = re.compile(r"(?<![\d.一二三四五六七八九十百千万两])((?:亿|万)(?:元|美元))(?=及?以上|以下|（含）)")


def thresholds(text: str) -> list[dict[str, Any]]:
    """Quantities a condition compares: 营业收入首次突破10亿元, 新增床位50张以上, 实到外资1000万美元以上;
    "亿元及以上" with no number is 1亿元."""
    out: list[dict[str, Any]] = []
    text = _BARE_UNIT.sub(r"1\1", spread_range_unit(text))
    prev_end = 0
    for m in _QTY_RE.finditer(text):
        qty = m.group(0)
        if re.fullmatch(r"(?:19|20)\d{2}\s*年", qty):  # a year, not a quantity
            continue
        before, after = text[: m.start()], text[m.end() :]
        op_b = _OP_BEFORE.search(before)
        op_a = _OP_AFTER.match(after)
        rng = _RANGE.match(after)
        far = None if op_b else _OP_FAR.search(before)
        if not (op_b or op_a or rng or far):
            continue
        if (
            far and not rng and not op_a
        ):  # "达到企业现有在职职工人数25%": the measure sits between verb and number
            entry = {"what": far.group(2), **_quantity(qty), "op": _OPS.get(far.group(1), ">="),
                     "text": far.group(0) + qty}  # fmt: skip
            if entry["value"] is not None:
                out.append(entry)
            continue
        rest = before[: op_b.start()] if op_b else before
        wm = _WHAT.search(rest[-16:]) or _WHAT_FALLBACK.search(
            re.split(r"[，、；（）“”的对且或并]", rest)[-1] or ""
        )
        what = re.sub(r"^(?:对|且|或|并|其|在|的|为|凡)+", "", wm.group(1)) if wm else ""
        if out and _BOUND_GAP.fullmatch(text[prev_end : m.start()]):  # "3000万元以上5000万元以下": one measure
            what = out[-1]["what"]
        entry: dict[str, Any] = {"what": what, **_quantity(qty)}
        if rng:
            entry["op"] = "between"
            high = _quantity(rng.group(1))
            entry.update(
                value_max=high["value"], amount_max_cny=high["amount_cny"], amount_max_usd=high["amount_usd"]
            )
            entry["text"] = (what + (op_b.group(1) if op_b else "") + qty + after[: rng.end()]).strip()
        else:
            word = (
                op_b.group(1)
                if op_b and op_b.group(1) not in ("在", "为")
                else (op_a.group(1) if op_a else None)
            )
            entry["op"] = _OPS.get(word or "", "=") if (op_a or word) else "="
            if op_a and op_a.group(1) in _OPS:
                entry["op"] = (
                    _OPS[op_a.group(1)] if not (op_b and op_b.group(1) in _OPS) else _OPS[op_b.group(1)]
                )
            entry["text"] = (
                what + (op_b.group(1) if op_b else "") + qty + (after[: op_a.end()] if op_a else "")
            ).strip()
        if entry["value"] is not None and entry["unit"] != "星":
            if alternative(text, m.start()):
                entry["alternative"] = True
            out.append(entry)
            prev_end = m.end()
    return out


_OR_BEFORE = re.compile(r"(?:^|[，,；;])\s*(?:或者?|或是)[^，,；;。]{0,16}$")


def alternative(text: str, at: int) -> bool:
    """Whether the condition at `at` is one of several ways in ("对新引进的世界500强企业项目，或总投资超过
    2亿美元的大项目"): a clause opened by 或 offers it beside what came before, it bars nobody."""
    return bool(_OR_BEFORE.search(text[max(0, at - 24) : at]))


_BOUND_GAP = re.compile(r"\s*(?:（含）)?\s*(?:及|或)?\s*(?:以上|以下|以内|不含)?\s*(?:（含）|（不含）)?\s*")


# --- case qualifiers ------------------------------------------------------------------------

_CASES: list[tuple[str, re.Pattern[str]]] = [
    ("首次认定", re.compile(r"(?:首次|初次|第一次)被?(?:认定|认（评）定|评定|评为|获评|获得认定|通过[^，。；]{0,12}认定|列入|入选|获批)"
                        r"|新(?:认定|评定|获认定|获批|列入|评为)")),
    ("复审", re.compile(r"复审|重新认定|再次认定|到期[^，。；]{0,8}重新|复核通过")),
    ("首次", re.compile(r"首次(?:突破|超过|达到|进入|入围|上榜|迈上)")),
    ("新引进", re.compile(r"新引进|新落户|新迁入|新招引|整体迁入|迁入我")),
    ("新设立", re.compile(r"新设立|新成立|新注册|新组建|新设(?!备)")),
    ("新增", re.compile(r"新增(?!床位|投资|用地|面积|贷款|就业|岗位|地方|部分)")),
    ("新建", re.compile(r"新建")),
    ("存量", re.compile(r"存量")),
    ("增资", re.compile(r"增资|扩股|追加投资")),
    ("晋级", re.compile(r"晋级|升级为")),
]  # fmt: skip
_LEVEL = re.compile(r"(国家级|省级|市级|县级|区级)")
_STAR = re.compile(r"([一二三四五1-5])星(?:（叶）)?级?(及以下|及以上)?")
_A_LEVEL = re.compile(r"([1-5])A级?")
_LEVEL_ITEM = {"国家": "国家级", "省": "省级", "市": "市级", "县": "县级", "区": "区级"}


def case_labels(text: str, item: str | None = None, own: str | None = None) -> list[str]:
    """Case qualifiers an asker's own case is matched against: 首次认定, 复审, 新引进, 省级, 三星级…

    A tier's level or star comes from its own item, else the clause's own words (`own`), else
    the whole condition text."""
    out = [name for name, rx in _CASES if rx.search(text)]
    if item and item in _LEVEL_ITEM:
        out.append(_LEVEL_ITEM[item])
    else:
        for source in (item, own, text):
            levels = [m.group(1) for m in _LEVEL.finditer(source or "")]
            if levels:
                out.append(levels[0])
                break
    for rx, fmt in ((_STAR, "{0}星级{1}"), (_A_LEVEL, "{0}A级")):
        for source in (item, own, text):
            m = rx.search(source or "")
            if m:
                out.append(fmt.format(m.group(1), (m.groups() + ("",))[1] or ""))
                break
    return list(dict.fromkeys(out))


# --- beneficiary ----------------------------------------------------------------------------

ENTITY = (
    r"(?:企业园|企业|机构|平台|单位|人员|项目|公司|园区|基地|中心|高校|院所|研究院|实验室|个人|团队|人才|纳税人|职工|员工|主体|银行"
    r"|酒店|景区|旅行社|学科|医院|商户|工商户|投资者|毕业生|老年人|投资方|社团|协会|商会|组织|总部|工厂|车间|街道|乡镇|区县|创业者"
    r"|劳动者|护理员|学校|负责人|研究生|博士后|留学人员|经营者|农户|家庭|村|民宿|餐厅|雪道|冰场|商标|品种|新药|示范单位|服务商|创新中心)"
)
_VERBS = re.compile(
    r"接收|取得|获得|引进|吸纳|投资|完成|实现|通过|新招用|招用|开展|参与|落户|迁入|设立|建设|发展|组织|从事|承担|转移|推进|推动|举办"
    r"|参加|申报|上市|挂牌|发行"
)
_SUBJECT = re.compile(rf"^((?:[^，。；]{{0,22}}?){ENTITY})")
_DUI = re.compile(r"(?:^|[，；])(?:对于|对)(?!其)([^，。；]{2,60})$")
_RECIPIENT = re.compile(
    rf"(?:给予|奖励给|奖励|补助|补贴|资助|给)([\u4e00-\u9fff、]{{0,14}}?{ENTITY})(?=\d|[一二三四五六七八九十两]+万?元|一次性|最高|不超过|每|奖励|补助|补贴|资金|$)"
)
_LEAD = re.compile(r"^(?:自|从|凡|对于|对(?![接外标比照])|在|经|由|已|为|其中|同时|并|且|或|另|可)+")


def dui_phrase(text: str) -> str | None:
    """The 对X of a condition: "对上一年度营业收入50亿元以上的企业" → "上一年度营业收入50亿元以上的企业"."""
    m = _DUI.search(text)
    return m.group(1).strip() if m else None


def is_entity(phrase: str) -> bool:
    return bool(re.search(rf"{ENTITY}(?:（[^（）]*）)?$", phrase))


def subject_of(text: str) -> str | None:
    """The leading noun phrase of a condition: "社会办养老机构接收…" → "社会办养老机构".

    "鼓励各区县…" names who pays, not who is paid: no subject."""
    if re.match(
        r"^(?:鼓励|支持|引导|推动|推进|加快|督促|指导|做强|做大|打造|培育|深入|积极|大力|着力|强化|落实|加强|完善)",
        text.strip(),
    ):
        return None
    body = _LEAD.sub("", text.strip())
    best = None
    for m in re.finditer(ENTITY, body):
        cand = body[: m.end()]
        if len(cand) > 24 or re.search(r"[，。；]", cand):
            break
        if cand.count("（") != cand.count("）"):
            continue
        if re.search(r"[对向]", cand[1:]):
            break  # "钨与稀土国家质检中心对小微型企业…": the phrase after 对 is someone else
        nxt = body[m.end() : m.end() + 1]
        if nxt and re.match(r"[\u4e00-\u9fff]", nxt) and re.match(ENTITY, body[m.end() :]):
            continue  # a longer entity word follows ("企业园")
        if _VERBS.search(cand):
            break
        best = cand
    return best


def entity_in(text: str) -> str | None:
    """The last entity word a phrase mentions: "…建设养老机构新增床位50张以上" → "养老机构"."""
    found = [
        m.group(0)
        for m in re.finditer(rf"(?:(?![的和与及在、])[\u4e00-\u9fff]){{0,2}}?{ENTITY}", text)
        if m.group(0) not in ("项目", "单位")
    ]
    if not found:
        return None
    return re.sub(r"^(?:我市|本市|全市|各类|相关|其他|在|的|和|与|及|、)+", "", found[-1]) or None


def recipient_of(payload: str) -> str | None:
    """Who is paid, named after the verb: "给予外商投资企业200万元" → "外商投资企业"."""
    m = _RECIPIENT.search(payload)
    return m.group(1) if m and not re.search(r"^(?:一定|适当|相应)", m.group(1)) else None


# --- enumerated tiers -----------------------------------------------------------------------

_TYPED = re.compile(
    rf"{MONEY.pattern}|{NUM}\s*(?:%|％)|(?:国家级|省级|市级|县级|区级)|(?<![\u4e00-\u9fff])(?:国家|省|市)(?=[、和及]|级|$)"
    rf"|(?<=[为定入评的选])(?:国家|省|市)|(?<=、)(?:国家|省|市)(?![\u4e00-\u9fff])|[一二三四五1-5]星(?:（叶）)?级?|[1-5]A级?|[一二三]等奖|主板|中小板|创业板|科创板|新三板"
)
_SEP = re.compile(r"^\s*(?:、|和|及|与|或)\s*$")
_ITEM_START = re.compile(r"^.*(?:对于|对|评为|认定为|定为|列入|获得|新建|新增|当年|首次|被|获|为|引进|的)")
_ITEM_END = re.compile(r"(?:的|分别|给予|予以|奖励|补助|一次性|，|等).*$")
_RANGE_ITEMS = re.compile(r"(\d)\s*(?:—|–|-|~|至)\s*(\d)\s*(星级?|A级?)")


@dataclass(frozen=True)
class Run:
    """Enumerated items in a condition: spans into the text and each item as printed."""

    start: int
    end: int
    items: list[str]


def find_runs(text: str) -> list[Run]:
    """Every enumeration in `text`: typed items (levels, stars, amounts) or 、-separated names."""
    runs: list[Run] = []
    matches = list(_TYPED.finditer(text))
    group: list[re.Match[str]] = []
    for m in matches + [None]:  # type: ignore[list-item]
        if m is not None and group and _SEP.match(text[group[-1].end() : m.start()]):
            group.append(m)
            continue
        if len(group) >= 2:
            runs.append(Run(group[0].start(), group[-1].end(), [g.group(0) for g in group]))
        group = [m] if m is not None else []
    for rm in _RANGE_ITEMS.finditer(text):
        lo, hi = int(rm.group(1)), int(rm.group(2))
        if 2 <= hi - lo + 1 <= 6:
            suffix = "A级" if "A" in rm.group(3) else "星级"
            runs.append(Run(rm.start(), rm.end(), [f"{k}{suffix}" for k in range(lo, hi + 1)]))
    for region in re.finditer(r"[^，。；：]+", text):
        tokens = re.split(r"、", region.group(0))
        if len(tokens) < 2:
            continue
        first = _ITEM_START.sub("", tokens[0])
        last = _ITEM_END.sub("", tokens[-1])
        items = [first, *tokens[1:-1], last]
        if all(1 <= len(t) <= 20 for t in items):
            start = region.start() + len(tokens[0]) - len(first)
            end = region.start() + len(region.group(0)) - len(tokens[-1]) + len(last)
            if not any(r.start <= start and end <= r.end for r in runs):
                runs.append(Run(start, end, items))
    return runs


def pick_run(texts: list[str], n: int) -> tuple[int, Run] | None:
    """The enumeration with exactly `n` items, searching `texts` in order: (text index, run)."""
    for i, text in enumerate(texts):
        for run in find_runs(text):
            if len(run.items) == n:
                return i, run
    return None


def substitute(text: str, run: Run, k: int) -> str:
    """`text` with the enumeration replaced by its k-th item."""
    return text[: run.start] + run.items[k] + text[run.end :]
