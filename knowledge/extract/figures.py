"""Targets and reported figures: amounts (万美元, 亿美元, 亿元, %) and counts with period and subject.

A figure is a number staff quote: "2021年全市实际利用外资13509万美元" (figure) or
"2023—2025年，累计实际利用外资40亿美元以上" (target). Both keep the printed text.
"""

from __future__ import annotations

import re

from knowledge.amounts import Amount, parse_amount
from knowledge.extract.figure_subject import counts_time, subject_after, subject_before, subject_of
from knowledge.models import Figure, SourceDocument
from knowledge.sections import heading_number, heading_text

_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*[—\-–~至到]+\s*((?:19|20)\d{2})\s*年"
    r"|((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*[—\-–~至到]+\s*(\d{1,2})\s*月"
    r"|((?:19|20)\d{2})\s*年\s*(上半年|下半年|一季度|前三季度|[一二三四]季度)"
    r"|(?:到|至|截至)\s*((?:19|20)\d{2})\s*年(?:底|末)?"
    r"|((?:19|20)\d{2})\s*年"
)
_COUNT = re.compile(r"(\d+)\s*(个|项|家|批|名|所)(?![月日])")
_COUNT_AFTER = re.compile(r"([\u4e00-\u9fff]{2,16}?)\s*(\d+)\s*(个|项|家|批)(?![\u4e00-\u9fff]{0,1}[月日])")
_MEASURE = re.compile(
    r"(?:吨|辆|人|户|台|套|头|只|件|株|册|千瓦|平方米|平米|亩|公里|千米|立方米|张|份|次|册|部|个)"
)
_TARGET_WORDS = re.compile(r"目标|力争|确保|以上|累计|达到|打造|建立|引进|争取")
_CLAUSE_SPLIT = re.compile(r"[，；。,;]")


def find_amounts(text: str) -> list[tuple[int, Amount]]:
    """Every money/percent amount in `text` with its offset."""
    out: list[tuple[int, Amount]] = []
    pos = 0
    while pos < len(text):
        a = parse_amount(text[pos:])
        if not a:
            break
        at = text.find(a.text, pos)
        if at < 0:
            break
        out.append((at, a))
        pos = at + max(len(a.text), 1)
    return out


def _period(sentence: str, before: int, fallback: str | None) -> str | None:
    best = None
    for m in _PERIOD.finditer(sentence[:before]):
        best = m.group(0).strip()
    return best or fallback


def extract_figures(doc: SourceDocument) -> list[Figure]:
    doc_no = doc.doc_no or doc.title
    year = int(doc.date[:4]) if doc.date else None
    out: list[Figure] = []
    for p in doc.paragraphs:
        if p.path and p.path[0] == "落款":
            continue
        section = "".join(heading_number(h) for h in p.path)
        in_target_section = any("目标" in heading_text(h) for h in p.path)
        fallback = _heading_subject(p.path[-1]) if p.path else ""
        carried: str | None = None  # a period stated earlier in the paragraph still holds
        for sentence in re.split(r"(?<=[。；])", p.norm):
            m0 = _PERIOD.search(sentence)
            first_period = m0.group(0).strip() if m0 else carried
            carried = _period(sentence, len(sentence), None)  # holds for the next sentence only
            previous = ""  # "分别由0.54万元、2.59万元下降至…": a listed figure shares the subject before it
            for clause_start, clause, sep in _clauses(sentence):
                listed = previous if sep == "、" else ""
                amounts = [(at, a) for at, a in find_amounts(clause) if not _measure_follows(clause, at, a)]
                for at, a in amounts:
                    end = at + len(a.text)
                    subject = subject_of(clause, at, end) or listed or subject_after(clause, end) or fallback
                    if not subject:
                        continue  # a number nobody could name is no record
                    period = _period(sentence, clause_start + at, first_period)
                    kind = _kind(sentence, period, year, in_target_section)
                    out.append(
                        Figure(
                            doc_no,
                            section,
                            a.text + ("以上" if clause[end:].startswith("以上") else ""),
                            a.value,
                            a.unit,
                            a.currency,
                            a.amount_usd,
                            a.amount_cny,
                            period,
                            subject,
                            kind,
                            sentence,
                        )
                    )
                    previous = subject
                for m in _COUNT.finditer(clause):
                    if any(
                        at <= m.start() < at + len(a.text) for at, a in find_amounts(clause)
                    ) or counts_time(clause, m.end()):
                        continue  # part of an amount, or a duration ("2个工作日")
                    subject = (
                        subject_after(clause, m.end())
                        or subject_before(clause, m.start())
                        or listed
                        or fallback
                    )
                    if not subject:
                        continue
                    period = _period(sentence, clause_start + m.start(), first_period)
                    out.append(
                        Figure(
                            doc_no,
                            section,
                            m.group(0).replace(" ", ""),
                            float(m.group(1)),
                            m.group(2),
                            None,
                            None,
                            None,
                            period,
                            subject,
                            _kind(sentence, period, year, in_target_section),
                            sentence,
                        )
                    )
                    previous = subject
    return out


def _heading_subject(heading: str) -> str:
    """The heading a paragraph sits under, as a subject of last resort ("推广的改革举措")."""
    text = re.sub(r"[（(][^）)]*\d[^）)]*[）)]", "", heading_text(heading))
    return re.split(r"[。；，]", text)[0][:24]


def _measure_follows(clause: str, at: int, a: Amount) -> bool:
    """ "60万吨", "100万辆", "百万青年", "千亿级": a bare 万/亿 before a noun is a quantity, not money."""
    if a.currency != "CNY" or "元" in a.text:
        return False
    after = clause[at + len(a.text) :]
    return bool(
        _MEASURE.match(after) or (re.match(r"[\u4e00-\u9fff]", after) and not re.match(r"[以左多余]", after))
    )


def _clauses(sentence: str) -> list[tuple[int, str, str]]:
    """(offset, clause, the separator before it), split on ，；、| outside brackets."""
    out, start, depth, sep = [], 0, 0, ""
    for i, ch in enumerate(sentence):
        depth += ch in "（(〔【"
        depth = max(0, depth - (ch in "）)〕】"))
        if depth == 0 and ch in "，；。,;、|":
            out.append((start, sentence[start:i], sep))
            start, sep = i + 1, ch
    if start < len(sentence):
        out.append((start, sentence[start:], sep))
    return [(s, c, sp) for s, c, sp in out if c.strip()]


def _kind(sentence: str, period: str | None, year: int | None, in_target_section: bool) -> str:
    if in_target_section:
        return "target"
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", period or "")]
    future = bool(year and years and max(years) > year)
    return (
        "target"
        if future or (_TARGET_WORDS.search(sentence) and ("到" in (period or "") or future))
        else "figure"
    )
