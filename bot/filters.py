"""Which candidates may answer, and which comes first: the filters and re-orderings between
ranking and composing (a target is no achievement, a document of another place no answer, one
item's amount no sum, a cell gives way to its row, a case's tier to its lead-in)."""

from __future__ import annotations

import re

from bot.candidates import Candidate
from bot.sentences import states_target
from bot.text_match import raw_bigrams
from bot.understand import Understanding
from knowledge.normalize import normalize


def by_place(found: list[Candidate], lang: str) -> list[Candidate]:
    """A place named in characters rules out documents of other places; an English name is pinyin
    ("Datong": 大同 or 大通), so it fits a document of its place but rules none out."""
    if lang == "en":
        for c in found:
            c.features["place"] = max(0.0, c.features.get("place", 0.0))
        return found
    return [c for c in found if c.features.get("place", 0.0) >= 0.0]


# "三菱树脂、横滨轮胎、协鑫光伏二期等7个外资项目，合计总投资12.1亿美元": a sum over the items listed
_SUMMED = re.compile(r"((?:[^、，,。；：:]{2,20}、)+[^、，,。；：:]{2,20}?)等\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:个|项|家|批)"
                     r"[^。；]{0,30}?(?:合计|共计|总计|累计|共)")
SUM_ASK = 0.3  # the weight of the amount intent from which a sum over a list is no item's amount
_TOTAL_ASK = re.compile(r"合计|共计|总计|一共|总共|加起来|累计|in total|altogether|combined|together", re.I)


def not_sums_for_one(u: Understanding, found: list[Candidate]) -> list[Candidate]:
    """An amount asked of one item ("横滨轮胎项目单独投资了多少") is not answered by a sum over a
    list the item is in; a question asking the sum (合计, 一共, in total) may have it."""
    if (u.p("amount") < SUM_ASK and u.asked_fact not in ("money", "quantity")) or _TOTAL_ASK.search(u.original):
        return found
    return [c for c in found if not summed_with_others(c.said, u.original)]


def summed_with_others(text: str, question: str) -> bool:
    """Whether `text` states the amount the question asks of one item only as a sum over a list
    the item is in (the question names an item of the list, and not the sum)."""
    q = normalize(question)
    for m in _SUMMED.finditer(normalize(text)):
        items = [x.strip("“”\"' ") for x in m.group(1).split("、")]
        if any(len(x) >= 2 and x in q for x in items[1:] + [items[0][-8:]]):
            return True
    return False


def row_first(u: Understanding, ranked: list[Candidate]) -> list[Candidate]:
    """A table cell read alone ("引进浙商回归…10亿以上项目50个", a 考核内容 cell) gives way to its row
    when the question asks what another column of that row says ("完成了几个？完成率多少？":
    完成情况, 完成率): the row states both, the cell only what was set."""
    if not ranked or ranked[0].kind not in ("sentence", "figure"):  # a record of the row reads it already
        return ranked
    best = ranked[0]
    said = normalize(getattr(best.record, "source", "") or best.text)
    words = raw_bigrams(normalize(u.original))  # the asking words too: 有什么进展 names 进展情况
    for c in ranked[1:ROW_WITHIN]:
        if c.kind != "table_row" or c.doc_key != best.doc_key or c.score < ROW_CLOSE * best.score:
            continue
        cells = {h: normalize(v) for h, v in c.record.cells.items() if v}
        holding = [h for h, v in cells.items() if len(v) >= 6 and (v in said or said in v)]
        asked = [h for h in cells if h not in holding and raw_bigrams(normalize(h)) & words]
        if holding and asked:
            return [c] + [x for x in ranked if x is not c]
    return ranked


ROW_WITHIN = 8  # candidates looked at for the row of the cell that ranks first
ROW_CLOSE = 0.8  # the row must score this close to the cell (its other cells dilute its word share)


