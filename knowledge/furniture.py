"""Web-page furniture around a document saved from a site: breadcrumbs, page-info lines,
buttons, site names, 导读 teasers, document-sharing notices. It is not the document: it must
never become a title, an issuer or a date, nor end the head early.

A page-info line ("信息来源：洪雅县经济合作局 | 发布日期：2023-07-19") is kept as a hint only when
its source is an organ (the publisher's own page); a reposting site's line ("作者：法律资料网
时间：2024-07-06 …") says nothing about the document. Lines above the page-info line are the
page's own header (page title, site banner): when the document prints its title below that
line, the header is dropped (`page_header`). A page-info line naming no source at all
("发布日期：2018-09-19 10:18 【字号：") is the publisher's own stamp; one whose source is the internet
("内容来源：互联网") is a repost's. A news report quoting a document ("…全文如下：") loses its lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.dates import find_dates
from knowledge.metatable import starts_with_key
from knowledge.normalize import fold, to_simplified

_BREADCRUMB = re.compile(
    r"^(?:您的位置|你的位置|当前位置|您当前的位置|您当前位置|所在位置|当前的位置)\s*[：:]|首页\s*(?:>|»|＞|>>|/|→)"
)
# a sharing site's page title "X_第1页": the page it shows, not a line of the document
_PAGE_TITLE = re.compile(r"^.{2,80}_第\d{1,3}页$")
# a site's path without 首页: "好律师> 法律法规库> 政策参考> 陕西省人民政府办公厅关于…的通知"
_PATH = re.compile(r"^(?:[^>»＞\s]{2,10}\s*[>»＞]\s*){2,}\S.{0,80}$")
_WELCOME = re.compile(r"^(?:你好|您好)?[，,\s]*欢迎(?:访问|来到|您)")
# a site's greeting after its own name: "巴彦淖尔市人民政府欢迎您", "欢迎访问XX网！"
_GREETING = re.compile(r"^.{0,24}欢迎(?:您|你|光临|访问\S{0,16})[!！。]?$")
# a banner of site name and section: "法邦网—法律法规查看"
_SITE_BANNER = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{2,10}网\s*[—\-–_|｜]+\s*[\u4e00-\u9fff]{2,10}$")
# markup the saving lost on the way, a line of tags only: '<tbody id="rx"></tbody>', '1. <th id="rx"></th>'
_TAGS_ONLY = re.compile(r"^(?:[•·●\-\s]|\d{1,2}\s*[.、])*(?:<[^<>]{1,200}>\s*)+$")
_UI = {
    "返回顶部", "打印", "关闭", "打印本页", "关闭窗口", "收藏本站", "设为首页", "首页", "评论", "回目录", "分享到",
    "站长推荐", "视力保护色", "浏览量", "内容预览", "我要纠错", "下载地址", "点击此处下载", "tags", "热门站点",
    "扫一扫在手机打开当前页", "加入收藏", "无障碍阅读", "长者模式", "无障碍", "字体", "大", "中", "小", "字号",
    "默认", "分享", "微信", "微博", "上一篇", "下一篇", "打印此页", "关闭此页", "文档简介", "我要打印", "纠错",
    "保存", "收藏", "字体大小", "背景色", "相关链接", "返回", "返回列表", "顶部", "分享至", "打印文章", "关闭本页",
    "关怀版", "关怀模式", "下载本文档", "下载文档", "适老版", "适老化", "长者版", "无障碍浏览", "读屏专用", "繁体", "简体", "繁體", "English",
}  # fmt: skip
_SITE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,10}(?:网|网站|论坛|在线|资料网|门户)$")
# document-sharing sites: "已阅读5页,还剩9页未读", "版权说明：本文档由用户提供并上传…"
_SHARING = re.compile(
    r"已阅读\d+页|还剩\d+页未读|继续免费阅读|^版权说明[：:]|本文档由用户提供并上传|^下载文档|^文档格式[：:]|"
    r"更新完毕开始阅读|^\*\s*注\s*[：:]\s*本篇法规"  # "…更新完毕开始阅读b52553…"; a law site's "*注:本篇法规已被…修正"
    r"|^第\s*\d+\s*页\s*/\s*共\s*\d+\s*页$|^资源(?:预览内容|描述)$|全部预览完了"  # "第1页 / 共3页", "资源描述"
)
_INFO_KEYS = (
    r"作者|时间|来源|信息来源|文章来源|内容来源|浏览|浏览次数|阅读|阅读次数|点击|点击数|点击率|发表时间|发布时间|发布日期|"
    r"字号|字体|字体大小|编辑|责任编辑|归档时间|日期|发布机构|访问量|访问次数"
)
# a key starts the line or follows a separator: 发文日期 holds 日期 but is no page-info key
_INFO = re.compile(rf"(?<![^\s\d|｜】：:])({_INFO_KEYS})\s*[：:]\s*")  # "…3:31:59内容来源：" runs on
_ONE_INFO = re.compile(
    r"^(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\d\s:]{0,9})?"  # "2015-09-11 浏览次数:"
    r"(?:归档时间|浏览次数|浏览量|点击数|点击率|阅读次数|访问量|访问次数|责任编辑|编辑|字号)\s*[：:].{0,24}$"
)
# a spam site's keyword line above everything: many short phrases apart by commas, no sentence
_KEYWORDS_MIN = 6
# a page's own time stamp on a line of its own: "发表时间:2011 年 11 月 02 日 15:29"
_STAMP = re.compile(r"^(?:发表时间|发布时间|发布日期)\s*[：:]\s*[\d年月日\s\-/.:：]{8,30}$")
# a sharing site's notice about the file itself, above the document: "温馨提示：" then
# "1. 部分包含数学公式…的文件…请放心下载。", "网站客服：…"
_NOTICE_HEAD = re.compile(r"^(?:温馨提示|友情提示|提示|注意)\s*[：:]?$")
_NOTICE_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．]|网站客服|客服)")
_ABOUT_FILE = re.compile(r"文档|下载|上传|客服|预览|版权")
_LEAD = re.compile(r"^(?:导读|核心提示|编者按)\s*[：:]")
# a gazette page converted to text: "Page 24 - 2021年第6期", "P. 24", the running head
# "6/2021 大同市人民政府公报 ·大同市人民政府办公室文件·"
_GAZETTE = re.compile(
    r"^(?:Page\s*\d{1,4}(?:\s*-\s*.{0,20})?|P\.\s*\d{1,4}|\d{1,2}/(?:19|20)\d{2}\s*\S{2,24}(?:公报|政报).{0,40}|"
    r"\S{2,24}(?:公报|政报)\s*·[^·]{2,30}·)$",
    re.I,
)
# a law database's export stamps above the text: "【法宝引证码】 CLI.12.5115678", "原文链接：https://…"
_EXPORT_STAMP = re.compile(
    r"^(?:【[\u4e00-\u9fff]{2,6}(?:引证码|编号)】\s*[A-Z]{2,5}[.\d]+\S*|"
    r"[\u4e00-\u9fffA-Za-z]{2,6}\s*[：:]\s*(?:https?://|www\.)\S+)$",
    re.I,
)
_BULLET = re.compile(r"^(?:[•·●◆■▪◇○]|-(?=\s))\s*")  # "- 发布日期：…": a markdown list item
_UNIT_END = re.compile(r"(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|部|署|院|中心|办)$")
_TOKENS = re.compile(r"[\s【】\[\]|｜:：。，,>»＞/→]+")


_OWN_SITE = {"", "本网", "本站", "本网站", "本站原创", "原创"}


def _value(text: str) -> str:
    """A page-info value's first word; "来源: 浏览量:" leaves 来源 empty (the next word is a key)."""
    word = next(iter(text.split()), "").strip(" |｜")
    return "" if word.endswith(("：", ":")) else word


