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


def test_network_is_assessed_as_the_line_most_members_are_on(db) -> None:
    """A network is assessed as its line holding most members in deal_line_nominals (ties:
    first id), else the line most of its members are referred as exploited by; the label says
    whether a member works the line, holds it only as customers or cuckooed, or only a
    referral names it; a network linked to no line over its own members."""
    wrong = db.execute(
        """
        with links as (
            select members.network_id, lines.line_id, members.nominal_id, 1 as source,
                lines.inferred_role not in ('USER', 'CUCKOOED') as works
            from marts.network_members as members
            join marts.deal_line_nominals as lines using (nominal_id)
            union all
            select members.network_id, referrals.line_id, members.nominal_id, 2, false
            from marts.network_members as members
            join marts.safeguarding_referrals as referrals using (nominal_id)
            where referrals.line_id is not null
        ),
        counts as (
            select network_id, line_id, min(source) as source, bool_or(works) as works,
                count(distinct nominal_id) filter (where source = 1) as on_line,
                count(distinct nominal_id) as held
            from links
            group by 1, 2
        ),
        expected as (
            select network_id, line_id,
                case when works then 'LINE' when source = 1 then 'LINE_VIA_CUSTOMERS'
                    else 'LINE_VIA_REFERRAL' end as population
            from counts
            qualify row_number() over (
                partition by network_id order by source, on_line desc, held desc, line_id
            ) = 1
        )
        select count(*)
        from marts.network_priority_factors as factors
        left join expected using (network_id)
        where factors.assessed_line_id is distinct from expected.line_id
            or factors.assessed_population <> coalesce(expected.population, 'NETWORK')
        """
    ).fetchone()[0]
    assert wrong == 0


def test_fragments_of_one_line_share_its_score(db) -> None:
    """Networks assessed as the same line carry the same factors, so the same score; and a
    line's workforce counts at least every county-lines member of any network assessed as
    it who is on that line."""
    spread, short = db.execute(
        """
        select
            (select count(*) from (
                select assessed_line_id
                from marts.network_priority_factors
                where assessed_population like 'LINE%'
                group by 1
                having max(priority_score) - min(priority_score) > 1e-9
            )),
            (select count(*) from (
                select factors.network_id
                from marts.network_priority_factors as factors
                join marts.network_members as members using (network_id)
                join marts.deal_line_nominals as lines
                    on lines.nominal_id = members.nominal_id
                    and lines.line_id = factors.assessed_line_id
                where members.is_county_lines
                group by factors.network_id, factors.workforce_size_value
                having count(*) > factors.workforce_size_value
            ))
        """
    ).fetchone()
    assert spread == 0
    assert short == 0
