"""Cue words are features of the intent classifier: a question asking for a 文号 asks a document fact."""

from __future__ import annotations

from bot.intents import INTENTS, cue_vector
from bot.understand import Understanding


def test_asking_for_a_document_number_is_a_document_question():
    cues = dict(zip(INTENTS, cue_vector("金华那份QFLP试点暂行办法的文号是什么？"), strict=True))
    assert cues["doc"] == 1.0


def test_the_topic_leaves_out_the_words_naming_the_referred_document():
    base = dict(question="q", original="q", lang="zh", audience="staff", intent=None, places=[], years=[],
                amounts=[], amount_words=[], case=[], docs=None, vector=None)  # fmt: skip
    named = frozenset({"动能", "转换", "方案"})
    u = Understanding(grams=named | {"督导", "调度"}, named_grams=named, terms=[("动能", 2.0), ("督导", 3.0)], **base)
    assert u.topic == {"督导", "调度"} and u.topic_terms == [("督导", 3.0)]
    short = Understanding(grams=named | {"督导"}, named_grams=named, **base)  # too little left: the whole question
    assert short.topic == short.grams
