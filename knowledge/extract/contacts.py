"""承办人 / 联系人 and phone numbers → Contact records; a mobile number is personal data."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.models import Contact, SourceDocument
from knowledge.sections import heading_number

_PERSON = re.compile(r"(承办人|联系人|经办人)(?:姓名)?[：:]\s*([\u4e00-\u9fff]{2,4}|[A-Za-z][A-Za-z .]{1,30})")
_PHONE = re.compile(r"(?:联系电话|电话|手机|联系方式)[：:]?\s*((?=[\d(（])[\d\-— ()（）]{7,20})")
# "商務局貿促科 聯系電話0760-8989285": the office to call, with no person named
_UNIT_PHONE = re.compile(r"(?:^|[\s。；;，,、]|\d[.、．])([\u4e00-\u9fff]{2,20}(?:局|科|处|室|办|中心|委|股|站|所|部))\s*(?:联系电话|电话)[：:]?\s*"
                         r"((?:0\d{2,3}-?)?\d{7,8})(?!\d)")
_ADDRESS = re.compile(r"(?:通讯|联系|办公|通信|邮寄)?地址[：:]\s*([^\s；;。，,]{4,60})")
ADDRESS_NEAR = 3  # paragraphs from a contact within which its block's address line is looked for
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# "新乡高新区经济发展局局长 李学军(负责制造业投资项目)联系方式 13937340366、0373-3539981": an
# official introduced by unit and title, what they handle, and their numbers
_TITLED = re.compile(
    r"([\u4e00-\u9fff]{2,30}?(?:副)?(?:局长|主任|科长|处长|部长|书记|经理|主席|秘书长|负责人|股长|站长|所长))\s*"
    r"([\u4e00-\u9fff]{2,3})\s*(?:[（(]([^（）()]{1,30})[）)])?\s*(?:联系方式|联系电话|电话|手机)[：:]?\s*"
    r"((?:1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8})(?!\d)(?:\s*[、，,/或]\s*(?:1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8})(?!\d))*)"
)


_NUMBER = r"(?:1[3-9]\d{9}|(?:0\d{2,3}-?)?\d{7,8})(?!\d)"
# a directory line: "光电园  姜一鸣  联系方式：67886210", "综保办 占旃、刘岑 联系方式:87700710" (the office,
# then its people, spaced apart; a mirror may have turned the spaces into "?")
_LISTED = re.compile(r"(?:^|(?<=\d)|(?<=[\s。；;，,]))([\u4e00-\u9fff]{2,12})[\s?？\u3000]+"
                     r"([\u4e00-\u9fff](?:[ ?？\u3000]{0,3}[\u4e00-\u9fff]){1,3}(?:、[\u4e00-\u9fff]{2,4})*)"
                     rf"[\s?？\u3000]*(?:联系方式|聯系方式|聯繫方式|联系电话|聯系電話|聯繫電話|电话|電話)[：:]?\s*({_NUMBER})")
_LABEL = re.compile(r"联系|聯系|聯繫|电话|電話")
# a person named by surname and form of address, then the number: "胡工，88210452", "王老师 0575-8888888"
_ADDRESSED = re.compile(rf"(?:^|[，,；;\s(（])([\u4e00-\u9fff]{{1,2}}(?:工|老师|先生|女士|小姐|经理))[，,\s]*(?:电话|联系电话|联系方式)?[：:]?\s*({_NUMBER})")


def extract_contacts(doc: SourceDocument) -> list[Contact]:
    doc_no = doc.doc_no or doc.title
    people: list[tuple[int, str, str, str]] = []  # (paragraph index, role, name, source)
    phones: list[tuple[int, str, str]] = []
    out: list[Contact] = []
    for p in doc.paragraphs:
        titled = list(_TITLED.finditer(p.norm))
        for m in titled:
            section = "".join(heading_number(h) for h in p.path)
            role = m.group(1) + (f"（{m.group(3)}）" if m.group(3) else "")
            phone = re.sub(r"\s*[、，,/或]\s*", "、", m.group(4))
            out.append(Contact(doc_no, section or "落款", m.group(2), role, phone, bool(MOBILE.search(phone)),
                               doc.issuer, m.group(0)))  # fmt: skip
        # a directory of offices and people, where no label (联系人：) says who is who; read in the text,
        # whose spaces part an office from its people
        directory = [] if _PERSON.search(p.norm) else [m for m in _LISTED.finditer(p.text) if not _LABEL.match(m.group(2))]
        listed = [*directory, *_ADDRESSED.finditer(p.norm)]
        for m in listed:
            section = "".join(heading_number(h) for h in p.path)
            if m.re is _LISTED:  # the office is the unit the people answer for
                name, unit, phone = re.sub(r"[\s?？\u3000]", "", m.group(2)), m.group(1), m.group(3)
            else:
                name, unit, phone = m.group(1), doc.issuer, m.group(2)
            out.append(Contact(doc_no, section or "落款", name, "联系人", phone, bool(MOBILE.search(phone)), unit, p.text))
        if titled or listed:
            continue  # the paragraph's people are read
        offices = list(_UNIT_PHONE.finditer(p.norm))
        for m in offices:
            section = "".join(heading_number(h) for h in p.path)
            out.append(Contact(doc_no, section or "落款", None, m.group(1), m.group(2), False, doc.issuer, p.text))
        if offices and not _PERSON.search(p.norm):
            continue
        for m in _PERSON.finditer(p.norm):
            people.append((p.index, m.group(1), m.group(2), p.text))
        for m in _PHONE.finditer(p.norm):
            phones.append((p.index, re.sub(r"[\s—]", "", m.group(1)).strip("-"), p.text))
    used: set[int] = set()
    for idx, role, name, source in people:
        best = None
        for j, (pidx, _phone, _psrc) in enumerate(phones):
            if j not in used and abs(pidx - idx) <= 2:
                best = j
                break
        phone = phones[best][1] if best is not None else None
        if best is not None:
            used.add(best)
            source = source + "\n" + phones[best][2] if phones[best][2] != source else source
        section = "".join(heading_number(h) for h in _para(doc, idx).path)
        out.append(Contact(doc_no, section or "落款", name, role, phone, bool(phone and MOBILE.search(phone)), doc.issuer, source))
    for j, (_pidx, phone, psrc) in enumerate(phones):
        if j not in used:
            out.append(Contact(doc_no, "落款", None, None, phone, bool(MOBILE.search(phone)), doc.issuer, psrc))
    return [_with_address(doc, c) for c in out]


def _with_address(doc: SourceDocument, c: Contact) -> Contact:
    """The contact with the address printed in its block (the paragraph of its source, or a few
    around it: a consultation notice gives 联系人, 电话 and 地址 on lines of their own)."""
    at = next((p.index for p in doc.paragraphs if p.text and p.text in c.source), None)
    if at is None:
        return c
    near = sorted((p for p in doc.paragraphs if abs(p.index - at) <= ADDRESS_NEAR), key=lambda p: abs(p.index - at))
    m = next((m for p in near if (m := _ADDRESS.search(p.norm))), None)
    return replace(c, address=m.group(1)) if m else c


def _para(doc: SourceDocument, index: int):  # noqa: ANN202
    return next(p for p in doc.paragraphs if p.index == index)
