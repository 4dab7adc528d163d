"""A 落款 of many organs printed in two columns, read row by row (left, then right):

    江门市人民政府国有资产 江门市金融工作局
    监督管理委员会
    江门市政务服务数据管理局 国家税务总局
    江门市税务局

A name too long for its column wraps onto a line of its own: the line continues the name of its
row that is not yet an organ's name ("…国有资产" + "监督管理委员会"), else a central organ's name
whose branch follows (国家税务总局 + 江门市税务局). The spaces between the columns are only in the
printed lines, so those are read, not the normalised ones.
"""

from __future__ import annotations

import re

from knowledge.issuers import is_organ
from knowledge.normalize import normalize

_GAP = re.compile(r"[\s\u3000\xa0]+")
_CENTRAL = re.compile(r"(?:总局|总署|总行|总公司|总会)$")
_NAME = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")


def column_signers(printed: list[str]) -> list[str] | None:
    """The organs of a two-column 落款 in reading order, or None when the lines are not one."""
    rows = [[normalize(c) for c in _GAP.split(line.strip()) if c] for line in printed]
    if sum(len(r) == 2 for r in rows) < 2 or any(not 1 <= len(r) <= 2 for r in rows):
        return None
    if not all(_NAME.match(c) for r in rows for c in r):
        return None
    names: list[str] = []
    last: list[int] = []  # where the previous row's names stand in `names`
    for row in rows:
        if len(row) == 1 and last:
            k = _continued(names, last)
            if k is not None:
                names[k] += row[0]
                last = []
                continue
        last = list(range(len(names), len(names) + len(row)))
        names.extend(row)
    return names if all(is_organ(n) for n in names) else None


def _continued(names: list[str], last: list[int]) -> int | None:
    """Which name of the row above a lone line continues, or None when it is a name of its own."""
    unfinished = [k for k in last if not is_organ(names[k])]
    if unfinished:
        return unfinished[0]
    central = [k for k in last if _CENTRAL.search(names[k])]
    return central[-1] if central else None
