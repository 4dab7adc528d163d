"""Parse a Chinese government document into a `SourceDocument`.

Reads the 红头 header (issuer, 文号, title, addressees), the section tree, the footer
(signature, dates, disclosure marker, 抄送), re-joins paragraphs a page break split, and
runs the record extractors. Admin-given metadata (file header) wins over every guess.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from knowledge.dates import find_dates, parse_date
from knowledge.models import KINDS, LoadedFile, Paragraph, SourceDocument
from knowledge.normalize import fold, is_chinese, normalize
from knowledge.sections import HeadingStack, parse_heading

DOC_NO = re.compile(
    r"((?:(?![在的了和与是里于对从及按据照见即])[\u4e00-\u9fff]){1,12}?)\s*[〔\[【［(（]\s*((?:19|20)\d{2})\s*[〕\]】］)）]\s*(\d{1,4})\s*号"
)
PUBLIC_MARKERS = ("此件公开发布", "主动公开", "此件公开", "公开方式：主动公开")
INTERNAL_MARKERS = ("依申请公开", "不予公开", "此件不公开", "内部资料", "此件不予公开")
_CC = re.compile(r"^抄送[：:](.+)$")
_PRINTED = re.compile(r"(.*?)\s*((?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)\s*印发")
_SENTENCE_END = tuple("。；！？：”」）)》.!?;:")
_KEY_LINE = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]")
_NO_JOIN_START = ("责任单位", "抄送", "承办人", "联系人", "联系电话", "附件", "（此件", "此件")
ABSENT = {"", "none", "unknown", "not shown", "not shown in this copy", "n/a", "无", "未知"}


def doc_no_of(text: str) -> str | None:
    """Canonical 文号 (绍政办发〔2023〕17号) from any spelling: [] 【】 () or spaces."""
    m = DOC_NO.search(fold(text))
    if not m:
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"


def all_doc_nos(text: str) -> list[tuple[str, int, int]]:
    folded = fold(text)
    return [(f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号", m.start(), m.end()) for m in DOC_NO.finditer(folded)]


# Bump when parsing or extraction changes, so an unchanged file is parsed again once.
PARSER_VERSION = "2026-11-25.1"


def content_hash(loaded: LoadedFile) -> str:
    """What decides "unchanged": the text, the admin metadata and the parser version.

    Computed before parsing, so an unchanged file is never parsed again (`knowledge.ingest`).
    """
    key = f"{PARSER_VERSION}\n{loaded.text}\n{sorted(loaded.metadata.items())!r}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def parse_document(loaded: LoadedFile) -> SourceDocument:
    meta = {k.lower(): v.strip() for k, v in loaded.metadata.items() if _present(v)}
    raw_paras = _split_paragraphs(loaded.text)
    header, body, footer = _segment(raw_paras)

    doc_no = _meta_doc_no(meta) or _find_own_doc_no(header)
    issuer = meta.get("issuer") or _find_issuer(header, footer)
    title = meta.get("title") or _find_title(header, doc_no) or _fallback_title(raw_paras, issuer, doc_no, loaded.path)
    addressees = _find_addressees(header)
    issue_date, printed_date = _find_dates(footer, header)
    if meta.get("date"):
        issue_date = parse_date(meta["date"]) or issue_date
    date = issue_date or printed_date

    visibility, vis_source = _visibility(meta, loaded.text)
    language = "zh" if is_chinese(loaded.text[:3000]) else "en"
    cc = _find_cc(footer)

    paragraphs = _paragraphs(body, footer, title)
    doc = SourceDocument(
        doc_id=doc_id_for(loaded.path),
        path=str(loaded.path),
        content_hash=content_hash(loaded),
        title=normalize(title) if language == "zh" else title.strip(),
        doc_no=doc_no,
        issuer=issuer,
        date=date,
        printed_date=printed_date,
        addressees=addressees,
        visibility=visibility,
        visibility_source=vis_source,
        kind="other",
        language=language,
        cc=cc,
        paragraphs=paragraphs,
        metadata=dict(loaded.metadata),
    )
    from knowledge.extract import extract_records

    doc.records = extract_records(doc, loaded.rows)
    doc.kind = _kind(meta, doc, loaded)  # type: ignore[assignment]
    from knowledge.extract.references import apply_validity

    apply_validity(doc)
    return doc


# --- helpers -----------------------------------------------------------------


def _present(value: str | None) -> bool:
    if value is None:
        return False
    v = value.strip().lower()
    return not (v in ABSENT or v.startswith("not shown") or v.startswith("unknown") or v.startswith("not in this copy"))


def doc_id_for(path: str) -> str:
    """The stable id of the document read from `path` (its file stem, made safe)."""
    stem = Path(path).stem
    return re.sub(r"[^\w\-\u4e00-\u9fff]+", "_", stem).strip("_") or "document"


def _fallback_title(paras: list[str], issuer: str | None, doc_no: str | None, path: str) -> str:
    """No title line: a short first line if it reads like one, else say the title is missing."""
    first = normalize(paras[0]) if paras else ""
    if 4 <= len(first) <= 50 and not re.search(r"[。；，,;|]", first) and not doc_no_of(first):
        return first
    if issuer or doc_no:
        return f"{issuer or ''}{doc_no or ''}（原文缺标题）"
    return Path(path).stem


def _meta_doc_no(meta: dict[str, str]) -> str | None:
    return doc_no_of(meta["doc_no"]) if "doc_no" in meta else None


def _split_paragraphs(text: str) -> list[str]:
    """Lines are paragraphs; blank lines are page furniture. Leading indentation is dropped."""
    return [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if ln.strip()]


def _is_header_line(line: str) -> bool:
    n = normalize(line)
    return bool(
        n.endswith("文件")
        or DOC_NO.fullmatch(n)
        or (doc_no_of(n) and len(n) <= 24)
        or n.startswith("关于")
        or "关于" in n[:30] and len(n) < 80 and not n.endswith("。")
        or n.endswith("：") and len(n) < 80
    )


def _segment(paras: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split into header (红头, 文号, title, addressees), body, footer (signature onwards)."""
    header: list[str] = []
    i = 0
    # the header ends at the addressee line (ends with ：) when there is one in the first lines
    for j, p in enumerate(paras[:8]):
        if normalize(p).endswith("：") and not parse_heading(normalize(p)):
            header = paras[: j + 1]
            i = j + 1
            break
    else:
        while i < min(len(paras), 4) and _is_header_line(paras[i]) and not parse_heading(normalize(paras[i])):
            header.append(paras[i])
            i += 1
    rest = paras[i:]
    footer_start = len(rest)
    for k in range(len(rest) - 1, -1, -1):
        n = normalize(rest[k])
        if _is_footer_line(n):
            footer_start = k
            continue
        # the signature line right above a date line belongs to the footer
        if (k + 1 == footer_start and len(n) <= 30 and not n.endswith(_SENTENCE_END) and _looks_like_unit(n)
                and not re.search(r"[：、，]", n)):
            footer_start = k
            continue
        break
    return header, rest[:footer_start], rest[footer_start:]


