"""Metadata printed as a key/value list rather than a table.

County and city portals print the same fields as gov.cn's table, one item per line, the value
on the key's line or on the next one, or several pairs run together on a line:

    • 发文字号:                     索引号: 003129766/201901-00336 组配分类: 规范性文件发布
        镇政发〔2024〕7号            发文日期: 2019-01-23 生效时间: 2019-01-23
    • 发文日期:                     废止时间: 2020-01-23 名称: 太湖县人民政府关于印发…的通知
        2024年04月06日 16:40

The list may stand under the page title, so it is looked for in the first lines, and its
lines are taken out of the text. Law databases print the key and its value with no colon
("发文机关国务院", "发文字号国函〔2008〕2号"): three such lines in a row are a list too.
"""

from __future__ import annotations

import re

from knowledge.dates import find_dates
from knowledge.docno import printed_no
from knowledge.head import TITLE_END, UNIT_END
from knowledge.metatable import IDENTIFYING, KEYS, clean_fields, read_metatable
from knowledge.normalize import fold, to_simplified


def _spaced(key: str) -> str:
    return r"\s*".join(re.escape(ch) for ch in key)


# longest keys first, so 发布日期 is not read as 日期; a key opens the line or follows a space
_KEY = re.compile(
    r"(?:^|(?<=\s))(" + "|".join(_spaced(k) for k in sorted(KEYS, key=len, reverse=True)) + r")\s*[：:]"
)
_SCAN = 8  # the list starts within this many lines
_GLUED_MIN = 3  # lines of key+value without a colon needed to call them a list
_GLUED = re.compile(
    "^("
    + "|".join(re.escape(k) for k in sorted(KEYS, key=len, reverse=True) if len(k) >= 3)
    + r")(\S.{0,60})$"
)
_MAX_VALUE = 80
# a portal's list printed without colons, several pairs a line apart by spaces, each value after its
# key or glued to it:
#   索 引 号 H002/2025-61309 成文日期 2025-05-29        索引号M062/2022-121428 发布机构县商务局
#   文 号 萧发改〔2025〕30号 主题分类 政务公开          文件编号桐商〔2022〕11号 关联文件
_SPACED_KEY = re.compile(
    r"(?:^|(?<=\s))(" + "|".join(_spaced(k) for k in sorted(KEYS, key=len, reverse=True)) + r")"
)
_SPACED_MIN = 2  # lines of such pairs needed to call them a list


def _field(printed: str) -> str:
    return KEYS[re.sub(r"\s+", "", printed)]


# a list item's bullet, and a key printed in brackets without a colon: "【颁发部门】 江苏省政府"
_ITEM = re.compile(r"^(?:[•·●◆■▪]|-(?=\s))\s*")
_BRACKETED = re.compile(r"^[【\[]\s*([^】\]]{2,8}?)\s*[】\]]\s*")


_BRACKETED_ANY = re.compile(r"[【\[]\s*([^】\]]{2,8}?)\s*[】\]]\s*")


def _text(line: str) -> str:
    """The line with its bullet dropped and bracketed keys, one or several ("【发文字号】X 【发布日期】Y"), as "key："."""
    text = _ITEM.sub("", re.sub(r"\s+", " ", to_simplified(fold(line))).strip())
    if not _BRACKETED.match(text):
        return text
    return _BRACKETED_ANY.sub(
        lambda m: m.group(1) + "：" if re.sub(r"\s+", "", m.group(1)) in KEYS else m.group(0), text
    )


def _pairs(line: str) -> list[tuple[str, str]] | None:
    """The (field, value) pairs of a line that opens with a key, else None."""
    text = _text(line)
    found = list(_KEY.finditer(text))
    if not found or found[0].start() != 0:
        return None
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        out.append((_field(m.group(1)), text[m.end() : end].strip()))
    return out


def _glued(line: str) -> list[tuple[str, str]] | None:
    """ "发文日期2008年01月11日" → [("date", "2008年01月11日")]; None unless the line is key+value."""
    m = _GLUED.match(re.sub(r"\s+", " ", to_simplified(fold(line))).strip())
    return [(KEYS[m.group(1)], m.group(2).strip())] if m and m.group(2)[0] not in "：:" else None


def _spaced_pairs(line: str) -> list[tuple[str, str]] | None:
    """ "成文日期 2021-02-22 废止日期" → [("date", "2021-02-22"), ("repealed", "")]; None unless a key opens it."""
    text = re.sub(r"\s+", " ", to_simplified(fold(line))).strip()
    found = list(_SPACED_KEY.finditer(text))
    if not found or found[0].start() != 0:
        return None
    out = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        out.append((_field(m.group(1)), text[m.end() : end].strip()))
    return out


