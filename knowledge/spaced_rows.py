"""A task table as a PDF's text layer on a document-sharing site keeps it: the header run into the
caption's line with spaces, each row on a line of its own, its cells apart by spaces —

    常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位
    一、经济社会发展主要预期目标分解(11项)
    1 地区生产总值增长7%以上,服务业增加值占GDP比重47.1%. 发改委
    7 全社会固定资产投资额550亿元,其中:工业技改投资增长10%,…. 发改委、经信委、科技局

A row is its serial, its text, and its last word, the units; a group line between rows is their 类别.
A column no row fills (名称, printed for a merged block only) is left out.
"""

from __future__ import annotations

import re

from knowledge.normalize import normalize
from knowledge.table_cells import group_label, is_group_line
from knowledge.table_headers import header_field, is_task_header

_HEADER = re.compile(r"(?:^|\s)(序号(?:\s+[\u4e00-\u9fff]{2,8}){2,6})\s*$")
_ROW = re.compile(r"^(\d{1,3})\s+(\S.*?)\s+([^\s，,。；;:：]{2,60})$")
_UNITS = ("units", "lead", "co_units")
_MIN_ROWS = 2
GROUP = "分组"


def _row(line: str) -> tuple[str, str, str] | None:
    m = _ROW.match(line.strip())
    if not m or len(normalize(m.group(2))) < 6:
        return None
    units = normalize(m.group(3))
    parts = re.split(r"[、/]", units)
    if not all(2 <= len(p) <= 16 and not re.search(r"\d", p) for p in parts):
        return None
    return m.group(1), m.group(2).strip(), units


def spaced_task_table(lines: list[str], h: int) -> tuple[list[str], list[dict[str, str]], list[int]] | None:
    """(headers, rows, covered lines) of a spaced task table whose header line is `lines[h]`."""
    m = _HEADER.search(lines[h])
    if not m:
        return None
    header = m.group(1).split()
    if not is_task_header(header) or header_field(header[-1]) not in _UNITS:
        return None
    task = next((c for c in header[1:-1] if header_field(c) in ("task", "content")), header[-2])
    rows: list[dict[str, str]] = []
    covered = [h]
    group = ""
    for j in range(h + 1, len(lines)):
        line = lines[j]
        if not line:
            continue
        got = _row(line)
        if got:
            rows.append({header[0]: got[0], task: got[1], header[-1]: got[2], GROUP: group})
        elif is_group_line(line):
            group = group_label(line)
        else:
            break
        covered.append(j)
    if len(rows) < _MIN_ROWS:
        return None
    headers = [header[0], task, header[-1]] + ([GROUP] if any(r[GROUP] for r in rows) else [])
    return headers, [{k: r[k] for k in headers} for r in rows], covered
