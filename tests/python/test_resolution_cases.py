"""Identity resolution on hand-made hard cases, built inside a generated `small` extract
(so the model trains on realistic background), and its accuracy against the truth."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from countylines.evaluate import evaluate


@pytest.fixture(scope="module")
def xref(small_warehouse: Path) -> dict[str, str | None]:
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    rows = connection.execute(
        "select record_id, nominal_id from marts.nominal_source_xref"
    ).fetchall()
    connection.close()
    return dict(rows)


def test_twins_are_two_people(xref) -> None:
    assert xref["NOMINAL:N9900001"] != xref["NOMINAL:N9900002"]


def test_father_and_son_of_the_same_name_are_two_people(xref) -> None:
    assert xref["NOMINAL:N9900003"] != xref["NOMINAL:N9900004"]


def test_transposed_day_and_month_is_one_person(xref) -> None:
    assert xref["NOMINAL:N9900005"] == xref["NOMINAL:N9900006"]


def test_swapped_forenames_and_surname_is_one_person(xref) -> None:
    assert xref["NOMINAL:N9900007"] == xref["NOMINAL:N9900008"]


def test_mistyped_pnc_id_still_links_the_prisoner(xref) -> None:
    assert xref["NOMINAL:N9900009"] == xref["PINS:A9900ZZ"]


def test_contact_known_only_by_a_name_follows_the_rule_learnt_from_this_extract(
    xref, small_warehouse: Path
) -> None:
    """A name alone merges only where this extract shows the rule right often enough: its
    precision learnt for prison contacts reaches attach_min_precision (0.9); otherwise the
    one person of that name is put to an analyst. Either way the link says how often the
    rule was right here, on how many records."""
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    links = connection.execute(
        "select decision, rule_labelled_records, rule_estimated_precision "
        "from marts.nominal_match_links "
        "where record_id_r = 'PINS_CONTACT:PC9900001' and record_id_l like 'NOMINAL:N9900010%' "
        "and link_rule = 'unique_full_name'"
    ).fetchall()
    suggestions = connection.execute(
        "select link_rule from marts.nominal_clerical_review "
        "where record_id_r = 'PINS_CONTACT:PC9900001' and record_id_l like 'NOMINAL:N9900010%'"
    ).fetchall()
    connection.close()
    assert len(links) == 1
    decision, labelled, precision = links[0]
    assert labelled > 20  # the extract's contacts with a surname and date of birth
    merged = xref["PINS_CONTACT:PC9900001"] == xref["NOMINAL:N9900010"]
    assert merged == (precision >= 0.9)
    if merged:
        assert decision in ("accepted", "same_cluster")
        assert suggestions == []
    else:
        assert decision == "suggested"
        assert suggestions == [("unique_full_name",)]


def test_contact_named_like_a_known_associate_is_that_associate(
    xref, small_warehouse: Path
) -> None:
    """Two people of the index share the contact's name; the prisoner offended with one of
    them: the contact is that one, and the link says why."""
    assert xref["PINS_CONTACT:PC9900002"] == xref["NOMINAL:N9900012"]
    assert xref["PINS_CONTACT:PC9900002"] != xref["NOMINAL:N9900011"]
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    rules = connection.execute(
        "select link_rule, match_probability from marts.nominal_match_links "
        "where record_id_r = 'PINS_CONTACT:PC9900002' and is_linked"
    ).fetchall()
    connection.close()
    assert rules == [("known_associate_name", 1.0)]


def test_visitor_named_twice_by_one_prisoner_is_one_person(xref) -> None:
    """Unknown to police, recorded on two visits with the name spelt two ways."""
    assert xref["PINS_CONTACT:PC9900003"] is not None
    assert xref["PINS_CONTACT:PC9900003"] == xref["PINS_CONTACT:PC9900004"]
    assert xref["PINS_CONTACT:PC9900003"] != xref["NOMINAL:N9900009"]


def test_identity_accuracy_on_small(small_warehouse: Path, small_extract: Path) -> None:
    """A regression guard: a false merge is worse than a miss, so precision is held high;
    recall has a floor well under today's figure (see the README for measured values)."""
    identity = evaluate(small_extract / "truth", small_warehouse)["identity"]
    assert identity["pairwise_precision"] >= 0.99
    assert identity["pairwise_recall"] >= 0.75


def test_scores_are_repeatable(small_warehouse: Path) -> None:
    """Same records, same scores: nominal_id must not change between two builds."""
    from countylines.resolution.scoring import score_pairs

    connection = duckdb.connect(str(small_warehouse), read_only=True)
    records = connection.execute("select * from intermediate.int_person_records").df()
    connection.close()
    first, second = score_pairs(records), score_pairs(records.sample(frac=1, random_state=3))
    assert len(first) > 0
    assert first.equals(second)
