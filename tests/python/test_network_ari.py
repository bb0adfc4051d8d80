"""The network ARI (python/countylines/evaluate/network.py) on hand-checked cases."""

from __future__ import annotations

import pytest

from countylines.evaluate.network import adjusted_rand_index


def test_identical_partitions_score_one() -> None:
    assert adjusted_rand_index(["a", "a", "b", "b"], [1, 1, 2, 2]) == pytest.approx(1.0)


def test_hand_computed_table() -> None:
    # truth: a a a b b b; predicted: 1 1 2 2 3 3.
    # Contingency: a->{1:2, 2:1}, b->{2:1, 3:2}. index = C(2,2)+C(2,2) = 2.
    # rows: C(3,2)*2 = 6; columns: C(2,2)*3 = 3; C(6,2) = 15.
    # expected = 6*3/15 = 1.2; maximum = (6+3)/2 = 4.5; ARI = 0.8/3.3 = 0.242424...
    truth = ["a", "a", "a", "b", "b", "b"]
    predicted = [1, 1, 2, 2, 3, 3]
    assert adjusted_rand_index(truth, predicted) == pytest.approx(0.8 / 3.3)


def test_everything_apart_against_groups_scores_zero() -> None:
    # Predicted all singletons: index 0, columns 0, expected 0, maximum rows/2 > 0: ARI 0.
    assert adjusted_rand_index(["a", "a", "b", "b"], [1, 2, 3, 4]) == pytest.approx(0.0)


def test_worse_than_chance_is_negative() -> None:
    # truth a a b b, predicted 1 2 1 2: index 0, rows 2, columns 2, C(4,2) = 6,
    # expected 4/6, maximum 2: ARI = -(2/3) / (4/3) = -0.5.
    assert adjusted_rand_index(["a", "a", "b", "b"], [1, 2, 1, 2]) == pytest.approx(-0.5)


def test_label_names_do_not_matter() -> None:
    first = adjusted_rand_index(["x", "x", "y", "z"], ["p", "p", "p", "q"])
    second = adjusted_rand_index(["z", "z", "w", "v"], [9, 9, 9, 1])
    assert first == pytest.approx(second)


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        adjusted_rand_index(["a"], [1, 2])
