"""Bigram postings give exactly the shared-bigram counts a record-by-record comparison would."""

from __future__ import annotations

import random

from bot.record_index import GramIndex
from bot.text_match import bigrams

ALPHABET = "外资项目招商引资牵头单位市商务局投资促进中心绍兴2025年目标亿美元，。"


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 2, 5, 12, 30])))


def test_overlap_counts_shared_bigrams_of_every_text():
    rng = random.Random(3)
    texts = [_text(rng) for _ in range(300)] + ["绍兴", "绍兴"]  # duplicates are indexed once
    idx = GramIndex(texts)
    for _ in range(50):
        q = _text(rng)
        expected = [len(bigrams(q) & bigrams(t)) for t in texts]
        assert idx.overlap(bigrams(q)).tolist() == expected
    assert idx.sizes.tolist() == [len(bigrams(t)) for t in texts]
    assert GramIndex([]).overlap(bigrams("外资")).tolist() == []


def test_a_contact_is_embedded_with_its_documents_title():
    """"Who can I call about the task-division plan?" names the document, not the person."""
    from bot.knowledge_view import record_texts
    from knowledge.models import Contact

    c = Contact("高政字〔2024〕5号", "三、", "张超", "联系人", "0635-7219958", False, None, "具体联系人:张 超\n咨询电话:0635-7219958")
    key, full = record_texts("contacts", c, "2024年政府工作报告目标任务分工方案")
    assert key == "联系人 张超" and full.startswith("2024年政府工作报告目标任务分工方案 联系人 张超")
