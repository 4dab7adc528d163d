"""Lists of government units as documents print them: "省财政厅、省商务厅，各设区市人民政府".

Units split on 、，；/ and on 和/及 between two full unit names, never inside brackets
(各县（市、区）人民政府 is one unit) and never inside a compound such as 各区、县（市）政府 or
有关区、市政府, whose first part ("各区", "有关区") is no unit on its own. "等" ends a list:
what follows it ("等省直有关部门") only sums the list up. Trailing notes
("列第一位的为牵头单位，下同") and verbs ("按职责分工负责") are not units.
"""

from __future__ import annotations

import re

# what a unit name ends with; "各…", "有关…" and "相关…" lists are units too
UNIT_END = re.compile(
    r"(?:部|委|办|厅|局|院|署|会|联|银行|支行|分行|所|处|室|队|站|社|中心|政府|管委会|公司|集团|分局|支行|海关|"
    r"法院|检察院|单位|部门|机构|企业|银行|园区|开发区|高新区|新区|协会|联合会|党委|党组|组织部|宣传部|"
    r"统战部|政法委|网信办|总队|支队|大队|委员会|研究院|研究所|学校|大学|学院|医院|平台|专班|小组)$"
)
_GROUP_START = re.compile(r"^(?:各|有关|相关|其他|其它)")
_LABEL = re.compile(
    r"^(?:牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门|配合单位|配合部门|主办单位|承办单位)[:：]\s*"
)
# notes that follow a list: the lead rule, "下同", "具体任务…不再做分工"
_NOTE = re.compile(
    r"[。；;，,]?\s*(?:(?:排|列)(?:在)?(?:第一|首)(?:位|个)?|第一个|排名第一)(?:的|者)?(?:责任单位|单位|部门)?为牵头.*$"
    r"|[。；;，,]\s*下同.*$|。.*$"
)
_VERB_TAIL = re.compile(
    r"(?:按(?:照)?职责(?:分工)?|分别|共同|牵头|具体)?(?:负责(?:实施|落实|推进)?|牵头|配合(?:提供数据)?|落实|实施|参与)$"
)
_SEPARATORS = "、，,；;/\n"
_JOINERS = re.compile(r"(?<=[\u4e00-\u9fff）)])(以及|和|及|与)(?=[\u4e00-\u9fff])")
_GENERIC = re.compile(r"[\u4e00-\u9fff]{0,2}(?:单位|部门|机构)")
_OPEN, _CLOSE = "（([【〔", "）)]】〕"


def split_units(text: str) -> list[str]:
    """Split a unit list, keeping compound unit names whole; lead first, order kept."""
    text = _LABEL.sub("", text.strip())
    text = _NOTE.sub("", text).strip("。；;，, ")
    units: list[str] = []
    pending = ""  # "各区" waiting to join "县（市）政府"
    for raw in _split_outside_brackets(text):
        part = raw.strip()
        if not part:
            continue
        if pending:
            part, pending = pending + "、" + part, ""
        part = _VERB_TAIL.sub("", _cut_at_deng(part)).strip(" 。")
        for piece in _split_joined(part):
            if _incomplete(piece):
                pending = piece
            elif piece and piece not in units:
                units.append(piece)
    if pending and pending not in units:
        units.append(pending)
    return units


def _cut_at_deng(part: str) -> str:
    """ "X等有关部门" → "X": 等 sums a group up (平等, 高等院校 are words, not the end of a list)."""
    m = re.search(r"(?<![平高中初同对])等(?!级|院校|学校|教育)", part)
    return part[: m.start()] if m and m.start() > 0 else part


def _split_joined(part: str) -> list[str]:
    """Split "市财政局和市税务局" in two, but keep "工业和信息化部", "各有关部门和单位"."""
    pieces = _JOINERS.split(part)
    out = [pieces[0]]
    for joiner, nxt in zip(pieces[1::2], pieces[2::2], strict=True):
        if UNIT_END.search(out[-1]) and UNIT_END.search(nxt) and not _GENERIC.fullmatch(nxt):
            out.append(nxt)
        else:
            out[-1] += joiner + nxt
    return out


def _incomplete(piece: str) -> bool:
    """ "各区", "有关区", "各市": an administrative level that only the next part completes."""
    return bool(re.fullmatch(r"(?:各|有关|相关)?[省市区县镇乡]", piece))


def _split_outside_brackets(text: str) -> list[str]:
    """Split on 、，,；;/ and newlines, but not inside brackets: 各县（市、区）人民政府 is one unit."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def looks_like_units(units: list[str]) -> bool:
    """True when every item reads as a unit name: what tells a tag from an ordinary bracket."""
    return bool(units) and all(
        2 <= len(u) <= 40
        and (UNIT_END.search(u) or _GROUP_START.match(u))
        and not re.search(r"[的是在了将要，。]", u)
        for u in units
    )
