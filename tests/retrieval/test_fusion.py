"""Reciprocal rank fusion: pure, no model."""

import pytest

from retrieval.fusion import reciprocal_rank_fusion


def test_item_in_both_lists_wins():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "d"]])
    assert fused[0][0] == "c"
    assert {i for i, _ in fused} == {"a", "b", "c", "d"}


def test_weights_shift_the_order():
    dense, lexical = ["a", "b"], ["b", "a"]
    assert reciprocal_rank_fusion([dense, lexical], weights=[3, 1])[0][0] == "a"
    assert reciprocal_rank_fusion([dense, lexical], weights=[1, 3])[0][0] == "b"


def test_scores_follow_the_formula_and_duplicates_count_once():
    fused = dict(reciprocal_rank_fusion([["x", "x", "y"]], k=10))
    assert fused["x"] == pytest.approx(1 / 11)
    assert fused["y"] == pytest.approx(1 / 13)


def test_ties_keep_first_seen_order():
    assert [i for i, _ in reciprocal_rank_fusion([["a"], ["b"]])] == ["a", "b"]


@pytest.mark.parametrize(
    "weights, k",
    [([1.0], 60), ([-1.0, 1.0], 60), ([0.0, 0.0], 60), ([1.0, 1.0], -1)],
)
def test_invalid_arguments_are_rejected(weights, k):
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["a"], ["b"]], weights=weights, k=k)


def test_empty_input():
    assert reciprocal_rank_fusion([[], []]) == []
