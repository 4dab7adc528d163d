"""Sentences and clauses of a passage, and what kind of fact each one carries.

A passage is never the answer by itself: the engine ranks the sentences of the retrieved
passages, and states the clauses of the best one that carry what the question asks for (an
amount, a date, a unit, a count) before quoting the sentence. The detectors are patterns of
Chinese (and English) government text, not of any one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.normalize import normalize

_SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|(?<=\.)\s+(?=[A-Z])|\n+")
_OPENING = re.compile(r"^(?:\d{1,2}[\.、．]\s*|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百零\d]+条\s*)")
_NUMBER = r"(?:\d+(?:[.,]\d+)*|[一二两三四五六七八九十百千万零〇]+)"

# "四楼是行政审批大厅": a floor ("办公楼共6层" counts floors); its number is group 1
FLOOR_ZH = re.compile(r"(?<![共计有])([一二三四五六七八九十]{1,2}|\d{1,2})\s*(?:楼|层)(?=是|为|设|[，,；;。、]|$)")

FACT_TYPES: dict[str, re.Pattern[str]] = {
    "money": re.compile(_NUMBER + r"\s*(?:余|多)?\s*(?:亿|万|千)?\s*(?:元|美元|欧元|港元)|(?:RMB|USD|US\$|\$|CNY)\s?\d|\d\s?(?:million|billion|yuan|dollars?)", re.I),
    "percent": re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|‰|个百分点)|[一二三四五六七八九十\d]\s*成(?![本立员果为都])|百分之[一二三四五六七八九十百零〇\d]+|\bhalf\b|\d+ per ?cent", re.I),
    "ratio": re.compile(r"\d+(?:\.\d+)?\s*[:：比]\s*\d+(?:\.\d+)?"),
    "count": re.compile(r"(?<![每这那同])" + _NUMBER + r"\s*(?:余|多)?\s*(?:个|项|家|名|条|张|批|所|次|人|件|户|座|套|台|亩|平方米|公里|类|种|款|位|只|栋|处|支|场|轮)"
                        r"|\b\d+\s+(?:[a-z\-]+\s+){0,2}(?:representatives?|companies|projects?|stations?|items?|units?|firms?|enterprises?|parks?|zones?|offices?|people|persons?|talents?)\b", re.I),
    "score": re.compile(_NUMBER + r"\s*分(?![之钟类别期制])"),
    "date": re.compile(r"(?:19|20)\d{2}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日|底|末|份)?"
                       r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|(?:19|20)\d{2}\s*年(?:底|末|前)"
                       r"|(?:发布|印发|公布|签发|通过)之日"
                       r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?<![〔［\[])\b(?:19|20)\d{2}\b(?![〕］\]])", re.I),
    "duration": re.compile(_NUMBER + r"\s*(?:个)?\s*(?:工作日|日|天|个月|月|年|周)(?:内|以内|之内)?|每(?:半)?(?:年|季度|月|周)|连续" + _NUMBER + r"年"
                           r"|\b\d+\s*(?:days?|months?|years?|working days)\b", re.I),
    "frequency": re.compile(r"每(?:半|两|[一二三四五六七八九十\d]{1,2})?\s*(?:个)?\s*(?:年度|年|季度|季|月|周|旬)|定期|(?:一|1)年(?:一|两|1|2)次"
                            r"|\b(?:annually|quarterly|monthly|weekly|twice a year|once a (?:year|month|quarter|week)"
                            r"|every (?:\w+ )?(?:years?|months?|quarters?|weeks?))\b", re.I),
    # a named body: not 部门/部分/部署 (各部门, 留成部分) nor 办法/办理 (实施办法), which name none
    "unit": re.compile(r"[\u4e00-\u9fff]{1,14}?(?:人民政府|管委会|委员会|办公室|办公厅|局|厅|委|办(?![法理事好学])|部(?![门分署])|署|中心|银行|集团|公司|分局|分行|协会|联合会|商会)(?![\u4e00-\u9fff]{0,1}(?:长|员))"),
    "phone": re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})(?!\d)"),
    "address": re.compile(r"(?:路|街|大道|大街|巷)\d+号|坐落于|位于|地址[:：]|\b\d+\s+[A-Z]\w+\s+(?:Road|Street|Avenue)\b"),
    "floor": re.compile(FLOOR_ZH.pattern + r"|\b\d+(?:st|nd|rd|th)\s+floor\b|\bfloor\s+\d+\b", re.I),
    "issuer": re.compile(r"发文机关：|印发单位：|\bissued by\b"),  # what a document fact states of who issued it
    "enumeration": re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}(?:、[\u4e00-\u9fffA-Za-z0-9]{2,12}){2,}|(?:\w+, ){2,}\w+"),
}
# An asked kind of fact that several fact types state ("目标是多少": a sum, a share or a count).
STATED_BY: dict[str, tuple[str, ...]] = {"quantity": ("money", "percent", "ratio", "count", "score")}


def states_fact(text: str, fact: str) -> bool:
    return any(has_fact(text, t) for t in STATED_BY.get(fact, (fact,)))


@lru_cache(maxsize=8192)  # record texts and the sentences of retrieved passages recur question after question
def _facts_of(text: str) -> dict[str, bool]:
    return {}  # filled as each fact type is first asked of the text


def has_fact(text: str, fact_type: str) -> bool:
    """Whether `text` states a fact of `fact_type` (`FACT_TYPES[fact_type].search`), each detector
    run once per text: a candidate's features ask the same sentence again for every question."""
    known = _facts_of(text)
    found = known.get(fact_type)
    if found is None:
        found = known[fact_type] = FACT_TYPES[fact_type].search(text) is not None
    return found


