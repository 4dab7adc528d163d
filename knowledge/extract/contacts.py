"""承办人 / 联系人 and phone numbers → Contact records; a mobile number is personal data."""

from __future__ import annotations

import re

from knowledge.models import Contact, SourceDocument
from knowledge.sections import heading_number

_PERSON = re.compile(r"(承办人|联系人|经办人)(?:姓名)?[：:]\s*([\u4e00-\u9fff]{2,4}|[A-Za-z][A-Za-z .]{1,30})")
_PHONE = re.compile(r"(?:联系电话|电话|手机|联系方式)[：:]\s*([\d\-— ()（）]{7,20})")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def extract_contacts(doc: SourceDocument) -> list[Contact]:
    doc_no = doc.doc_no or doc.title
    people: list[tuple[int, str, str, str]] = []  # (paragraph index, role, name, source)
    phones: list[tuple[int, str, str]] = []
    for p in doc.paragraphs:
        for m in _PERSON.finditer(p.norm):
            people.append((p.index, m.group(1), m.group(2), p.text))
        for m in _PHONE.finditer(p.norm):
            phones.append((p.index, re.sub(r"[\s—]", "", m.group(1)).strip("-"), p.text))
    out: list[Contact] = []
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
    return out


def _para(doc: SourceDocument, index: int):  # noqa: ANN202
    return next(p for p in doc.paragraphs if p.index == index)
