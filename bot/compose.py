"""Step 4 of an answer: the fact first, then one or two source sentences, then 来源.

Each kind of candidate states its fact in the asker's language (`head`) and shows what it came
from (`evidence`): the 责任单位 line, the clause, the table row, the sentence. The answer text
puts every head before any evidence, so the fact stands in the first lines, and ends with the
sources as 文号《title》section.
"""

from __future__ import annotations

import re

from bot.candidates import Candidate
from bot.cases import Estimate, estimate_en, met_tier, respective_tier
from bot.models import Citation
from bot.render_en import (
    STAGE_EN,
    en_amount,
    en_name,
    en_period,
    incentive_en,
    money_words,
    sentence_head,
    with_gloss,
)

__all__ = ["en_name", "money_words", "with_gloss", "render", "assemble", "citation", "not_found", "status_warning"]
from bot.sentences import carries, fact_head, states_part
from bot.tables import ordered_cells
from bot.text_match import raw_bigrams
from bot.understand import Understanding, facts_of_parts
from knowledge.amounts import money_zh
from knowledge.dates import human_date
from knowledge.extract.contacts import MOBILE
from knowledge.models import SourceDocument
from knowledge.normalize import normalize

MOBILE_MASK = "（个人手机号不对外提供）"
LIST_MAX = 20  # items a chat answer lists; the rest is counted, never silently dropped
PART_FACT = 0.5  # what stating the kind of fact a part asks for adds to a clause's overlap with that part


def citation(doc: SourceDocument | None, key: str, section: str) -> Citation:
    return Citation(doc_no=(doc.doc_no or "") if doc else key, title=doc.title if doc else "", section=section)


def sources_line(cites: list[Citation], lang: str) -> str:
    labels = list(dict.fromkeys(c.label() for c in cites))
    return ("来源：" + "；".join(labels)) if lang == "zh" else ("Source: " + "; ".join(labels))


def status_warning(doc: SourceDocument | None, lang: str) -> str:
    if not doc or doc.status == "current":
        return ""
    label = doc.doc_no or doc.title
    if lang == "zh":
        state = "已过有效期" if doc.status == "expired" else "已被废止或修订"
        return f"⚠️ 注意：{label}{state}（{doc.status_note or ''}），以下内容不代表现行政策。"
    return f"⚠️ Note: {label} is no longer in force ({doc.status_note or doc.status}); the text below is not current policy."


def not_found(lang: str, units: list[str]) -> str:
    if lang == "zh":
        return "知识库中没有找到这个问题的答案，我不作推测。" + (f"建议咨询：{'、'.join(units)}。" if units else "")
    msg = "I could not find this in the documents, so I will not guess."
    return msg + (" You may ask: " + "; ".join(en_name(u) for u in units) + "." if units else "")


def render(c: Candidate, u: Understanding, doc: SourceDocument | None, translate=None) -> tuple[str, str]:  # noqa: ANN001
    """(head, evidence) of one candidate; `translate` (zh → labelled English or None) may word an
    English head from a Chinese sentence (see bot/llm.py)."""
    head, evidence = _sentence(c, u, doc, translate) if c.kind == "sentence" else _RENDER[c.kind](c, u, doc)
    return with_as_of(head, c, u, doc), evidence


_YEARLESS_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个|项|家|亿|万|名|批)|\b\d+(?:\.\d+)?\s*(?:percent|projects?|million|billion)\b", re.I)
_GRANT_WORDS = re.compile(r"给予|奖励|补助|补贴|资助|返还|award|subsid|reward", re.I)


def with_as_of(head: str, c: Candidate, u: Understanding, doc: SourceDocument | None) -> str:
    """A reported figure with no year of its own ("目前，上报市的40个项目中，动工项目33个") is true as
    of its document's date, and says so: a status or count is worth nothing without its date."""
    if (c.kind not in ("sentence", "figure") or doc is None or not doc.date
            or u.p("status") + u.p("count") + u.p("amount") < AS_OF_INTENT or re.search(r"(?:19|20)\d{2}", head)
            or not _YEARLESS_FIGURE.search(head) or _GRANT_WORDS.search(head)
            or (c.kind == "figure" and c.record.kind == "target")):  # fmt: skip
        return head
    if u.lang == "zh":
        return f"{head.rstrip('。')}（据{human_date(doc.date, 'zh')}的文件）。"
    return f"{head.rstrip('.')} (as reported in the document dated {human_date(doc.date, 'en')})."


