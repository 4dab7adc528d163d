"""Render answers in Chinese or English: first line answers, then the evidence, then sources.

English answers use the glossary for unit and programme names with the Chinese official
name in brackets (what an investor shows at the counter); quoted Chinese text is labelled
as the original, and any English wording of a policy as an unofficial translation.
"""

from __future__ import annotations

import re

from bot.models import Citation
from knowledge.dates import human_date
from knowledge.models import Contact, Figure, Project, Responsibility, SourceDocument
from retrieval.glossary import load_glossary

STAGE_EN = {
    "招商": "attracting investors", "洽谈": "in negotiation (talks ongoing)", "方案架构": "scheme structuring",
    "签约": "signed", "审批": "under approval", "在建": "under construction", "投产": "in operation",
}  # fmt: skip
MOBILE_MASK = "（个人手机号不对外提供）"


def en_name(zh: str) -> str:
    """'Development and Reform Commission (市发改委)'; the Chinese name alone when unknown."""
    en = load_glossary().to_english(zh)
    return f"{en} ({zh})" if en else zh


def gloss(zh: str, limit: int = 4) -> str:
    """English names of the glossary terms found in a Chinese phrase, longest first and
    non-overlapping: "举办一批国际论坛（展会）" → "international forum, expo". A hint for
    investors, not a translation."""
    from knowledge.normalize import normalize

    text = normalize(zh)
    glossary = load_glossary()
    found: list[str] = []
    for term in sorted(glossary.zh_to_en, key=len, reverse=True):
        if len(term) >= 2 and term in text:
            name = glossary.zh_to_en[term][0]
            if name not in found:
                found.append(name)
            text = text.replace(term, "\x00")
        if len(found) >= limit:
            break
    return ", ".join(found)


def _task_en(task: str) -> str:
    hint = gloss(task)
    return f"{task} ({hint})" if hint else task


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def en_period(period: str) -> str:
    """2023—2025年 → 2023–2025; 2022年1-6月 → Jan–Jun 2022; 2021年 → 2021."""
    m = re.fullmatch(r"(\d{4})年(\d{1,2})[-—–~至到](\d{1,2})月", period)
    if m:
        return f"{_MONTHS[int(m.group(2)) - 1]}–{_MONTHS[int(m.group(3)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})\s*[-—–~至到]+\s*(\d{4})年", period)
    if m:
        return f"{m.group(1)}–{m.group(2)}"
    m = re.fullmatch(r"(?:到|至|截至)?(\d{4})年(?:底|末)?", period)
    return m.group(1) if m else period


def en_amount(text: str, value: float | None, unit: str | None, currency: str | None) -> str:
    more = " or more" if text.endswith("以上") else ""
    if unit == "%" and value is not None:
        return f"{value:g}%{more} ({text})"
    if value is not None and unit in ("个", "项", "家", "批", "名", "所"):
        return f"{value:g}{more} ({text})"
    if value is None or not unit or currency not in ("USD", "CNY"):
        return text
    mult = 1e8 if unit.startswith("亿") else 1e4 if unit.startswith("万") else 1.0
    absolute = value * mult
    cur = "USD" if currency == "USD" else "CNY"
    if absolute >= 1e9:
        words = f"{absolute / 1e9:g} billion"
    elif absolute >= 1e6:
        words = f"{absolute / 1e6:g} million"
    else:
        words = f"{absolute:,.0f}"
    return f"{cur} {words}{more} ({text})"


def citation(doc: SourceDocument | None, doc_no: str, section: str) -> Citation:
    return Citation(doc_no=doc.doc_no or "" if doc else doc_no, title=doc.title if doc else "", section=section)


def sources_line(cites: list[Citation], lang: str) -> str:
    seen: list[str] = []
    for c in cites:
        label = c.label()
        if label not in seen:
            seen.append(label)
    head = "来源：" if lang == "zh" else "Source: "
    return head + "；".join(seen) if lang == "zh" else head + "; ".join(seen)


def status_warning(doc: SourceDocument | None, lang: str) -> str:
    if not doc or doc.status == "current":
        return ""
    label = doc.doc_no or doc.title
    if lang == "zh":
        state = "已过有效期" if doc.status == "expired" else "已被废止或修订"
        return f"⚠️ 注意：{label}{state}（{doc.status_note or ''}），以下内容不代表现行政策。"
    return (f"⚠️ Note: {label} is no longer in force ({doc.status_note or doc.status}); "
            "the text below is not current policy.")


