"""Clustering of person records: hand-made hard cases."""

from __future__ import annotations

from datetime import date

import pandas as pd

from countylines.resolution.clustering import (
    ClusteringConfig,
    cluster_records,
    dobs_compatible,
    within_one_edit,
)


def _records(*rows: tuple[str, str | None, date | None, str | None]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["record_id", "sex", "date_of_birth", "pnc_id"])


def _named(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(
        rows,
        columns=["record_id", "sex", "date_of_birth", "pnc_id", "surname_std", "forename1"],
    )


def _links(*rows: tuple[str, str, str, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["record_id_l", "record_id_r", "method", "probability"])


def _clusters(assignments: pd.DataFrame) -> dict[str, str]:
    return dict(zip(assignments["record_id"], assignments["cluster_id"], strict=True))


def test_dob_compatibility() -> None:
    assert dobs_compatible(date(2008, 3, 5), date(2008, 5, 3))  # transposed
    assert dobs_compatible(date(2008, 3, 5), date(2009, 3, 5))  # one-part typo
    assert not dobs_compatible(date(1975, 3, 5), date(2001, 3, 6))  # father and son


def test_pnc_typo_with_swapped_digits_is_not_a_conflict() -> None:
    records = _records(
        ("R:A", "M", date(1988, 1, 30), "2011/0456789B"),
        ("R:B", "M", date(1988, 1, 30), "2011/0456798B"),
        ("R:C", "M", date(1988, 1, 30), "2019/1111111C"),
    )
    links = _links(("R:A", "R:B", "probabilistic", 0.999), ("R:A", "R:C", "probabilistic", 0.999))
    _, decisions = cluster_records(records, links)
    assert decisions["decision"].tolist() == ["accepted", "rejected_pnc_id"]


def test_pnc_typo_distance() -> None:
    assert within_one_edit("2012/0345678K", "2012/0345679K")
    assert not within_one_edit("2012/0345678K", "2013/0345679K")


def test_strong_links_merge_and_ids_are_the_smallest_record() -> None:
    records = _records(
        ("NOMINAL:N2", "M", date(2007, 1, 2), None),
        ("NOMINAL:N1", "M", date(2007, 1, 2), "2020/0000001A"),
        ("PINS:A1234BC", "M", date(2007, 2, 1), "2020/0000001A"),
    )
    links = _links(
        ("NOMINAL:N1", "PINS:A1234BC", "exact_key", 1.0),
        ("NOMINAL:N2", "NOMINAL:N1", "probabilistic", 0.999),
    )
    assignments, decisions = cluster_records(records, links)
    assert set(_clusters(assignments).values()) == {"NOMINAL:N1"}
    methods = dict(zip(assignments["record_id"], assignments["match_method"], strict=True))
    assert methods == {
        "NOMINAL:N1": "exact_key",
        "NOMINAL:N2": "probabilistic",
        "PINS:A1234BC": "exact_key",
    }
    assert list(decisions["decision"]) == ["accepted", "accepted"]


def test_father_and_son_of_the_same_name_stay_apart() -> None:
    records = _named(
        ("NOMINAL:N1", "M", date(1975, 3, 5), None, "GOLDYARD", "GARY"),
        ("NOMINAL:N2", "M", date(2001, 6, 9), None, "GOLDYARD", "GARY"),
    )
    assignments, decisions = cluster_records(
        records, _links(("NOMINAL:N1", "NOMINAL:N2", "probabilistic", 0.99))
    )
    assert assignments["cluster_size"].tolist() == [1, 1]
    assert decisions["decision"].tolist() == ["rejected_generation"]


def test_a_junior_whose_record_lacks_a_sex_is_still_a_generation() -> None:
    """The father's index record carries no sex: nothing contradicts the son's, and a
    name shared across 23 years at one address is two people."""
    records = _named(
        ("NOMINAL:N1", None, date(1971, 5, 13), None, "KHAN", "JASPAL"),
        ("NOMINAL:N2", "M", date(1994, 10, 23), None, "KHAN", "JASPAL"),
    )
    _, decisions = cluster_records(
        records, _links(("NOMINAL:N1", "NOMINAL:N2", "probabilistic", 0.998))
    )
    assert decisions["decision"].tolist() == ["rejected_generation"]


def test_without_any_sex_the_dates_are_left_to_the_model() -> None:
    records = _named(
        ("R:A", None, date(1907, 1, 6), None, "BEVIS", "BAILEE"),
        ("R:B", None, date(1965, 5, 7), None, "BEVIS", "BAILEE"),
    )
    _, decisions = cluster_records(records, _links(("R:A", "R:B", "probabilistic", 0.99)))
    assert decisions["decision"].tolist() == ["accepted"]


def test_a_year_typed_wrong_is_not_a_generation() -> None:
    records = _named(
        ("NOMINAL:N1", "M", date(1956, 3, 5), None, "GOLDYARD", "GARY"),
        ("NOMINAL:N2", "M", date(1976, 3, 5), None, "GOLDYARD", "GARY"),
    )
    _, decisions = cluster_records(
        records, _links(("NOMINAL:N1", "NOMINAL:N2", "probabilistic", 0.99))
    )
    assert decisions["decision"].tolist() == ["accepted"]


def test_a_disagreeing_date_of_birth_or_sex_is_evidence_not_a_veto() -> None:
    """Real duplicates carry several corruptions at once: the model's probability has
    weighed them, and clustering does not refuse the link again."""
    records = _named(
        ("NOMINAL:N1", "M", date(1975, 3, 5), None, "HALBY", "RYAN"),
        ("NOMINAL:N2", "F", date(1976, 4, 5), None, "HALBY", "RYAN"),
    )
    _, decisions = cluster_records(
        records, _links(("NOMINAL:N1", "NOMINAL:N2", "probabilistic", 0.99))
    )
    assert decisions["decision"].tolist() == ["accepted"]


def test_an_id_that_is_not_pnc_shaped_is_not_a_veto() -> None:
    records = _records(
        ("R:A", None, date(1988, 1, 30), "1804974"),
        ("R:B", None, date(1988, 1, 30), "1809474"),
    )
    _, decisions = cluster_records(records, _links(("R:A", "R:B", "probabilistic", 0.999)))
    assert decisions["decision"].tolist() == ["accepted"]


def test_one_weak_link_does_not_chain_two_families() -> None:
    records = _records(
        *[(f"R:{name}", "M", None, None) for name in ["A1", "A2", "B1", "B2"]],
    )
    links = _links(
        ("R:A1", "R:A2", "probabilistic", 0.999),
        ("R:B1", "R:B2", "probabilistic", 0.999),
        ("R:A2", "R:B1", "probabilistic", 0.96),
    )
    assignments, decisions = cluster_records(records, links)
    clusters = _clusters(assignments)
    assert clusters["R:A1"] == clusters["R:A2"] != clusters["R:B1"] == clusters["R:B2"]
    assert "rejected_weak_bridge" in decisions["decision"].tolist()


def test_weak_link_attaches_a_single_record() -> None:
    records = _records(*[(f"R:{name}", "F", None, None) for name in ["A1", "A2", "C"]])
    links = _links(
        ("R:A1", "R:A2", "probabilistic", 0.999),
        ("R:A2", "R:C", "probabilistic", 0.96),
    )
    assignments, _ = cluster_records(records, links)
    assert assignments["cluster_id"].nunique() == 1


def test_below_threshold_is_not_linked() -> None:
    records = _records(("R:A", "F", None, None), ("R:B", "F", None, None))
    assignments, decisions = cluster_records(
        records,
        _links(("R:A", "R:B", "probabilistic", 0.9)),
        config=ClusteringConfig(link_probability=0.95),
    )
    assert assignments["cluster_size"].tolist() == [1, 1]
    assert decisions["decision"].tolist() == ["below_threshold"]


def test_analyst_overrides_take_precedence() -> None:
    records = _records(
        ("R:A", "M", date(1990, 1, 1), None),
        ("R:B", "F", date(1990, 1, 1), None),
        ("R:C", "M", date(1990, 1, 1), None),
    )
    links = _links(
        ("R:A", "R:B", "analyst_override", 1.0),  # sexes differ, analyst says same
        ("R:A", "R:C", "probabilistic", 0.999),  # analyst says different
    )
    assignments, decisions = cluster_records(records, links, cannot_link=[("R:C", "R:A")])
    clusters = _clusters(assignments)
    assert clusters["R:A"] == clusters["R:B"] != clusters["R:C"]
    assert decisions["decision"].tolist() == ["accepted", "rejected_analyst"]
    methods = dict(zip(assignments["record_id"], assignments["match_method"], strict=True))
    assert methods["R:B"] == "analyst_override"


def test_deterministic_whatever_the_input_order() -> None:
    records = _records(*[(f"R:{i}", None, None, None) for i in range(6)])
    links = _links(
        ("R:0", "R:1", "probabilistic", 0.99),
        ("R:2", "R:3", "probabilistic", 0.99),
        ("R:1", "R:2", "probabilistic", 0.99),
        ("R:4", "R:5", "exact_key", 1.0),
    )
    first, _ = cluster_records(records, links)
    second, _ = cluster_records(records.iloc[::-1], links.iloc[::-1])
    pd.testing.assert_frame_equal(first, second)


def test_twins_stay_apart() -> None:
    records = _named(
        ("R:A", "M", date(2004, 7, 4), None, "SMITH", "JACK"),
        ("R:B", "M", date(2004, 7, 4), None, "SMITH", "JAMES"),
    )
    assignments, decisions = cluster_records(
        records, _links(("R:A", "R:B", "probabilistic", 0.999))
    )
    assert assignments["cluster_size"].tolist() == [1, 1]
    assert decisions["decision"].tolist() == ["rejected_twin"]


def test_twins_of_opposite_sex_stay_apart() -> None:
    """A brother and sister born the same day at one address: the model may score them
    near-certain (surname, date of birth and postcode agree), but both records say who
    they are, and they differ in forename and in sex."""
    records = _named(
        ("R:A", "M", date(2013, 4, 4), None, "GLADWELL", "EOIN"),
        ("R:B", "F", date(2013, 4, 4), None, "GLADWELL", "SINEAD"),
    )
    _, decisions = cluster_records(records, _links(("R:A", "R:B", "probabilistic", 0.9999)))
    assert decisions["decision"].tolist() == ["rejected_twin"]


def test_same_surname_and_birthday_without_a_sex_is_left_to_the_model() -> None:
    records = _named(
        ("R:A", None, date(1981, 10, 17), None, "CURETON", "OLIVER"),
        ("R:B", None, date(1981, 10, 17), None, "CURETON", "SOPHIE"),
    )
    _, decisions = cluster_records(records, _links(("R:A", "R:B", "probabilistic", 0.999)))
    assert decisions["decision"].tolist() == ["accepted"]


def test_forename_variants_and_swapped_names_still_merge() -> None:
    records = _named(
        ("R:A", "M", date(1954, 5, 29), None, "RASHID", "MOHAMMED"),
        ("R:B", "M", date(1954, 5, 29), None, "RASHID", "MUHAMMAD"),
        ("R:E", "F", date(1938, 9, 22), None, "PARKER", "MIA"),
        ("R:F", "F", date(1938, 9, 22), None, "PARKER", "MAI"),
        ("R:C", "M", date(1939, 7, 26), None, "MAGUIRE", "DECLAN"),
        ("R:D", "M", date(1939, 7, 26), None, "DECLAN", "MAGUUIRE"),
    )
    links = _links(
        ("R:A", "R:B", "probabilistic", 0.99),
        ("R:C", "R:D", "probabilistic", 0.99),
        ("R:E", "R:F", "probabilistic", 0.99),
    )
    assignments, _ = cluster_records(records, links)
    assert assignments["cluster_id"].tolist() == ["R:A", "R:A", "R:C", "R:C", "R:E", "R:E"]


def test_equal_links_of_one_pair_are_decided_the_same_in_any_row_order() -> None:
    records = _records(
        ("PINS_CONTACT:PC1", None, None, None),
        ("PINS_CONTACT:PC2", None, None, None),
    )
    links = pd.DataFrame(
        [
            ("PINS_CONTACT:PC1", "PINS_CONTACT:PC2", "exact_key", 1.0, "shared_phone_name"),
            ("PINS_CONTACT:PC1", "PINS_CONTACT:PC2", "exact_key", 1.0, "same_context_name"),
        ],
        columns=["record_id_l", "record_id_r", "method", "probability", "link_rule"],
    )
    outcomes = set()
    for order in ([0, 1], [1, 0]):
        _, decisions = cluster_records(records, links.iloc[order].reset_index(drop=True))
        outcomes.add(tuple(zip(decisions["link_rule"], decisions["decision"], strict=True)))
    assert outcomes == {(("same_context_name", "accepted"), ("shared_phone_name", "same_cluster"))}


def test_records_no_link_touches_are_singletons_listed_once_in_order() -> None:
    records = _records(
        ("R:D", "M", None, None),
        ("R:B", "M", date(1990, 1, 1), None),
        ("R:C", "F", None, None),
        ("R:A", "M", date(1990, 1, 1), None),
        ("R:B", "M", date(1990, 1, 1), None),  # the same record twice: listed once
    )
    links = _links(
        ("R:A", "R:B", "probabilistic", 0.999),
        ("R:A", "R:C", "probabilistic", 0.9),  # below the threshold
        ("R:A", "R:Z", "exact_key", 1.0),  # R:Z is no record of the extract
    )
    assignments, decisions = cluster_records(records, links)
    assert assignments.drop(columns="match_probability").to_dict("list") == {
        "record_id": ["R:A", "R:B", "R:C", "R:D"],
        "cluster_id": ["R:A", "R:A", "R:C", "R:D"],
        "cluster_size": [2, 2, 1, 1],
        "match_method": ["probabilistic", "probabilistic", "singleton", "singleton"],
    }
    assert assignments["match_probability"].fillna(0.0).tolist() == [0.999, 0.999, 0.0, 0.0]
    assert decisions["decision"].tolist() == ["unknown_record", "accepted", "below_threshold"]
