"""Other documents a document cites, and the relations that decide whether a policy still
holds: 自…起施行, 有效期至 / 有效期N年, 废止 and 修订 of named documents.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.dates import YEAR_DIGITS, find_dates
from knowledge.models import Reference, SourceDocument
from knowledge.sections import cn_number, section_number

_TITLE_BEFORE = re.compile(r"《([^》]{2,80})》\s*[（(]?\s*$")
_REPEAL_WORDS = re.compile(r"(?:同时|予以|即行)?废止")
_AMEND_WORDS = re.compile(r"修订|修改")

# Validity clauses speak of the document itself: 本办法 / 上述政策 / 本条例 …
_SELF = re.compile(
    r"(?:本|上述|以上|此|该)(?:实施)?(?:条例|规定|办法|细则|通知|实施意见|意见|实施方案|方案|政策|措施|举措|决定|规则|"
    r"行动计划|计划|制度|文件|规划|指引|清单)"
)
_DATE = (
    rf"(?:(?:19|20)\d{{2}}|[{YEAR_DIGITS}]{{4}})\s*年\s*[\d一二三四五六七八九十]{{1,3}}\s*月(?:\s*[\d一二三四五六七八九十]{{1,3}}\s*日|底|末)?"
    r"|(?:19|20)\d{2}\s*年(?:底|末)"
)
_EFFECTIVE = re.compile(rf"(?:自|从|于)\s*({_DATE})\s*起(?:正式)?(?:施行|实施|执行|生效)")
_RELATIVE = re.compile(
    r"自(印发|发布|公布|颁布|下发|签发)之日起(?:\s*(\d+|[一二三四五六七八九十]+)\s*(?:日|天)后)?(?:正式)?(?:施行|实施|执行|生效)"
)
_PERIOD = re.compile(
    rf"(?:执行期限|执行期|有效期|实施期限|实施期|试行期)\s*(?:为|是)?\s*(?:自\s*)?(?:({_DATE})|(?:印发|发布|公布)之日起)?\s*(?:起)?\s*至\s*({_DATE})"
)
# both ends in one clause: "本办法自2012年2月1日至2017年1月31日施行"
_SPAN = re.compile(rf"(?:自|从)\s*({_DATE})\s*(?:起)?\s*至\s*({_DATE})\s*(?:止)?\s*(?:施行|实施|执行|有效)")
_RELATIVE_START = re.compile(r"(印发|发布|公布)之日起")
_VALID_YEARS = re.compile(
    r"(?:有效期|试行期|实施期|执行期)\s*(?:为|暂定为?|是)?\s*(\d+|[一二两三四五六七八九十])\s*年"
)


def _clause_date(text: str) -> str | None:
    """A date as a validity clause prints it; 2020年12月底 / 2025年底 mean the month's/year's last day."""
    m = re.match(
        r"((?:19|20)\d{2})\s*年\s*(?:([\d一二三四五六七八九十]{1,3})\s*月)?\s*(底|末)$", text.strip()
    )
    if m:
        year = int(m.group(1))
        month = cn_number(m.group(2)) if m.group(2) else 12
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return (nxt - timedelta(days=1)).isoformat()
    found = find_dates(text)
    return found[0] if found else None


def extract_references(doc: SourceDocument) -> list[Reference]:
    from knowledge.docno import DOC_NO

    own = doc.doc_no
    label = doc.doc_no or doc.title
    out: list[Reference] = []
    for p in doc.paragraphs:
        section = section_number(p.path)
        text = p.norm
        for m in DOC_NO.finditer(text):
            target = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
            if target == own:
                continue
            tm = _TITLE_BEFORE.search(text[: m.start()])
            title = tm.group(1) if tm else None
            after = text[m.end() : m.end() + 20]
            relation = "cites"
            if _REPEAL_WORDS.search(after) or _REPEAL_WORDS.search(text[max(0, m.start() - 6) : m.start()]):
                relation = "repeals"
            elif _AMEND_WORDS.search(after[:8]):
                relation = "amends"
            out.append(Reference(label, section, relation, target, title, None, p.text))
        for sentence in re.split(r"(?<=[。；;])", text):
            if _SELF.search(sentence):
                out.extend(_validity(doc, label, section, sentence, p.text))
    return out


def _validity(doc: SourceDocument, label: str, section: str, sentence: str, source: str) -> list[Reference]:
    refs: list[Reference] = []

    def add(relation: str, value: str | None) -> None:
        if value:
            refs.append(Reference(label, section, relation, None, None, value, source))  # type: ignore[arg-type]

    for m in _PERIOD.finditer(sentence):
        relative = _RELATIVE_START.search(m.group(0))
        add(
            "effective_from",
            _clause_date(m.group(1)) if m.group(1) else relative and _anchor(doc, relative.group(1)),
        )
        add("valid_until", _clause_date(m.group(2)))
    if not refs:
        for m in _SPAN.finditer(sentence):
            add("effective_from", _clause_date(m.group(1)))
            add("valid_until", _clause_date(m.group(2)))
    for m in _EFFECTIVE.finditer(sentence):
        add("effective_from", _clause_date(m.group(1)))
    for m in _RELATIVE.finditer(sentence):
        anchor = _anchor(doc, m.group(1))
        if anchor and m.group(2):
            anchor = (date.fromisoformat(anchor) + timedelta(days=cn_number(m.group(2)))).isoformat()
        add("effective_from", anchor)
    if not any(r.relation == "valid_until" for r in refs):
        for m in re.finditer(rf"有效期至\s*({_DATE})", sentence):
            add("valid_until", _clause_date(m.group(1)))
    for m in _VALID_YEARS.finditer(sentence):
        add("valid_years", str(cn_number(m.group(1).replace("两", "二"))))
    return refs


def _anchor(doc: SourceDocument, event: str) -> str | None:
    """The date "自印发/发布/公布之日起" counts from: a law's 公布 date, else the document's date."""
    if event in ("公布", "颁布") and doc.promulgated:
        return doc.promulgated
    if doc.date_source == "题注":  # a law's adoption date is not its promulgation
        return None
    return doc.date


def apply_validity(doc: SourceDocument, today: date | None = None) -> None:
    """Set `effective_from` / `valid_until` from the document's own clauses; mark it expired when past.

    "有效期N年" runs from the effective date (else the document's date) for N years, to the day
    before the anniversary. Repeal by a later document is decided across the catalogue.
    """
    refs = doc.records.references
    start = next((r.value for r in refs if r.relation == "effective_from"), None)
    doc.effective_from = start or doc.effective_from
    until = next((r.value for r in refs if r.relation == "valid_until"), None) or doc.valid_until
    if not until:
        years = next((r.value for r in refs if r.relation == "valid_years"), None)
        begin = doc.effective_from or doc.date
        if years and begin:
            s = date.fromisoformat(begin)
            try:
                end = s.replace(year=s.year + int(years))
            except ValueError:
                end = s.replace(year=s.year + int(years), day=28)
            until = (end - timedelta(days=1)).isoformat()
    doc.valid_until = until
    if until and date.fromisoformat(until) < (today or date.today()):
        doc.status = "expired"
        doc.status_note = f"有效期至{until}"


def repealed_by(docs: list[SourceDocument]) -> dict[str, tuple[str, str]]:
    """{repealed 文号: (repealing 文号, relation)} across a set of documents."""
    out: dict[str, tuple[str, str]] = {}
    for d in docs:
        for r in d.records.references:
            if r.relation in ("repeals", "amends") and r.target_doc_no and d.doc_no:
                out[r.target_doc_no] = (d.doc_no, r.relation)
    return out
