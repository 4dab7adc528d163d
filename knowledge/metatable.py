"""The metadata table that gov.cn-style pages print above the text.

    索 引 号： | 000014349/2018-00214 | 主题分类： | 综合政务\\政务督查
    发文机关： | 国务院办公厅 | 成文日期： | 2018年12月06日
    索 引 号: 014500815/2020-01518 | 发文机关: 省政府办公厅 | 文 号: 赣府厅字〔2020〕14号

It is metadata, not body: read it into fields and take its lines out of the text.
"""

from __future__ import annotations

import re

from knowledge.dates import parse_date
from knowledge.normalize import to_simplified

# printed key (spaces removed) → field
KEYS: dict[str, str] = {
    "索引号": "index_no", "主题分类": "topic", "组配分类": "category", "体裁分类": "category",
    "信息分类": "category", "服务对象分类": "category", "文种分类": "category",
    "发文机关": "issuer", "发文单位": "issuer", "制发机关": "issuer", "发文机构": "issuer",
    "发布机构": "publisher", "信息来源": "source", "来源": "source",
    "成文日期": "date", "发文日期": "date", "签发日期": "date", "生成日期": "created", "标题": "title", "名称": "title",
    "文件名称": "title", "发文字号": "doc_no", "文号": "doc_no", "发布日期": "published", "公开日期": "published",
    "主题词": "keywords", "关键词": "keywords", "有效性": "validity", "时效性": "validity",
    "公开方式": "disclosure", "统一编号": "reg_no", "生效日期": "effective", "生效时间": "effective",
    "施行日期": "effective", "实施日期": "effective", "废止日期": "repealed", "废止时间": "repealed",
    "失效日期": "repealed", "失效时间": "repealed", "内容概述": "summary", "浏览次数": "views",
    "发布机关": "issuer", "效力级别": "level", "公布日期": "published",
    # law databases' labels: 发文标题/发文文号/发文部门/发文时间/实施时间, 【颁发部门】【发文字号】【颁发时间】
    "发文标题": "title", "发文文号": "doc_no", "发文部门": "issuer", "发文时间": "date", "实施时间": "effective",
    "颁发部门": "issuer", "颁布部门": "issuer", "颁发时间": "date", "颁布时间": "date", "发布文号": "doc_no",
    "发布单位": "publisher", "效力属性": "validity", "时效": "validity", "法规类型": "category",
    "所属类别": "category", "所属行业": "sector", "所属区域": "region", "阅读人次": "views",
    "评论人次": "comments", "页面功能": "ui", "发文内容": "content", "文件来源": "source",
    "法规类别": "category", "发布部门": "issuer",  # pkulaw's 【】 keys
    "中文名": "title",  # a wiki's infobox on a document: 中文名/发文机关/发文字号
    "文件编号": "doc_no", "文件效力": "validity",
}  # fmt: skip
_RULE = re.compile(r"[\s|:：\-—]+")
_SPACES = re.compile(r"[\s\u3000]+")
_KEY_VALUE = re.compile(r"^([^：:|]{2,12})[：:]\s*(.*)$")


def _key(text: str) -> str | None:
    k = _SPACES.sub("", text).rstrip("：:").replace("?", "")  # 標??題: lost spaces
    return KEYS.get(to_simplified(k))


_BRACKETED_KEY = re.compile(r"^[【\[]\s*([^】\]]{2,8}?)\s*[】\]]")


def starts_with_key(text: str) -> bool:
    """ "发文字号：…" / "索 引 号:" / a law site's bracketed "【发布日期】2005-09-06": the line opens with a key."""
    m = re.match(r"^([^：:|]{2,14})[：:]", text.strip()) or _BRACKETED_KEY.match(text.strip())
    return bool(m and _key(m.group(1)))


# a short key in its own cell that is none of KEYS: skipped inside a table already recognised
_OTHER_KEY = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\s]{1,7}[：:]$")


def _cells(line: str, known: bool = False) -> list[tuple[str, str]] | None:
    """The (field, value) pairs of a metadata line, or None when it is not one. `known`: a line of a
    table already recognised, where a key of its own is skipped rather than ending the table."""
    cells = [c.strip() for c in line.split("|")]
    pairs: list[tuple[str, str]] = []
    i = 0
    skipped = False
    while i < len(cells):
        cell = cells[i]
        if not cell:
            i += 1
            continue
        field = _key(cell)
        value = cells[i + 1] if i + 1 < len(cells) and not _key(cells[i + 1]) else ""
        # key in its own cell, value in the next; a portal may print its keys without a colon
        # ("文 号 | 深鹏管规〔2019〕6号 | 发布机关 | …"): then the value must be there
        if field and (cell.rstrip().endswith(("：", ":")) or value):
            pairs.append((field, value))
            i += 2 if value else 1
            continue
        m = _KEY_VALUE.match(cell)
        if m and _key(m.group(1)):
            pairs.append((_key(m.group(1)) or "", m.group(2).strip()))
            i += 1
            continue
        if known and _OTHER_KEY.match(cell):  # a key this table adds ("分 类:"), with its value
            skipped = True
            i += 2 if i + 1 < len(cells) and not _OTHER_KEY.match(cells[i + 1]) else 1
            continue
        return None
    return pairs if pairs or skipped else None


_MAX_ROWS = 16  # a portal may print its table twice: one pair per row, then two


def read_metatable(lines: list[str]) -> tuple[dict[str, str], int]:
    """Fields of a leading metadata table and how many lines it took (0 when there is none)."""
    fields: dict[str, str] = {}
    used = 0
    for line in lines[:_MAX_ROWS]:
        if used and _RULE.fullmatch(line):  # a markdown table's ---|--- row
            used += 1
            continue
        pairs = _cells(line, known=bool(used))
        if pairs is None:
            break
        for field, value in pairs:
            if value and field not in fields:
                fields[field] = value
        used += 1
    if used and not (fields.keys() & IDENTIFYING):
        return {}, 0  # a lone "主题词：" line is not a table
    return clean_fields(fields), used


IDENTIFYING = {"index_no", "issuer", "doc_no", "date", "title"}


def clean_fields(fields: dict[str, str]) -> dict[str, str]:
    """Dates as ISO (dropped when unreadable); an issuer that is no organ (县政府网站) dropped."""
    issuer = fields.get("issuer", "")
    if issuer and ("网" in issuer or not re.search(r"[\u4e00-\u9fff]{2}", issuer)):
        del fields["issuer"]
    for key in ("date", "published", "effective", "repealed", "created"):
        if key in fields:
            iso = parse_date(fields[key])
            if iso:
                fields[key] = iso
            else:
                del fields[key]
    return fields


def is_abbreviated_unit(name: str) -> bool:
    """ "省政府办公厅" leaves out its place: a fuller name printed elsewhere is better."""
    return bool(re.match(r"^(省|市|县|区|自治区|州)", name))