def _looks_like_unit(n: str) -> bool:
    return bool(re.search(r"(政府|办公室|办公厅|局|委员会|中心|委|厅|管委会|公司)$", n))


def _is_footer_line(n: str) -> bool:
    if any(m in n for m in PUBLIC_MARKERS + INTERNAL_MARKERS) and len(n) < 40:
        return True
    if _CC.match(n) or _PRINTED.search(n):
        return True
    if re.fullmatch(r"(承办人(姓名)?|联系人|联系电话|电话|手机)[：:].{0,40}", n):
        return True
    dates = find_dates(n)
    return bool(dates and len(n) <= 40 and not n.endswith("。"))


def _find_own_doc_no(header: list[str]) -> str | None:
    for line in header:
        n = normalize(line)
        if len(n) <= 30 and not n.startswith("关于"):
            found = doc_no_of(n)
            if found:
                return found
    return None


def _find_issuer(header: list[str], footer: list[str]) -> str | None:
    for line in header:
        n = normalize(line)
        if n.endswith("文件") and len(n) > 4:
            return n[: -len("文件")]
    for line in footer:
        n = normalize(line)
        if _looks_like_unit(n) and len(n) <= 30:
            return n
        m = _PRINTED.search(n)
        if m and m.group(1).strip():
            return m.group(1).strip()
    return None


