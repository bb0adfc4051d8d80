"""Harm and prioritisation marts on the small warehouse: keys, visible sums, dense ranks, and
no child or victim routed to enforcement (in the marts and against the truth)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from countylines.evaluate.prioritisation import prioritisation_measures

MARTS = {
    "nominal_harm": ["nominal_id"],
    "nominal_priority": ["nominal_id"],
    "network_priority_factors": ["network_id"],
    "networks": ["network_id"],
    "priority_fairness_audit": ["age_band", "sex"],
}


@pytest.fixture(scope="module")
def db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(("mart", "key"), list(MARTS.items()))
def test_mart_exists_with_unique_key(db, mart: str, key: list[str]) -> None:
    columns = ", ".join(key)
    total, distinct = db.execute(
        f"select count(*), count(distinct ({columns})) from marts.{mart}"
    ).fetchone()
    assert total > 0
    assert total == distinct


def test_no_child_or_flagged_victim_routed_to_enforcement(db) -> None:
    violations = db.execute(
        """
        select count(*)
        from marts.nominal_priority as priority
        left join marts.nominals as nominals using (nominal_id)
        left join marts.nominal_county_lines as county_lines using (nominal_id)
        left join marts.safeguarding_referrals as referrals using (nominal_id)
        where priority.route = 'ENFORCEMENT'
            and (coalesce(nominals.is_child, false)
                or coalesce(county_lines.is_potential_victim, false)
                or referrals.nominal_id is not null)
        """
    ).fetchone()[0]
    assert violations == 0


def test_no_truth_victim_routed_to_enforcement(db, small_extract: Path) -> None:
    truth = small_extract / "truth"
    read = {"dtype": str, "keep_default_na": False}
    measures = prioritisation_measures(
        db,
        pd.read_csv(truth / "persons.csv", **read),
        pd.read_csv(truth / "identity.csv", **read),
        pd.read_csv(truth / "lines.csv", **read),
    )
    assert measures["victims_routed_to_enforcement"] == 0
    assert measures["enforcement_persons"] > 0


@pytest.mark.parametrize("mart", ["nominal_priority", "networks"])
def test_priority_rank_is_dense_from_one(db, mart: str) -> None:
    ranks = [
        row[0]
        for row in db.execute(
            f"select distinct priority_rank from marts.{mart} order by 1"
        ).fetchall()
    ]
    assert ranks == list(range(1, len(ranks) + 1))


def test_higher_score_never_ranks_lower(db) -> None:
    inversions = db.execute(
        """
        select count(*)
        from marts.nominal_priority as a
        join marts.nominal_priority as b
            on a.priority_score > b.priority_score + 1e-6
        where a.priority_rank >= b.priority_rank
        """
    ).fetchone()[0]
    assert inversions == 0


def test_network_harm_is_filled_and_covers_ons_gaps(db) -> None:
    nulls, negatives = db.execute(
        """
        select
            count(*) filter (where harm_cchi is null or harm_ons is null
                or cl_harm_cchi is null or cl_harm_ons is null
                or priority_score is null),
            count(*) filter (where cl_harm_cchi > harm_cchi + 1e-6)
        from marts.networks
        """
    ).fetchone()
    assert nulls == 0
    assert negatives == 0


def test_fairness_audit_counts_every_nominal(db) -> None:
    audited, held = db.execute(
        "select (select sum(nominal_count) from marts.priority_fairness_audit),"
        " (select count(*) from marts.nominals)"
    ).fetchone()
    assert audited == held
