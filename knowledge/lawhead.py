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

from knowledge.dates import find_dates

_DATE = r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年[^日]{1,6}日"
_LINE = re.compile(rf"^[（(]?\s*({_DATE})\s*(.*?)(通过|批准|公布|发布|施行|修正|修订)[^，。]{{0,40}}?[）)]?$")
_SESSION = re.compile(r"第[一二三四五六七八九十百\d]+届|第[一二三四五六七八九十百\d]+次(?:全体)?会议|会议$")
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
    name = _SESSION.sub("", m.group(1)).strip()
    return name if len(name) >= 4 else None


def read_law_head(lines: list[str]) -> LawHead:
    """Read the 题注 lines among `lines` (normalised head lines after the title)."""
    head = LawHead()
    for line in lines:
        m = _LINE.match(line)
        if not m:
            continue
        head.lines += 1
        dates = find_dates(m.group(1))
        if not dates:
            continue
        when, body, verb = dates[0], m.group(2), m.group(3)
        if verb == "施行":
            head.effective = head.effective or when
            continue
        number = promulgation_no(body)
        if verb in ("公布", "发布") or number:
            head.promulgated = when
            head.number = head.number or number
        else:
            head.adopted.append(when)
        if verb == "通过" and head.maker is None:
            head.maker = law_body(body)
    return head