SUM_TOLD_AS = ("money", "percent")  # "最多补多少" is answered by a sum or by a rate of one (…的30%)


def states_part(text: str, fact: str | None) -> bool:
    """Whether `text` states the kind of fact one part of a question asks for; a sum asked may be
    told as a rate. False for a kind no text is checked for (docno, unit)."""
    kinds = SUM_TOLD_AS if fact == "money" else (fact,) if fact in FACT_TYPES or fact in STATED_BY else ()
    return any(states_fact(text, x) for x in kinds)


# What each intent wants a sentence to carry (empty: any fact will do).
WANTED: dict[str, tuple[str, ...]] = {
    "who": ("unit",), "tasks": ("unit",), "amount": ("money", "percent", "ratio", "count", "score", "duration"),
    "eligibility": ("money", "percent", "ratio", "count", "score"), "when": ("date", "duration"),
    "status": ("money", "date"), "list": ("enumeration",), "count": ("count",), "extreme": ("money", "count"),
    "contact": ("phone",), "what": (), "doc": ("date",), "frequency": ("frequency",),
}  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    text: str  # as printed
    norm: str
    index: int  # position in its passage


_WRAPPED = re.compile(r"(?<=[A-Za-z0-9,$%)])[ \t]*\n(?=[ \t]*[a-z$(\d])")  # an English line wrapped mid-sentence


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[Sentence, ...]:
    text = _WRAPPED.sub(" ", text)
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    return tuple(Sentence(p, normalize(p), i) for i, p in enumerate(parts))


def clauses(sentence: str) -> list[str]:
    """Clauses split at ，：； outside brackets: （资金补贴，申报享受） stays in one clause."""
    out, depth, current = [], 0, ""
    for ch in sentence:
        current += ch
        depth += ch in "（([【《“"
        depth = max(0, depth - (ch in "）)]】》”"))
        if depth == 0 and ch in "，,：:；;":
            out.append(current)
            current = ""
    if current.strip():
        out.append(current)
    return [c for c in out if c.strip()]


def facts_in(text: str) -> set[str]:
    """The kinds of fact `text` states: {"money", "date", ...}."""
    return {name for name, pattern in FACT_TYPES.items() if pattern.search(text)}


def carries(text: str, intent: str) -> float:
    """1 when `text` states what the intent asks for, 0 when it states none of it (0.5: any fact)."""
    wanted = WANTED.get(intent, ())
    if not wanted:
        return 0.5  # "what is …" wants no particular kind of fact: numbers are no evidence
    return 1.0 if any(has_fact(text, w) for w in wanted) else 0.0


