"""Lines → paragraphs with their heading path: page breaks re-joined, 落款 lines marked."""

from __future__ import annotations

import re
from collections.abc import Set

from knowledge.footer import is_footer_line
from knowledge.models import Paragraph
from knowledge.normalize import is_chinese, normalize
from knowledge.sections import HeadingStack, parse_heading

_SENTENCE_END = tuple("。；！？：”」）)》.!?;:")
_KEY_LINE = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]")
_NO_JOIN_START = ("责任单位", "抄送", "承办人", "联系人", "联系电话", "附件", "（此件", "此件")


_PAGE_NUMBER = re.compile(r"^[—\-－–\s]*\d{1,3}[—\-－–\s]*$|^第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d+\s*页?)?$")
_MARKDOWN = re.compile(r"^#{1,6}\s+|^\*\*(.+)\*\*$")
_COMMENT = re.compile(r"^<!--.*-->$")


def split_lines(text: str) -> list[str]:
    """Lines are paragraphs; blank lines, page numbers ("— 2 —") and markdown markup are furniture."""
    out = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line or _PAGE_NUMBER.match(line) or _COMMENT.match(line):
            continue
        line = _MARKDOWN.sub(lambda m: m.group(1) or "", line).strip()
        if line:
            out.append(line)
    return out


# a unit list wrapped onto the next line ("责任单位：…、市财政局，各县（市）" / "区人民政府、高新区管委会"):
# the next line is only more units, whatever the first line ended with
_TAG_LINE = re.compile(r"^[（(]?(?:责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门)[：:]")
_UNIT = r"[^。；;：:，,、]{1,30}?(?:政府|管委会|委员会|局|委|办|厅|中心|公司|集团|单位|部门)"
_UNITS_ONLY = re.compile(rf"^{_UNIT}(?:[、，,]{_UNIT})*[。；;）)]?$")


def should_join(cur: str, nxt: str) -> bool:
    """A page break split one paragraph in two: join when the first half cannot end there."""
    n_next = normalize(nxt)
    if _TAG_LINE.match(normalize(cur)) and not normalize(cur).endswith(("。", "；")) and _UNITS_ONLY.match(n_next):
        return True
    if parse_heading(n_next) or n_next.startswith(_NO_JOIN_START) or is_footer_line(n_next):
        return False
    if cur.count(" | ") >= 2 or nxt.count(" | ") >= 2:
        return False  # table rows (cells joined by " | ") are one line each: never merge two rows
    n_cur = normalize(cur)
    h = parse_heading(n_cur)
    if h and not h.has_body and (len(n_cur) < 24 or n_cur.endswith(_SENTENCE_END)):
        return False  # a heading line on its own (a longer one with no stop is a wrapped line of text)
    if n_cur.endswith(("、", "，", ",")):
        return True
    if not is_chinese(n_cur):
        return False
    return len(n_cur) >= 20 and not n_cur.endswith(_SENTENCE_END) and not _KEY_LINE.match(n_next)


def join_lines(paras: list[str], keep: Set[str] = frozenset()) -> list[str]:
    """Re-join page-broken paragraphs; a table's lines and cells (`keep`, normalised) stay
    lines of their own, so two rows are never glued into one paragraph."""
    out: list[str] = []
    for p in paras:
        in_table = " | " in p or " | " in out[-1] if out else False  # a delimited row is no wrapped sentence
        if (
            out
            and not in_table
            and should_join(out[-1], p)
            and normalize(p) not in keep
            and normalize(out[-1]) not in keep
        ):
            sep = "" if is_chinese(out[-1][-3:] + p[:3]) else " "
            out[-1] = out[-1] + sep + p
        else:
            out.append(p)
    return out


def build_paragraphs(
    body: list[str], footer: list[str], title: str, keep: Set[str] = frozenset()
) -> list[Paragraph]:
    stack = HeadingStack()
    out: list[Paragraph] = []
    for text in join_lines(body, keep):
        norm = normalize(text)
        if norm == normalize(title):
            continue
        h = parse_heading(norm) if norm not in keep else None  # a table cell heads no section
        if h:
            stack.push(h)
        out.append(Paragraph(text=text, norm=norm, path=stack.path, index=len(out)))
    for text in footer:
        out.append(Paragraph(text=text, norm=normalize(text), path=("落款",), index=len(out)))
    return out
