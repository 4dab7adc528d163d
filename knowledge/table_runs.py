"""Rows whose cells ran together ("1确保……市发改委") under a header that did too
("序号内容与要求完成情况责任单位"): split at the serial number and the trailing 责任单位."""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.normalize import normalize
from knowledge.table_cells import UNIT_LINE, UNIT_RUN
from knowledge.table_headers import FIELD_WORDS, header_field

_PROGRESS_START = re.compile(
    r"。(?=(?:前三季度|上半年|一季度|二季度|三季度|全年|截至|截止|目前|今年以来|年初以来|已|1[.．、]|（1）|"
    r"\d{1,2}[-—至]\d{1,2}月|\d{1,2}月[，,份]|\d{4}年\d{1,2}月))"
)


_LEXICON = sorted(
    {w for words in FIELD_WORDS.values() for w in words if re.search(r"[\u4e00-\u9fff]", w)},
    key=len,
    reverse=True,
)


def split_run_together_header(line: str) -> list[str] | None:
    """ "序号内容与要求完成情况责任单位" → ["序号", "内容与要求", "完成情况", "责任单位"]."""
    n = normalize(line)
    if not 6 <= len(n) <= 40 or re.search(r"[\s，,。；;、|:：]", n) or not n.startswith(("序号", "编号")):
        return None
    parts: list[str] = []
    pending, p, known = "", 0, 0
    while p < len(n):
        word = next((w for w in _LEXICON if n.startswith(w, p)), None)
        if word is None:
            pending += n[p]
            p += 1
            continue
        parts.append(pending + word)
        known += len(word)
        pending, p = "", p + len(word)
    if pending:
        if not parts:
            return None
        parts[-1] += pending
    return parts if len(parts) >= 3 and known >= 0.7 * len(n) else None


def split_run_together(header: Sequence[str], body: Sequence[str]) -> tuple[list[list[str]], list[int]]:
    """Rows "1确保……市发改委" (+ unit lines below) under a run-together header."""
    n = len(header)
    last_is_unit = header_field(header[-1]) in ("units", "lead", "co_units")
    starts = []
    expected = 1
    for k, line in enumerate(body):
        m = re.match(r"^(\d{1,3})(?![\d.．、%])(?=\S)", line)
        if m and expected <= int(m.group(1)) <= expected + 10 and len(line) > len(m.group(1)) + 4:
            starts.append((k, m.group(1)))
            expected = int(m.group(1)) + 1
    rows, used = [], []
    for i, (k, serial) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else _run_end(body, k)
        text = body[k][len(serial) :].strip()
        units: list[str] = []
        for extra in body[k + 1 : end]:
            if last_is_unit and UNIT_LINE.match(normalize(extra)):
                units.append(extra.strip())
            else:
                text += extra.strip()
        if last_is_unit:
            m = UNIT_RUN.search(text)
            if m:
                units.insert(0, m.group(1).rstrip("、,，"))
                text = text[: m.start()].rstrip()
        middle = n - 1 - (1 if last_is_unit else 0)
        cells = _split_middle(text, middle)
        rows.append([serial, *cells, *(["、".join(dict.fromkeys(units))] if last_is_unit else [])])
        used.extend(range(k, end))
    return rows, used


def _run_end(body: Sequence[str], k: int) -> int:
    """The last row runs over the unit lines right below it, no further."""
    end = k + 1
    while end < len(body) and UNIT_LINE.match(normalize(body[end])):
        end += 1
    return end


def _split_middle(text: str, count: int) -> list[str]:
    if count <= 1:
        return [text][:count] if count else []
    m = _PROGRESS_START.search(text)
    if count == 2 and m:
        return [text[: m.start() + 1], text[m.start() + 1 :]]
    return [text, *([""] * (count - 1))]
