"""责任单位 lists → Responsibility records (the first unit listed leads: 牵头单位).

Units split on 、 and ，, but compound names such as 各区、县（市）政府 are one unit.
Also reads inline forms: （责任单位：X、Y）, 牵头单位：X；配合单位：Y.
"""

from __future__ import annotations

import re

from knowledge.models import Paragraph, Responsibility, SourceDocument
from knowledge.sections import heading_number, heading_text

_LINE = re.compile(r"^(?:责任单位|责任部门|牵头单位|责任主体)[：:](.+)$")
_INLINE = re.compile(r"[（(](?:责任单位|牵头单位|责任部门)[：:]([^）)]+)[）)]")
_LEAD_CO = re.compile(r"牵头单位[：:]([^；;。]+)[；;，,]\s*(?:配合|协同|参与)单位[：:]([^；;。]+)")
# "各区、县（市）政府", "各区、县（市）人民政府", "区、县（市）": one unit despite the 、
_COMPOUND = re.compile(r"各?区、县（市）(?:人民)?(?:政府|党委|有关部门)?")
_NOTE = re.compile(r"[；;。]?\s*(?:列第一位的为牵头单位|排名第一的为牵头单位|第一个为牵头单位|下同).*$")


def split_units(text: str) -> list[str]:
    """Split a unit list, keeping compound unit names whole."""
    text = re.sub(r"^(?:责任单位|牵头单位)[:：]\s*", "", text.strip())  # a table cell may repeat the label
    text = _NOTE.sub("", text).strip("。；; ")
    protected: list[str] = []

    def _keep(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    masked = _COMPOUND.sub(_keep, text)
    units = []
    for part in _split_outside_brackets(masked):
        part = re.sub(r"\x00(\d+)\x00", lambda m: protected[int(m.group(1))], part).strip(" 等。")
        if part and part not in units:
            units.append(part)
    return units


def _split_outside_brackets(text: str) -> list[str]:
    """Split on 、，,；;/ and newlines, but not inside brackets: 各县（市、区）人民政府 is one unit."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "（([【"
        depth = max(0, depth - (ch in "）)]】"))
        if depth == 0 and ch in "、，,；;/\n":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def _task(p: Paragraph) -> tuple[str, str]:
    """(section number path, task) from the paragraph's heading path."""
    section = "".join(heading_number(h) for h in p.path)
    task = heading_text(p.path[-1]) if p.path else ""
    return section, task


def extract_responsibilities(doc: SourceDocument) -> list[Responsibility]:
    doc_no = doc.doc_no or doc.title
    out: list[Responsibility] = []
    for p in doc.paragraphs:
        m = _LINE.match(p.norm)
        if m:
            units = split_units(m.group(1))
            if units:
                section, task = _task(p)
                out.append(Responsibility(doc_no, section, task, units[0], units, p.text))
            continue
        for m in _LEAD_CO.finditer(p.norm):
            lead = split_units(m.group(1))
            co = split_units(m.group(2))
            if lead:
                section, task = _task(p)
                out.append(Responsibility(doc_no, section, task or _sentence_before(p.norm, m.start()), lead[0], lead + co, m.group(0)))
        for m in _INLINE.finditer(p.norm):
            units = split_units(m.group(1))
            if units:
                section, heading_task = _task(p)
                task = _sentence_before(p.norm, m.start()) or heading_task
                out.append(Responsibility(doc_no, section, task, units[0], units, m.group(0)))
    return out


def _sentence_before(text: str, end: int) -> str:
    head = text[:end].rstrip("。；; ")
    start = max(head.rfind(c) for c in "。；;") + 1
    sentence = head[start:].strip()
    sentence = re.sub(r"^(?:\d+[\.、．]|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、)", "", sentence)
    return sentence[:80]