@dataclass
class Page:
    """What the page furniture says about the document, and where its page-info line stood."""

    date: str | None = None
    source: str | None = None
    info_line: int | None = None  # index (in the kept lines) of the first line after the info line


def flat(line: str) -> str:
    """Width-folded, simplified, spaces kept (one each): the separators between page-info keys."""
    return re.sub(r"[\s\u3000\xa0]+", " ", to_simplified(fold(line))).strip()


def is_furniture(line: str) -> bool:
    n = flat(line)
    if not n.strip(" |｜-—•·"):  # an empty table row of the page's layout "| ||||||", a bare list bullet "-"
        return True
    if (
        _BREADCRUMB.search(n)
        or _PATH.match(n)
        or _PAGE_TITLE.match(n)
        or _WELCOME.match(n)
        or _GREETING.match(n)
        or _SITE_BANNER.match(n)
        or _TAGS_ONLY.match(n)
        or _LEAD.match(n)
        or _SHARING.search(n)
        or _ONE_INFO.match(n)
        or _EXPORT_STAMP.match(n)
        or _GAZETTE.match(n)
    ):
        return True
    if re.search(r"powered by|©|版权所有|ICP备|技术支持[：:]|(?:网站|本站)\S{0,4}支持\s*IPv6", n, re.I):
        return True
    tokens = [t for t in _TOKENS.split(n) if t]
    if tokens and all(t.lower() in _UI or _SITE.match(t) for t in tokens):
        return True
    return is_info_line(n)


