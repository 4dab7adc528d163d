"""Decide each metadata field of a document from the places a government text prints it.

Every field has an ordered list of sources, admin metadata first; the first source that has a
value wins. The layout (metadata table, head, 题注, 落款, carried document) is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.abbrev import abbreviated_issuer
from knowledge.dates import find_dates, parse_date
from knowledge.decree import decree_issuer, numbered_decree, order_effective
from knowledge.docno import doc_no_of, printed_no
from knowledge.footer import PRINTED, Signature, footer_cc, marker_of, signature, source_unit
from knowledge.furniture import Page, strip_furniture
from knowledge.head import Head, read_head, title_issuer
from knowledge.head_lines import tidy_head
from knowledge.issuers import (
    central_organ,
    joint,
    national_issuer,
    official_name,
    title_organ,
    with_province,
    without_province,
)
from knowledge.keylist import find_metatable, read_catalogue
from knowledge.lawhead import _LINE as LAW_LINE
from knowledge.lawhead import LawHead, read_law_head
from knowledge.metatable import is_abbreviated_unit
from knowledge.mirror_text import repair_lines
from knowledge.normalize import normalize
from knowledge.runon import rebreak
from knowledge.signcols import column_signers
from knowledge.titles import (
    attached_title,
    body_title,
    carried_titles,
    cited_in_notice,
    file_title,
    issues_document,
    promulgated_title,
    same_words,
    without_masthead,
)

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
    lines, copies = tidy_head(lines, info)
    norms = [normalize(x) for x in lines]
    head = read_head(norms, LAW_LINE, copies)
    law = read_law_head(head.rest)
    sig = signature(norms, head.lines)
    if sig and len(sig.signers) >= 2 and sig.person is None:  # organs in two columns: read row by row
        sig.signers = column_signers(lines[sig.index - len(sig.signers) : sig.index]) or sig.signers
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
    # a 印发 notice, or an order "现公布《X》", printed without its own title
    issues = not head.title and (issues_document(notice) or bool(promulgated_title(notice)))
    if sig and (carried or issues):
        k = sig.index + 1
        while k < len(norms) and (marker_of(norms[k]) or _annotation(norms[k])):
            k += 1
        printed, _ = body_title(norms, k)
        if printed:
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
    if not title:
        title = layout.subject or file_title(path)
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
        "aliases": [a for a in layout.aliases if a != title],
        "doc_no": doc_no,
        "issuer": _completed(_issuer(meta, layout, title, doc_no, tail), doc_no, layout.norms),
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


def _issuer(
    meta: dict[str, str], layout: Layout, title: str, doc_no: str | None, tail: list[str]
) -> str | None:
    """The first of the places that name the issuing organ, in the order a clerk trusts them."""
    head, table, law, sig = layout.head, layout.table, layout.law, layout.sig
    if meta.get("issuer"):
        return meta["issuer"]
    if head.red_head:
        return "、".join(head.issuers)
    listed = table.get("issuer")
    named = title_issuer(title or "") if title else None
    signer = _signer_name(sig)
    if listed and not is_abbreviated_unit(listed):
        return _more_specific(listed, (named, signer))
    candidates = (
        joint(named) if named else None,
        _official("、".join(head.issuers), (law.maker, signer)) if head.issuers else None,
        listed,
        decree_issuer(head.doc_no),
        law.maker,
        decree_issuer(law.number),  # "国家市场监督管理总局令第52号公布": the decree names its organ
        signer,
        source_unit(tail),
        layout.page.source,
        table.get("publisher"),
        title_organ(title) if doc_no else None,
        national_issuer(doc_no),
        abbreviated_issuer(doc_no, "".join(layout.norms)),
        title_organ(title, numbered=False) if not doc_no else None,
    )
    return next((c for c in candidates if c), None)


def _more_specific(listed: str, names: tuple[str | None, ...]) -> str:
    """A list's 发文机关 "盘锦市政府" gives way to the office its title and 落款 name, 盘锦市人民政府办公室:
    a name that extends the listed organ is the same organ's part that issued the document."""
    short = official_name(listed) or listed
    extended = next((n for n in names if n and n != short and (official_name(n) or n).startswith(short)), None)
    # a list's 【发布部门】惠州市政府 names one of the title's joint issuers: the title names them all
    among = next((n for n in names if n and short in (official_name(n) or n).split("、")), None)
    return extended or among or listed


def _completed(name: str | None, doc_no: str | None, norms: list[str]) -> str | None:
    """The organ's full name: 省/自治区 filled in from the 文号, 人民 restored ("江苏省政府"), and a
    name without its place ("市政府办公室") completed from the 文号's short name when that names it."""
    name = official_name(with_province(name, doc_no))
    if name and is_abbreviated_unit(name):
        full = abbreviated_issuer(doc_no, "".join(norms))
        if full and full.endswith(name[1:]) and full != name:
            name = full
    return central_organ(name)


def _official(line: str, names: tuple[str | None, ...]) -> str:
    """An issuer line a repost site prefixed with the province or abbreviated ("广东省深圳市人大常委会")
    gives way to the organ's own name as its 落款 or 题注 prints it, when it ends with that name."""
    full = line.replace("人大常委会", "人民代表大会常务委员会")
    return next((n for n in names if n and full != n and full.endswith(n)), without_province(line))


def _signer_name(sig: Signature | None) -> str | None:
    """A signature printed over two lines is one name (…领导小组 broken after 的)."""
    if not sig or not sig.signers:
        return None
    if len(sig.signers) == 2 and sig.signers[0].endswith(("的", "和", "与")):
        return "".join(sig.signers)
    return "、".join(sig.signers)


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