AS_OF_INTENT = 0.5  # how much of the question asks for a status, a count or an amount


# --- kinds ------------------------------------------------------------------------------


def _responsibility(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    r = c.record
    leads = [x for x in (getattr(r, "leads", None) or [r.lead]) if x]
    stated = getattr(r, "lead_stated", True)
    co = [x for x in r.units if x not in leads]
    if u.lang == "zh":
        if not stated:  # the document lists units without saying who leads: list them, first first
            head = f"责任单位：{'、'.join(r.units)}（文件未注明牵头单位，排列第一的为{r.units[0]}）。"
        elif u.wants_co:
            head = f"除牵头单位{'、'.join(leads)}外，配合单位为：{'、'.join(co) if co else '（无）'}。"
        else:
            head = f"牵头单位：{'、'.join(leads)}" + (f"；配合单位：{'、'.join(co)}" if co else "") + "。"
        extra = asked_cells(r.source, u, set(r.units))
        return head + (f"{extra}。" if extra else "") + f"\n任务：{r.task}（{r.section}）", f"原文：{r.source}"
    names = "; ".join(en_name(x) for x in leads)
    if not stated:
        head = "Responsible units: " + "; ".join(en_name(x) for x in r.units) + " (the document names no lead; listed first: " + en_name(r.units[0]) + ")."
    elif u.wants_co:
        head = f"Besides the lead unit {names}, the co-operating units are: " + ("; ".join(en_name(x) for x in co) or "none") + "."
    else:
        head = f"Lead unit: {names}." + (" Co-operating units: " + "; ".join(en_name(x) for x in co) + "." if co else "")
    return head + f"\nTask: {with_gloss(r.task)} (section {r.section})", f"Original text (Chinese): {r.source}"


_CELL = re.compile(r"([^：；]{2,12})：([^；]{1,120})")


def asked_cells(source: str, u: Understanding, known: set[str]) -> str:
    """Other cells of a table row (序号：10；…；推广范围：8个改革试验区域) whose header the question
    names ("推广到哪些地方？哪个部门指导？"): a two-part question gets both facts in the head."""
    out = []
    for header, cell in _CELL.findall(source):
        cell = cell.strip()
        if cell in known or header in ("序号", "编号") or cell in u.question:
            continue
        if len(raw_bigrams(header) & u.grams) and cell not in " ".join(known):
            out.append(f"{header}：{cell}")
    return "；".join(out[:2])


def _incentive(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    r = c.record
    try:  # the incentive renderer of knowledge/ when present
        from knowledge.incentive_text import describe_en, describe_zh

        head = describe_zh(r) if u.lang == "zh" else describe_en(r)
    except ImportError:
        head = _incentive_fallback(r, u.lang)
    if c.note:
        head += f"（依据：{c.note}）" if u.lang == "zh" else f" (Your case: {_note_en(c.note)})"
    if c.estimate is not None:
        head = estimate_line(c.estimate, u.lang) + "\n" + head
    label = "原文：" if u.lang == "zh" else "Original text (Chinese): "
    return head, label + r.source


def _note_en(note: str) -> str:
    """"20 million yuan，符合“固定资产投资1000万元以上”；…" → "20 million yuan meets “…”; …"."""
    note = re.sub(r"，符合", " meets ", note)
    return note.replace("；", "; ")


def estimate_line(e: Estimate, lang: str) -> str:
    """The sum first: "按所述情况约可得750万元（3亿元×2.5%）"."""
    capped = e.cap is not None
    if lang == "zh":
        how = f"{e.base.text}{e.how}" + (f"，超过上限，按最高{e.cap.text}" if capped else "")
        return f"按所述情况约可得{money_zh(e.value, e.currency)}（{how}）。"
    how = f"{e.base.text} {e.how}" + (f", capped at {e.cap.text}" if capped else "")
    return f"For the case described: about {money_words(e.value, e.currency)} ({how})."




def _incentive_fallback(r, lang: str) -> str:  # noqa: ANN001
    conds = "；".join(x for x in r.conditions if x and x not in (r.beneficiary or ""))
    if lang == "zh":
        who = r.beneficiary or r.title
        head = f"{who}：{r.benefit}" if r.benefit not in who else who
        extra = ([f"条件：{conds}"] if conds else []) + [f"另：{x}" for x in r.limits[:2]]
        return head + (f"（{'；'.join(extra)}）" if extra else "") + "。"
    return incentive_en(r)


def _figure(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    f = c.record
    period = f.period or ""
    if u.lang == "zh":
        # the clauses of its sentence that the question asks about, when they include the figure:
        # "合同外资16222.23万美元，同比增长96.7%" answers both halves of a two-part question
        clause = fact_head(f.source, _overlap(u), _intent_weights(u), 90)
        if f.text in clause and len(clause) > len(f.text) + 4:
            return clause + ("" if clause.endswith("。") else "。"), f"原文：{f.source}"
        return f"{period}{f.subject}{'目标' if f.kind == 'target' else ''}：{f.text}。", f"原文：{f.source}"
    what = "Target" if f.kind == "target" else "Figure"
    head = f"{what}{' for ' + en_period(period) if period else ''}: {en_amount(f.text, f.value, f.unit, f.currency)} — {with_gloss(f.subject)}."
    return head, f"Original text (Chinese): {f.source}"


def _project(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    p = c.record
    as_of = human_date(p.as_of, u.lang) if p.as_of else None
    if u.lang == "zh":
        # the stage as the source states it: "已经签约" says it has happened, "签约" alone may be a plan
        done = re.search(rf"(?:已经|已)\s*{re.escape(p.stage)}", p.source or "") if p.stage else None
        stage = done.group(0) if done else p.stage
        parts = [p.name] + [f"{label}：{v}" for label, v in (("阶段", stage), ("类别", p.category), ("金额", p.amount_text),
                                                             ("地点", p.place), ("单位", p.company)) if v]  # fmt: skip
        when = f"截至{as_of}" if as_of else "（文件未注明日期）"
        return f"{when}，" + "；".join(parts) + "。此后情况可能已有变化，请以最新台账为准。", "原文：" + p.source
    parts = [p.name]
    if p.stage:
        parts.append(f"stage: {STAGE_EN.get(p.stage, p.stage)} ({p.stage})")
    if p.category:
        parts.append(f"category: {with_gloss(p.category)}")
    if p.amount_text:
        parts.append("amount: " + en_amount(p.amount_text, p.amount_value, p.amount_unit, p.currency))
    if p.place:
        parts.append(f"place: {p.place}")
    when = f"As of {as_of}" if as_of else "Date not stated"
    return f"{when}: " + "; ".join(parts) + ". The status may have changed since.", "Original text (Chinese): " + p.source


def _contact(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    r = c.record
    phone = r.phone or ""
    if r.personal and u.audience != "staff":  # an office's landline stays; a mobile is personal
        office = [x for x in re.split(r"[、，,/ ]+", phone) if x and not MOBILE.fullmatch(x)]
        phone = "、".join(office) or (MOBILE_MASK if u.lang == "zh" else "(personal mobile numbers are not given out)")
    address = r.address
    if u.lang == "zh":
        where = f"；地址：{address}" if address else ""
        return f"{r.role or '联系人'}：{r.person or '未注明'}；联系电话：{phone or '未注明'}{where}（{r.unit or r.doc_no}）。", ""
    unit = en_name(r.unit) if r.unit else r.doc_no
    role = with_gloss(r.role) if r.role else "Contact"
    where = f"; address: {address}" if address else ""
    if not r.person:  # an office's line
        return f"Contact office: {role}; phone: {phone or 'not stated'}{where} ({unit}).", ""
    role = role if "(contact person)" in role else f"{role} (contact person)"  # 联系人 is glossed so already
    return f"{role}: {r.person}; phone: {phone or 'not stated'}{where} ({unit}).", ""


def _table_row(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    r = c.record
    asked = u.question
    cells = [(h, v) for h, v in ordered_cells(r) if v]
    # the cells the question does not already name come first: they are the answer
    named = [(h, v) for h, v in cells if v and v in asked]
    rest = [(h, v) for h, v in cells if (h, v) not in named]
    sep = "；" if u.lang == "zh" else "; "
    body = sep.join(f"{h}：{v}" if u.lang == "zh" else f"{h}: {v}" for h, v in rest + named)
    where = f"（{r.table}）" if r.table and u.lang == "zh" else (f" (table {r.table})" if r.table else "")
    if u.lang == "zh":
        return body + where + "。", f"原文：{r.source}"
    return sentence_head(" ".join(v for _, v in rest)) or body, f"Original row (Chinese): {body}{where}"


def project_list(ps: list, description: str, lang: str, total: int) -> str:  # noqa: ANN001 - list[Project]
    """`ps` are the projects shown (newest status first), `total` how many match."""
    if lang == "zh":
        lines = [f"符合条件（{description or '全部'}）的项目共{total}个："]
        for i, p in enumerate(ps, 1):
            when = f"截至{human_date(p.as_of, 'zh')}" if p.as_of else "日期未注明"
            lines.append(f"{i}. {p.name}：{p.stage or '阶段未注明'}，{p.amount_text or '金额未注明'}（{when}，{p.doc_no}）")
        if total > len(ps):
            lines.append(f"……以上为前{len(ps)}个，另有{total - len(ps)}个未列出（按状态日期从新到旧；可加阶段、金额或地区缩小范围）。")
        return "\n".join(lines)
    lines = [f"{total} project(s) match ({description or 'all'}):"]
    for i, p in enumerate(ps, 1):
        when = f"as of {human_date(p.as_of, 'en')}" if p.as_of else "date not stated"
        amount = en_amount(p.amount_text or "", p.amount_value, p.amount_unit, p.currency) if p.amount_text else "amount not stated"
        lines.append(f"{i}. {p.name}: {STAGE_EN.get(p.stage or '', p.stage or 'stage not stated')}, {amount} ({when}, {p.doc_no})")
    if total > len(ps):
        lines.append(f"... the first {len(ps)} are listed; {total - len(ps)} more are not shown (add a stage, amount or place).")
    return "\n".join(lines)


_EFFECTIVE_Q = re.compile(r"施行|生效|实施|起效|take effect|effective|come into force", re.I)
_VALID_Q = re.compile(r"有效期|到期|截止|失效|有效到|until when|valid|expire", re.I)
_ISSUER_Q = re.compile(r"发文机关|发文单位|哪个单位发|谁发|印发单位|issued by|who issued", re.I)


_PRINTED_Q = re.compile(r"印发|printed|distributed")


def _doc_fact(c: Candidate, u: Understanding, doc: SourceDocument | None) -> tuple[str, str]:
    d = c.record
    label = f"{d.doc_no or ''}《{d.title}》" if u.lang == "zh" else f"{d.doc_no or ''} “{d.title}”".strip()
    refs = d.records.references
    effective = next((r for r in refs if r.relation == "effective_from"), None)
    until = next((r for r in refs if r.relation in ("valid_until", "valid_years")), None)
    q = u.original
    printed = bool(d.printed_date) and d.printed_date != d.date and (bool(_PRINTED_Q.search(q)) or not d.date)
    if _EFFECTIVE_Q.search(q) and effective:
        return _printed(label, "施行日期", "takes effect on", effective, u), _quote(effective.source, u)
    if _VALID_Q.search(q) and (until or d.valid_until):
        if until:
            return _printed(label, "有效期", "is valid until", until, u, d.valid_until), _quote(until.source, u)
        return (f"{label}有效期至{human_date(d.valid_until, 'zh')}。" if u.lang == "zh"
                else f"{label} is valid until {human_date(d.valid_until, 'en')}."), ""  # fmt: skip
    if u.lang == "zh":
        parts = [label]
        if d.date and (not _ISSUER_Q.search(q) or "date" in (u.part_facts or [u.asked_fact])):  # 谁发的？哪天发的？
            parts.append(f"成文（发布）日期：{human_date(d.date, 'zh')}")
        if printed:
            parts.insert(1, f"印发日期：{human_date(d.printed_date, 'zh')}")  # "哪天印发的" asks this one
        if d.issuer:
            parts.append(f"发文机关：{d.issuer}")
        if d.addressees:
            parts.append(f"主送：{d.addressees}")
        if d.cc:
            parts.append(f"抄送：{'，'.join(d.cc)}")
        if effective:
            parts.append(f"施行日期：{human_date(effective.value, 'zh')}")
        return "；".join(parts) + "。", ""
    parts = [label]
    if printed:
        parts.append(f"printed and issued on {human_date(d.printed_date, 'en')} ({d.printed_date})")
    if d.date:
        parts.append(f"dated {human_date(d.date, 'en')} ({d.date})")
    if d.issuer:
        parts.append(f"issued by {en_name(d.issuer)}")
    if effective:
        parts.append(f"in force from {human_date(effective.value, 'en')}")
    if d.cc:
        parts.append("copied to " + "; ".join(en_name(x) for x in d.cc))
    return ", ".join(parts) + ".", ""


def _printed(label: str, zh_what: str, en_what: str, ref, u: Understanding, iso: str | None = None) -> str:  # noqa: ANN001
    """A date as the document prints it (“2020年12月底”), with the normalised date beside it."""
    value = iso or ref.value
    clause = fact_head(ref.source, lambda s: 1.0 if re.search(r"施行|有效期|起|至", s) else 0.0, {"when": 1.0}, 60)
    if u.lang == "zh":
        shown = human_date(value, "zh") if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else value
        return f"{label}{zh_what}：{shown}（原文：{clause}）。"
    shown = human_date(value, "en") if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else value
    return f"{label} {en_what} {shown}."


def _quote(text: str, u: Understanding) -> str:
    return ("原文：" if u.lang == "zh" else "Original text (Chinese): ") + text


def _overlap(u: Understanding):  # noqa: ANN202
    """Overlap with the question, or one overlap per part of a question asking several things."""

    def of(q: frozenset[str], fact: str | None = None):  # noqa: ANN202
        # a part asking for a kind of fact ("占年计划的百分之几": a percent) is answered by a clause
        # stating one, whatever words it shares with the part
        return lambda clause: (len(q & raw_bigrams(clause)) / len(q) if q else 0.0) + (
            PART_FACT if states_part(clause, fact) else 0.0)

    if not u.parts:
        return of(u.grams)
    return [of(p, f) for p, f in zip(u.parts, facts_of_parts(u), strict=True)]


def _intent_weights(u: Understanding) -> dict[str, float]:
    return u.wanted(("who", "amount", "when", "count", "contact", "eligibility", "list"))


_RESPECTIVE = re.compile(r"([^，。；：:]+?)的?[，,]?\s*分别(?:给予|奖励|补助|补贴|资助|达到|为|按)?([^。；;]+)")
_ITEM_LEAD = re.compile(r"^.{0,12}(?:评为|认定为|列为|列入|获得|获评|对)")


def respective(sentence: str, question: str) -> str | None:
    """"对当年评为省级未来工厂、…、省级数字化车间…的，分别给予100万元、…、15万元…奖励" asked of 省级
    数字化车间: "省级数字化车间：15万元", the item the question names paired with its own amount."""
    from knowledge.extract.figures import find_amounts

    text = normalize(sentence)
    m = _RESPECTIVE.search(text)
    if not m:
        return None
    items = [x.strip() for x in re.split(r"、|和|及", _ITEM_LEAD.sub("", m.group(1))) if x.strip()]
    values = [a.text for _, a in find_amounts(m.group(2))]
    if len(items) < 2 or len(items) != len(values):
        return None
    q = raw_bigrams(question)
    fits = [len(q & raw_bigrams(x)) / max(1, len(raw_bigrams(x))) for x in items]
    best = max(range(len(items)), key=lambda i: (fits[i], len(items[i])))
    if fits[best] < RESPECTIVE_FIT or sorted(fits)[-2:] == [fits[best]] * 2:
        return None  # no item named, or two named alike
    return f"{items[best]}：{values[best]}"


RESPECTIVE_FIT = 0.8  # share of an item's bigrams the question must name


def _sentence(c: Candidate, u: Understanding, doc: SourceDocument | None, translate=None) -> tuple[str, str]:  # noqa: ANN001
    s = c.record
    # a graded sentence's head states the tier the asker's case meets (30亩以上的奖励80万元)
    head = fact_head(met_tier(s.text, u.amounts, u.case) or s.text, _overlap(u), _intent_weights(u))
    tier = respective_tier(s.text, u.amounts)
    if tier is not None:  # "…1亿元、1.5亿元、2亿元的…分别…50%、60%、70%" for a case of 2亿元: 70%
        reached, pays = tier
        if u.lang == "zh":
            head = f"{reached.text}：{pays.text}"
        else:
            paid = f"{pays.value:g}% ({pays.text})" if pays.unit == "%" else pays.text
            head = f"For {money_words(reached.amount_usd or reached.amount_cny or 0, reached.currency)} ({reached.text}): {paid}"
    if u.lang == "zh" and (paired := respective(s.text, u.original)):
        head = paired
    if u.p("who") >= 0.3 and c.chunk is not None and not carries(head, "who"):
        head = _with_doer(head, c.chunk.text)
    label = _LABEL.match(s.text)
    if u.p("who") >= 0.3 and label and label.group(1) not in head and _names_doer(label.group(1)):
        head = f"{_ARTICLE.sub('', label.group(1))}：{head}"  # "二、梁伟新党组副书记…：协助分管…"
    zh_source = c.chunk is not None and c.chunk.language == "zh"
    if u.lang == "en" and zh_source and tier is not None:
        return head + ".", f"Original text (Chinese): 「{s.text}」"
    if u.lang == "en" and zh_source:
        en = (translate(head) if translate else None) or sentence_head(s.text, u.original, head, who=u.p("who") >= 0.3 or u.asked_fact == "unit")
        return en or f"The document says (Chinese): {head}", f"Original text (Chinese): 「{s.text}」"
    if u.lang == "en":
        whole = _BULLET.sub("", s.text).strip()
        e = estimate_en(whole, u.amounts) if u.amounts else None
        if len(whole) <= EN_WHOLE:  # an English sentence reads whole; its clauses are not facts apart
            return (estimate_line(e, "en") + "\n" + whole) if e else whole, ""
        return head, (f'"{s.text}"' if len(s.text) > len(head) + 10 else "")
    return head + ("" if head.endswith(("。", "！", "？")) else "。"), (f"「{s.text}」" if len(s.text) > len(head) + 10 else "")


_LABEL = re.compile(r"^\s*([^：:。；]{2,40})[：:](?!\s*$)")
_BULLET = re.compile(r"^[\s\-—–•·*]+")
EN_WHOLE = 320  # characters of an English source sentence stated whole
_TITLE = re.compile(r"书记|主任|局长|部长|市长|县长|区长|厅长|主席|秘书长|同志|负责人|领导")


def _names_doer(label: str) -> bool:
    """A label that names an official (梁伟新党组副书记、副主任) or a unit, not a topic."""
    return bool(_TITLE.search(label)) or carries(label, "who") > 0


_LEAD_IN = re.compile(r"(?:履行|承担|负责)(?:以?下列|以下|如下)[^。；：\n]{0,8}[：:]")
_ARTICLE = re.compile(r"^\s*(?:第[一二三四五六七八九十百零\d]+条|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*")


def _with_doer(head: str, passage: str) -> str:
    """An item of a list of duties ("（三）负责…招商网络建设工作") names no unit: the unit is the
    subject of the list's lead-in ("市跨境电子商务综合试验区管理办公室…履行下列职责："), the
    first clause of the lead-in sentence."""
    m = _LEAD_IN.search(passage)
    if not m:
        return head
    start = max(passage.rfind("。", 0, m.start()), passage.rfind("\n", 0, m.start())) + 1
    subject = _ARTICLE.sub("", passage[start : m.start()]).split("，")[0].split(",")[0]
    subject = re.sub(r"^.{0,12}?设立的", "", subject).strip()
    if not 2 <= len(subject) <= 60 or not carries(subject, "who"):
        return head
    return f"{subject}：{head}"


_RENDER = {"responsibility": _responsibility, "incentive": _incentive, "figure": _figure, "project": _project,
           "contact": _contact, "table_row": _table_row, "doc_fact": _doc_fact}  # fmt: skip


_OPEN_QUOTE = {"“": "”", "「": "」", '"': '"', "‘": "’"}


def _unquoted(line: str) -> str:
    """A head never opens with a quotation mark: a reader (and the scorer) takes such a line for a
    quote. “新宜…园”项目：50亿元 → 新宜…园项目：50亿元."""
    while line and line[0] in _OPEN_QUOTE:
        close = _OPEN_QUOTE[line[0]]
        rest = line[1:]
        at = rest.find(close)
        line = rest[:at] + rest[at + 1 :] if at >= 0 else rest
    return line


def assemble(heads: list[str], evidence: list[str], cites: list[Citation], lang: str, warning: str = "") -> str:
    """Every head before any evidence, then the sources."""
    head_lines = [_unquoted(x) for h in heads for x in h.split("\n")]
    lines = ([warning] if warning else []) + head_lines + [e for e in evidence if e] + [sources_line(cites, lang)]
    return "\n".join(lines)
