"""The text layer of a printed document as a document-sharing site stores it: the page's lines run
together with spaces, page numbers between them.

- page numbers: "2018 年9月10 日―2―开封市…", a page opening "1 ― 开封市人民政府文件 …", one closing "…提供的重 ―";
- the red head on one line: "常熟市人民政府办公室文件 常政办发〔2018〕32号 市政府办公室关于分解落实2018年
  政府工作任务的通知 各镇人民政府,…,市各委办局、直属单位(公司): 根据…" → masthead, 文号, title, addressees, text;
- the 落款 inside a line, between the 附件 label and the attachment it announces: "…圆满完成. 附件:常熟市2018年政府
  工作任务分解表 常熟市人民政府办公室 2018年2月24日 常熟市2018年政府工作任务分解表 序号 名称 …".
"""

from __future__ import annotations

import re

from knowledge.head import title_complete
from knowledge.issuers import is_organ
from knowledge.normalize import normalize

_DASH = "―—－"
# a page number between two pages, not a range of numbers ("1—3") nor a dash run ("——")
_BETWEEN = re.compile(rf"(?<![\d{_DASH}])\s*[{_DASH}]\s*\d{{1,3}}\s*[{_DASH}](?![\d{_DASH}])\s*")
_OPENING = re.compile(rf"^\d{{1,3}}\s*[{_DASH}]\s+")
_CLOSING = re.compile(rf"\s+[{_DASH}]$")
_CHUNK_NO = re.compile(r"^\d{1,3}\s*[、.．]?$")  # a sharing site's chunk number left before a page number: "1、—1—"

_MASTHEAD = re.compile(r"^(\S{2,30}?)\s*文件\s+")
_NUMBER = re.compile(r"^(\S{1,12}?\s*[〔\[【［(（]\s*(?:19|20)\d{2}\s*[〕\]】］)）]\s*\d{1,4}\s*[号號])\s*")
_COLON = re.compile(r"[：:]")
_HEAD_SPAN = 400

_DAY = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_SIGNED = re.compile(rf"\s(\S{{4,30}})\s+({_DAY})(?=\s|$)")
_ATTACHED = re.compile(r"\s(?=附件\s*\d?\s*[：:])")


def paged(lines: list[str]) -> bool:
    """The text carries page numbers between its pages ("―2―")."""
    return any(_BETWEEN.search(line) for line in lines)


def unpaged(lines: list[str]) -> list[str]:
    """Lines broken where a page number stood, the number dropped (only in a text that has them)."""
    if not paged(lines):
        return lines
    out: list[str] = []
    for line in lines:
        line = _CLOSING.sub("", _OPENING.sub("", line))
        out += [p.strip() for p in _BETWEEN.split(line) if p.strip() and not _CHUNK_NO.match(p.strip())]
    return out


def split_masthead(line: str) -> list[str]:
    """ "X文件 文号 TITLE ADDRESSEES: TEXT" → the five parts, when each reads as that part."""
    m = _MASTHEAD.match(line)
    if not m or not is_organ(normalize(m.group(1))):
        return [line]
    rest = line[m.end() :]
    number = _NUMBER.match(rest)
    if not number:
        return [line]
    rest = rest[number.end() :]
    colon = _COLON.search(rest[:_HEAD_SPAN])
    if not colon:
        return [line]
    *words, addressees = rest[: colon.start()].split()
    title = " ".join(words)
    if not words or not title_complete(normalize(title)) or not re.search(r"[，,、]|^各", addressees):
        return [line]
    text = rest[colon.end() :].strip()
    parts = [m.group(1) + "文件", number.group(1), title, addressees + "：", text]
    return [p for p in parts if p]


def split_signed(line: str) -> list[str]:
    """ "…。 附件:X ORGAN DATE X …" → the text, the 附件 label, the signing organ, the date, the rest."""
    m = _SIGNED.search(line)
    if not m or not is_organ(normalize(m.group(1))) or re.search(r"[，。,.：:；]", m.group(1)):
        return [line]
    before, after = line[: m.start()], line[m.end() :]
    if not re.search(r"[。.！!]", before):  # a 落款 closes text: a key list's "发文机关 X 成文日期 …" is none
        return [line]
    pieces = [p for p in _ATTACHED.split(before)] + [m.group(1), m.group(2), after]
    return [p.strip() for p in pieces if p.strip()]