def _find_title(header: list[str], doc_no: str | None) -> str | None:
    for line in header:
        n = normalize(line)
        if n.endswith("文件") or n.endswith("：") or (doc_no and doc_no_of(n) == doc_no and len(n) <= 30):
            continue
        return n
    return None


def _find_addressees(header: list[str]) -> str | None:
    for line in header:
        n = normalize(line)
        if n.endswith("："):
            return n.rstrip("：")
    return None


def _find_dates(footer: list[str], header: list[str]) -> tuple[str | None, str | None]:
    issue, printed = None, None
    for line in footer:
        n = normalize(line)
        m = _PRINTED.search(n)
        if m:
            printed = printed or parse_date(m.group(2))
            continue
        if not issue:
            dates = find_dates(n)
            if dates and len(n) <= 40:
                issue = dates[0]
    return issue, printed


def _find_cc(footer: list[str]) -> list[str]:
    for line in footer:
        m = _CC.match(normalize(line))
        if m:
            return [u.strip() for u in re.split(r"[，,、]", m.group(1).rstrip("。")) if u.strip()]
    return []


def _visibility(meta: dict[str, str], text: str) -> tuple[str, str]:
    admin = meta.get("visibility", "").lower()
    if admin in ("public", "公开"):
        return "public", "admin"
    if admin in ("internal", "内部", "private"):
        return "internal", "admin"
    folded = normalize(text)
    if any(m in folded for m in INTERNAL_MARKERS):
        return "internal", "marker"
    if any(m in folded for m in PUBLIC_MARKERS):
        return "public", "marker"
    return "internal", "default"


def _kind(meta: dict[str, str], doc: SourceDocument, loaded: LoadedFile) -> str:
    k = meta.get("kind", "").lower()
    if k in KINDS:
        return k
    if loaded.rows:
        return "project-records"
    if len(doc.records.responsibilities) >= 3:
        return "responsible-units"
    if "答复" in doc.title or "提案" in doc.title:
        return "reply"
    if doc.language == "en":
        return "guide"
    return "policy" if doc.doc_no else "other"


def _should_join(cur: str, nxt: str) -> bool:
    """A page break split one paragraph in two: join when the first half cannot end there."""
    n_next = normalize(nxt)
    if parse_heading(n_next) or n_next.startswith(_NO_JOIN_START) or _is_footer_line(n_next):
        return False
    n_cur = normalize(cur)
    h = parse_heading(n_cur)
    if h and not h.has_body and len(n_cur) < 40:
        return False  # a heading line on its own
    if n_cur.endswith(("、", "，", ",")):
        return True
    if not is_chinese(n_cur):
        return False
    return len(n_cur) >= 20 and not n_cur.endswith(_SENTENCE_END) and not _KEY_LINE.match(n_next)


def _join(paras: list[str]) -> list[str]:
    out: list[str] = []
    for p in paras:
        if out and _should_join(out[-1], p):
            sep = "" if is_chinese(out[-1][-3:] + p[:3]) else " "
            out[-1] = out[-1] + sep + p
        else:
            out.append(p)
    return out


def _paragraphs(body: list[str], footer: list[str], title: str) -> list[Paragraph]:
    stack = HeadingStack()
    out: list[Paragraph] = []
    for text in _join(body):
        norm = normalize(text)
        if norm == normalize(title):
            continue
        h = parse_heading(norm)
        if h:
            stack.push(h)
        out.append(Paragraph(text=text, norm=norm, path=stack.path, index=len(out)))
    for text in footer:
        out.append(Paragraph(text=text, norm=normalize(text), path=("落款",), index=len(out)))
    return out
