"""A 落款 printed without its date: the organ alone on the last line, under the closing sentence.

    特此公示。
    六安市投资创业中心

A page that keeps its end (the closing "特此公示。" or a sentence's 。 above) signs with the organ on its
own line; the date may be missing from the copy. Only a whole organ name, alone, is read so.
"""

from __future__ import annotations

import re

from knowledge.issuers import is_organ

_CLOSES = re.compile(r"(?:。|！|特此(?:公示|通知|公告|通告|函告|批复|说明)[。！]?)$")


def closing_signer(norms: list[str]) -> str | None:
    """The organ the last line names, when the line above closes the text."""
    lines = [n for n in norms if n.strip()]
    if len(lines) < 3:
        return None
    last, above = lines[-1].strip(), lines[-2].strip()
    if not (4 <= len(last) <= 30) or re.search(r"[\s，。、；：:,.！？“”《》（）()\d]", last):
        return None
    return last if is_organ(last) and _CLOSES.search(above) else None