# --- responsibilities ---------------------------------------------------------------


def responsibility(r: Responsibility, lang: str, ask: str = "all") -> str:
    co = r.co_units
    if lang == "zh":
        if ask == "co":
            head = f"除牵头单位{r.lead}外，配合单位为：{'、'.join(co) if co else '（无）'}。"
        else:
            head = f"牵头单位：{r.lead}" + (f"；配合单位：{'、'.join(co)}" if co else "") + "。"
        return f"{head}\n任务：{r.task}（{r.section}）\n原文：{r.source}"
    lead = en_name(r.lead)
    task = load_glossary().to_english(r.task) or _task_en(r.task)
    if ask == "co":
        head = "Besides the lead unit " + lead + ", the co-operating units are: " + ("; ".join(en_name(u) for u in co) or "none") + "."
    else:
        head = f"Lead unit: {lead}." + (" Co-operating units: " + "; ".join(en_name(u) for u in co) + "." if co else "")
    return f"{head}\nTask: {task} (section {r.section})\nOriginal text (Chinese): {r.source}"


LIST_MAX = 20  # items a chat answer lists; the rest is counted, never silently dropped


def unit_tasks(unit: str, rs: list[Responsibility], lang: str) -> str:
    shown = rs[:LIST_MAX]
    if lang == "zh":
        lines = [f"{unit}参与以下{len(rs)}项工作："]
        lines += [f"{i}. {r.task}（{r.section}，{'牵头' if r.lead == unit else '配合'}）" for i, r in enumerate(shown, 1)]
        return "\n".join(lines + [_more(len(rs), lang, "请在问题中加上文号缩小范围")]).rstrip()
    lines = [f"{en_name(unit)} takes part in {len(rs)} tasks:"]
    lines += [f"{i}. {_task_en(r.task)} (section {r.section}, {'lead' if r.lead == unit else 'co-operating'})" for i, r in enumerate(shown, 1)]
    return "\n".join(lines + [_more(len(rs), lang, "name a document number to narrow it down")]).rstrip()


def _more(total: int, lang: str, hint: str) -> str:
    if total <= LIST_MAX:
        return ""
    if lang == "zh":
        return f"……以上为前{LIST_MAX}项，另有{total - LIST_MAX}项未列出（{hint}）。"
    return f"... the first {LIST_MAX} are listed; {total - LIST_MAX} more are not shown ({hint})."


# --- figures ------------------------------------------------------------------------


def figure(f: Figure, lang: str, doc: SourceDocument | None) -> str:
    period = f.period or ""
    if lang == "zh":
        kind = "目标" if f.kind == "target" else "数据"
        return f"{period}{f.subject}{kind}：{f.text}。\n原文：{f.source}"
    amount = en_amount(f.text, f.value, f.unit, f.currency)
    subj = _task_en(f.subject)
    what = "Target" if f.kind == "target" else "Figure"
    return (f"{what}{' for ' + en_period(period) if period else ''}: {amount} — {subj}.\n"
            f"Original text (Chinese): {f.source}")


# --- projects -----------------------------------------------------------------------


def project(p: Project, lang: str, audience: str) -> str:
    as_of = human_date(p.as_of, lang) if p.as_of else None
    if lang == "zh":
        parts = [f"{p.name}"]
        if p.stage:
            parts.append(f"进展阶段：{p.stage}")
        if p.amount_text:
            parts.append(f"金额：{p.amount_text}")
        if p.place:
            parts.append(f"地点：{p.place}")
        when = f"截至{as_of}" if as_of else "（文件未注明日期）"
        return f"{when}，" + "；".join(parts) + "。此后情况可能已有变化，请以最新台账为准。\n原文：" + p.source
    parts = [p.name]
    if p.stage:
        parts.append(f"stage: {STAGE_EN.get(p.stage, p.stage)} ({p.stage})")
    if p.amount_text:
        parts.append("amount: " + en_amount(p.amount_text, p.amount_value, p.amount_unit, p.currency))
    if p.place:
        parts.append(f"place: {p.place}")
    when = f"As of {as_of}" if as_of else "Date not stated"
    return f"{when}: " + "; ".join(parts) + ". The status may have changed since.\nOriginal text (Chinese): " + p.source


