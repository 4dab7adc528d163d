"""Precision and recall of the incentive extractor against hand labels written before it ran
(tests/data/incentives/expected.json): a regression guard, scored by tests/knowledge/incentive_scoring."""

from __future__ import annotations

from tests.knowledge.incentive_scoring import score_all


def test_development_labels_precision_and_recall():
    total, _, _ = score_all(heldout=False)
    assert total.expected >= 190
    assert total.precision >= 0.97, total.false_positives
    assert total.recall >= 0.97, total.missed
    assert len(total.field_errors) <= 0.05 * total.field_checks, total.field_errors


def test_held_out_labels_precision_and_recall():
    total, _, _ = score_all(heldout=True)
    assert total.expected >= 35
    assert total.precision >= 0.9, total.false_positives
    assert total.recall >= 0.9, total.missed
