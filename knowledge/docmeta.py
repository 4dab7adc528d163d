"""Decide each metadata field of a document from the places a government text prints it.

Every field has an ordered list of sources, admin metadata first; the first source that has a
value wins. The layout (metadata table, head, 题注, 落款, carried document) is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.dates import find_dates, parse_date
from knowledge.decree import numbered_decree, order_effective
from knowledge.docno import doc_no_of, printed_no
from knowledge.english_head import read_english_head
from knowledge.footer import PRINTED, Signature, footer_cc, marker_of, signature
from knowledge.furniture import Page, strip_furniture
from knowledge.head import Head, read_head, title_issuer
from knowledge.head_lines import tidy_head
from knowledge.issuer_choice import choose_issuer, completed
from knowledge.issuers import is_organ
from knowledge.keylist import find_metatable, read_catalogue
from knowledge.lawhead import _LINE as LAW_LINE
from knowledge.lawhead import LawHead, read_law_head
from knowledge.mirror_text import repair_lines
from knowledge.normalize import is_chinese, normalize
from knowledge.preface import interpreted_title, prefaced_title
from knowledge.report_head import delivered
from knowledge.runon import rebreak
from knowledge.signcols import column_signers
from knowledge.titles import (
    attached_title,
    body_title,
    carried_titles,
    cited_in_notice,
    file_title,
    issues_document,
    nested,
    promulgated_title,
    same_words,
    without_masthead,
)

_BARE_HEADING = re.compile(r"[^关于《》，。]{2,40}(?:公告|令)(?:第[\d〇零一二三四五六七八九十百]{1,6}号)?")
_PUBLISHED = re.compile(r"^(?:发布日期|发布时间|发表时间|发文日期|成文日期|日期)[：:]\s*(.+)$")


@dataclass
class Layout:
    lines: list[str]  # original lines (metadata table removed)
    norms: list[str]  # the same, normalised
    table: dict[str, str]
    head: Head
    law: LawHead
    sig: Signature | None
    page: Page = field(default_factory=Page)
    effective: str | None = None  # when the order or 印发 notice puts the text in force
    subject: str | None = None  # the carried document's own printed title
    subject_line: int | None = None  # where that title starts
    aliases: list[str] = field(default_factory=list)
    promulgated: bool = False  # the title is the text an order without its own title promulgates


def read_layout(lines: list[str]) -> Layout:
    """Read the parts of the text; the lines kept are the document's (page furniture and the
    metadata table taken out, run-together lines broken, the head tidied)."""
    lines = rebreak(repair_lines(lines))
    catalogue, first, after = read_catalogue(lines)
    lines, page = strip_furniture(lines[:first] + lines[after:])
    table, start, end = find_metatable(lines)
    table = {**catalogue, **table}
    info = page.info_line
    if end > start:
        lines = lines[:start] + lines[end:]
        if info is not None and info > start:
            info = max(start, info - (end - start))
    if is_chinese("\n".join(lines[:60])):
        lines, copies = tidy_head(lines, info)
        norms = [normalize(x) for x in lines]
        head = read_head(norms, LAW_LINE, copies)
    else:  # an English page: its navigation, title and date line
        title, used, when = read_english_head(lines)
        norms = [normalize(x) for x in lines]
        head = Head(lines=used, title=title)
        page.date = when or page.date
    law = read_law_head(head.rest)
    sig = signature(norms, head.lines)
    if sig and len(sig.signers) >= 2 and sig.person is None:  # organs in two columns: read row by row
        sig.signers = column_signers(lines[sig.index - len(sig.signers) : sig.index]) or sig.signers
    elif sig and len(sig.signers) == 1:  # joint organs on one line: "厦门市商务局 厦门市财政局"
        parts = [normalize(p) for p in lines[sig.index - 1].split()]
        if len(parts) >= 2 and all(is_organ(p) for p in parts):
            sig.signers = parts
    layout = Layout(lines, norms, table, head, law, sig, page)
    if sig and sig.index - head.lines <= 12:  # the order or notice above a 落款
        layout.effective = order_effective(norms[head.lines : sig.index], sig.date)
    _read_subject(layout)
    return layout


def _read_subject(layout: Layout) -> None:
    """The carried document of a 印发/转发 notice, as its own title prints it after the 落款."""
    head, sig, norms = layout.head, layout.sig, layout.norms
    carried = carried_titles(head.title or "")
    notice = norms[head.lines : sig.index] if sig else []
    # a legislature's or government's heading alone ("滁州市人民代表大会常务委员会公告") names no text
    if head.title and _BARE_HEADING.fullmatch(head.title) and promulgated_title(notice):
        head.rest.append(head.title)
        head.title = None
    # a 印发 notice, or an order "现公布《X》", printed without its own title
    issues = not head.title and (issues_document(notice) or bool(promulgated_title(notice)))
    if sig and (carried or issues):
        k = sig.index + 1
        while k < len(norms) and (marker_of(norms[k]) or _annotation(norms[k])):
            k += 1
        printed, _ = body_title(norms, k)
        if printed and printed != "目录":  # a regulation's table of contents, not its title
            layout.subject, layout.subject_line = printed, k
    cited = cited_in_notice(norms[head.lines : sig.index if sig else head.lines + 6])
    if issues and not layout.subject:  # named by its 附件 list, its order, or the sentence issuing it
        layout.subject = attached_title(notice) or promulgated_title(notice) or next(iter(cited), None)
        layout.promulgated = bool(layout.subject) and layout.subject == promulgated_title(notice)
    if layout.subject:
        for c in cited:  # the notice cites it with its punctuation: 《A、B、C办法》
            if same_words(c, layout.subject):
                layout.subject = c
    aliases = carried + cited + ([layout.subject] if layout.subject else []) + [head.subtitle or ""]
    seen: list[str] = []
    for a in aliases:
        a = a.strip()
        if a and a != head.title and a not in seen:
            seen.append(a)
    layout.aliases = seen


def _annotation(n: str) -> bool:
    """附件 lines and a short bracketed 附注 after the 落款 (garbled ones too): not the carried title."""
    return n.startswith(("附件", "（本文有删减")) or (
        len(n) <= 14 and n.endswith(("）", ")")) and "《" not in n
    )


def decide(meta: dict[str, str], layout: Layout, path: str) -> dict[str, object]:
    """title, subject_title, aliases, doc_no, issuer, date, printed_date, addressees, cc, validity."""
    head, table = layout.head, layout.table
    title = meta.get("title") or without_masthead(head.title or table.get("title") or "") or None
    subject = layout.subject or (layout.aliases[0] if layout.aliases else None)
    explained = None if title else interpreted_title(layout.norms)
    if not title:
        title = layout.subject or prefaced_title(layout.norms) or (f"关于《{nested(explained)}》的解读" if explained else file_title(path))
        subject = None
    tail = layout.norms[-6:]
    doc_no = _doc_no(meta, head, table, layout.law)
    table = layout.table = _placeholders_dropped(table, doc_no)
    date, date_source = _date(meta, layout)
    printed = _printed(tail)
    if not date and printed:
        date, date_source = printed, "印发"
    if not doc_no and layout.promulgated and title == layout.subject:
        doc_no = numbered_decree(head.rest, title_issuer(title))
    return {
        "title": title,
        "subject_title": subject if subject and subject != title else None,
        "aliases": [a for a in [*layout.aliases, *([explained] if explained else [])] if a != title],
        "doc_no": doc_no,
        "issuer": completed(choose_issuer(meta, layout, title, doc_no, tail), doc_no, layout.norms),
        "date": date,
        "date_source": date_source,
        "printed_date": printed,
        "addressees": head.addressees,
        "cc": footer_cc(tail),
        "effective_from": layout.law.effective or layout.effective or table.get("effective"),
        "valid_until": table.get("repealed"),
    }


def _placeholders_dropped(table: dict[str, str], doc_no: str | None) -> dict[str, str]:
    """A listed date years before the year the document's own 文号 names is a site's placeholder
    ("【颁发时间】 1970-08-22" over 苏政复〔2011〕19号): no date of the document. (One year back is
    still the document's: a text signed on 28 December is numbered in the new year.)"""
    m = re.search(r"〔((?:19|20)\d{2})〕", doc_no or "")
    if not m:
        return table
    earliest = str(int(m.group(1)) - 1)
    keys = ("date", "effective", "published", "repealed")
    return {k: v for k, v in table.items() if k not in keys or v[:4] >= earliest}


def _doc_no(meta: dict[str, str], head: Head, table: dict[str, str], law: LawHead) -> str | None:
    if "doc_no" in meta and doc_no_of(meta["doc_no"]):
        return doc_no_of(meta["doc_no"])
    return head.doc_no or (printed_no(table["doc_no"]) if "doc_no" in table else None) or law.number


def _date(meta: dict[str, str], layout: Layout) -> tuple[str | None, str | None]:
    """The 成文日期 and where it came from."""
    head, table, law, sig = layout.head, layout.table, layout.law, layout.sig
    if meta.get("date"):
        found = parse_date(meta["date"])
        if found:
            return found, "admin"
    if sig and sig.date:
        return sig.date, "落款"
    if table.get("date"):
        return table["date"], "table"
    if head.date:
        return head.date, "文号"
    if sig and sig.signers:  # a 落款 whose date lost its year: no page stamp stands in for it
        return None, None
    if law.date:
        return law.date, "题注"
    if delivered(head.rest)[0]:  # a report "——X年X月X日在…会议上"
        return delivered(head.rest)[0], "报告"
    if table.get("created"):  # a Fujian-style list's 生成日期 stands for its 成文日期, before the page's stamp
        return table["created"], "生成日期"
    for n in head.rest:
        m = _PUBLISHED.match(n)
        if m and find_dates(m.group(1)):
            return find_dates(m.group(1))[0], "发布日期"
    if table.get("published"):
        return table["published"], "发布日期"
    if layout.page.date:
        return layout.page.date, "发布日期"
    return None, None


def _printed(tail: list[str]) -> str | None:
    for n in tail:
        m = PRINTED.search(n)
        if m:
            return parse_date(m.group(2))
    return None
