"""The benchmark's questions: drawn from the generator's own vocabulary, zh and en, both audiences.

They are timing probes, not an accuracy set (the dev set in ../shared/eval does that); they
exercise every route (responsibility, figures, projects, passages) so the answer latency is
that of the real mix rather than of the cheapest path.
"""

from __future__ import annotations

import random

from bench.corpus import INDUSTRIES, PLACES, STAGES, TOPICS, UNITS

EN = (
    "What incentives are there for integrated circuit projects?",
    "Which unit is responsible for foreign investment promotion?",
    "What is the target for actual use of foreign investment?",
    "Who leads the work on overseas business representative offices?",
    "What support is there for QFLP pilot enterprises?",
    "Which projects over 100 million US dollars are under construction?",
)


def questions(seed: int = 11, n_zh: int = 18) -> list[dict[str, str]]:
    rng = random.Random(seed)
    templates = (
        lambda: f"{rng.choice(UNITS)}牵头负责哪些任务？",
        lambda: f"{rng.choice(INDUSTRIES)}项目有什么奖励政策？",
        lambda: f"{rng.choice(PLACES)}有哪些{rng.choice(STAGES)}阶段的外资项目？",
        lambda: "总投资1亿美元以上的项目有哪些？",
        lambda: f"{rng.choice(TOPICS)}的责任单位是哪些？",
        lambda: "世界500强企业设立区域总部有什么奖励？",
        lambda: f"到2025年实际利用外资的目标是多少？{rng.choice(PLACES)}",
        lambda: f"对{rng.choice(INDUSTRIES)}外资企业利润再投资怎么补助？",
    )
    zh = [templates[i % len(templates)]() for i in range(n_zh)]
    out = [{"question": q, "audience": "investor" if i % 2 else "staff"} for i, q in enumerate(zh + list(EN))]
    rng.shuffle(out)
    return out
