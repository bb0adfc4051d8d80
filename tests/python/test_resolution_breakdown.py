"""Where identity resolution misses and merges wrongly: the breakdown and the ceiling."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from countylines.evaluate import read_truth
from countylines.evaluate.identity import (
    evidence_precision,
    identity_breakdown,
    identity_ceiling,
    identity_measures,
    identity_pairs,
    is_identifying,
)

MISSING = {
    "pnc": "missing",
    "surname": "missing",
    "forename": "missing",
    "dob": "missing",
    "phone": "missing",
    "postcode": "missing",
    "context": "missing",
    "associate": "missing",
    "is_unnamed_side": False,
}


def _pair(left: str, right: str, truth: bool, predicted: bool, **fields: object) -> dict:
    return {
        "record_id_l": left,
        "record_id_r": right,
        "system_pair": "NOMINAL-PINS_CONTACT",
        "is_truth_pair": truth,
        "is_predicted_pair": predicted,
        **MISSING,
        **fields,
    }


def _frame(*pairs: dict) -> pd.DataFrame:
    frame = pd.DataFrame(pairs)
    frame["is_identifying"] = frame.apply(is_identifying, axis=1)
    return frame


def test_a_name_alone_does_not_identify_but_a_name_with_a_date_of_birth_does() -> None:
    name_only = pd.Series({**MISSING, "surname": "same", "forename": "same"})
    assert not is_identifying(name_only)
    assert is_identifying(pd.Series({**name_only, "dob": "same"}))
    assert is_identifying(pd.Series({**name_only, "dob": "near"}))  # transposed, a typo
    assert not is_identifying(pd.Series({**name_only, "dob": "differ"}))  # father and son
    assert is_identifying(pd.Series({**name_only, "context": "same"}))  # one prisoner's
    assert not is_identifying(pd.Series({**MISSING, "forename": "same", "context": "same"}))
    assert is_identifying(pd.Series({**name_only, "associate": "same"}))  # a known associate
    assert is_identifying(pd.Series({**MISSING, "phone": "same", "is_unnamed_side": True}))
    assert not is_identifying(pd.Series({**MISSING, "phone": "same"}))


def test_ceiling_joins_identifying_pairs_through_a_person_and_leaves_names_alone() -> None:
    """A-B and B-C identify (so A-C is reachable through B); D is a contact known by name
    only: its three pairs are out of reach without guessing."""
    named = {"surname": "same", "forename": "same"}
    pairs = _frame(
        _pair("A", "B", True, True, **named, dob="same"),
        _pair("B", "C", True, False, pnc="same"),
        _pair("A", "C", True, False, **named),
        _pair("A", "D", True, False, **named),
        _pair("B", "D", True, False, **named),
        _pair("C", "D", True, False, **named),
        _pair("A", "E", False, True, **named, dob="same"),  # a false merge
    )
    ceiling = identity_ceiling(pairs)
    assert ceiling["truth_pairs"] == 6
    assert ceiling["ceiling_pairs"] == 3
    assert ceiling["ceiling_recall"] == pytest.approx(0.5)
    assert ceiling["ceiling_f1"] == pytest.approx(2 / 3)


def test_breakdown_counts_found_missed_and_false_merges_by_evidence() -> None:
    pairs = _frame(
        _pair("A", "B", True, True, surname="same", forename="same", dob="same"),
        _pair("A", "C", True, False, surname="same", forename="same"),
        _pair("B", "C", True, False, surname="same", forename="same"),
        _pair("A", "E", False, True, surname="same", forename="same", dob="same"),
    )
    pairs["shared"] = ["surname+forename+dob", "surname+forename", "surname+forename", "x"]
    table = identity_breakdown(pairs, ["shared"]).set_index("shared")
    assert table.loc["surname+forename", "missed"] == 2
    assert table.loc["surname+forename", "missed_identifying"] == 0
    assert table.loc["surname+forename+dob", "found"] == 1
    assert table.loc["x", "false_merges"] == 1
    assert table.index[0] == "surname+forename"  # largest misses first


def test_breakdown_on_small_adds_up_to_the_measures(
    small_warehouse: Path, small_extract: Path
) -> None:
    truth = read_truth(small_extract / "truth", "identity")
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    try:
        measures = identity_measures(connection, truth)
        pairs = identity_pairs(connection, truth)
        evidence = evidence_precision(connection, truth).set_index("evidence")
    finally:
        connection.close()
    by_system = identity_breakdown(pairs, ["system_pair"])
    assert by_system["truth_pairs"].sum() == measures["truth_pairs"]
    assert by_system["found"].sum() == measures["true_positive_pairs"]
    assert by_system["found"].sum() + by_system["false_merges"].sum() == measures["predicted_pairs"]
    ceiling = identity_ceiling(pairs)
    assert measures["pairwise_recall"] <= ceiling["ceiling_recall"] + 0.05
    # a PNC id identifies; a name alone does not (thousands share one)
    assert (evidence["same_person_pairs"] <= evidence["pairs"]).all()
    assert evidence.loc["pnc", "precision"] > 0.99
    assert evidence.loc["surname+forename", "precision"] < 0.5