def case_first(u: Understanding, ranked: list[Candidate], answers=lambda c: True) -> list[Candidate]:  # noqa: ANN001
    """When the asker tells amounts and the best candidate is a sentence, an amount inside an
    incentive clause, or a tier, the incentive record of the same document whose tier the case
    meets most closely comes first: it is that clause, read, with its tier picked
    ("固定资产投资实际完成3500万元" → 完成3000万元以上的，奖励10万元)."""
    if not u.amounts or not ranked or ranked[0].kind not in ("sentence", "incentive", "figure"):
        return ranked
    best = ranked[0]
    if best.kind == "figure" and not _in_incentive(best, ranked):
        return ranked
    # an incentive lead-in that grades by amount ("按固定资产投资数额确定补贴比例") gives way to its tier;
    # a tier the case meets, to one of the same section it meets more closely
    met = [c for c in ranked[1:CASE_WITHIN] if c.kind == "incentive" and c.doc_key == best.doc_key
           and c.features.get("case", 0.0) > 0 and answers(c)
           and (best.kind != "incentive" or c.section == best.section)]  # fmt: skip
    if best.kind != "figure" and best.features.get("case", 0.0) > 0:
        met.append(best)  # a tier sentence the case meets more closely than any record stays first
    if not met:
        return ranked
    top = max(met, key=lambda c: (round(c.features["case"], 2), c.score))  # the case meets its tier best
    return ranked if top is best else [top] + [c for c in ranked if c is not top]


CASE_WITHIN = 12  # candidates looked at for the record of the tier the case meets


def _in_incentive(figure: Candidate, ranked: list[Candidate]) -> bool:
    """Whether a figure is an amount inside an incentive clause (固定资产投资50000万元以上项目，按…1‰
    给予奖励): a threshold or a cap of that clause, whose tier is what the asker's case asks for."""
    source = figure.record.source
    return any(c.kind == "incentive" and c.doc_key == figure.doc_key
               and (source[:SAME_OPENING] in c.record.source or c.record.source[:SAME_OPENING] in source)
               for c in ranked[:CASE_WITHIN])  # fmt: skip


SAME_OPENING = 16  # characters of one source found in the other: the same clause, cut differently


def closest_tier(found: list[Candidate]) -> list[Candidate]:
    """Of the tiers of one clause the asker's case meets (A: 年产值150万元/亩, B: 250万元/亩), only
    the one whose thresholds sit closest pays: its siblings go."""
    best: dict[tuple[str, str], float] = {}
    for c in found:
        if c.kind == "incentive" and c.features.get("case", 0.0) > 0:
            key = (c.doc_key, c.record.source)
            best[key] = max(best.get(key, 0.0), c.features["case"])
    return [c for c in found if not (c.kind == "incentive" and c.features.get("case", 0.0) > 0
                                     and c.features["case"] < best[(c.doc_key, c.record.source)])]  # fmt: skip


def other_years(c: Candidate, years: list[str]) -> bool:
    """A figure or sentence that states years of its own, none of them (nor a span holding them) asked."""
    if c.kind not in ("figure", "sentence"):
        return False
    text = normalize(c.text if c.kind == "sentence" else f"{c.record.period or ''}{c.record.source}")
    stated = [int(y) for y in _YEARS_IN.findall(text)]
    if not stated:
        return False
    spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(text)]
    asked = [int(y) for y in years]
    return not any(y in stated or any(a <= y <= b for a, b in spans) for y in asked)


_PLANNED = re.compile(r"^(?!占).*计划(?:总)?(?:投资|完成|新增|引进)")
_YEARS_IN = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年|\s*[—–\-－~至到])")
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*[—–\-－~至到]\s*((?:19|20)\d{2})")


def aims(c: Candidate) -> bool:
    if c.kind == "figure":  # a target, or a plan's figure (年度计划投资853.8亿元; 占年度计划73% is done)
        return c.record.kind == "target" or bool(_PLANNED.search(c.record.subject or ""))
    if c.kind == "sentence":
        return states_target(c.text, c.chunk.section if c.chunk is not None else "")
    return False


def not_restated(u: Understanding, recs: list[Candidate], sents: list[Candidate]) -> list[Candidate]:
    """For "who leads" questions, a sentence that is a gathered responsibility record's own item
    goes: the record states the lead and co-units the sentence leaves to a tag on the next line."""
    if u.p("who") + u.p("tasks") < 0.3:
        return sents
    keys = {normalize(getattr(c.record, "item", "") or c.record.task or "")[:20] for c in recs if c.kind == "responsibility"}
    keys.discard("")
    return [s for s in sents if not any(key in s.record.norm for key in keys)]
