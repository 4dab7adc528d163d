"""The metadata table that gov.cn-style pages print above the text.

    索 引 号： | 000014349/2018-00214 | 主题分类： | 综合政务\\政务督查
    发文机关： | 国务院办公厅 | 成文日期： | 2018年12月06日
    索 引 号: 014500815/2020-01518 | 发文机关: 省政府办公厅 | 文 号: 赣府厅字〔2020〕14号

It is metadata, not body: read it into fields and take its lines out of the text.
"""

from __future__ import annotations

import re

from knowledge.dates import parse_date

# printed key (spaces removed) → field
KEYS: dict[str, str] = {
    "索引号": "index_no", "主题分类": "topic", "组配分类": "category", "体裁分类": "category",
    "发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "制发机关": "issuer",
    "成文日期": "date", "发文日期": "date", "标题": "title", "名称": "title",
    "发文字号": "doc_no", "文号": "doc_no", "发布日期": "published", "公开日期": "published",
    "主题词": "keywords", "有效性": "validity", "公开方式": "disclosure", "统一编号": "reg_no",
    "生效日期": "effective", "废止日期": "repealed",
}  # fmt: skip
_SPACES = re.compile(r"[\s\u3000]+")
_KEY_VALUE = re.compile(r"^([^：:|]{2,12})[：:]\s*(.*)$")


def _key(text: str) -> str | None:
    k = _SPACES.sub("", text).rstrip("：:")
    return KEYS.get(k)


def _cells(line: str) -> list[tuple[str, str]] | None:
    """The (field, value) pairs of a metadata line, or None when it is not one."""
    cells = [c.strip() for c in line.split("|")]
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if not cell:
            i += 1
            continue
        field = _key(cell)
        if field and cell.rstrip().endswith(("：", ":")):  # key in its own cell, value in the next
            value = cells[i + 1] if i + 1 < len(cells) and not _key(cells[i + 1]) else ""
            pairs.append((field, value))
            i += 2 if value else 1
            continue
        m = _KEY_VALUE.match(cell)
        if m and _key(m.group(1)):
            pairs.append((_key(m.group(1)) or "", m.group(2).strip()))
            i += 1
            continue
        return None
    return pairs or None


def read_metatable(lines: list[str]) -> tuple[dict[str, str], int]:
    """Fields of a leading metadata table and how many lines it took (0 when there is none)."""
    fields: dict[str, str] = {}
    used = 0
    for line in lines[:10]:
        pairs = _cells(line)
        if pairs is None:
            break
        for field, value in pairs:
            if value and field not in fields:
                fields[field] = value
        used += 1
    if used and not (fields.keys() & {"index_no", "issuer", "doc_no", "date", "title"}):
        return {}, 0  # a lone "主题词：" line is not a table
    for key in ("date", "published"):
        if key in fields:
            iso = parse_date(fields[key])
            if iso:
                fields[key] = iso
            else:
                del fields[key]
    return fields, used


def is_abbreviated_unit(name: str) -> bool:
    """ "省政府办公厅" leaves out its place: a fuller name printed elsewhere is better."""
    return bool(re.match(r"^(省|市|县|区|自治区|州)", name))
