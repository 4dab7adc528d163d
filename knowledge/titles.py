"""Titles a document does not print in its head.

A 印发/转发 notice carries another document (its subject, "X" in 关于印发《X》的通知): X is
recorded as `subject_title` so questions naming X find the notice. A body-only text with no
admin title is named after its file, cleaned of numbering, underscores, years and slug dashes.
"""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.head import QUALIFIER, TITLE_END, is_body_line
from knowledge.normalize import is_chinese, normalize

_CARRIES = re.compile(r"(?:印发|转发|批转|发布|公布)")
_QUOTED = re.compile(r"《([^《》]{2,80})》")
_BARE = re.compile(r"(?:印发|转发|批转)(?:关于)?(.{4,80}?)的(?:通知|决定)$")
_SENT = re.compile(r"(?:现将|将)?《([^《》]{2,100})》(?:[^。]{0,60}?)(?:印发|转发)给你们")
_NUMBERING = re.compile(r"^(?:[A-Za-z]{0,2}\d{1,4}[\s._\-]+)+")
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:[-_.]\d{1,4})*$")
_LANG = {"en", "zh", "cn"}


def carried_titles(title: str) -> list[str]:
    """The documents a 印发/转发 notice carries, from its title ([] for other titles)."""
    m = _CARRIES.search(title)
    if not m:
        return []
    tail = title[m.end() :]
    quoted = _QUOTED.findall(tail)
    if quoted:
        return quoted
    bare = _BARE.search(title)
    return [bare.group(1)] if bare else []


def unnested(title: str) -> str:
    """A title quoted inside 《》 prints the titles it names in 〈〉; standing alone it prints 《》."""
    return title.replace("〈", "《").replace("〉", "》")


def nested(title: str) -> str:
    """A title quoted inside another's 《》 prints the titles it names in 〈〉 (the inverse of `unnested`)."""
    return title.replace("《", "〈").replace("》", "〉")


def cited_in_notice(lines: list[str]) -> list[str]:
    """《X》 from "现将《X》印发给你们" in the notice text (lines may break mid-sentence)."""
    text = "".join(lines)
    return [unnested(m.group(1)) for m in _SENT.finditer(text)]


# the notice itself issues a document: "现予印发", "现将《X》印发给你们" (not "2009年印发的《X》")
_ISSUES = re.compile(
    r"现予(?:以)?(?:印发|转发|颁发|发布|公布)|现将[^。]{0,100}?(?:印发|转发)|(?:印发|转发)给你们|予以(?:印发|转发)"
    r"|现(?:印发|转发)"
)
_ATTACHED = re.compile(r"^(?:附件\s*[：:]?\s*)?(?:\d{1,2}\s*[.、．]\s*)?(.{4,80})$")


# an order promulgating a text: "《X》已经…常务会议审议通过，现予公布" (X may quote another: 〈…〉)
_PROMULGATED = re.compile(
    r"《([^《》]{2,100})》(?:已经|已于|经)[^。]{0,80}?(?:现予|予以)(?:以)?(?:公布|发布|颁布)"
    r"|现(?:予)?(?:公布|发布|颁布)(?:修订后的|修改后的|新修订的)?《([^《》]{2,100})》"
)


def promulgated_title(lines: list[str]) -> str | None:
    """X of an order "《X》已经…通过，现予公布" or "现公布修订后的《X》" printed without the decree's
    own title."""
    m = _PROMULGATED.search("".join(lines))
    return unnested(m.group(1) or m.group(2)) if m else None


def issues_document(lines: list[str]) -> bool:
    """The notice text says it issues or forwards a document (a 印发/转发 notice without its title)."""
    return bool(_ISSUES.search("".join(lines)))


def attached_title(lines: list[str]) -> str | None:
    """The issued document as the notice's 附件 list names it, when the notice cites it in 《》:
    "我局制定了《X》，现予印发（见附件）" … "附件：1.X"."""
    cited = {_unquoted(c) for c in _QUOTED.findall("".join(lines))}
    listing = False
    for n in lines:
        listing = listing or n.startswith("附件")
        m = _ATTACHED.match(n) if listing else None
        if m and _unquoted(m.group(1)) in cited:
            return m.group(1).strip()
    return None


def _unquoted(name: str) -> str:
    """A name without its inner title marks: the notice quotes 《<X>任务分解表》, the 附件 label 《X》任务分解表."""
    return re.sub(r"[《》〈〉<>]", "", name).strip()


def body_title(lines: list[str], start: int) -> tuple[str | None, int]:
    """A title printed at `start` (the carried document's own title, possibly over lines)."""
    parts: list[str] = []
    i = start
    while i < len(lines) and len(parts) < 5:
        n = lines[i]
        if is_body_line(n) or "。" in n or len(n) > 60 or n.endswith(("：", ":")):
            break
        parts.append(n)
        i += 1
        if TITLE_END.search(n):
            if i < len(lines) and QUALIFIER.match(lines[i]):  # "…行动计划" / "（2024—2027年）"
                parts.append(lines[i])
                i += 1
            break
    title = "".join(parts)
    if not parts or not TITLE_END.search(title):
        return None, start
    return title, i


def same_words(a: str, b: str) -> bool:
    def bare(s: str) -> str:
        return re.sub(r"[^\w]", "", normalize(s))

    return bare(a) == bare(b)


def file_title(path: str) -> str:
    """ "029_shandong-jinan_ai-pilot-zone-policies-draft-2020.txt" → "Shandong jinan ai pilot zone policies draft"."""
    stem = _NUMBERING.sub("", Path(path).stem)
    segments = [s for s in re.split(r"[_\s]+", stem) if s]
    if any(is_chinese(s) for s in segments):
        words = [s for s in segments if is_chinese(s) and not _YEAR.match(s)]
        return normalize("".join(words)) or stem
    words = []
    for seg in segments:
        if seg.lower() in _LANG:
            continue
        words += [w for w in re.split(r"[-.]+", seg) if w and not _YEAR.match(w)]
    text = " ".join(words).strip()
    return (text[:1].upper() + text[1:]) if text else stem


# a red-head masthead run into the title by a copy: "山东省人民政府文件印发关于…的通知"
_MASTHEAD = re.compile(
    r"^((?:中共)?[\u4e00-\u9fff]{2,30}?(?:人民政府|人民政府办公厅|人民政府办公室|办公厅|办公室|委员会|局|厅))"
    r"\s*文件\s*(?=关于|印发|转发|批转)"
)


def without_masthead(title: str) -> str:
    """The title without the masthead's word 文件 a copy glued between the organ and 关于/印发."""
    return _MASTHEAD.sub(r"\1", title)
