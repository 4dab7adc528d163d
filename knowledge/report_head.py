"""The head of a report or speech delivered at a meeting: its date and the organ of the speaker.

    政府工作报告
    ——2023年3月1日在郁南县第十七届人民代表大会第三次会议上
    郁南县人民政府县长 张春海

The "——DATE在…会议上" line dates the report; the speaker's line names the organ the speaker reports
for (郁南县人民政府), which issues it.
"""

from __future__ import annotations

import re

from knowledge.dates import find_dates

_DELIVERED = re.compile(r"^[—－\-―]{1,2}\s*(.{8,16}?日)\s*在.{2,60}?(?:会议|大会|会)上")
_POST = (
    r"(?:代理?|常务)?副?(?:省长|市长|县长|区长|州长|旗长|盟长|主席|主任|书记|局长|厅长|部长)"
)
_SPEAKER = re.compile(rf"^(.{{2,30}}?(?:人民政府|委员会|政府|局|厅|部|委))\s*{_POST}\s*[\u4e00-\u9fff·]{{2,5}}$")


def delivered(rest: list[str]) -> tuple[str | None, str | None]:
    """(date, speaker's organ) of a report's head lines; None for what the head does not print."""
    when = organ = None
    for n in rest[:6]:
        m = _DELIVERED.match(n)
        if m and not when:
            when = next(iter(find_dates(m.group(1))), None)
        s = _SPEAKER.match(n)
        if s and not organ:
            organ = s.group(1)
    return (when, organ) if when else (None, None)
