"""Responsibility records from the tags in a document's prose (tables are read elsewhere).

A tag belongs to the item it closes: the numbered item or sentence run before it in the same
paragraph, or — for a tag set as its own paragraph (a .docx layout), a 责任单位：… line, or a
tag a page break parted from its item — the numbered item it sits under. Lines that follow
one another under one item (牵头单位：X / 责任单位：Y / 完成时限：…) make one record. A tag on
a heading ("一、强化科技创新（区科技局牵头）") covers the numbered items under that heading
that carry no tag of their own.

Who leads: a 牵头 tag or label says so. A plain list (责任单位：X、Y / （X、Y负责）) still
records its first unit as `lead` — the common convention — but `lead_stated` claims it only
when the document states "列第一位的为牵头单位" (once, for the whole document) or names a
single unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.extract.resp_tags import RULE, Tag, find_tags, parse_label_line, strip_tags
from knowledge.extract.unit_lists import split_units
from knowledge.models import Paragraph, Responsibility, SourceDocument
from knowledge.sections import parse_heading

__all__ = ["extract_responsibilities", "split_units"]  # split_units: callers import it from here

_TASK_MAX = 80
_ITEM_MAX = 400
_SENTENCE_END = re.compile(r"[。；！？;]")
_NUMBERING = re.compile(
    r"^(?:\d{1,2}[\.、．]|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条)\s*"
)


class _Reader:
    """Walks the paragraphs once, remembering the open items and the tags already read."""

    def __init__(self, doc: SourceDocument) -> None:
        self.doc_no = doc.doc_no or doc.title
        self.body = [p for p in doc.paragraphs if p.path[:1] != ("落款",)]
        self.rule = any(RULE.search(p.norm) for p in self.body)
        self.heads: dict[tuple[str, ...], Paragraph] = {}  # heading path -> the paragraph opening it
        self.tagged_heads: dict[tuple[str, ...], Tag] = {}
        self.claimed: set[tuple[str, ...]] = set()  # items whose tag has been read
        self.out: list[Responsibility] = []
        self.last_line: tuple[str, ...] | None = None  # the item the previous line-tag belonged to
        self.run: list[str] = []  # the item's text read since its heading or the last tag

    def add(self, tag: Tag, at: Paragraph, task: str, item: str) -> None:
        if not tag.units:
            return
        lead = tag.leads[0]
        self.out.append(
            Responsibility(
                self.doc_no,
                at.section_no,
                task,
                lead,
                tag.units,
                tag.text,
                tag.scope,
                tag.leader,
                tag.person,
                tag.deadline,
                leads=list(tag.leads) if tag.lead_stated else [lead],
                lead_stated=tag.lead_stated or self.rule or len(tag.units) == 1,
                item=strip_tags(item).strip(" 。；")[:_ITEM_MAX],
            )
        )

    def read(self) -> list[Responsibility]:
        previous: Paragraph | None = None
        for p in self.body:
            heading = parse_heading(p.norm)
            if heading:
                self.heads[p.path] = p
                self.run = []
            line = parse_label_line(p.norm)
            tags = [line] if line else find_tags(p.norm)
            if line and self.last_line == p.path and self.out:
                self.out[-1] = _merge(self.out[-1], line, self.rule)
            elif tags and (line or _alone(p.norm, tags)):
                owner = self.heads.get(p.path) or previous or p  # the item it sits under
                self.add(tags[0], owner, _item_task(owner.norm), " ".join(self.run) or owner.norm)
            elif tags:
                self.inline(p, tags, heading)
            elif heading:
                cover = _covering(p.path, self.tagged_heads)
                if cover:
                    self.add(cover, p, _item_task(p.norm), p.norm)
            self.last_line = p.path if line else None
            if tags:
                self.claimed.add(p.path)
                self.run = []
            else:
                previous = p
                self.run.append(p.norm)
        return self.out

    def inline(self, p: Paragraph, tags: list[Tag], heading) -> None:  # noqa: ANN001 - sections.Heading
        item = self.heads.get(p.path)
        # a page break parted the numbered item ("（一）加大稳岗支持力度。…") from its tag
        split_item = not heading and item is not None and p.path not in self.claimed and _has_body(item)
        prev_end = 0
        for tag in tags:
            if heading and not heading.has_body and tag is tags[-1] and not p.norm[tag.end :].strip(" 。"):
                self.tagged_heads[p.path] = tag  # a heading tag: it covers the items under it
            text = p.norm[prev_end : tag.start]
            if split_item and item is not None and prev_end == 0:
                self.add(tag, p, _item_task(item.norm), " ".join([*self.run, text]))
            else:
                self.add(tag, p, _task_before(p.norm, prev_end, tag.start) or _item_task(p.norm), text)
            prev_end = tag.end


def extract_responsibilities(doc: SourceDocument) -> list[Responsibility]:
    return _Reader(doc).read()


def _merge(r: Responsibility, line: Tag, rule: bool) -> Responsibility:
    """ "牵头单位：X" then "责任单位：Y" (or 完成时限, 牵头领导) under one item: one record."""
    if line.lead_stated and not r.lead_stated:
        units = list(dict.fromkeys(line.units + r.units))
        return replace(
            r,
            lead=line.leads[0],
            leads=list(line.leads),
            units=units,
            lead_stated=True,
            source=r.source + "\n" + line.text,
        )
    units = list(dict.fromkeys(r.units + line.units))
    return replace(
        r,
        units=units,
        source=r.source + "\n" + line.text,
        scope=r.scope or line.scope,
        leader=r.leader or line.leader,
        person=r.person or line.person,
        deadline=r.deadline or line.deadline,
        lead_stated=r.lead_stated or rule or len(units) == 1,
    )


def _alone(norm: str, tags: list[Tag]) -> bool:
    """The paragraph is one tag and nothing else: it belongs to the item above it."""
    return len(tags) == 1 and not norm[: tags[0].start].strip() and not norm[tags[0].end :].strip(" 。；")


def _has_body(p: Paragraph) -> bool:
    """A numbered item with text of its own ("（一）加大稳岗支持力度。对不裁员…"), not a bare heading."""
    h = parse_heading(p.norm)
    return bool(h and h.has_body)


def _covering(path: tuple[str, ...], tagged: dict[tuple[str, ...], Tag]) -> Tag | None:
    for k in range(len(path) - 1, 0, -1):
        if path[:k] in tagged:
            return tagged[path[:k]]
    return None


def _item_task(norm: str) -> str:
    """What an item is about: its first sentence (its heading title), numbering and tags removed."""
    text = _NUMBERING.sub("", strip_tags(norm).strip())
    return _SENTENCE_END.split(text, maxsplit=1)[0].strip(" ：:，,")[:_TASK_MAX]


def _task_before(norm: str, start: int, end: int) -> str:
    """The item a tag closes: the text since the previous tag, as its first sentence."""
    segment = norm[start:end].strip(" 。；;")
    return _item_task(segment) if segment else ""
