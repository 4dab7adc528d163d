"""Counts, lists and extremes over tables: "企业组一共有几个优胜奖项目？", "投资最大的是哪个？".

A question that counts, lists or compares is answered over the rows of the table it means, not
by quoting a passage. The table is the one whose document, name and cell values the question
names most; the filters are the cell values it names (一等奖, 企业组, 洽谈); amounts compare by
their normalised value. A follow-up ("那其中金额最大的呢？") works on the rows of the previous
answer. Projects (with stage, place and amount columns) are filtered in SQL by the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge_view import Knowledge
from bot.understand import Understanding
from knowledge.amounts import parse_amount, unit_from_header
from knowledge.models import TableRow
from knowledge.normalize import normalize

_NAME_HEADERS = ("项目名称", "名称", "项目", "改革举措", "举措", "任务", "事项", "企业名称", "单位名称", "单位", "姓名")
_MIN = re.compile(r"最少|最小|最低|smallest|lowest|least")
_SUM = re.compile(r"合计|总计|总额|加起来|一共多少(?:钱|万|亿)|总共多少(?:钱|万|亿)|sum|total (?:amount|investment)", re.I)
_TOP_N = re.compile(r"前\s*([一二两三四五六七八九十]|\d+)|top\s*(\d+)", re.I)
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_SEGMENTS = re.compile(r"[\s（）()、，,：:“”\"《》\-—]+|[一二三四五六七八九十]+、")


@dataclass
class TableResult:
    op: str  # count | list | max | min
    rows: list[TableRow]
    total: int
    table: str
    doc_key: str
    filters: list[tuple[str, str]] = field(default_factory=list)  # (header, value) the question named
    column: str | None = None  # the compared or summed column
    total_amount: float | None = None  # sum: the absolute total of `column`
    currency: str | None = None


def _tables(k: Knowledge) -> dict[tuple[str, str], list[TableRow]]:
    groups: dict[tuple[str, str], list[TableRow]] = {}
    for r in k.records("table_rows"):
        groups.setdefault((r.doc_no, r.table), []).append(r)
    return groups


def core(value: str) -> str:
    """A cell's value without bracketed remarks: "一等奖 （2名）" → "一等奖"."""
    return _BRACKETED.sub("", normalize(value)).strip()


def _named_values(question: str, rows: list[TableRow]) -> list[tuple[str, str]]:
    """(header, value) pairs whose value the question names, for columns that group rows."""
    q = normalize(question)
    out = []
    headers = list(dict.fromkeys(h for r in rows for h in r.cells))
    for h in headers:
        values = {core(r.cells.get(h, "")) for r in rows} - {""}
        if len(values) == len(rows) and len(rows) > 3:
            continue  # a column of unique values (names) identifies a row, it does not group
        for v in sorted(values, key=len, reverse=True):
            if 2 <= len(v) <= 20 and v in q:
                out.append((h, v))
                break
    return out


def _table_named(question: str, table: str) -> bool:
    """The question names the table by its name or a part of it ("企业组" of "获奖项目（一、企业组）")."""
    q = normalize(question)
    parts = [p for p in _SEGMENTS.split(normalize(table)) if len(p) >= 2]
    return any(p in q for p in parts)


