"""Cue words are features of the intent classifier: a question asking for a 文号 asks a document fact."""

from __future__ import annotations

from bot.intents import INTENTS, cue_vector


def test_asking_for_a_document_number_is_a_document_question():
    cues = dict(zip(INTENTS, cue_vector("金华那份QFLP试点暂行办法的文号是什么？"), strict=True))
    assert cues["doc"] == 1.0

