"""Spearman's rank correlation (python/countylines/evaluate/prioritisation.py), hand-checked."""

from __future__ import annotations

import pandas as pd
import pytest

from countylines.evaluate.prioritisation import (
    average_ranks,
    factor_spearmans,
    spearman,
    spearman_on_a_line,
)


def test_average_ranks_share_ties() -> None:
    # 10 is smallest (rank 1); the two 20s span ranks 2 and 3 (2.5 each); 30 is rank 4.
    assert average_ranks([20, 10, 30, 20]) == [2.5, 1.0, 4.0, 2.5]


def test_same_order_scores_one() -> None:
    assert spearman([1, 2, 3, 4], [10, 20, 35, 100]) == pytest.approx(1.0)


def test_reversed_order_scores_minus_one() -> None:
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)


def test_hand_computed_without_ties() -> None:
    # Ranks x: 1 2 3 4 5; y: 2 1 4 3 5. d = -1 1 -1 1 0, sum d^2 = 4.
    # rho = 1 - 6 * 4 / (5 * 24) = 0.8.
    assert spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]) == pytest.approx(0.8)


def test_hand_computed_with_ties() -> None:
    # x ranks 1 2.5 2.5 4; y ranks 1 2 3 4 (mean 2.5 each).
    # deviations x: -1.5 0 0 1.5; y: -1.5 -0.5 0.5 1.5.
    # cov = 2.25 + 0 + 0 + 2.25 = 4.5; var x = 4.5; var y = 5.
    # rho = 4.5 / sqrt(4.5 * 5) = 0.948683...
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(4.5 / (4.5 * 5) ** 0.5)


def test_undefined_cases_return_none() -> None:
    assert spearman([1], [2]) is None
    assert spearman([1, 1, 1], [1, 2, 3]) is None


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        spearman([1, 2], [1, 2, 3])


def test_spearman_on_a_line_leaves_out_networks_on_no_line() -> None:
    # Over the four assessed as a line (any evidence): score ranks 4 3 2 1, threat ranks
    # 3 4 2 1, sum d^2 = 2, rho = 1 - 6 * 2 / (4 * 15) = 0.8 (the two LINE rows alone: -1).
    mapped = pd.DataFrame(
        {
            "priority_score": [90.0, 80.0, 70.0, 60.0, 10.0, 5.0],
            "threat": [8.0, 9.0, 7.0, 6.0, 100.0, 1.0],
            "assessed_population": [
                "LINE",
                "LINE",
                "LINE_VIA_REFERRAL",
                "LINE_VIA_CUSTOMERS",
                "NETWORK",
                None,
            ],
        }
    )
    assert spearman_on_a_line(mapped) == pytest.approx(0.8)
    assert spearman(mapped["priority_score"].tolist(), mapped["threat"].tolist()) < 0.5


def test_factor_spearmans_rank_each_factor_against_the_mapped_threat() -> None:
    mapped = pd.DataFrame({"network_id": ["N1", "N2", "N3", "N4"], "threat": [4.0, 3.0, 2.0, 1.0]})
    factors = pd.DataFrame(
        {
            "network_id": ["N1", "N2", "N3", "N4", "N5"],  # N5 is mapped to no line: left out
            "violence_points": [10.0, 8.0, 6.0, 4.0, 100.0],
            "reach_points": [1.0, 2.0, 3.0, 4.0, -5.0],
            "firearms_points": [0.0, 0.0, 0.0, 0.0, 15.0],
            "violence_value": [1.0, 2.0, 3.0, 4.0, 5.0],  # not a points column
        }
    )
    assert factor_spearmans(mapped, factors) == {
        "violence": pytest.approx(1.0),
        "reach": pytest.approx(-1.0),
        "firearms": None,
    }
