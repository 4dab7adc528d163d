"""Places named in questions and documents, so a 温州 policy is never quoted as 绍兴's.

Counties and districts belong to their city: a question about 绍兴 may be answered from
an 诸暨 document, but not from a 金华 one.
"""

from __future__ import annotations

from knowledge.models import Chunk, SourceDocument

PARENT: dict[str, str] = {
    "诸暨": "绍兴", "嵊州": "绍兴", "上虞": "绍兴", "柯桥": "绍兴", "越城": "绍兴", "新昌": "绍兴", "滨海新区": "绍兴",
    "婺城": "金华", "桐乡": "嘉兴", "绍兴": "浙江", "金华": "浙江", "衢州": "浙江", "温州": "浙江", "杭州": "浙江",
    "嘉兴": "浙江", "宁波": "浙江", "湖州": "浙江", "台州": "浙江", "丽水": "浙江", "舟山": "浙江",
    "沈阳": "中国", "徐州": "中国", "昆明": "中国", "广州": "中国", "浙江": "中国",
}  # fmt: skip
EN = {
    "shaoxing": "绍兴", "zhuji": "诸暨", "shengzhou": "嵊州", "shangyu": "上虞", "keqiao": "柯桥", "zhejiang": "浙江",
    "hangzhou": "杭州", "jinhua": "金华", "wenzhou": "温州", "quzhou": "衢州", "kunming": "昆明", "guangzhou": "广州",
    "shenyang": "沈阳", "xuzhou": "徐州", "ningbo": "宁波", "tongxiang": "桐乡", "paojiang": "绍兴",
}  # fmt: skip
DOC_NO_PREFIX = {"绍": "绍兴", "诸": "诸暨", "嵊": "嵊州", "虞": "上虞", "金": "金华", "衢": "衢州", "温": "温州",
                 "杭": "杭州", "穗": "广州", "徐": "徐州", "浙": "浙江"}  # fmt: skip


def places_in(text: str) -> list[str]:
    low = text.lower()
    found = [p for p in PARENT if p in text]
    found += [zh for en, zh in EN.items() if en in low and zh not in found]
    # the most specific places only ("诸暨" over "绍兴" when both are named)
    return [p for p in found if not any(PARENT.get(o) == p for o in found)]


def ancestors(place: str) -> list[str]:
    out = [place]
    while place in PARENT:
        place = PARENT[place]
        out.append(place)
    return out


def doc_place(doc: SourceDocument) -> str | None:
    for text in (doc.title, doc.issuer or "", doc.metadata.get("place", ""), doc.metadata.get("title", "")):
        found = places_in(text)
        if found:
            return found[0]
    if doc.doc_no and doc.doc_no[0] in DOC_NO_PREFIX:
        return DOC_NO_PREFIX[doc.doc_no[0]]
    return None


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
