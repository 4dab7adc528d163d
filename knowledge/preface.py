"""A note printed above a draft law published for comment, naming it and the body that reviewed it:

    《安徽省开发区条例（草案）》已经省十四届人大常委会第十六次会议审议。现予以公布，欢迎于…前提出修改意见。
    安徽省开发区条例（草案）

The title is the line under the note that prints the name the note quotes; the 人大常委会 that
reviewed it and publishes it ("省十四届人大常委会") is the issuer, its place taken from the title.
"""

from __future__ import annotations

import re

from knowledge.titles import unnested

_QUOTED = re.compile(r"^《([^《》]{4,60})》")
_REVIEWED = re.compile(
    r"已经\s*(?:本?(省|自治区|市))?\s*(?:第?[一二三四五六七八九十]+届)?\s*人大常委会第?[一二三四五六七八九十百\d]+次会议"
    r"(?:审议|通过|初次审议|第[一二三四五六七八九十]次审议)"
)
_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,8}?(?:省|自治区|市))")


def _bare(text: str) -> str:
    return re.sub(r"[^\w]", "", text)


def prefaced_title(norms: list[str]) -> str | None:
    """The title a publication note above it quotes (the note's first 《》 printed alone below)."""
    if len(norms) < 2:
        return None
    m = _QUOTED.match(norms[0])
    if not m or "。" not in norms[0] or _bare(norms[1]) != _bare(m.group(1)):
        return None
    return norms[1]


def reviewing_organ(norms: list[str], title: str) -> str | None:
    """The standing committee the note names, as its full name: 安徽省人民代表大会常务委员会."""
    if not norms or prefaced_title(norms) != title:
        return None
    m = _REVIEWED.search(norms[0])
    place = _PLACE.match(title)
    if not m or not place or (m.group(1) and not place.group(1).endswith(m.group(1))):
        return None
    return f"{place.group(1)}人民代表大会常务委员会"


# a policy interpretation opening on what it explains: "2024年3月28日，高唐县人民政府印发了《〈2024年政府
# 工作报告目标任务分工方案〉的通知》（高政字〔2024〕5号，以下简称《通知》），现将主要内容解读如下："
_INTERPRETS = re.compile(r"(?:印发|出台|发布|制定|下发)了?《((?:[^《》]|《[^《》]*》){4,100})》[^。]{0,80}?解读")


def interpreted_title(norms: list[str]) -> str | None:
    """The document a policy interpretation explains, named in its opening sentence: the
    interpretation is known by that name ("关于《X》的解读") when nothing else titles it."""
    m = _INTERPRETS.search(norms[0]) if norms else None
    if not m:
        return None
    return unnested(m.group(1).replace("<", "〈").replace(">", "〉"))  # a web copy prints 〈〉 as <>