def is_info_line(n: str) -> bool:
    """作者/时间/来源/浏览… : two or more page-info keys on one short line, or a lone time stamp."""
    return (len(_INFO.findall(n)) >= 2 and len(n) < 160) or bool(_STAMP.match(n))


def page_info(line: str) -> Page:
    """The date and source of a page-info line whose source is an organ (else an empty Page)."""
    parts = _INFO.split(flat(line))
    pairs = {parts[i]: parts[i + 1].strip(" |｜") for i in range(1, len(parts) - 1, 2)}
    source = (pairs.get("信息来源") or pairs.get("来源") or pairs.get("发布机构") or "").strip()
    source = re.split(r"[\s|｜]", source)[0] if source else ""
    if _STAMP.match(flat(line)):  # a lone stamp names no site: its date stands
        return Page(date=next(iter(find_dates(line)), None))
    named = pairs.keys() & {"信息来源", "来源", "文章来源", "内容来源", "发布机构", "作者"}
    if named and all(_value(pairs[k]) in _OWN_SITE for k in named):
        source = ""  # "来源:本网", or 来源 left empty: the publisher's own page, its stamp stands
    elif named and (len(source) < 4 or not _UNIT_END.search(source) or "网" in source):
        return Page()  # "来源: 政府" names nobody; "内容来源：互联网" is a repost
    page = Page(source=source or None)  # no source named at all: the page's own 发布日期
    for key in ("发布日期", "发布时间", "发表时间", "日期", "时间"):
        if pairs.get(key) and find_dates(pairs[key]):
            page.date = find_dates(pairs[key])[0]
            break
    return page


# a news report that quotes the document: "…印发了…的通知。" "文件详情如下：" then the document itself
_QUOTES_BELOW = re.compile(
    r"^(?:全文|原文|文件详情|文件全文|文件原文|通知全文|详情|政策原文)如下\s*[：:]?$"
    r"|^【[^【】]{0,12}(?:正文|原文|全文)】$"  # a repost account's label: "【招商引资内参正文】" under its 【…导言】
)
_LEAD_SPAN = 12


def news_lead(lines: list[str]) -> int:
    """How many leading lines are a news report's lead above the document it quotes (0 when none)."""
    for i, line in enumerate(lines[:_LEAD_SPAN]):
        if _QUOTES_BELOW.match(flat(line)) and i + 1 < len(lines):
            return i + 1
    return 0


def _keyword_line(n: str) -> bool:
    parts = re.split(r"[，,]", n)
    return (
        len(parts) >= _KEYWORDS_MIN
        and all(0 < len(p.strip()) <= 20 for p in parts)
        and not re.search(r"[。：:；]", n)
    )


def _site_notice(n: str) -> bool:
    return bool(_NOTICE_HEAD.match(n) or (_NOTICE_ITEM.match(n) and _ABOUT_FILE.search(n)))


def _banner(out: list[str], crumb: int | None) -> int:
    """The site's banner above its breadcrumb ("打造网上国际投资促进平台 致力于中国投资促进事业", then
    "您现在的位置:首页 > …"): short lines, taken out when a heading line follows the breadcrumb."""
    if not crumb or crumb >= len(out) or len(flat(out[crumb])) > 60 or "。" in out[crumb]:
        return 0
    return crumb if all(len(flat(x)) <= 40 and not re.search(r"[。：:]", x) for x in out[:crumb]) else 0


def strip_furniture(lines: list[str], head_zone: int = 60) -> tuple[list[str], Page]:
    """The lines without page furniture, and what the page-info line said.

    Bullets are navigation in the page head (• 洪雅县人民政府): a bullet line there is dropped,
    unless it holds a metadata key (• 发文字号：), which keeps its text without the bullet.
    """
    out: list[str] = []
    page = Page()
    in_head = True  # until the first line of running text
    crumb = None  # where the first breadcrumb stood among the kept lines
    for i, line in enumerate(lines):
        if in_head and _BULLET.match(line):
            rest = _BULLET.sub("", line).strip()
            if not starts_with_key(rest):
                continue
            line = rest
        n = flat(line)
        if in_head and (_site_notice(n) or _keyword_line(n)):
            continue
        if in_head and crumb is None and _BREADCRUMB.search(n):
            crumb = len(out)
        if is_furniture(line) or (in_head and re.fullmatch(r"\d{4,}", n)):  # a view counter
            if i < head_zone and page.info_line is None and is_info_line(n):
                found = page_info(line)
                page = Page(found.date, found.source, len(out))
            continue
        in_head = in_head and len(n) <= 60 and not n.endswith("。")
        out.append(line)
    cut = news_lead(out) or _banner(out, crumb)
    if cut and page.info_line is not None:
        page.info_line = page.info_line - cut if page.info_line >= cut else None
    return out[cut:], page
