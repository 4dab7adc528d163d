"""Exact filters over projects: "哪些项目超过1亿美元还在洽谈？" is SQL over the catalogue, not a search.

A question that lists or counts projects names a stage (洽谈, 签约, 在建, in English too), an
amount bound (超过 / 以下 with a currency) or a place; the catalogue answers with an exact count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.amounts import parse_amount
from knowledge.normalize import normalize
from knowledge.places import places_in
from knowledge.stages import STAGE_NAMES, normalize_stage

_OVER = re.compile(r"(?:超过|以上|大于|不低于|over|above|more than|at least|exceeding)", re.I)
_UNDER = re.compile(r"(?:以下|低于|少于|不超过|under|below|less than|at most)", re.I)
_STAGE_EN = {"talks": "洽谈", "negotiat": "洽谈", "signed": "签约", "construction": "在建", "operation": "投产", "production": "投产"}
_PROJECTS = re.compile(r"项目|projects?\b", re.I)


@dataclass(frozen=True)
class ProjectFilter:
    stage: str | None = None
    min_usd: float | None = None
    max_usd: float | None = None
    min_cny: float | None = None
    max_cny: float | None = None
    place: str | None = None

    @property
    def empty(self) -> bool:
        return not any((self.stage, self.min_usd, self.max_usd, self.min_cny, self.max_cny, self.place))

    def sql(self) -> dict[str, object]:
        return {"stage": self.stage, "min_usd": self.min_usd, "max_usd": self.max_usd, "min_cny": self.min_cny,
                "max_cny": self.max_cny, "place": self.place}  # fmt: skip

    def describe(self, lang: str) -> str:
        parts = []
        if self.stage:
            parts.append(f"阶段为{self.stage}" if lang == "zh" else f"at stage {self.stage}")
        for label, v, cur in (("≥", self.min_usd, "USD"), ("≤", self.max_usd, "USD"), ("≥", self.min_cny, "CNY"), ("≤", self.max_cny, "CNY")):
            if v is not None:
                parts.append(f"{label} {_money(v, cur, lang)}")
        if self.place:
            parts.append(f"位于{self.place}" if lang == "zh" else f"in {self.place}")
        return ("、" if lang == "zh" else ", ").join(parts)


def _money(v: float, cur: str, lang: str) -> str:
    if lang == "zh":
        unit = "美元" if cur == "USD" else "元"
        return f"{v / 1e8:g}亿{unit}" if v >= 1e8 else f"{v / 1e4:g}万{unit}"
    return f"{cur} {v / 1e6:g} million"


# a sum told as capital paid in or used, not as a project's investment: a report's prose counts those
_PAID_IN = re.compile(r"实到|到位|到资|实际利用|实际使用|实缴|paid[- ]in|utili[sz]ed|actually used", re.I)
PAID_IN_BEFORE = 8  # characters before the amount where such words name what it measures


def project_filter(question: str) -> ProjectFilter | None:
    """The filter a project question states, or None when it is not about projects."""
    q = normalize(question)
    if not _PROJECTS.search(q):
        return None
    stage = normalize_stage(re.sub(r"项目", "", q)) if any(s in q for s in STAGE_NAMES) or "在谈" in q else None
    if stage is None:
        stage = next((st for en, st in _STAGE_EN.items() if en in q.lower()), None)
    kw: dict[str, float] = {}
    amount = parse_amount(q)
    if amount and _PAID_IN.search(q[max(0, q.find(amount.text) - PAID_IN_BEFORE) : max(0, q.find(amount.text))]):
        return None  # "实到外资1000万美元以上的项目有几个": capital paid in, which no project row holds
    if amount and amount.currency in ("USD", "CNY") and (_OVER.search(q) or _UNDER.search(q)):
        absolute = amount.amount_usd if amount.currency == "USD" else amount.amount_cny
        kw[("max_" if _UNDER.search(q) else "min_") + amount.currency.lower()] = absolute  # type: ignore[assignment]
    place = next(iter(places_in(q)), None) if ("位于" in q or " in " in q.lower()) else None
    return ProjectFilter(stage=stage, place=place, **kw)