def fact_head(sentence: str, overlap, intents, max_chars: int = 150) -> str:  # noqa: ANN001
    """The clauses of `sentence` that state the answer: the clause that best joins the question's
    words (`overlap(clause)` → 0..1, or a list of such functions, one per part of a two-part
    question) with a fact of the wanted kind (`intents`: intent → weight), plus its neighbours
    while the head is too short to read on its own."""
    parts = clauses(sentence.strip())
    if len(sentence) <= max_chars * 0.6 or len(parts) <= 1 or _graded(sentence, intents, max_chars):
        return _clean(sentence)
    overlaps = overlap if isinstance(overlap, list) else [overlap]

    def value(c: str, ov) -> float:  # noqa: ANN001
        return ov(c) + sum(w * carries(c, i) for i, w in intents.items())

    per_part = [[value(c, ov) for c in parts] for ov in overlaps]
    scores = [max(col) for col in zip(*per_part, strict=True)]
    best = max(range(len(parts)), key=scores.__getitem__)
    keep = {best} | {max(range(len(parts)), key=col.__getitem__) for col in per_part[1:]}
    # a clause answering only half (the amount without its subject) takes its best neighbour
    for _ in range(3):
        span = "".join(parts[i] for i in sorted(keep))
        if len(span) >= 40 or len(span) >= max_chars:
            break
        lo, hi = min(keep) - 1, max(keep) + 1
        options = [i for i in (lo, hi) if 0 <= i < len(parts)]
        if not options:
            break
        keep.add(max(options, key=lambda i: (scores[i], -abs(i - best))))
    # a second clause that covers other question words or facts, when close by
    for i in sorted(range(len(parts)), key=lambda i: -scores[i]):
        if i in keep or abs(i - best) > 3 or scores[i] < 0.6 * scores[best]:
            continue
        if len("".join(parts[j] for j in keep)) + len(parts[i]) <= max_chars:
            keep |= set(range(min(keep | {i}), max(keep | {i}) + 1))
        break
    # "能不能享受…？": conditions without what they grant are no answer; the granting clause joins
    if intents.get("eligibility", 0.0) >= ELIGIBLE_ASK and not any(_GRANTS.search(parts[i]) for i in keep):
        grant = next((i for i in range(len(parts) - 1, max(keep), -1) if _GRANTS.search(parts[i])), None)
        if grant is not None and len("".join(parts[j] for j in keep)) + len(parts[grant]) <= max_chars:
            keep.add(grant)
    return _clean("".join(parts[i] for i in sorted(keep)))


def _graded(sentence: str, intents, max_chars: int) -> bool:  # noqa: ANN001
    """A provision cut at semicolons whose halves each state what is asked ("前3年…由财政扶持企业；
    后2年…的50%…", "2000万元以上…补贴42%；3000万元以上…补贴60%") is stated whole when it is short
    enough: one half alone answers half."""
    halves = [h for h in re.split(r"(?<=[；;])", sentence.strip()) if len(h.strip()) > 4]
    if len(halves) < 2 or len(sentence) > max_chars * GRADED_CHARS:
        return False
    wanted = {i: w for i, w in intents.items() if WANTED.get(i)}
    return all(sum(w * carries(h, i) for i, w in wanted.items()) >= GRADED_FACT for h in halves)


GRADED_CHARS = 1.3  # a graded provision up to this many times a head's length is stated whole
GRADED_FACT = 0.3  # the intent-weighted share of the wanted facts each half must state
ELIGIBLE_ASK = 0.3  # the weight of the eligibility intent from which a head must say what is granted
_GRANTS = re.compile(r"给予|予以|享受|可实行|实行|奖励|补助|补贴|资助|免[收征除]|减[半免按]|优先")


def _clean(text: str) -> str:
    text = _OPENING.sub("", text.strip())
    return text.rstrip("，,：:；;、 ")


_TARGET_CUE = re.compile(r"力争|争取|确保|目标|预期|预计|计划(?:完成|实现|引进|新增|投资|到)|到(?:19|20)\d{2}年|(?:19|20)\d{2}\s*[—–\-－~至到]\s*(?:19|20)\d{2}\s*年")


def states_target(text: str, section: str = "") -> bool:
    """Whether a sentence states what is aimed at (力争, 目标, 到2025年, 2023—2025年累计…) rather than
    what was achieved: under a 目标 heading every figure is one."""
    return "目标" in section or bool(_TARGET_CUE.search(normalize(text)))
