"""The head's lines put in order before the head is read.

Saved pages and mirrors print the head untidily:
- the title twice or three times (page title, printed title), one copy cut short
  ("关于印发《中共滨海新区区委、滨海新区人民"), or with a stray tail ("…的复函(2000年10号)",
  "…的通知 各区(市)县政府(管委会…"): the printed copy is kept, the others dropped;
- a page title above the page-info line when the document prints its own title below it;
- a 文号 or decree number run into the title line ("京政办发〔2016〕26号《…的通知》"), a title
  wrapped in 《》, a column name before it ("青岛市高新区高新技术企业奖励政策：青岛高新区关于…");
- a decree number over two lines ("内蒙古自治区人民政府令" / "第82号").
"""

from __future__ import annotations

import re

from knowledge.decree import join_decree_lines
from knowledge.docno import printed_no
from knowledge.head import is_addressee_line, is_body_line, is_unit_line, title_complete
from knowledge.metatable import starts_with_key
from knowledge.normalize import normalize
from knowledge.sections import parse_heading

_ZONE = 14  # the head is read from the first lines only
_WINDOW = 4  # a copy of the title may run over this many lines
_BARE = re.compile(r"[^\w]|_")


def bare(n: str) -> str:
    """Letters and digits only: how two copies of a title are compared."""
    return _BARE.sub("", n)


def head_zone(norms: list[str]) -> int:
    """How many leading lines may still be head: up to the addressee or the first sentence."""
    for i, n in enumerate(norms[:_ZONE]):
        h = parse_heading(n)
        if is_addressee_line(n) or n.endswith(("。", "；")) or (h and h.style in ("chapter", "article")):
            return i
    return min(len(norms), _ZONE)


