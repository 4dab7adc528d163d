"""Places named in questions and documents, so a 温州 policy is never quoted as 绍兴's.

Every Chinese province, prefecture and county (and the national new areas) comes from
`knowledge/data/places.tsv`, so a 重庆 or 济南 office works as well as 绍兴's. Counties and
districts belong to their city and cities to their province: a question about 绍兴 may be
answered from an 诸暨 document or a 浙江-wide one, but not from a 金华 one. A place is named by
its short form where one exists (重庆, 诸暨), else by its full name (柯桥区).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge.models import Chunk, SourceDocument

_DATA = Path(__file__).with_name("data") / "places.tsv"
# District short names the bundled Shaoxing documents use on their own (“柯桥”, “越城”).
_LOCAL_SHORT = {"柯桥区": "柯桥", "越城区": "越城", "上虞区": "上虞", "新昌县": "新昌", "婺城区": "婺城",
                "滨海新区": "滨海新区"}  # fmt: skip
_LOCAL_PARENT = {"滨海新区": "绍兴"}  # the Shaoxing zone, not Tianjin's district of the same name
_EN_EXTRA = {"inner mongolia": "内蒙古", "tibet": "西藏", "hong kong": "香港", "macau": "澳门", "macao": "澳门",
             "shaanxi": "陕西", "paojiang": "绍兴", "daxie": "大榭", "liangjiang": "两江"}  # fmt: skip
DOC_NO_PREFIX = {"绍": "绍兴", "诸": "诸暨", "嵊": "嵊州", "虞": "上虞", "金": "金华", "衢": "衢州", "温": "温州",
                 "杭": "杭州", "穗": "广州", "徐": "徐州", "浙": "浙江", "渝": "重庆", "赣": "江西", "鲁": "山东",
                 "京": "北京", "沪": "上海", "津": "天津", "冀": "河北", "晋": "山西", "辽": "辽宁", "吉": "吉林",
                 "黑": "黑龙江", "苏": "江苏", "皖": "安徽", "闽": "福建", "豫": "河南", "鄂": "湖北", "湘": "湖南",
                 "粤": "广东", "琼": "海南", "川": "四川", "蜀": "四川", "黔": "贵州", "滇": "云南", "陕": "陕西",
                 "甘": "甘肃", "青": "青海", "桂": "广西", "宁": "宁夏", "新": "新疆", "藏": "西藏"}  # fmt: skip


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, str], re.Pattern[str]]:
    """(alias → place, place → parent place, english → place, alias pattern), loaded once."""
    rows = [ln.rstrip("\n").split("\t") for ln in _DATA.read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")]  # fmt: skip
    key = {name: _LOCAL_SHORT.get(name) or short or name for name, short, _parent, _level, _en in rows}
    alias: dict[str, str] = {}
    parent: dict[str, str] = {}
    english: dict[str, str] = {}
    for name, short, par, _level, en in rows:
        place = key[name]
        if par:
            parent.setdefault(place, key.get(par, par))
        alias.setdefault(name, place)
        if short:
            alias.setdefault(short, place)
        if en:
            english.setdefault(en, place)
    for short in _LOCAL_SHORT.values():
        alias[short] = short
    parent.update(_LOCAL_PARENT)
    english.update(_EN_EXTRA)
    pattern = re.compile("|".join(sorted(map(re.escape, alias), key=len, reverse=True)))
    return alias, parent, english, pattern


def _parent_of(place: str) -> str | None:
    return _gazetteer()[1].get(place)


@lru_cache(maxsize=8192)
def _places(text: str) -> tuple[str, ...]:
    alias, _parent, english, pattern = _gazetteer()
    found: list[str] = []
    for m in pattern.finditer(text):
        place = alias[m.group(0)]
        if place not in found:
            found.append(place)
    low = text.lower()
    if re.search(r"[a-z]{4}", low):
        words = re.findall(r"[a-z]+", low)
        pairs = list(zip(words, words[1:], strict=False))  # "guan du", and "huai'an" read as "huai an"
        for w in words + [f"{a} {b}" for a, b in pairs] + [a + b for a, b in pairs]:
            if w in english and english[w] not in found:
                found.append(english[w])
    # the most specific places only ("诸暨" over "绍兴" when both are named)
    return tuple(p for p in found if not any(p in ancestors(o)[1:] for o in found))


def places_in(text: str) -> list[str]:
    return list(_places(text))


# where the asker is from is not where the document applies: "我是澳门居民，在天河创办的公司…"
_ORIGIN = re.compile(r"(?:来自|我是|我们是|作为)?\s*([\u4e00-\u9fff]{2,8}?)(?:特别行政区)?(?=居民|籍|同胞|人士|客商|侨胞)")


def without_origin(text: str) -> str:
    """`text` with the places it names as the asker's origin (澳门居民, 台湾同胞, 香港籍) blanked."""
    return _ORIGIN.sub(lambda m: " " * len(m.group(0)) if places_in(m.group(1)) else m.group(0), text)


def asked_places(text: str) -> list[str]:
    """The places a question asks about: those it names, less the asker's origin."""
    return places_in(without_origin(text))


@lru_cache(maxsize=8192)
def _ancestors(place: str) -> tuple[str, ...]:
    out = [place]
    while (up := _parent_of(out[-1])) and up not in out:
        out.append(up)
    return tuple(out)


def ancestors(place: str) -> list[str]:
    return list(_ancestors(place))


def doc_place(doc: SourceDocument) -> str | None:
    for text in (doc.title, doc.issuer or "", doc.metadata.get("place", ""), doc.metadata.get("title", "")):
        found = places_in(text)
        if found:
            return found[0]
    if doc.doc_no and doc.doc_no[0] in DOC_NO_PREFIX:
        return DOC_NO_PREFIX[doc.doc_no[0]]
    # an office files a page that names only "我市" under the place's name: d04_shaanxi-hanzhong_….txt
    found = places_in(re.sub(r"[_\-.]+", " ", Path(doc.path).stem)) if doc.path else []
    return found[0] if found else None


def compatible(question_places: list[str], place: str | None) -> bool:
    """Whether a document about `place` can answer a question naming `question_places`."""
    if not question_places or place is None:
        return True
    chain = ancestors(place)
    # a document about 诸暨 answers a question about 绍兴; a 浙江-wide document answers it too
    return any(q in chain or place in ancestors(q) for q in question_places)


def chunk_place(chunk: Chunk) -> str | None:
    """The place of a chunk's document, from its title or 文号 prefix (chunks carry no issuer)."""
    found = places_in(chunk.title)
    if found:
        return found[0]
    if chunk.doc_no and chunk.doc_no[0] in DOC_NO_PREFIX:
        return DOC_NO_PREFIX[chunk.doc_no[0]]
    return None


def english_names() -> dict[str, str]:
    """English (pinyin) place names → place, for callers that leave places out of English matching."""
    return _gazetteer()[2]


@lru_cache(maxsize=4096)
def pinyin_of(place: str) -> str | None:
    """The place's own romanised name (绍兴 → "shaoxing"), not a zone's name filed under it."""
    return next((en for en, p in english_names().items() if p == place and en not in _EN_EXTRA), None)
