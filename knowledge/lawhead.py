"""The 题注 under a law's title: when and by whom it was adopted, approved, promulgated.

    2024年5月31日 北京市第十六届人民代表大会常务委员会第十次会议通过
    2017年3月30日 浙江省第十二届人民代表大会常务委员会第三十九次会议批准
    2016年12月23日 杭州市第十二届人民代表大会常务委员会公告第78号公布
    2017年3月1日 施行

The law's date is its last adoption/approval/promulgation; its maker is the body that adopted it
(a city's people's congress even when the province approved); a 公告第N号 is its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.dates import YEAR_DIGITS, find_dates

_DATE = rf"(?:(?:19|20)\d{{2}}|[{YEAR_DIGITS}]{{4}})\s*年[^日]{{1,6}}日"
_VERBS = r"通过|批准|公布|发布|施行|修正|修订|制定"
_EVENT_LINE = rf"^[（(]?\s*({_DATE})\s*(.*?)({_VERBS})[^，。]{{0,40}}?[）)]?$"
# a department's rules: "1999年7月13日,国家海洋局" (date and maker, the verb left out)
_ORGAN = r"[\u4e00-\u9fff]{2,30}?(?:人民政府|委员会|部|局|署|院|总局|办公厅|银行)"
_DATED_ORGAN_LINE = rf"^[（(]?\s*({_DATE})\s*[，,、\s]\s*({_ORGAN})\s*(?:令|发布|公布)?\s*[）)]?$"
# a number and its date in brackets: "(山东省人民政府令第6号 1990年6月29日)"
_NUMBERED_LINE = (
    rf"^[（(]\s*([\u4e00-\u9fff]{{2,30}}?(?:令|公告))\s*第?\s*(\d{{1,4}})\s*号\s*[，,\s]*({_DATE})\s*[）)]$"
)
_LINE = re.compile(rf"{_EVENT_LINE}|{_DATED_ORGAN_LINE}|{_NUMBERED_LINE}")
_NUMBERED = re.compile(_NUMBERED_LINE)
# one 题注 may hold several events: "…会议通过 根据2022年9月27日…《…的决定》修正"
# (the next event's date may follow with no space left between: "…会议通过2023年5月26日…批准")
_EVENT = re.compile(rf"({_DATE})\s*(.*?)({_VERBS})(?=$|[\s，,；;）)]|根据|{_DATE})")
_DATED_ORGAN = re.compile(_DATED_ORGAN_LINE)
_SESSION = re.compile(
    r"第[一二三四五六七八九十百\d]+届|第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议|(?:常务)?会议$"
)
_BODY = re.compile(r"(.+?(?:人民代表大会常务委员会|人民代表大会|人民政府|常务会议))")
PROMULGATION_NO = re.compile(r"((?:[\u4e00-\u9fff]{2,30}?)(?:公告|令))\s*第\s*(\d{1,4})\s*号")


@dataclass
class LawHead:
    adopted: list[str] = field(default_factory=list)  # ISO dates of 通过 / 批准 / 修正
    promulgated: str | None = None
    effective: str | None = None
    maker: str | None = None
    number: str | None = None  # 公告第78号 / 令第5号 as printed
    lines: int = 0  # how many head lines were 题注

    @property
    def date(self) -> str | None:
        dates = self.adopted + ([self.promulgated] if self.promulgated else [])
        return max(dates) if dates else None


def promulgation_no(text: str) -> str | None:
    m = PROMULGATION_NO.search(text)
    return f"{m.group(1)}第{m.group(2)}号" if m else None


def law_body(text: str) -> str | None:
    """ "北京市第十六届人民代表大会常务委员会第十次会议" → "北京市人民代表大会常务委员会"."""
    m = _BODY.search(text)
    if not m:
        return None
    name = re.sub(r"^经", "", _SESSION.sub("", m.group(1)).strip())  # "经重庆市…人民代表大会…通过"
    # 国务院第66次常务会议: a three-character organ is a full name too
    return name if len(name) >= 4 or (len(name) == 3 and name[-1] in "院部局署委行") else None


def read_law_head(lines: list[str]) -> LawHead:
    """Read the 题注 lines among `lines` (normalised head lines after the title)."""
    head = LawHead()
    for line in _bracket_joined(lines):
        if not _LINE.match(line):
            continue
        head.lines += 1
        numbered = _NUMBERED.match(line)
        if numbered:
            dates = find_dates(numbered.group(3))
            head.promulgated = head.promulgated or (dates[0] if dates else None)
            head.number = head.number or f"{numbered.group(1)}第{numbered.group(2)}号"
            continue
        organ = _DATED_ORGAN.match(line)
        if organ:
            dates = find_dates(organ.group(1))
            head.promulgated = head.promulgated or (dates[0] if dates else None)
            head.maker = head.maker or organ.group(2)
            continue
        for m in _EVENT.finditer(line):
            _event(head, m.group(1), m.group(2), m.group(3))
    return head


def _bracket_joined(lines: list[str]) -> list[str]:
    """A bracketed 题注 broken over lines ("(1994年7月7日苏州市第十一届人民代表大会" … "…会议批准）") as one line."""
    out: list[str] = []
    open_at: int | None = None
    for line in lines:
        if open_at is not None:
            out[open_at] += line
            if line.endswith((")", "）")) or len(out[open_at]) > 300:
                open_at = None
            continue
        out.append(line)
        if line.startswith(("(", "（")) and find_dates(line[:16]) and not line.endswith((")", "）")):
            open_at = len(out) - 1
    return out


def _event(head: LawHead, printed_date: str, body: str, verb: str) -> None:
    dates = find_dates(printed_date)
    if not dates:
        return
    when = dates[0]
    if verb == "施行":
        head.effective = head.effective or when
        return
    number = promulgation_no(body)
    if verb in ("公布", "发布") or number:
        head.promulgated = when
        head.number = head.number or number
    else:
        head.adopted.append(when)
    if verb in ("通过", "制定") and head.maker is None:
        head.maker = law_body(body)
