"""文号 (document numbers) as printed: 绍政办发〔2023〕17号 in any bracket or spacing."""

from __future__ import annotations

import re

from knowledge.normalize import fold

DOC_NO = re.compile(
    r"((?:(?![在的了和与是里于对从及按据照见即])[\u4e00-\u9fff]){1,12}?)\s*[〔\[【［(（]\s*((?:19|20)\d{2})\s*[〕\]】］)）]\s*(\d{1,4})\s*号"
)


def _fold(text: str) -> str:
    return fold(text).replace("號", "号")  # mirrors print 文号 in traditional script


def doc_no_of(text: str) -> str | None:
    """Canonical 文号 (绍政办发〔2023〕17号) from any spelling: [] 【】 () or spaces."""
    m = DOC_NO.search(_fold(text))
    if not m:
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"


def all_doc_nos(text: str) -> list[tuple[str, int, int]]:
    """Every 文号 in the text with its span (in the folded text)."""
    folded = _fold(text)
    return [
        (f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号", m.start(), m.end()) for m in DOC_NO.finditer(folded)
    ]
