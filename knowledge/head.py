"""The head of a government document: 红头 issuer, 文号, title and addressees."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.docno import DOC_NO, doc_no_of
from knowledge.normalize import normalize


def is_header_line(line: str) -> bool:
    n = normalize(line)
    return bool(
        n.endswith("文件")
        or DOC_NO.fullmatch(n)
        or (doc_no_of(n) and len(n) <= 24)
        or n.startswith("关于")
        or "关于" in n[:30]
        and len(n) < 80
        and not n.endswith("。")
        or n.endswith("：")
        and len(n) < 80
    )


def own_doc_no(header: list[str]) -> str | None:
    for line in header:
        n = normalize(line)
        if len(n) <= 30 and not n.startswith("关于"):
            found = doc_no_of(n)
            if found:
                return found
    return None


def red_head_issuer(header: list[str]) -> str | None:
    for line in header:
        n = normalize(line)
        if n.endswith("文件") and len(n) > 4:
            return n[: -len("文件")]
    return None


def head_title(header: list[str], doc_no: str | None) -> str | None:
    for line in header:
        n = normalize(line)
        if n.endswith("文件") or n.endswith("：") or (doc_no and doc_no_of(n) == doc_no and len(n) <= 30):
            continue
        return n
    return None


def addressees(header: list[str]) -> str | None:
    for line in header:
        n = normalize(line)
        if n.endswith("："):
            return n.rstrip("：")
    return None


def fallback_title(paras: list[str], issuer: str | None, doc_no: str | None, path: str) -> str:
    """No title line: a short first line if it reads like one, else say the title is missing."""
    first = normalize(paras[0]) if paras else ""
    if 4 <= len(first) <= 50 and not re.search(r"[。；，,;|]", first) and not doc_no_of(first):
        return first
    if issuer or doc_no:
        return f"{issuer or ''}{doc_no or ''}（原文缺标题）"
    return Path(path).stem
