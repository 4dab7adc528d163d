"""文号 (document numbers) as printed: 绍政办发〔2023〕17号 in any bracket or spacing."""

from __future__ import annotations

import re

from knowledge.normalize import fold

DOC_NO = re.compile(
    r"((?:(?![在的了和与是里于对从及按据照见即])[\u4e00-\u9fff]){1,12}?)\s*[〔\[【［(（]\s*((?:19|20)\d{2})\s*[〕\]】］)）]\s*(\d{1,4})\s*号"
)


def _fold(text: str) -> str:
    return fold(text).replace("號", "号")  # mirrors print 文号 in traditional script


def doc_no_of(text: str) -> str | None:
    """Canonical 文号 (绍政办发〔2023〕17号) from any spelling: [] 【】 () or spaces."""
    m = DOC_NO.search(_fold(text))
    if not m:
        return None
    return f"{_KEYED.sub('', m.group(1))}〔{m.group(2)}〕{m.group(3)}号"


_KEYED = re.compile(r"^(?:发文字号|文号)(?=[\u4e00-\u9fff])")  # "文号闽商务〔2023〕196号": a list's key run on


def all_doc_nos(text: str) -> list[tuple[str, int, int]]:
    """Every 文号 in the text with its span (in the folded text)."""
    folded = _fold(text)
    return [
        (f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号", m.start(), m.end()) for m in DOC_NO.finditer(folded)
    ]


# 规章 under a decree number: 政府令〔2010〕第15号, 商务部令2007年第15号, 内蒙古自治区人民政府令第82号
DECREE_ORG = r"(?:[\u4e00-\u9fff]{0,30}?(?:政府|部|委员会|委|局|署|院|总局|银行|主席|常务委员会))?令"
DECREE_NO = re.compile(
    rf"({DECREE_ORG})\s*(?:[〔\[（(【［]\s*(?:19|20)\d{{2}}\s*[〕\]）)】］]|(?:19|20)\d{{2}}\s*年)?\s*第\s*\d{{1,4}}\s*号"
)
# before 1990 the year came first, two digits in brackets: （78）交公路字412号
_OLD_STYLE = re.compile(r"[（(]\s*(\d{2})\s*[）)]\s*([\u4e00-\u9fff]{2,12}?)\s*第?\s*(\d{1,4})\s*号")
# a copy that lost the year's brackets, the 文号 still bracketed after the title: （砚发201120 号）
_LOST_BRACKETS = re.compile(
    r"[（(]\s*([\u4e00-\u9fff]{1,10}?[发字函办])\s*((?:19|20)\d{2})\s*(\d{1,4})\s*号\s*[）)]"
)


# the closing bracket and 号 lost at the end of the line: 广安区府办发〔202026, 沙政〔2012478
_UNCLOSED = re.compile(
    r"^([\u4e00-\u9fff]{1,10}?[发字函办政])\s*[〔\[（(【［]\s*((?:19|20)\d{2})\s*(\d{1,4})\s*$"
)


# a copy that lost the brackets and 号 of a 文号 on its own line: 泰政辦發2015107 = 泰政办发〔2015〕107号
_BARE_NO = re.compile(r"^([\u4e00-\u9fff]{1,10}?[发字函办政])\s*((?:19|20)\d{2})\s*(\d{1,4})$")
# ... or only its 号: 咸安政发〔2019〕1
_NO_HAO = re.compile(
    r"^([\u4e00-\u9fff]{1,12}?)\s*[〔\[【［(（]\s*((?:19|20)\d{2})\s*[〕\]】］)）]\s*(\d{1,4})$"
)


# a legislature promulgates under its 公告 number: 深圳市人民代表大会常务委员会公告第三十七号
ANNOUNCEMENT_NO = re.compile(
    r"(?<![\u4e00-\u9fff\d])([\u4e00-\u9fff]{2,30}?(?:人民代表大会常务委员会|人大常委会)公告)\s*[（(]?\s*第\s*(\d{1,4}|[〇零一二三四五六七八九十百]{1,6})\s*号\s*[）)]?"
)


def decree_no(text: str) -> str | None:
    """The decree number as printed (spaces removed): 政府令〔2010〕第15号, 商务部令2007年第15号."""
    m = DECREE_NO.search(_fold(text))
    return re.sub(r"\s+", "", m.group(0)) if m else None


def printed_no(text: str) -> str | None:
    """The number a head line prints, in any of the shapes above (canonical 文号 first)."""
    found = doc_no_of(text) or decree_no(text)
    if found:
        return found
    announced = ANNOUNCEMENT_NO.search(_fold(text))
    if announced:
        return f"{announced.group(1)}第{announced.group(2)}号"
    folded = _fold(text)
    m = _OLD_STYLE.search(folded)
    if m:
        return f"（{m.group(1)}）{m.group(2)}{m.group(3)}号"
    m = (
        _LOST_BRACKETS.search(folded)
        or _UNCLOSED.match(folded.strip())
        or _BARE_NO.match(folded.strip())
        or _NO_HAO.match(folded.strip())
    )
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号" if m else None
