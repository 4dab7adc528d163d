"""Finding the clauses of a paragraph that grant money or a treatment, and what each clause does.

A paragraph is cut into sentences (。), groups (；) and clauses (，), never inside brackets or
quotes. Each clause gets a role: `benefit` (grants something: 给予…奖励, 补贴上限为每年200万元,
免收…费, 优先安排用地), `limit` (caps the benefit before it: 单个项目最高不超过50万元), `spec`
(states the amount of the benefit before it: 奖励额度分别参照…50%、60%、70%确定), `method`
(how it is computed, before the benefit: 按照不超过所获投资额10%的比例), `context` (在…基础上,
除…外) or `cond` (who qualifies). Procedure, clawback and policy-making sentences never
grant anything, however many benefit words they hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.incentive_values import IN_KIND, find_values

_OPEN, _CLOSE = "（(“《〔[【", "）)”》〕]】"

_GRANT_VERB = r"(?:给予|予以|发放|提供|进行|享受|申请|实行|实施)"
_GRANT_NOUN = re.compile(
    rf"{_GRANT_VERB}[^，。；]{{0,40}}?(?:奖励|补助|补贴|资助|奖补|风险补偿|返还|贴息|津贴|奖金|服务券|创新券)"
)
_GRANT_SUPPORT = re.compile(rf"{_GRANT_VERB}[^，。；]{{0,40}}?(?:支持|扶持)")
_WEAK_VERB = re.compile(r"^(?:享受|申请|提供|发放|实行|实施|进行)")
_LOAN = re.compile(r"(?:申请|获得|发放|提供)[^，。；]{0,20}?贷款")
_VALUE_VERB = re.compile(
    r"(?:奖励|补助|补贴|资助|奖补|返还|返(?=\s*\d)|补贴上限为|上限为|标准为|额度为|给予|予以|(?<![配交转报发提送分])给)(?:给)?"
)
_VALUE_NOUN = re.compile(
    r"(?:元|%|％|‰)(?:/[\u4e00-\u9fff]{1,2})*\s*的?\s*(?:一次性)?(?:资金|财政|经费)?\s*(?:奖励|补助|补贴|资助|支持|扶持|奖补|返还|配套)"
)
_VERB_FIRST = re.compile(
    r"^(?:分别|一次性|另|再|并)?(?:奖励|补助|补贴|资助)(?=[\u4e00-\u9fff])"
    r"(?!标准|额度|金额|资金|政策|比例|范围|对象|方式|期限|时间|项目|办法|领导|实施|等级|汇总|审批|申报|名单|条件|经费|工作|情况|考核|措施)"
)
_WEAK_SUPPORT = re.compile(
    r"(?:技术|信息|政策|金融|融资|人才|法律|要素|服务|制度|便利|重点|必要的?|相应的?)(?:支持|扶持)$"
    r"|(?:更多|更大|更强|有力|大力)[^，。；]{0,4}(?:支持|扶持)$"
)
_STRONG_SUPPORT = re.compile(r"(?:资金|财政|经费|配套|奖励|补助|补贴|奖补)[^，。；]{0,4}(?:支持|扶持)$")
_NOT_GRANT = re.compile(
    r"不得|不再|不予|追回|取消|收回|扣除|抵扣|纳入[^，。；]{0,8}预算|提交|审批表|申报材料|申请材料|负责解释|相抵触|不重复|就高"
    r"|应奖励额|应补助额|兑现|兑付|拨付|制定[^，。；]{0,40}(?:政策|办法|措施|细则)|出台|平等对待|依法平等|违规|惩戒"
    r"|须在|必须|应当|失效|废止|未使用|征收|征用"
)
_POLICY_ONLY = re.compile(
    r"享受[^，。；]{0,30}(?:政策|待遇|政策扶持|政策支持)$|按[^，。；]{0,20}政策[^，。；]{0,6}执行"
)
_BUDGET = re.compile(
    r"设立[^，。；]{0,20}(?:资金|基金)|安排[^，。；]{0,16}(?:资金|经费)\d|列入[^，。；]{0,6}预算"
    r"|(?:资金|经费|基金)[^，。；]{0,8}用于|^(?:主要|重点|专项)?用于"
)
_CONTEXT = re.compile(
    r"^(?:在|除)[^，。；]*(?:基础上|之外|以外|外)$"
    r"|^为(?:了|进一步|加快|支持|推动|鼓励|促进|满足|深入|全面|更好|切实|有效)[^，。；]{0,30}$"
)
_LIMIT_WORD = re.compile(r"最高|不超过|不高于|上限|封顶|最多|累计")
_LIMIT_HEAD = re.compile(
    r"^(?:对)?(?:单个|单项|每个|每家|每区县|每户|每人|同一|单品种|单笔|单次|年度|每年|累计|奖励|补助|补贴|支持|资助|总额|最高|其中|"
    r"[\u4e00-\u9fff]{0,6}(?:额度|金额|总额|补贴额|奖励额|补助额))"
)
_NO_CAP = re.compile(r"不设上限|不封顶")
_SPEC = re.compile(r"^(?:其)?(?:奖励|补助|补贴|支持|资助|扶持)(?:资金)?(?:额度|金额|标准|比例)")
_SPEC_WORDS = re.compile(r"参照|按|确定|分档|分[一二三四五两]档")
_METHOD = re.compile(r"(?:^|将|可|并)(?:按|按照|参照|根据|依据)")
_NOTE = re.compile(r"只享受一次|最多享受一次|享受一次|不重复享受|只能享受一次|^连续享受")
_PERIOD_CLAUSE = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*年内$")


@dataclass(frozen=True)
class Clause:
    text: str
    role: str  # benefit | limit | spec | method | context | note | cond
    anchor: int = 0  # where the payload starts in a benefit clause (text before it is its own condition)


def split_outside(text: str, seps: str) -> list[str]:
    """Split on any of `seps`, keeping each separator-free piece; brackets and quotes protect."""
    parts, depth, cur = [], 0, ""
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        between_digits = (
            ch in ":,." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        )
        if depth == 0 and ch in seps and not between_digits:
            if cur.strip():
                parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def sentences(text: str) -> list[str]:
    return split_outside(text, "。！？")


def benefit_anchor(clause: str) -> int | None:
    """Where a clause starts granting something, or None when it grants nothing."""
    plain = re.sub(r"（[^（）]*）", "", clause)  # an aside "（与…不重复享受）" does not revoke the grant
    if _NOT_GRANT.search(plain) or _CONTEXT.match(clause):
        return None
    values = find_values(clause)
    if clause.endswith("的") and not values:
        return None  # "享受国家定期抚恤补助金的孤寡老年人…的": who qualifies, not what is paid
    floor = _after_last_de(clause) if re.match(r"^(?:对于|对|凡)", clause) else 0
    starts = []
    for rx in (_GRANT_NOUN, _GRANT_SUPPORT):
        for m in rx.finditer(clause):
            if m.start() < floor and _WEAK_VERB.match(m.group(0)):
                continue  # "对申请享受…扶持政策的企业": the words describe who qualifies
            if rx is _GRANT_SUPPORT and (
                _WEAK_SUPPORT.search(m.group(0)) or not (values or _STRONG_SUPPORT.search(m.group(0)))
            ):
                continue
            starts.append(m.start())
            break
    m = _LOAN.search(clause)
    if m and any(v.kind == "money" for v in values):
        starts.append(m.start())
    for m in _VALUE_VERB.finditer(clause):
        if m.start() >= floor and any(0 <= v.start - m.end() <= 14 for v in values):
            starts.append(m.start())
            break
    m = _VALUE_NOUN.search(clause)
    if m:
        before = [v for v in values if v.end <= m.start() + 2]
        if before:
            starts.append(before[-1].start)
    if _VERB_FIRST.match(clause):
        starts.append(0)
    kind = IN_KIND.search(clause)
    if kind and kind.start() >= floor:
        start = kind.start()
        if re.match(
            r"费率|收费|利率|费用|标准", kind.group(0)
        ):  # "收取的担保费率不超过1%": keep the fee's name
            start -= len(
                re.search(r"[\u4e00-\u9fff]{0,6}$", re.split(r"[的，]", clause[:start])[-1]).group(0)
            )
        starts.append(start)
    if not starts:
        return None
    if _POLICY_ONLY.search(clause) and not kind and not values:
        return None
    if _BUDGET.search(clause) and not re.search(r"给予|予以|奖励[^，。；]{0,4}\d", clause):
        return None
    return _extend(clause, min(starts))


def _after_last_de(clause: str) -> int:
    """In "对…的X给予…", grants before the last 的 describe who qualifies."""
    i = clause.rfind("的")
    return i + 1 if i >= 0 else 0


_BACK = re.compile(r"(?:一次性|分别|另|再|均|可|按年|每年|每月|当年|并|且|对其|拟|将)$")
_PER_BACK = re.compile(r"每[^，。；对的按]{1,8}$")


def _extend(clause: str, anchor: int) -> int:
    """Move the payload start back over 一次性 / 分别 / a 每… unit / the 按… that computes it."""
    while True:
        head = clause[:anchor]
        m = _BACK.search(head) or _PER_BACK.search(head)
        if not m or m.start() == anchor:
            break
        anchor = m.start()
    m = re.search(r"按照|参照|按|依据|根据", clause[:anchor])
    if m:
        between = clause[m.end() : anchor]
        if find_values(between) or ("对" not in between and "的，" not in between):
            anchor = m.start()
    return anchor


def classify(clause: str, after_benefit: bool) -> Clause:
    """The role of one clause; `after_benefit` says a benefit came earlier in the same group."""
    if _CONTEXT.match(clause):
        return Clause(clause, "context")
    has_value = bool(find_values(clause))
    if after_benefit and _NO_CAP.search(clause):
        return Clause(clause, "limit")
    if after_benefit and has_value and _LIMIT_WORD.search(clause) and _LIMIT_HEAD.search(clause):
        return Clause(clause, "limit")
    if after_benefit and _NOTE.search(clause):
        return Clause(clause, "note")
    if (
        _SPEC.match(clause)
        and (has_value or _SPEC_WORDS.search(clause))
        and not re.search(r"给予|予以", clause)
    ):
        return Clause(clause, "spec")
    anchor = benefit_anchor(clause)
    if anchor is not None:
        return Clause(clause, "benefit", anchor)
    if (
        _METHOD.search(clause)
        and (has_value or re.search(r"比例|标准$", clause))
        and not clause.endswith("的")
    ):
        return Clause(clause, "method")
    if _CONTEXT_AFTER.match(clause):
        return Clause(clause, "context")
    return Clause(clause, "cond")


_CONTEXT_AFTER = re.compile(r"^(?:专项用于|用于|主要用于)")


def is_period_clause(clause: str) -> bool:
    """ "企业自兼并重组完成后的3年内": a clause that only states how long the benefit lasts."""
    return bool(_PERIOD_CLAUSE.search(clause))
