"""Which printed name is the issuing organ: the places that name it, in the order a clerk trusts them.

The title's organ, the 版头 and issuer lines, a list's 发文机关, a decree's or 题注's maker, the 落款, the
page's source, and last the 文号's place short name. Short names give way to full ones: a list's
"盘锦市政府" to the title's office, a title's "区发展和改革局 区财政局" to the organs its 落款 signs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.abbrev import abbreviated_issuer
from knowledge.closing_signer import closing_signer
from knowledge.decree import decree_issuer
from knowledge.footer import Signature, source_unit
from knowledge.head import title_issuer
from knowledge.issuers import (
    central_organ,
    joint,
    national_issuer,
    official_name,
    title_organ,
    with_province,
    without_province,
)
from knowledge.metatable import is_abbreviated_unit
from knowledge.preface import reviewing_organ
from knowledge.report_head import delivered

if TYPE_CHECKING:
    from knowledge.docmeta import Layout


def choose_issuer(
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
    if named and signer and is_abbreviated_unit(named) and _short_for(named, signer):
        named = signer  # "区发展和改革局 区财政局关于…" signed 杭州市萧山区发展和改革局 / 杭州市萧山区财政局
    # a 题注 naming the legislature that adopted the text beats a site's attribution line above the title
    legislature = law.maker if law.maker and "人民代表大会" in law.maker else None
    candidates = (
        joint(named) if named else None,
        legislature,
        _official("、".join(head.issuers), (law.maker, signer)) if head.issuers else None,
        listed,
        decree_issuer(head.doc_no),
        delivered(head.rest)[1],  # a report's speaker line: "郁南县人民政府县长 张春海"
        law.maker,
        reviewing_organ(layout.norms, title),
        decree_issuer(law.number),  # "国家市场监督管理总局令第52号公布": the decree names its organ
        signer,
        source_unit(tail),
        layout.page.source,
        source_unit(head.rest),  # the page's "来源：X市政府办" on its own line under the title
        closing_signer(layout.norms),
        table.get("publisher"),
        title_organ(title) if doc_no else None,
        national_issuer(doc_no),
        abbreviated_issuer(doc_no, "".join(layout.norms)),
        title_organ(title, numbered=False) if not doc_no else None,
    )
    return next((c for c in candidates if c), None)


def _short_for(named: str, signer: str) -> bool:
    """The title's organs are the 落款's without their place: each a tail of one signer, in order."""
    pos = 0
    text = (official_name(named) or named).replace("、", "")  # 市政府办公室 = 市人民政府办公室
    for part in signer.split("、"):
        size = next((k for k in range(len(part), 2, -1) if text.startswith(part[-k:], pos)), 0)
        if not size:
            return False
        pos += size
    return pos == len(text)


def _more_specific(listed: str, names: tuple[str | None, ...]) -> str:
    """A list's 发文机关 "盘锦市政府" gives way to the office its title and 落款 name, 盘锦市人民政府办公室:
    a name that extends the listed organ is the same organ's part that issued the document."""
    short = official_name(listed) or listed
    extended = next(
        (n for n in names if n and n != short and (official_name(n) or n).startswith(short)), None
    )
    # a list's 【发布部门】惠州市政府 names one of the title's joint issuers: the title names them all
    among = next((n for n in names if n and short in (official_name(n) or n).split("、")), None)
    return extended or among or listed


def completed(name: str | None, doc_no: str | None, norms: list[str]) -> str | None:
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