_COLUMN = re.compile(r"^([\u4e00-\u9fff]{2,12})\s*[丨|](.{8,})$")  # a portal's column: "政务服务丨X关于…"
_TAG = re.compile(r"^[“\"][\u4e00-\u9fff]{2,12}[”\"]\s+(.{8,})$")
_PAGE_DATE = re.compile(
    r"(?<=[\u4e00-\u9fff》）)])\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)


def _split_line(n: str) -> list[str]:
    """A number run into the title, a title in 《》, a column name before the title, the page's
    date after it."""
    dated = _PAGE_DATE.search(n)
    if dated and title_complete(n[: dated.start()].strip()):
        n = n[: dated.start()].strip()
    number = printed_no(n)
    cut = next((k for k in range(4, min(len(n), 48) + 1) if printed_no(n[:k]) == number), None)
    if cut is not None and n[cut : cut + 1] in ("号", "號"):
        cut += 1  # a number read whole before its 号 (咸安政发〔2019〕1 stands without one)
    if number and cut and cut <= len(number) + 4:
        rest = n[cut:].strip(" )）")
        if len(rest) >= 6 and title_complete(_unwrap(rest)):
            return [n[:cut], *_split_line(rest)]
    n = _unwrap(n)
    tag = _TAG.match(
        n
    )  # a mirror's column tag in quotes: "“党政混合信息公开” 中共静安区委办公室…印发…的通知"
    if tag and title_complete(tag.group(1)):
        return _split_line(tag.group(1))
    m = re.match(r"^([^：:，。《》]{2,30})[：:](.{8,})$", n) or _COLUMN.match(n)
    if m and not m.group(1).startswith("附") and not starts_with_key(n) and _fuller(m.group(2), m.group(1)):
        return [m.group(2).strip()]
    return [n]


def _fuller(right: str, left: str) -> bool:
    return title_complete(right) and len(right) >= len(left)


_SITE_NOTE = re.compile(
    r"^《([^《》]{4,80})》\s*[（(][^（）()]{1,12}[）)]$"
)  # 《X》（2020年全文）: a site's heading


def _unwrap(n: str) -> str:
    if n.startswith("《") and n.endswith("》") and n.count("《") == 1 and title_complete(n[1:-1]):
        return n[1:-1]
    m = _SITE_NOTE.match(n)
    return m.group(1) if m and title_complete(m.group(1)) else n


def _copied_later(lines: list[str], i: int, end: int) -> bool:
    """Line i is a page copy of a title printed again below it (whole, cut short, or with a tail)."""
    b = bare(lines[i])
    if len(b) < 8 or is_unit_line(lines[i]) or printed_no(lines[i]) == lines[i]:
        return False
    unbalanced = lines[i].count("《") > lines[i].count("》")
    for j in range(i + 1, end):
        w = ""
        for k in range(j, min(end, j + _WINDOW)):
            w += bare(lines[k])
            if w == b or (w.startswith(b) and not title_complete(lines[i])):
                return True
            if b.startswith(w) and title_complete(normalize("".join(lines[j : k + 1]))):
                return True
            if unbalanced and b.lstrip("《") in w:
                return True
    return False


def _copied_over_lines(lines: list[str], end: int) -> set[int]:
    """A title printed over several lines and again below, broken elsewhere ("…仲恺高" / "新技术…的决定"
    above "…的决" / "定"), or the title of the document a 印发 notice below carries ("…管理辦" / "法" above
    "关于印发《…管理辦法》的通知"): the upper lines are dropped together."""
    out: set[int] = set()
    for i in range(end):
        for span in range(1, _WINDOW + 1):
            if i + span > end:
                break
            joined = normalize("".join(lines[i : i + span]))
            b = bare(joined)
            if len(b) < 8 or not title_complete(joined):
                continue
            if any(b in _carried(lines[j]) for j in range(i + span, end)):
                out.update(
                    range(i, i + span)
                )  # a sharing site's heading: the document a notice below carries
                continue
            for j in range(i + span, end if span > 1 else i):  # one line alone: `_copied_later`
                w = ""
                for k in range(j, min(end, j + _WINDOW)):
                    w += bare(lines[k])
                    if w == b:
                        out.update(range(i, i + span))
                        break
    return out


_ISSUES = re.compile(r"^(?:[\u4e00-\u9fff、]{0,40}?关于)?(?:印发|转发|颁发)《([^《》]{4,80})》")


def _carried(n: str) -> set[str]:
    """The bare title a 印发/转发 title line carries in 《》 ("关于印发《X》的通知" → X), else nothing."""
    m = _ISSUES.match(normalize(n))
    return {bare(m.group(1))} if m and title_complete(n) else set()


def _page_header(norms: list[str], info_line: int | None, end: int) -> int:
    """Lines above the page-info line are the page's header when a title is printed below it."""
    if info_line is None or not 0 < info_line < end:
        return 0
    below = norms[info_line:end]
    return info_line if any(title_complete(n) and not is_unit_line(n) for n in below) else 0


def tidy_head(lines: list[str], info_line: int | None = None) -> tuple[list[str], frozenset[str]]:
    """The lines with the head (its first lines) in order, the rest unchanged; and the copies of
    the title dropped (bare text): the kept title is printed as they were, without an issuer line
    that stands between them."""
    norms = [normalize(x) for x in lines]
    end = head_zone(norms)
    skip = _page_header(norms, info_line, end)
    zone: list[str] = []
    for line, n in zip(lines[skip:end], norms[skip:end], strict=True):
        parts = _split_line(n)
        zone.extend(parts if parts != [n] else [line])  # a line left whole keeps its print
    zone = join_decree_lines(zone)
    zone_norms = [normalize(x) for x in zone]
    dropped = {i for i in range(len(zone)) if _copied_later(zone_norms, i, len(zone))}
    dropped |= _copied_over_lines(zone_norms, len(zone))
    # a sentence printed twice above the title is a print view's block (备注 rows), not the first one
    twice = {bare(zone_norms[i]) for i in dropped if is_body_line(zone_norms[i]) and "。" in zone_norms[i]}
    dropped |= {i for i, n in enumerate(zone_norms) if bare(n) in twice}
    # a page title above the page-info line is no printing of the title: the issuer line the page
    # prints above "关于…" joins it ("沙县人民政府" / "关于加快…的实施意见(试行)")
    copies = frozenset(bare(zone_norms[i]) for i in dropped)
    return [n for i, n in enumerate(zone) if i not in dropped] + lines[end:], copies
