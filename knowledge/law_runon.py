"""A law page whose lines and punctuation were lost: title, 题注 and first chapter run on one line,
separated by commas —

    贵州省开发区条例,2012年5月25日贵州省第十一届人民代表大会常务委员会第二十八次会议通过,第一章,总,则.第一条。…

broken into the title, the 题注 (in brackets, as law databases print it) and the text.
"""

from __future__ import annotations

import re

_RUN = re.compile(
    r"^([^，,。.；;:：\s]{4,40}?(?:条例|办法|规定|细则|决定|规则))\s*[，,]\s*"
    r"((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^，,。]{4,80}?(?:通过|批准|修正|修订|公布))\s*[，,。.]\s*(.+)$"
)


def split_law_run(line: str) -> list[str]:
    m = _RUN.match(line.strip())
    if not m:
        return [line]
    return [m.group(1), f"（{m.group(2)}）", m.group(3)]
