"""Project stage: free progress text → one of a fixed set, so "still in talks" can be counted.

A progress cell often names several steps ("已签约，正在办理审批"); the most advanced step
that has actually happened wins. Steps only planned ("拟签约", "争取开工") do not count.
"""

from __future__ import annotations

import re

# In order of progress; each stage lists the words that signal it.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("招商", ("招商", "招引", "推介")),
    ("洽谈", ("洽谈", "在谈", "接洽", "对接", "磋商", "谈判", "negotiat", "in talks")),
    ("方案架构", ("方案架构", "架构设计", "方案设计")),
    ("签约", ("签约", "签订", "签署", "落地", "signed")),
    ("审批", ("审批", "备案", "核准", "立项")),
    ("在建", ("开工", "在建", "建设中", "施工", "动工", "under construction")),
    ("投产", ("投产", "竣工", "运营", "建成", "试生产", "in operation", "operating")),
)
STAGE_NAMES: tuple[str, ...] = tuple(name for name, _ in STAGES)

# "拟签约", "计划开工", "争取投产": a plan, not a fact.
_FUTURE = re.compile(r"(?:拟|待|将|准备|计划|预计|争取|力争|即将|有望|尚未|未)(?:于\S{0,8}?)?$")


def normalize_stage(text: str | None) -> str | None:
    """The most advanced stage `text` reports as reached, or None."""
    if not text:
        return None
    low = text.lower()
    best: int | None = None
    for rank, (_, words) in enumerate(STAGES):
        for word in words:
            for m in re.finditer(re.escape(word), low):
                if _FUTURE.search(low[max(0, m.start() - 10) : m.start()]):
                    continue
                best = rank if best is None else max(best, rank)
    return STAGES[best][0] if best is not None else None
