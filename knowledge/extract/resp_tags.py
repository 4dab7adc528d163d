"""Responsibility tags as documents print them, read into lead units, co-units and scope.

Two families cover the common shapes:
- labelled: （责任单位：X、Y）, （牵头单位：X；配合单位：Y）, （牵头单位：X，责任单位：Y）,
  （负责部门：X、Y，适用范围：Z）, also as a line of its own (责任单位：X);
- worded: （X牵头，Y、Z配合）, （X牵头）, （X、Y按职责分工牵头，Z配合）, （X、Y按职责分工负责）,
  （X负责）, （X等负责）, （X会同有关部门负责）, with or without a trailing
  "列第一位者为牵头单位，下同".
A bracket that reads as neither — （以下简称…）, （2024—2027年）, （试行）, （含…） — is no tag:
worded tags must end in 牵头/负责/配合 and name units only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from knowledge.extract.unit_lists import UNIT_END, looks_like_units, split_units

_LEAD_LABELS = ("牵头单位", "牵头部门", "主办单位", "牵头责任单位", "牵头考核单位")
_RESP_LABELS = ("责任单位", "责任部门", "负责单位", "负责部门", "实施单位", "承办单位")
_CO_LABELS = ("配合单位", "配合部门", "协同单位", "协办单位", "参与单位", "协助单位")
_SCOPE_LABELS = ("适用范围", "适用对象")
_DEADLINE_LABELS = ("完成时限", "完成时间", "时间节点", "时限要求", "完成期限")
_LEADER_LABELS = ("牵头领导", "责任领导", "分管领导")
_PERSON_LABELS = ("责任人",)
_INFO_LABELS = _SCOPE_LABELS + _DEADLINE_LABELS + _LEADER_LABELS + _PERSON_LABELS
_LABEL = re.compile("(" + "|".join(_LEAD_LABELS + _RESP_LABELS + _CO_LABELS + _INFO_LABELS) + r")\s*[：:]")
# "列第一位的为牵头单位", "列第一位者为牵头单位", "列第一的为牵头单位", "排名第一的为牵头单位"
RULE = re.compile(
    r"(?:排|列)(?:在)?(?:第一|首)(?:位|个)?(?:的|者)?(?:责任单位|单位|部门)?(?:为|是)牵头"
    r"|排名第一(?:的|者)?(?:单位|部门)?(?:为|是)牵头|第一个(?:单位|部门)?(?:为|是)牵头"
)
_NOTE = re.compile(r"\s*[，。；,;]\s*(?:(?:排|列|第一个|排名).{0,16}牵头.*|下同.*|具体任务.*|不再.*)$")
_DUTY = r"(?:按(?:照)?(?:各自)?职责(?:分工)?|分别|共同|具体)?"
_LEAD_WORDED = re.compile(
    rf"(?P<lead>.+?){_DUTY}牵头(?:负责)?"
    rf"(?:\s*[，；,;]\s*(?P<co>.+?){_DUTY}(?:配合(?:提供数据)?|参与|协同|协助|负责(?:实施|落实)?))?"
)
_OWN_WORDED = re.compile(rf"(?:由)?(?P<lead>.+?)(?:会同(?P<co>.+?))?(?:等)?{_DUTY}负责(?:实施|落实)?")
_OPEN, _CLOSE = "（〔【", "）〕】"
_LEAD_NOTE = 40  # the longest note a bracket may print before its label


@dataclass(frozen=True)
class Tag:
    """One responsibility tag: who leads, who else, for what scope, as printed."""

    text: str  # the tag as printed (normalised), brackets included when it had them
    leads: list[str]
    units: list[str]  # leads first, then the other units, in printed order
    lead_stated: bool  # the tag itself names the lead (牵头…)
    scope: str | None = None
    deadline: str | None = None
    leader: str | None = None  # 牵头领导 on a line of its own under the item
    person: str | None = None  # 责任人
    start: int = 0  # offsets in the paragraph's normalised text
    end: int = 0


def find_tags(text: str) -> list[Tag]:
    """Every bracketed responsibility tag in a normalised paragraph, in order."""
    out = []
    for start, end in _brackets(text):
        tag = parse_tag_body(text[start + 1 : end - 1])
        if tag and tag.units:
            out.append(replace(tag, text=text[start:end], start=start, end=end))
    return out


def parse_label_line(text: str) -> Tag | None:
    """A paragraph that is a tag without brackets: "责任单位：市商务局、市发改委", or one that adds
    to the tag above it ("责任单位：…" under "牵头单位：…", "牵头领导：…", "完成时限：…")."""
    if not _LABEL.match(text) or len(text) > 300:
        return None
    tag = _labelled(text)
    return replace(tag, text=text, start=0, end=len(text)) if tag else None


def parse_tag_body(body: str) -> Tag | None:
    """Read the inside of a bracket (or a table cell) as a tag; None for an ordinary bracket."""
    body = body.strip()
    if not body or len(body) > 400 or "负责人" in body:
        return None
    if _LABEL.match(body):
        return _labelled(body)
    # a deadline before the label: "（5月底取得明显成效并持续推进，牵头考核单位：市审批服务局）"
    m = _LABEL.search(body)
    if m and 0 < m.start() <= _LEAD_NOTE and body[m.start() - 1] in "，,；;":
        tag = _labelled(body[m.start() :])
        return replace(tag, deadline=tag.deadline or body[: m.start() - 1]) if tag else None
    return _worded(body)


def _labelled(body: str) -> Tag | None:
    values: dict[str, str] = {}
    marks = list(_LABEL.finditer(body))
    for i, m in enumerate(marks):
        value = body[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(body)]
        values.setdefault(m.group(1), value.strip(" ，,；;。"))
    leads = _units(values, _LEAD_LABELS)
    resp = _units(values, _RESP_LABELS)
    co = _units(values, _CO_LABELS)
    units = _dedupe(leads + resp + co)
    info = {
        labels: next((values[k] for k in labels if values.get(k)), None)
        for labels in (_SCOPE_LABELS, _DEADLINE_LABELS, _LEADER_LABELS, _PERSON_LABELS)
    }
    if not units and not any(info.values()):
        return None
    return Tag(
        body,
        leads or units[:1],
        units,
        bool(leads),
        info[_SCOPE_LABELS],
        info[_DEADLINE_LABELS],
        info[_LEADER_LABELS],
        info[_PERSON_LABELS],
    )


def _worded(body: str) -> Tag | None:
    core = _NOTE.sub("", body).strip(" 。")
    if not re.search(r"(?:牵头|负责|配合|牵头负责|负责实施|负责落实)$", core):
        return None
    m = _LEAD_WORDED.fullmatch(core)
    if m:
        leads, co, stated = split_units(m.group("lead")), split_units(m.group("co") or ""), True
    else:
        m = _OWN_WORDED.fullmatch(core)
        if not m:
            return None
        leads, co, stated = split_units(m.group("lead")), split_units(m.group("co") or ""), False
        if m.group("co") and leads:  # "X会同有关部门负责": X leads
            stated = len(leads) == 1
    if not leads or not looks_like_units(leads) or (co and not _plausible(co)):
        return None
    units = _dedupe(leads + co)
    return Tag(body, leads if stated else leads[:1], units, stated)


def _plausible(units: list[str]) -> bool:
    """Co-units may be loosely named ("有关企业"); they must still be names, not a sentence."""
    return all(len(u) <= 40 and not re.search(r"[的是在了将要。]", u) for u in units) and any(
        UNIT_END.search(u) or u.startswith(("各", "有关", "相关")) for u in units
    )


def _units(values: dict[str, str], labels: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for label in labels:
        if values.get(label):
            out += split_units(values[label])
    return out


def _dedupe(units: list[str]) -> list[str]:
    out: list[str] = []
    for u in units:
        if u not in out:
            out.append(u)
    return out


def _brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost bracket span; an unclosed bracket is ignored."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def strip_tags(text: str) -> str:
    """The text without its responsibility tags (a heading "强化科技创新（区科技局牵头）")."""
    for tag in reversed(find_tags(text)):
        text = text[: tag.start] + text[tag.end :]
    return text
