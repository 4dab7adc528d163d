"""Incentive clauses (奖励 / 补助 / 补贴 / 免收 / 优先…) → `Incentive` records, one per benefit.

This module walks the document: each paragraph's heading gives the item's short title and
its tag （责任单位：…） the responsible units; ` | ` table rows are read cell by cell (the 内容
cell is the clause, the 类别 cell names it, the 责任单位 cell gives the units). The clause
work is in `incentive_paragraphs` (which clauses grant what), `incentive_build` (one record
per tier), `incentive_values` / `incentive_conditions` (amounts, thresholds, who qualifies)
and `incentive_records` (document-level passes). A figure that is a target never becomes an
incentive: a clause must grant something to someone.
"""

from __future__ import annotations

import re

from knowledge.extract.incentive_clauses import classify, sentences, split_outside
from knowledge.extract.incentive_paragraphs import paragraph_drafts
from knowledge.extract.incentive_records import dedupe, merge_overviews, stamp_validity, to_record
from knowledge.extract.resp_tags import find_tags, parse_label_line, strip_tags
from knowledge.extract.responsibilities import split_units
from knowledge.models import Incentive, Paragraph, SourceDocument
from knowledge.sections import heading_number, heading_text, parse_heading

__all__ = ["extract_incentives", "stamp_validity"]

_HEADER_CELL = re.compile(r"^[\u4e00-\u9fff（）()/、]{1,14}$")


def extract_incentives(doc: SourceDocument) -> list[Incentive]:
    if doc.language != "zh":
        return []
    doc_no = doc.doc_no or doc.title
    out: list[tuple[Incentive, int]] = []
    header: list[str] | None = None
    paragraphs = doc.paragraphs
    for i, p in enumerate(paragraphs):
        if p.path and p.path[0] == "落款":
            continue
        if p.norm.count(" | ") >= 2:
            header = _table_row(doc, p, header, out, doc_no)
            continue
        heading, body = _heading_split(p)
        units = _units(p, paragraphs[i + 1] if i + 1 < len(paragraphs) else None)
        body = strip_tags(body).strip()
        if not body:
            continue
        # "具体支持额度如下：" introduces the items below: its own unstated grant yields to them
        intro = (sentences(body) or [""])[-1] if p.norm.rstrip().endswith(("：", ":")) else None
        for d in paragraph_drafts(body):
            strength = -1 if intro and d.kind == "unspecified" and d.sentence == intro else d.strength
            out.append((to_record(doc_no, _section(p), d, heading or _path_heading(p), units), strength))
    return dedupe(merge_overviews(out))


def _heading_split(p: Paragraph) -> tuple[str | None, str]:
    """(the item's short title, the text that grants): "（一）创建补贴。新组建…" → ("创建补贴", "新组建…")."""
    h = parse_heading(p.norm)
    if not h:
        return None, p.norm
    rest = p.norm[len(h.marker) :].strip()
    first, *others = sentences(rest) or [""]
    body = "。".join(others)
    if body and _grants(first) and not (len(first) <= 24 and _grants(body)):
        return None, rest  # the first sentence is the clause itself
    if not body:
        return None, rest if _grants(rest) else ""
    return strip_tags(first).strip().rstrip("。") or None, body


def _grants(text: str) -> bool:
    return any(classify(c, False).role == "benefit" for c in split_outside(text, "，；：,;"))


def _path_heading(p: Paragraph) -> str | None:
    if not p.path:
        return None
    text = heading_text(p.path[-1])
    first = sentences(text)[0] if text else ""
    return first if first and not _grants(first) else None


def _section(p: Paragraph) -> str:
    numbers = [heading_number(h) for h in p.path]
    if any(n.startswith("第") and n.endswith("条") for n in numbers):
        numbers = [n for n in numbers if not (n.startswith("第") and n.endswith("章"))]
    return "".join(numbers)


def _units(p: Paragraph, below: Paragraph | None) -> list[str]:
    """The responsible units of an item: the tag closing it, else a tag or 责任单位 line of its own
    right below it, else a tag on a heading above it ("一、强化科技创新（区科技局牵头）")."""
    tags = find_tags(p.norm)
    if tags:
        return list(tags[-1].units)
    if below is not None and not parse_heading(below.norm):
        line = find_tags(below.norm)
        if line and not strip_tags(below.norm).strip("。；; "):
            return list(line[0].units)
        label = parse_label_line(below.norm)
        if label:
            return list(label.units)
    for heading in reversed(p.path):
        covering = find_tags(heading)
        if covering:
            return list(covering[-1].units)
    return []


# --- tables ---------------------------------------------------------------------------------


def _table_row(
    doc: SourceDocument, p: Paragraph, header: list[str] | None, out: list, doc_no: str
) -> list[str] | None:
    """A ` | ` table row: its content cell is read like a paragraph, its 类别 cell names the benefit."""
    cells = [c.strip() for c in p.norm.split(" | ")]
    if all(_HEADER_CELL.match(c) for c in cells if c):
        return cells
    named = dict(zip(header, cells, strict=False)) if header and len(header) == len(cells) else {}
    content = next((v for word in ("内容", "措施", "标准", "条款", "政策") for k, v in named.items()
                    if word in k and "类别" not in k and len(v) > 8), None)  # fmt: skip
    content = content or max(cells, key=len)
    title = next((v for k, v in named.items() if re.search(r"类别|名称|事项|项目", k)), None)
    title = re.sub(r"\s*（[^（）]*）\s*$", "", title).strip() if title else None
    unit_cell = next(
        (v for k, v in named.items() if re.search(r"责任单位|牵头单位|责任部门|实施单位", k)), ""
    )
    units = split_units(unit_cell) if unit_cell else []
    for d in paragraph_drafts(content, carry=True):
        out.append((to_record(doc_no, _section(p), d, title, units), d.strength))
    return header
