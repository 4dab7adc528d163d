"""The organ a 文号 names by its place's official short name, when nothing else names it.

A government's 文号 opens with the short name of its place and a code for the organ: 穗府〔2011〕15号
is 广州市人民政府, 杭政办〔2024〕1号 杭州市人民政府办公厅, 鄂政发 湖北省人民政府, 赣府厅字 江西省人民政府办公厅.
A text that prints neither its organ nor a 落款 (a gazette page opening with its 文号) is still filed
under that organ. Short names are shared (宁: 江苏's 南京 and 宁夏; 济: 济南 and 济宁; 通: 南通, 通化,
通辽), so a city counts only when the text names it; a province stands unless a city of the same
short name is named instead. Offices: provinces, the four municipalities and the sub-provincial
cities and provincial capitals listed below have an 办公厅, other cities an 办公室.
"""

from __future__ import annotations

import re

from knowledge.issuers import PROVINCES

# city → its short name in 文号 (prefecture-level cities that number under their own short name)
_CITY_SHORT: dict[str, str] = {
    # 广东
    "广州市": "穗", "深圳市": "深", "珠海市": "珠", "汕头市": "汕", "佛山市": "佛", "韶关市": "韶",
    "湛江市": "湛", "肇庆市": "肇", "江门市": "江", "茂名市": "茂", "惠州市": "惠", "梅州市": "梅",
    "河源市": "河", "阳江市": "阳", "清远市": "清", "东莞市": "东", "中山市": "中", "潮州市": "潮",
    "揭阳市": "揭", "云浮市": "云",
    # 浙江
    "杭州市": "杭", "宁波市": "甬", "温州市": "温", "嘉兴市": "嘉", "湖州市": "湖", "绍兴市": "绍",
    "金华市": "金", "衢州市": "衢", "舟山市": "舟", "台州市": "台", "丽水市": "丽",
    # 江苏
    "南京市": "宁", "无锡市": "锡", "徐州市": "徐", "常州市": "常", "苏州市": "苏", "南通市": "通",
    "连云港市": "连", "淮安市": "淮", "盐城市": "盐", "扬州市": "扬", "镇江市": "镇", "泰州市": "泰",
    "宿迁市": "宿",
    # 福建、江西
    "福州市": "榕", "厦门市": "厦", "莆田市": "莆", "泉州市": "泉", "漳州市": "漳", "龙岩市": "龙",
    "南昌市": "洪",
    # 山东
    "济南市": "济", "青岛市": "青", "淄博市": "淄", "烟台市": "烟", "潍坊市": "潍", "威海市": "威",
    "日照市": "日", "临沂市": "临", "德州市": "德", "聊城市": "聊", "滨州市": "滨", "菏泽市": "菏",
    "枣庄市": "枣", "济宁市": "济", "泰安市": "泰", "东营市": "东",
    # 河南
    "郑州市": "郑", "开封市": "汴", "洛阳市": "洛", "鹤壁市": "鹤", "许昌市": "许", "焦作市": "焦",
    "商丘市": "商", "信阳市": "信", "周口市": "周", "濮阳市": "濮", "漯河市": "漯",
    # 其他省会、副省级城市
    "武汉市": "武", "长沙市": "长", "长春市": "长", "成都市": "成", "贵阳市": "筑", "昆明市": "昆",
    "南宁市": "南", "沈阳市": "沈", "大连市": "大", "哈尔滨市": "哈", "太原市": "并", "呼和浩特市": "呼",
    "乌鲁木齐市": "乌", "包头市": "包",
}  # fmt: skip
_HALL_CITIES = {
    "广州市", "深圳市", "杭州市", "宁波市", "南京市", "武汉市", "成都市", "沈阳市", "大连市", "哈尔滨市",
    "长春市", "济南市", "青岛市", "厦门市", "福州市", "长沙市", "郑州市", "南昌市", "昆明市", "贵阳市",
    "南宁市", "太原市", "呼和浩特市", "乌鲁木齐市",
}  # fmt: skip
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
# the organ code after the short name: 政/府 (+发/函/字/复…) the government, with 办 or 厅 its office
_OFFICE = re.compile(r"^(?:市)?[政府](?:办|厅)(?:发|函|字|文|秘|明|规)?$")
_GOVERNMENT = re.compile(r"^(?:市)?[政府](?:发|函|字|复|规|秘|文|通|任|令)?$")


def _bare(province: str) -> str:
    return re.sub(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", province)


def _place(short: str, text: str) -> str | None:
    """The place a short name stands for here: the city or the province the text names; a
    province it shares with no named city stands unnamed too (its texts say 全省)."""
    cities = [c for c, s in _CITY_SHORT.items() if s == short and c[:-1] in text]
    province = PROVINCES.get(short)
    province_named = bool(province) and _bare(province or "") in text
    if len(cities) > 1 or (cities and province_named):
        return None
    return cities[0] if cities else province


def abbreviated_issuer(doc_no: str | None, text: str) -> str | None:
    """穗府〔2011〕15号 → 广州市人民政府 (the text names 广州); 鄂政发〔2018〕26号 → 湖北省人民政府."""
    m = re.match(r"^([\u4e00-\u9fff])([\u4e00-\u9fff]{1,3})〔", doc_no or "")
    if not m:
        return None
    short, code = m.groups()
    place = _place(short, text)
    if not place:
        return None
    if _GOVERNMENT.match(code):
        return place + "人民政府"
    if not _OFFICE.match(code):
        return None
    hall = place in _HALL_CITIES or place in _MUNICIPALITIES or not place.endswith("市")
    return place + ("人民政府办公厅" if hall else "人民政府办公室")