def read_keylist(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """Fields of a key/value list starting at `start`, and the index after its last line."""
    fields: dict[str, str] = {}
    i = start
    glued = spaced = 0
    while i < len(lines):
        pairs = _pairs(lines[i])
        apart = _spaced_pairs(lines[i]) if pairs is None else None
        if apart and (len(apart) >= 2 or spaced):  # a spaced list goes on with its spaced lines
            pairs, spaced = apart, spaced + 1
        if pairs is None:
            pairs = _glued(lines[i])
            glued += pairs is not None
        if pairs is None and apart:
            pairs, spaced = apart, spaced + 1
        if pairs is None:
            break
        i += 1
        field, value = pairs[-1]
        # value on the next line; the text itself follows "发文内容："
        if not value and field != "content" and i < len(lines) and _value_line(field, lines[i], fields):
            pairs[-1] = (field, lines[i].strip())
            i += 1
        for field, value in pairs:
            value = value.strip(" |")  # a table row read as a list: "标 题： | X"
            if value and field not in fields:
                fields[field] = value
    if (
        len(fields) < 2
        or not (fields.keys() & IDENTIFYING)
        or 0 < glued < _GLUED_MIN
        or 0 < spaced < _SPACED_MIN
    ):
        return {}, start
    return clean_fields(fields), i


def _value_line(field: str, line: str, fields: dict[str, str]) -> bool:
    """The line under an empty key is its value, unless it is the document's title (the list ended),
    or the first line of the title the list already gave ("主 题 词：" above "X关于推进")."""
    text = line.strip()
    if _pairs(text) is not None or _spaced_pairs(text) is not None or len(text) > _MAX_VALUE:
        return False
    listed = re.sub(r"[^\w]", "", fields.get("title", ""))
    if field != "title" and len(text) >= 6 and re.sub(r"[^\w]", "", to_simplified(fold(text))) in listed:
        return False
    return field == "title" or len(text) <= 6 or not TITLE_END.search(to_simplified(fold(text)))


_DEEP = 40  # a law site's navigation can push its list this far down


def _header_like(line: str) -> bool:
    """A line of a site's navigation or banner: short, no sentence, no addressee."""
    text = line.strip()
    return len(text) <= 60 and not text.endswith(("。", "：", ":")) and "。" not in text


def find_metatable(lines: list[str]) -> tuple[dict[str, str], int, int]:
    """A metadata table or key/value list in the first lines: (fields, start, end); start == end when none.

    Further down, a list naming the document's title or 文号 under lines that are all navigation
    (a law site's menus: "我的法规 最新法规 …", "热点专题") is the document's list, and those lines
    are the page's header: (fields, 0, end) takes them out with it.
    """
    for start in range(min(_SCAN, len(lines))):
        if "|" in lines[start]:
            fields, used = read_metatable(lines[start:])
            if used:
                return fields, start, start + used
            continue
        fields, end = read_keylist(lines, start)
        if end > start:
            return fields, start, end
    for start in range(1, min(_DEEP, len(lines))):
        if not _header_like(lines[start - 1]):
            break
        if start < _SCAN:
            continue
        fields, end = read_keylist(lines, start)
        if end > start and fields.keys() & {"title", "doc_no"}:
            return fields, 0, end
    return {}, 0, 0


# a disclosure catalogue whose labels were images: bare values in its fixed order, one bullet each
#   • 397863874/2018-12310   • 荥阳市人民政府   • 通知   • 2018-05-29   • 2018-06-02   • 意见   • 荥政〔2018〕8号
_INDEX_NO = re.compile(r"^[0-9A-Za-z]{6,}[/\-][0-9A-Za-z\-]{4,}$")
_CATALOGUE_SCAN = 12
_CATALOGUE_MIN = 5


def read_catalogue(lines: list[str]) -> tuple[dict[str, str], int, int]:
    """An unlabelled catalogue at the top: (fields, start, end), start == end when none.

    It is one only with an 索引号-shaped value and a 文号 among its bullets. Its values keep the
    catalogue's order, so of its dates the first is the 成文日期 and the next the 发布日期."""
    start = next((i for i, x in enumerate(lines[:_CATALOGUE_SCAN]) if _ITEM.match(x)), None)
    if start is None:
        return {}, 0, 0
    end = start
    while end < len(lines) and _ITEM.match(lines[end]):
        end += 1
    values = [_ITEM.sub("", x).strip() for x in lines[start:end]]
    numbers = [v for v in values if printed_no(v) and len(v) <= 30]
    if end - start < _CATALOGUE_MIN or not numbers or not any(_INDEX_NO.match(v) for v in values):
        return {}, 0, 0
    fields = {"doc_no": printed_no(numbers[0]) or ""}
    organ = next((v for v in values if len(v) <= 30 and UNIT_END.search(v)), None)
    if organ:
        fields["publisher"] = organ
    dates = [d for v in values if len(v) <= 24 and not _INDEX_NO.match(v) for d in find_dates(v)]
    for key, value in zip(("date", "published"), dates, strict=False):
        fields[key] = value
    return clean_fields(fields), start, end
