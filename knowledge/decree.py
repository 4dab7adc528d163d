"""Government decrees (政府令, 部令) and the orders that promulgate a text.

A 规章 is published under a decree number, printed in several ways and often over two lines:

    内蒙古自治区人民政府令          政府令〔2010〕第15号          商务部令2007年第15号 商业特许经营备案管理办法
    第82号

then the order ("《X》已经…通过，现予公布，自2011年2月1日起施行。"), signed by a person
("省长 XXX", "部 长：薄熙来"), never by an organ: the signature line is no issuer. The issuing
organ is the decree's own name (商务部令 → 商务部) when it names one.
"""

from __future__ import annotations

import re

from knowledge.dates import YEAR_DIGITS, find_dates
from knowledge.docno import DECREE_NO, DECREE_ORG
from knowledge.head import UNIT_END
from knowledge.normalize import normalize

_NUMBER_ONLY = re.compile(
    r"^[〔\[（(【［]?\s*(?:(?:19|20)\d{2}\s*[〕\]）)】］年]?)?\s*第\s*(?:\d{1,4}|[〇零一二三四五六七八九十百]{1,6})\s*号\s*[）)]?$"
)
# "X人民政府令" or a legislature's "X人民代表大会常务委员会公告" on a line of its own
_ORG_LINE = re.compile(
    rf"^(?:{DECREE_ORG}|[\u4e00-\u9fff]{{2,30}}(?:人民代表大会常务委员会|人大常委会)公告)$"
)
_POSTS = (
    "总理|副总理|省长|副省长|市长|副市长|县长|副县长|区长|副区长|州长|盟长|旗长|镇长|乡长|主席|副主席|部长|"
    "副部长|局长|署长|主任|行长|书记|委员长|院长|厅长|司长"
)
_POST_LINE = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,10}}?)(?:{_POSTS})\s*[：:]?\s*[\u4e00-\u9fff·]{{0,4}}$")
_DATE = rf"(?:(?:19|20)\d{{2}}|[{YEAR_DIGITS}]{{4}})\s*年\s*[\d〇○零一二三四五六七八九十Oo]{{1,3}}\s*月\s*[\d〇○零一二三四五六七八九十Oo]{{1,3}}\s*日"
_ORDER_EFFECTIVE = re.compile(
    rf"(?:自|从|定于|于)\s*({_DATE})\s*(?:起)?(?:正式)?(?:施行|实施|试行|执行|生效)"
)
_ENFORCED_NOW = re.compile(
    r"现予(?:以)?(?:公布|发布|颁布|印发)[，,]?\s*(?:自(?:公布|发布|颁布|印发)之日起)?(?:施行|实施|生效)"
)


def join_decree_lines(lines: list[str]) -> list[str]:
    """ "X人民政府令" + "第82号" (or a 公告 + "第三十七号") on the next line are one number."""
    out: list[str] = []
    for line in lines:
        n = normalize(line)
        if out and _NUMBER_ONLY.match(n) and _ORG_LINE.match(normalize(out[-1])):
            out[-1] = out[-1].strip() + n
            continue
        out.append(line)
    return out


def decree_issuer(number: str | None) -> str | None:
    """商务部令2007年第15号 → 商务部; 政府令〔2010〕第15号 names no organ (None)."""
    if not number:
        return None
    m = DECREE_NO.match(number)
    org = m.group(1)[:-1] if m else ""
    org = re.sub(r"^中华人民共和国(?=.{2})", "", org)  # 中华人民共和国国务院令: the organ is 国务院
    if len(org) < 3 or org in ("人民政府", "政府") or org.endswith("主席") or not UNIT_END.search(org):
        return None
    return org


def numbered_decree(rest: list[str], issuer: str | None) -> str | None:
    """ "第232号" printed alone above an order of 江西省人民政府 → 江西省人民政府令第232号; a
    legislature's number is its 公告: X人民代表大会常务委员会公告第N号."""
    number = next((normalize(n) for n in rest[:3] if _NUMBER_ONLY.match(normalize(n))), None)
    if not number or not issuer or not number.startswith("第"):
        return None
    if issuer.endswith("常务委员会"):
        return f"{issuer}公告{number}"
    return f"{issuer}令{number}" if re.search(r"(?:政府|部|委员会|局|署|行)$", issuer) else None


def is_post_signature(n: str) -> bool:
    """ "省长 XXX", "自治区主席乌力吉", "部长：薄熙来": a person signs a decree, not an organ."""
    return 2 <= len(n) <= 24 and bool(_POST_LINE.match(n)) and not UNIT_END.search(n.rstrip("：: "))


def order_effective(order: list[str], signed: str | None) -> str | None:
    """When the promulgated text takes effect, as its order or 印发 notice says.

    "现予公布，自2011年2月1日起施行" → that date; "现予发布施行" → the date the order was signed.
    """
    text = "".join(normalize(x) for x in order)
    m = _ORDER_EFFECTIVE.search(text)
    if m:
        found = find_dates(m.group(1))
        if found:
            return found[0]
    if _ENFORCED_NOW.search(text):
        return signed
    return None
