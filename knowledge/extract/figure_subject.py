"""What a figure counts: the noun phrase a person would name ("全省云服务大数据产业规模"), not
the words that happen to stand next to the number ("达到", "以上", "由3.27万元下降至").

Before the number, the subject is the phrase up to the verb that links it to the number
(达到/超过/不低于/下降至…), without an earlier figure ("由3.27万元"), numbering or connectives.
After a count ("300家星级上云企业"), it is the counted noun, up to the next punctuation,
number or conjunction. Phrases are cut at word boundaries, never in the middle of a word.
"""

from __future__ import annotations

import re

_MAX = 24
_CJK = re.compile(r"[\u4e00-\u9fff]")
_AMOUNT = re.compile(
    r"[\d.]+\s*(?:万|亿|千|百)?\s*(?:美元|元|%|个月|个工作日|个|家|项|人|名|亿|万|年|月|天)"
    r"|[零〇一二两三四五六七八九十百千]+\s*(?:万|亿)\s*(?:美元|元)?|[零〇一二两三四五六七八九十百千]+\s*(?:美元|元)"
)
# the verb (and its hedges) between a subject and its number: "规模达到", "费率不超过", "降低"
_LINK = re.compile(
    r"(?:(?:总体|累计|力争|确保|争取|预计|分别|年均|同比|平均|每年|最高|最低|合计|总计|共计|原)?"
    r"(?:达到|达|超过|不超过|不高于|不低于|不少于|少于|高于|低于|突破|提高到|提高至|提高|提升到|提升至|提升|"
    r"降低到|降低至|降低|下降到|下降至|下降|降至|降到|再降|下调|上调|增长到|增长至|增长|增加到|增加至|增加|减少|扩大到|扩大|"
    r"调整为|调整到|调整约为|调整|统一|控制在|保持在|稳定在|占比|占|约为|约|近|为|是|至|到|在|按|给予|补助|奖励|"
    r"补贴|支持|安排|投入|实现|完成|新增|新建|建成|培育|引进|打造|推广|认定|拥有|形成|带动)"
    r"(?:了|的)?)+$"
)
_TRAIL = re.compile(
    r"(?:的|分别由|分别从|由|从|按照|按|最高|最低|每年|每月|均|再|相应|过|起|较上年度|较上年)+$"
)
_LEAD = re.compile(
    r"^(?:以上|以下|以内|左右|即：|即|其中|同时|并且|并|且|另外|另|此外|以及|及|和|与|或|实现|完成|达到|力争|确保|争取|"
    r"逐步|对|按照|按|将|把|使|让|由|从|在|以|为|于|的|等|，|、|：|\s)+"
)
_NUMBERING = re.compile(
    r"^(?:\d{1,2}[\.、．]|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条)"
)
_AFTER_LEAD = re.compile(r"^(?:以上|以下|以内|左右|多|余|（含）|\(含\)|的|，|、|\s)+")
_AFTER_STOP = re.compile(
    r"[，。；：、,;:（(|]|\d|和|及|与|或|并|等|以上|左右|调整|增加|达到|完成|实现|超过|对接|重点|为"
)
# a period is the figure's `period`, not its subject: "到2025年", "2022年1-6月", "2019年底"
_DATE = re.compile(
    r"(?:到|至|截至|截止|自|从)?\s*(?:19|20)\d{2}\s*(?:[—\-–~至到]+\s*(?:19|20)\d{2}\s*)?年"
    r"(?:\s*\d{1,2}\s*(?:[—\-–~至到]+\s*\d{1,2}\s*)?月(?:\s*\d{1,2}\s*日)?)?(?:底|末|前|以来|上半年|下半年|前三季度|[一二三四]季度)?"
)
_BOUNDARY = "，、的和及与或；："
_NOT_COUNTED = re.compile(r"^(?:工作日|个工作日|日|天|小时|周|月|年|批次|次|倍|号)")


def subject_of(clause: str, at: int, end: int) -> str:
    """An amount's subject: "300万元的创业担保贷款" names it after; "规模达到5000亿元" and
    "社会保险费50%的标准" before."""
    if "元" in clause[at:end] and re.match(r"(?:以上|以下|以内|左右)?的", clause[end:]):
        return subject_after(clause, end) or subject_before(clause, at)
    return subject_before(clause, at) or ""


def subject_before(clause: str, at: int) -> str:
    """The phrase a figure at `clause[at:]` measures, read leftwards; "" when none."""
    text = _DATE.sub("", clause[:at])
    earlier = list(_AMOUNT.finditer(text))
    if earlier:  # "变更注册费由3.27万元下降至": the subject is before the earlier figure
        head = text[: earlier[-1].start()]
        text = (
            re.sub(r"(?:由|从)$", "", head) if re.search(r"(?:由|从)$", head) else text[earlier[-1].end() :]
        )
    text = _balanced_tail(text)
    for _ in range(3):
        text = _TRAIL.sub("", _LINK.sub("", text.strip(" ，,、：:")))
    text = _NUMBERING.sub("", text.strip())
    text = _LEAD.sub("", text)
    return _phrase(_cut_left(text))


def subject_after(clause: str, end: int) -> str:
    """The counted noun after a count ("300家星级上云企业" → "星级上云企业"); "" when none."""
    text = _AFTER_LEAD.sub("", _DATE.sub("", clause[end:]))
    text = _AFTER_LEAD.sub(
        "", re.sub("^" + _AMOUNT.pattern, "", text)
    )  # "以上十万元以下罚款": the range's end
    if _NOT_COUNTED.match(text):
        return ""
    stop = _AFTER_STOP.search(text)
    text = text[: stop.start()] if stop else text
    if "的" in text:
        text = text.rsplit("的", 1)[1]
    return _phrase(text[:_MAX])


def counts_time(clause: str, end: int) -> bool:
    """ "2个工作日", "3个月": a duration, not a count of things."""
    return bool(_NOT_COUNTED.match(clause[end:].lstrip()))


def _balanced_tail(text: str) -> str:
    """Drop everything up to an unclosed bracket: "贴（其中人工智能小微企业可按…的" → after it."""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return text[i + 1 :]
            depth -= 1
    return text


def _cut_left(text: str) -> str:
    """At most `_MAX` characters, starting at a word boundary."""
    if len(text) <= _MAX:
        return text
    window = text[-_MAX:]
    for i, ch in enumerate(window):
        if ch in _BOUNDARY and len(window) - i - 1 >= 4:
            return window[i + 1 :]
    return window


def _phrase(text: str) -> str:
    text = _unmatched_close(text.strip(" ，,、：:；;。"))
    if text.count("（") > text.count("）"):
        text = text[: text.rfind("（")]  # "设计驱动型企业（机构" → "设计驱动型企业"
    text = text.strip(" ，,、：:；;。")
    return text if len(_CJK.findall(text)) >= 2 else ""


def _unmatched_close(text: str) -> str:
    """ "领馆摩托车）号牌工本费" (its "（" was cut off) → "号牌工本费"."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return _unmatched_close(text[i + 1 :])
            depth -= 1
    return text
