"""The accuracy benchmark's summary reports each world's worst case, and the worst over all."""

from __future__ import annotations

import pytest

from countylines.evaluate.accuracy import figures, misses, summarise


def _evaluation(f1: float, victims: int) -> dict:
    return {
        "identification": {"county_lines_f1": f1},
        "prioritisation": {"victims_routed_to_enforcement": victims},
    }


def test_worst_is_the_lowest_score_and_the_most_victims_routed_to_enforcement() -> None:
    rows = [
        figures("standard", 7, _evaluation(0.95, 0)),
        figures("standard", 42, _evaluation(0.91, 2)),
        figures("plain_speech", 7, _evaluation(0.80, 1)),
    ]
    summary = summarise(rows).set_index(["world", "statistic"])
    assert summary.loc[("standard", "mean"), "county-lines F1"] == pytest.approx(0.93)
    assert summary.loc[("standard", "worst"), "county-lines F1"] == pytest.approx(0.91)
    assert summary.loc[("standard", "worst"), "victims to enforcement"] == 2
    assert summary.loc[("every world", "worst"), "county-lines F1"] == pytest.approx(0.80)
    assert summary.loc[("every world", "worst"), "victims to enforcement"] == 2
    # a measure the evaluation did not give is absent, not zero
    assert summary.loc[("standard", "worst"), "network ARI"] is None
    assert misses(summarise(rows)) == [
        "county-lines F1 0.8 (target 0.9)",
        "victims to enforcement 2 (target 0)",
    ]
