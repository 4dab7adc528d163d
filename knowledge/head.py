"""The head of a government document (GB/T 9704 版头 and 标题): issuer, 文号, title, addressees.

A title is 发文机关 + 事由 + 文种 and is often broken over two or three centred lines; the
issuer may stand on its own line above it, the 文号 above, under (in brackets) or after it.
The head ends at the addressee line (主送机关, ending with ：) or at the first body line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.dates import date_line, find_dates
from knowledge.docno import DOC_NO, doc_no_of, printed_no
from knowledge.sections import parse_heading

# 文种 a title ends with, before any bracketed qualifier (（暂行）（2024—2027年）（V1.0）)
GENRES = (
    "通知|通报|实施意见|指导意见|意见|办法|方案|决定|规定|条例|细则|复函|函|批复|答复|报告|请示|公告|通告|"
    "计划|规划|纲要|措施|举措|要点|清单|目录|指引|指南|规则|制度|决议|纪要|章程|政策|解读|公报|命令|声明|汇编"
)
TITLE_END = re.compile(rf"(?:{GENRES})(?:[（(][^（）()]{{1,24}}[）)])*$")
# a 关于… title is finished only by 的 + 文种: "…负担政策" + "措施目录清单的通知" is one title
QUALIFIER = re.compile(r"^[（(][^（）()]{1,24}[）)]$")  # （暂行） （2024—2027年） on a line of its own
# "…的通知", "…的实施意见", "…的具体实施细则": up to four characters between 的 and the 文种
_ABOUT_END = re.compile(rf"的[\u4e00-\u9fff]{{0,4}}?(?:{GENRES})(?:[（(][^（）()]{{1,24}}[）)])*$")
UNIT_END = re.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|部|署|院|中心|公司|集团|小组|协会|联合会|"
    r"银行|分行|支行|党委|党组|工委|常委会|办)$"
)
# development zones issue as the zone: "青岛高新区关于…"
ZONE_END = re.compile(r"(?:高新区|开发区|经开区|新区|园区|保税区|试验区|合作区)$")
# a repost site's issuer line names a city or county organ with its province: 辽宁省沈阳市人民政府
PROVINCE_OF_CITY = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)"
    r"(?=[\u4e00-\u9fff]{2,6}?(?:市|州|县|盟|地区))"
)
_KEY_LINE = re.compile(r"^[\u4e00-\u9fff\s]{2,8}[：:]\s*\S")  # 发布日期：… 联系人：…
_PUNCT = re.compile(r"[。，；！？、,;]")
_REG_NO = re.compile(r"^[A-Z]{2,10}[-—－]\d{4}[-—－]\d{2,6}$")  # 规范性文件统一登记号 HHCR-2023-01005


def _bare(n: str) -> str:
    return re.sub(r"[^\w]|_", "", n)


@dataclass
class Head:
    lines: int = 0  # how many lines the head takes (addressee line included)
    title: str | None = None
    subtitle: str | None = None
    doc_no: str | None = None
    date: str | None = (
        None  # a law database's bracket under the title: "(徐政办发〔2008〕102号 2008年7月23日)"
    )
    issuers: list[str] = field(default_factory=list)  # 红头 or unit lines, in order
    red_head: bool = False
    addressees: str | None = None
    rest: list[str] = field(default_factory=list)  # other head lines (题注, key lines)


def is_unit_line(n: str) -> bool:
    return 3 <= len(n) <= 40 and not _PUNCT.search(n) and "关于" not in n and bool(UNIT_END.search(n))


def is_doc_no_line(n: str) -> bool:
    found = printed_no(n)
    return bool(found and len(n) <= 40 and not n.startswith("关于") and "《" not in n)


def is_addressee_line(n: str) -> bool:
    if not n.endswith(("：", ":")) or len(n) > 160 or "。" in n or "如下" in n:
        return False
    if parse_heading(n):
        return False
    name = n.rstrip("：: ")
    # "鹰潭市人民政府：", "各有关单位：" name addressees; "发布日期：" is a key with its value missing
    if name.startswith("各") or (
        re.search(r"(?:单位|部门|机构)$|" + UNIT_END.pattern, name) and not _PUNCT.search(name)
    ):
        return True
    return not _KEY_LINE.match(n + "x")


def is_body_line(n: str) -> bool:
    h = parse_heading(n)
    if h and h.style in ("chapter", "article", "cn"):
        return True
    if len(n) <= 120 and not re.search(r"[。，；]", n) and title_complete(n):
        return False  # four joint issuers make a long title, still no sentence
    return len(n) > 60 or (n.endswith(("。", "；")) and len(n) > 30)


# never a title: a key line (or a key alone: "温馨提示："), a bare place (安庆市: a cut-off 版头),
# a registration number
_NOT_TITLE = (
    _KEY_LINE,
    re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]$"),
    re.compile(r"^[\u4e00-\u9fff]{1,6}(?:省|市|县|自治区|自治州|自治县|州|盟|旗)$"),
    _REG_NO,
    re.compile(r"^(?:内容)?(?:摘要|提要|正文|全文|原文|出处|详情)$"),  # a page's label for what follows
    re.compile(r"^各[\u4e00-\u9fff]{0,3}$"),  # an addressee line cut short by the export: "各"
    # a decree number printed without its organ: "第232号"
    re.compile(r"^第\s*(?:\d{1,4}|[〇零一二三四五六七八九十百]{1,6})\s*号$"),
)


def _title_like(n: str) -> bool:
    """Could be (part of) a title: short, no full stop, not a table row nor any of `_NOT_TITLE`."""
    if len(n) > 120 or "。" in n or "|" in n or any(p.match(n) for p in _NOT_TITLE) or date_line(n):
        return False
    return not is_body_line(n)


def _starts_subject(n: str) -> bool:
    return n.startswith(("关于", "对", "印发", "转发", "批转"))


def read_head(
    lines: list[str], law_line: re.Pattern[str] | None = None, copies: frozenset[str] = frozenset()
) -> Head:
    """Read the head from normalised `lines` (metadata table and markdown already removed).

    `Head.lines` counts the lines the head used (title, 文号, 红头, issuer lines, 题注, the
    addressee line); the lines after it are body. `copies` are the title's other printings on the
    page (bare text): a title printed as they are takes no issuer line into it.
    """
    head = Head()
    end = min(len(lines), 16)
    for i, n in enumerate(lines[:16]):
        if is_addressee_line(n):
            head.addressees = n.rstrip("：:")
            end = i
            break
        if is_body_line(n) and not (law_line and law_line.match(n)):
            end = i
            break
    used = _read_title(head, lines[:end], law_line, copies)
    head.lines = end + 1 if head.addressees else used
    return head


def _read_title(head: Head, part: list[str], law_line: re.Pattern[str] | None, copies: frozenset[str]) -> int:
    """Fill title, 文号, issuers; return the index after the last line given a role."""
    group: list[str] = []
    units: list[str] = []
    used = before_group = 0
    done = False
    pending: str | None = None
    for i, n in enumerate(part):
        if n.endswith("规范性文件") and len(n) <= 30 and not group:
            head.rest.append(n)  # a portal's column over the text: "X商务委行政规范性文件", not its 版头
            used = i + 1
            continue
        if n.endswith("文件") and 4 < len(n) <= 30 and not group:
            head.issuers.append(n[: -len("文件")])
            head.red_head = True
            used = i + 1
            continue
        if law_line and law_line.match(n):  # a 题注 may print a number: read as a 题注
            head.rest.append(n)
            done = done or bool(group)
            used = i + 1
            continue
        if is_doc_no_line(n):
            head.doc_no = head.doc_no or printed_no(n)
            head.date = head.date or _bracket_date(n)
            done = done or bool(group)
            used = i + 1
            continue
        if done and group and QUALIFIER.match(n) and used == i:
            group.append(n)
            used = i + 1
            continue
        if done and pending is None and is_unit_line(n) and not TITLE_END.search(n):
            pending = n  # an issuer line between a page title and the printed one
            head.rest.append(n)
            continue
        if done and _replaces(group, n, part[i + 1 :]):
            group, done = [n], True  # a page title above the printed one
            if pending is not None:
                head.rest.remove(pending)
                units = [pending]
            used = i + 1
            continue
        if done or not _title_like(n):
            head.rest.append(n)
            done = done or bool(group)
            continue
        if not group and is_unit_line(n) and not TITLE_END.search(n):
            units.append(n)
            used = i + 1
            continue
        if group and _subtitle(group[-1], n):
            head.subtitle = n
            done = True
            used = i + 1
            continue
        if group and _whole_title(n):
            group = []  # lines above a title printed whole on its line are page furniture
        if not group:
            before_group = used
        group.append(n)
        used = i + 1
        done = title_complete("".join(group))
    title = "".join(group)
    if not group or ("，" in title and not TITLE_END.search(title)):
        head.issuers.extend(units)
        return before_group if group else used
    if (
        len(units) == 1
        and not head.red_head
        and _starts_subject(group[0])
        and _bare(title) not in copies
        and not PROVINCE_OF_CITY.match(units[0])  # a repost site's issuer line, not the 版头
    ):
        title = units[0] + title  # 发文机关 on its own line above 关于…
    head.issuers.extend(units)
    m = re.search(rf"[（(]\s*({DOC_NO.pattern})\s*[）)]$", title)
    if m:  # 文号 in brackets right after the title
        head.doc_no = head.doc_no or doc_no_of(m.group(1))
        title = title[: m.start()].strip()
    head.title = without_site_year(title)
    return used


def _bracket_date(n: str) -> str | None:
    """The date a bracketed 文号 line prints with the number: "(惠市委发〔2010〕5号2010年2月11日)"."""
    if not (n.startswith(("(", "（")) and n.endswith((")", "）"))):
        return None
    dates = find_dates(n)
    return dates[0] if len(dates) == 1 else None


# a law mirror tells same-named replies apart by the year: "…的批复(2018年)"; a reply or notice
# takes no year qualifier of its own (plans do: "…行动计划（2024—2027年）")
_SITE_YEAR = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年?\s*[）)]$")
_DATED_GENRE = re.compile(r"的[\u4e00-\u9fff]{0,4}?(?:批复|复函|函|通知|决定|答复|通报|声明|命令|公告|通告)$")


def without_site_year(title: str) -> str:
    m = _SITE_YEAR.search(title)
    return title[: m.start()] if m and _DATED_GENRE.search(title[: m.start()]) else title


def _whole_title(n: str) -> bool:
    """A complete title that names its own subject: "X关于…的批复", "关于…的通知"."""
    return title_complete(n) and (n.startswith("关于") or title_issuer(n) is not None)


def _replaces(group: list[str], n: str, after: list[str]) -> bool:
    """Two different complete titles in a row, the second the last title line before the body:
    the first is a page or site title ("X办法" above the printed "Y办法"), or keyword lines."""
    core = _bare(re.sub(r"^\s*\d{1,3}[.、．]\s*", "", n))  # "1. X": a numbered copy of X
    tags = all(len(x) <= 6 for x in group)  # a sharing site's keyword lines: "乡镇" "招商引资" "政策规定"
    if not (len(group) == 1 or tags) or len(core) < 6 or parse_heading(n) or not _title_like(n):
        return False
    above = _bare("".join(group))
    carries = above in core and bool(_ISSUING.match(core))  # the notice that carries it
    if not title_complete(n) or core in above or (above in core and not carries):
        return False
    return not any(_title_like(x) and not is_doc_no_line(x) for x in after[:1])


_ISSUING = re.compile(r"^(?:关于)?(?:印发|转发|颁发)")


def title_complete(title: str) -> bool:
    """The title's last line has been read: it ends with its 文种 (a 关于… title with 的 + 文种)."""
    if "关于" in title:
        return bool(_ABOUT_END.search(title))
    return bool(TITLE_END.search(title))


def _subtitle(prev: str, n: str) -> bool:
    """ "解读《…》" then "《…》十问十答": a second 《》 line is a subtitle, not the title's tail."""
    return prev.endswith("》") and n.startswith("《")


def title_issuer(title: str) -> str | None:
    """The 发文机关 a title starts with: "江西省人民政府办公厅印发…" → 江西省人民政府办公厅.

    A title that opens with 《 is about another document (《X关于…的通知》政策解读): it names no issuer.
    """
    if title.startswith("《"):
        return None
    m = re.match(r"^(.{3,60}?)(?:关于|印发|转发|批转|对[“\"《]|对.{2,30}的答复)", title)
    if not m:
        return None
    name = m.group(1).strip()
    parts = name.split("、")  # joint issuers: "中共惠州市委、惠州市人民政府关于…"
    if "《" in name or any(_PUNCT.search(p) or not (UNIT_END.search(p) or ZONE_END.search(p)) for p in parts):
        return None
    return name
