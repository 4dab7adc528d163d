"""Issuing organs as a title or 落款 prints them.

- Joint issuance runs the organs together, with or without spaces:
  "中共岳阳市委办公室岳阳市人民政府办公室印发…" is two organs, recorded 、-joined. A new organ
  starts after an organ's ending where the text goes on with 中共 or a place name.
- A provincial organ often drops its province ("省人民政府关于…"): the province is the one its
  文号 names (鄂政发 → 湖北省), the one-character abbreviations every provincial 文号 opens with.
- Development zones issue as the zone ("青岛高新区关于…").
"""

from __future__ import annotations

import re

from knowledge.head import PROVINCE_OF_CITY, UNIT_END, ZONE_END

_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗)")
_ENDING = re.compile(UNIT_END.pattern.rstrip("$"))
_STARTS_AS_ENDING = re.compile("^" + UNIT_END.pattern.rstrip("$"))
# a central organ's branch is one organ: 国家税务总局重庆市税务局
_CENTRAL = re.compile(r"(?:总局|总署|总行|总公司|总会)$")
_NEW_ORGAN = re.compile(r"^(?:中共|中国共产党|共青团|国家|国务院)")
_PROVINCES = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "琼": "海南省", "川": "四川省", "黔": "贵州省", "贵": "贵州省", "云": "云南省",
    "滇": "云南省", "陕": "陕西省", "甘": "甘肃省", "青": "青海省", "蒙": "内蒙古自治区",
    "内": "内蒙古自治区", "桂": "广西壮族自治区", "藏": "西藏自治区", "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}  # fmt: skip
PROVINCES = _PROVINCES  # short name in 文号 → province
_MUNICIPALITIES = {"京", "津", "沪", "渝"}


def is_organ(name: str) -> bool:
    return bool(UNIT_END.search(name) or ZONE_END.search(name))


def split_organs(name: str) -> list[str]:
    """ "中共岳阳市委办公室岳阳市人民政府办公室" → the two organs; one organ stays whole."""
    name = re.sub(r"\s+", "", name)
    parts: list[str] = []
    start = 0
    for m in _ENDING.finditer(name):
        rest, part = name[m.end() :], name[start : m.end()]
        if not rest or _STARTS_AS_ENDING.match(rest) or not (_NEW_ORGAN.match(rest) or _PLACE.match(rest)):
            continue
        if not is_organ(rest) or len(part) < 4 or _CENTRAL.search(part):
            continue
        parts.append(name[start : m.end()])
        start = m.end()
    parts.append(name[start:])
    return parts if all(is_organ(p) for p in parts) else [name]


def joint(name: str) -> str:
    return "、".join(split_organs(name))


def with_province(name: str | None, doc_no: str | None) -> str | None:
    """ "省人民政府" of 鄂政发〔2018〕26号 → 湖北省人民政府; other names unchanged."""
    if not name or not doc_no:
        return name
    province = _PROVINCES.get(doc_no[:1])
    if not province or not re.match(r"^.[政府办发委]", doc_no):
        return name
    if name.startswith("省") and not province.endswith("市"):
        return province + name[1:]
    if name.startswith("自治区") and province.endswith("自治区"):
        return province + name[len("自治区") :]
    if name.startswith("市") and doc_no[:1] in _MUNICIPALITIES:
        return province + name[1:]
    return name


_OPENING_ORGAN = re.compile(
    r"^(.{2,24}?(?:人民政府办公厅|人民政府办公室|人民政府|人民代表大会常务委员会|管理委员会|委员会|办公厅|办公室))"
)


_OPENING_BUREAU = re.compile(
    r"^((?:(?!关于|印发)[^，。、；《》“”\s]){2,20}?(?:局|委员会|人民政府办公室|人民政府|管理委员会|管委会))(?!关于)"
)


def title_organ(title: str, numbered: bool = True) -> str | None:
    """ "镇巴县人民政府工作规则" → 镇巴县人民政府: the organ a numbered document's title opens with.

    An unnumbered title opens with its organ too when a bureau names itself before a compilation or
    a plan ("高新区（滨江）经信局政策汇编"); only bureaus and committees count there, not 中心 or 办.
    """
    m = _OPENING_ORGAN.match(title) if numbered else _OPENING_BUREAU.match(title)
    if not m or len(title) - len(m.group(1)) < 2:
        return None
    return m.group(1)


# the State Council's own 文号 prefixes name their organ on every document that carries them
_NATIONAL = {"国发": "国务院", "国函": "国务院", "国办发": "国务院办公厅", "国办函": "国务院办公厅"}


def national_issuer(doc_no: str | None) -> str | None:
    """国发〔2012〕58号 → 国务院: a text that prints only its 文号 (an abstract) still names its organ."""
    m = re.match(r"^(国办发|国办函|国发|国函)〔", doc_no or "")
    return _NATIONAL[m.group(1)] if m else None


# the central people's government is the State Council (宪法第八十五条), however a statement names it
_CENTRAL_GOVERNMENT = {
    "中华人民共和国政府",
    "中华人民共和国中央人民政府",
    "中央人民政府",
    "中华人民共和国国务院",
}


def central_organ(name: str | None) -> str | None:
    """ "中华人民共和国政府关于…的声明" is issued by 国务院: the name a clerk files it under."""
    return "国务院" if name in _CENTRAL_GOVERNMENT else name


def without_province(name: str) -> str:
    """ "辽宁省沈阳市人民政府" → 沈阳市人民政府: the organ as its own documents name it."""
    rest = PROVINCE_OF_CITY.sub("", name)
    return rest if rest != name and is_organ(rest) else name


# a government's own name has 人民 in it: "江苏省政府" (a list's or a title's short form) is 江苏省人民政府
_SHORT_GOVERNMENT = re.compile(r"(?<=[省市县区州旗盟])政府(?=办公厅|办公室|$)")


def official_name(name: str | None) -> str | None:
    """ "江苏省政府" → 江苏省人民政府, "市政府办公室" → 市人民政府办公室, "天津市人大常委会" →
    天津市人民代表大会常务委员会 (a legislature is filed under its full name, its offices as printed:
    厦门市人大常委会办公厅); other names unchanged."""
    if not name:
        return name
    name = re.sub(r"人大常委会(?=、|$)", "人民代表大会常务委员会", name)
    # 市政府办: the office's short name
    name = re.sub(r"(?<=[省市县区州旗盟])政府办(?=、|$)", "政府办公室", name)
    return "、".join(_SHORT_GOVERNMENT.sub("人民政府", part) for part in name.split("、"))
