"""An independent census of responsibility tags in a text, to measure the extractor against.

Deliberately simple and separate from `knowledge.extract`: it finds every balanced bracket
（…） or 〔…〕 in the (width-folded) text and sorts the ones that read as a tag into the shapes
the development corpus shows. Sharing no code with the extractor keeps the measure honest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPEN, CLOSE = "（〔", "）〕"
_LABEL = re.compile(r"^(?:牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门)[：:]")
_VERB_END = re.compile(r"(?:牵头|负责|配合)(?:[。，；].{0,40}(?:牵头单位|下同).{0,12})?$")
_RULE = re.compile(r"列?第一(?:位)?(?:的|者)?为牵头")


@dataclass(frozen=True)
class CensusTag:
    shape: str
    text: str  # the bracket content, folded
    start: int  # offset in the folded text


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.translate(str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}))


def brackets(text: str) -> list[tuple[int, str]]:
    """Every outermost bracket span as (start, content); newlines inside are dropped (PDF wraps)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, text[start + 1 : i].replace("\n", "")))
    return out


def shape_of(body: str) -> str | None:
    """The tag shape of a bracket's content, or None for an ordinary bracket."""
    body = body.strip()
    if "负责人" in body or len(body) > 400:
        return None
    if _LABEL.match(body):
        if body.startswith(("负责部门", "负责单位")):
            return "负责部门：X"
        if "牵头" in body[:6]:
            if "配合单位" in body or "配合部门" in body:
                return "牵头单位：X；配合单位：Y"
            m = re.search(r"([，；])\s*(?:责任单位|责任部门)[：:]", body)
            if m:
                return "牵头单位：X，责任单位：Y" if m.group(1) == "，" else "牵头单位：X；责任单位：Y"
            return "牵头单位：X"
        return "责任单位：X"
    if not _VERB_END.search(body):
        return None
    head = re.split(r"。|[，；](?=列|排|下同)", body)[0]  # drop the "列第一…为牵头单位，下同" note
    if "牵头" in head:
        after = re.sub(r"^负责", "", head[head.index("牵头") + 2 :]).strip("，；")
        return "X牵头，Y配合" if after else "X牵头"
    if re.search(r"按(?:照)?职责分工负责$", head):
        return "X、Y按职责分工负责"
    if head.endswith("负责"):
        return "X负责"
    return None


def census(text: str) -> list[CensusTag]:
    folded = fold(text)
    out = []
    for start, body in brackets(folded):
        shape = shape_of(body)
        if shape:
            out.append(CensusTag(shape, body.strip(), start))
    previous_was_label = False
    offset = 0
    for line in folded.split("\n"):  # a label on a line of its own; the lines after it add to it
        is_label = bool(_LABEL.match(line.strip()))
        if is_label and not previous_was_label:
            out.append(CensusTag("责任单位：X（单独成行）", line.strip(), offset))
        previous_was_label = is_label
        offset += len(line) + 1
    return out


def has_rule(text: str) -> bool:
    return bool(_RULE.search(fold(text).replace("\n", "")))


def tag_units_start(body: str) -> str:
    """The tag text where its first unit begins (after a leading label)."""
    return re.sub(r"^(?:牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门)[：:]\s*", "", body.strip())