def project_list(ps: list[Project], description: str, lang: str, total: int | None = None) -> str:
    """`ps` are the projects shown (newest first when there are many), `total` how many match."""
    total = len(ps) if total is None else total
    if lang == "zh":
        lines = [f"符合条件（{description or '全部'}）的项目共{total}个："]
        for i, p in enumerate(ps, 1):
            when = f"截至{human_date(p.as_of, 'zh')}" if p.as_of else "日期未注明"
            lines.append(f"{i}. {p.name}：{p.stage or '阶段未注明'}，{p.amount_text or '金额未注明'}（{when}，{p.doc_no}）")
        return "\n".join(lines + [_more(total, lang, "按状态日期从新到旧；可加阶段、金额或地区缩小范围")]).rstrip()
    lines = [f"{total} project(s) match ({description or 'all'}):"]
    for i, p in enumerate(ps, 1):
        when = f"as of {human_date(p.as_of, 'en')}" if p.as_of else "date not stated"
        amount = en_amount(p.amount_text or "", p.amount_value, p.amount_unit, p.currency) if p.amount_text else "amount not stated"
        lines.append(f"{i}. {p.name}: {STAGE_EN.get(p.stage or '', p.stage or 'stage not stated')}, {amount} ({when}, {p.doc_no})")
    return "\n".join(lines + [_more(total, lang, "newest status first; add a stage, amount or place to narrow it down")]).rstrip()


# --- contacts and documents ---------------------------------------------------------


def contact(c: Contact, lang: str, audience: str) -> str:
    phone = c.phone or ""
    if c.personal and audience != "staff":
        phone = MOBILE_MASK if lang == "zh" else "(personal mobile numbers are not given out)"
    if lang == "zh":
        return f"{c.role or '联系人'}：{c.person or '未注明'}；联系电话：{phone or '未注明'}（{c.unit or c.doc_no}）。"
    return f"{c.role or 'Contact'} (contact person): {c.person or 'not stated'}; phone: {phone or 'not stated'} ({en_name(c.unit) if c.unit else c.doc_no})."


def doc_fact(d: SourceDocument, lang: str) -> str:
    if lang == "zh":
        parts = [f"{d.doc_no or d.title}《{d.title}》"]
        if d.date:
            parts.append(f"成文（发布）日期：{human_date(d.date, 'zh')}")
        if d.printed_date and d.printed_date != d.date:
            parts.append(f"印发日期：{human_date(d.printed_date, 'zh')}")
        if d.issuer:
            parts.append(f"发文机关：{d.issuer}")
        if d.addressees:
            parts.append(f"主送：{d.addressees}")
        if d.cc:
            parts.append(f"抄送：{'，'.join(d.cc)}")
        return "；".join(parts) + "。"
    parts = [f"{d.doc_no or ''} “{d.title}”"]
    if d.date:
        parts.append(f"dated {human_date(d.date, 'en')} ({d.date})")
    if d.printed_date and d.printed_date != d.date:
        parts.append(f"printed {human_date(d.printed_date, 'en')}")
    if d.issuer:
        parts.append(f"issued by {en_name(d.issuer)}")
    if d.cc:
        parts.append("copied to " + "; ".join(en_name(u) for u in d.cc))
    return ", ".join(parts) + "."


def not_found(lang: str, units: list[str], topic: str = "") -> str:
    if lang == "zh":
        msg = "知识库中没有找到这个问题的答案，我不作推测。"
        if units:
            msg += f"建议咨询：{'、'.join(units)}。"
        return msg
    msg = "I could not find this in the documents, so I will not guess."
    if units:
        msg += " You may ask: " + "; ".join(en_name(u) for u in units) + "."
    return msg


# --- passages -----------------------------------------------------------------------


def passage_text(picked, lang: str) -> str:  # noqa: ANN001 - list[bot.passages.Picked]
    lines = []
    for p in picked:
        c = p.chunk
        where = f"{c.doc_no or ''}《{c.title}》{c.section_no or c.section}".strip()
        quote = "".join(p.sentences) if c.language == "zh" else " ".join(p.sentences)
        if lang == "zh":
            lines.append(f"根据{where}：\n「{quote}」")
        elif c.language == "zh":
            src = " ".join(filter(None, [c.doc_no, f"“{c.title}”"]))
            sec = c.section_no or c.section
            lines.append(f"According to {src}{', section ' + sec if sec else ''} "
                         f"(original Chinese text; no official English translation):\n「{quote}」")
        else:
            lines.append(f"According to “{c.title}”:\n\"{quote}\"")
    return "\n".join(lines)