def pick_table(u: Understanding, k: Knowledge, previous: list[TableRow] | None = None, catalogue=None,  # noqa: ANN001
               visibility: tuple[str, ...] | None = None) -> TableResult | None:  # fmt: skip
    """The table operation the question asks for, over the table it names. The rows are read
    and counted by the catalogue in SQL (`catalogue.table_rows` / `count_table_rows`) when one is
    given; a follow-up works on the rows of the previous answer."""
    op = _operation(u)
    if op is None:
        return None
    if previous and u.followup:
        return _apply(op, previous, [], u, previous[0].table, previous[0].doc_no)
    best = None
    for (doc_key, table), rows in _tables(k).items():
        named = _named_values(u.question, rows)
        table_named = bool(table) and _table_named(u.question, table)
        score = u.docs.of(doc_key) + 0.6 * len(named) + (0.8 if table_named else 0.0)
        if not named and not table_named:
            continue
        if best is None or score > best[0]:
            best = (score, doc_key, table, rows, named)
    if best is None or best[0] < 0.9:
        return None
    _, doc_key, table, rows, named = best
    doc = k.doc(doc_key)
    if catalogue is not None and doc is not None:
        where = {"doc_id": doc.doc_id, "table": table or None, "cells": dict(named)}
        kept = [r for r in catalogue.table_rows(visibility, **where) if all(core(r.cells.get(h, "")) == v for h, v in named)]
    else:
        kept = [r for r in rows if all(core(r.cells.get(h, "")) == v for h, v in named)]
    if not kept:
        return None
    return _apply(op, kept, named, u, table, doc_key)


def _operation(u: Understanding) -> str | None:
    p = {i: u.p(i) for i in ("count", "extreme", "list", "amount")}
    if _SUM.search(u.original):
        return "sum"
    p.pop("amount")
    op, value = max(p.items(), key=lambda kv: kv[1])
    if value < 0.3:
        return None
    if op == "extreme":
        return "min" if _MIN.search(u.original) else "max"
    return op


def top_n(question: str) -> int:
    """"前三" / "top 5" → 3 / 5; 1 when the question asks for the single largest."""
    m = _TOP_N.search(question)
    if not m:
        return 1
    raw = m.group(1) or m.group(2)
    return int(raw) if raw.isdigit() else "一二三四五六七八九十".index(raw.replace("两", "二")) + 1


def _apply(op: str, rows: list[TableRow], named: list, u: Understanding, table: str, doc_key: str) -> TableResult:
    if op in ("max", "min", "sum"):
        column, valued = _amounts(rows)
        if valued and op == "sum":
            return TableResult(op, [r for _, r in valued], len(rows), table, doc_key, named, column,
                               total_amount=sum(v for v, _ in valued), currency=_currency(column, valued))  # fmt: skip
        if valued:
            valued.sort(key=lambda x: x[0], reverse=op == "max")
            n = top_n(u.original)
            return TableResult(op, [r for _, r in valued[:n]], len(rows), table, doc_key, named, column)
        op = "list"
    return TableResult(op, rows, len(rows), table, doc_key, named)


def _currency(column: str | None, valued: list[tuple[float, TableRow]]) -> str:
    a = parse_amount(valued[0][1].cells.get(column or "", ""), default_unit=unit_from_header(column or ""))
    return (a.currency if a else None) or "CNY"


def _amounts(rows: list[TableRow]) -> tuple[str | None, list[tuple[float, TableRow]]]:
    """The first column whose cells read as amounts, and each row's normalised value."""
    headers = list(dict.fromkeys(h for r in rows for h in r.cells))
    for h in headers:
        unit = unit_from_header(h)
        valued = []
        for r in rows:
            a = parse_amount(r.cells.get(h, ""), default_unit=unit)
            if a is not None and (a.amount_cny or a.amount_usd):
                valued.append((a.amount_usd or a.amount_cny or 0.0, r))
        if len(valued) >= max(2, len(rows) // 2):
            return h, valued
    return None, []


def ordered_cells(r: TableRow) -> list[tuple[str, str]]:
    """(header, cell) in the table's own column order."""
    order = [h for h in (getattr(r, "headers", None) or []) if h in r.cells]
    return [(h, r.cells[h]) for h in order + [h for h in r.cells if h not in order]]


def row_name(r: TableRow) -> str:
    """What a row is called: its 项目名称 / 名称 / 举措 … cell, in that order of preference."""
    cells = ordered_cells(r)
    for name in _NAME_HEADERS:
        for h, v in cells:
            if v and name in h:
                return v
    return next((v for _, v in cells if v and not v.isdigit()), r.source)
