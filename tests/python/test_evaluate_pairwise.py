"""Pairwise clustering measures on small hand-checked clusterings."""

from __future__ import annotations

import pandas as pd
import pytest

from countylines.evaluate.pairwise import pairwise_scores


def _frame(predicted: list[object], truth: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"predicted": predicted, "truth": truth})


def test_perfect_clustering() -> None:
    scores = pairwise_scores(_frame(["a", "a", "b"], ["x", "x", "y"]), "predicted", "truth")
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_false_merge_costs_precision() -> None:
    # truth: {1,2} {3}; predicted all together: 3 predicted pairs, 1 correct.
    scores = pairwise_scores(_frame(["a", "a", "a"], ["x", "x", "y"]), "predicted", "truth")
    assert scores.true_positive_pairs == 1
    assert scores.predicted_pairs == 3
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.recall == 1.0


def test_split_costs_recall_and_null_stands_alone() -> None:
    # truth: {1,2,3}; predicted {1,2} and 3 unresolved (null).
    scores = pairwise_scores(_frame(["a", "a", None], ["x", "x", "x"]), "predicted", "truth")
    assert scores.truth_pairs == 3
    assert scores.true_positive_pairs == 1
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.precision == 1.0
    assert scores.f1 == pytest.approx(0.5)


def test_two_nulls_are_not_a_pair() -> None:
    scores = pairwise_scores(_frame([None, None], ["x", "y"]), "predicted", "truth")
    assert scores.predicted_pairs == 0
