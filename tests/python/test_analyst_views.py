"""The analyst views (schema `analyst`) on the small warehouse: each answers its question
from the marts without losing or inventing a row, with names beside the ids."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="module")
def db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


def _one(db, sql: str, parameters: list | None = None):
    """The only row of a query (fetched in full: the connection is free again)."""
    rows = db.execute(sql, parameters or []).fetchall()
    assert len(rows) == 1
    return rows[0]


def test_line_people_is_every_line_person_with_a_name(db) -> None:
    views, marts = (
        _one(db, "select count(*) from analyst.line_people")[0],
        _one(db, "select count(*) from marts.deal_line_nominals")[0],
    )
    assert views == marts > 0
    misnamed = _one(
        db,
        "select count(*) from analyst.line_people as v join marts.nominals as n"
        " using (nominal_id) where v.display_name is distinct from n.display_name",
    )[0]
    assert misnamed == 0
    wrong_network = _one(
        db,
        "select count(*) from analyst.line_people as v join marts.network_members as m"
        " using (nominal_id) where v.network_id is distinct from m.network_id",
    )[0]
    assert wrong_network == 0


def test_exploited_people_is_every_referral_with_its_line_name(db) -> None:
    views, marts = (
        _one(db, "select count(*) from analyst.exploited_people")[0],
        _one(db, "select count(*) from marts.safeguarding_referrals")[0],
    )
    assert views == marts > 0
    lost_names = _one(
        db,
        "select count(*) from analyst.exploited_people"
        " where line_id is not null and line_name is null",
    )[0]
    assert lost_names == 0
    unknown = _one(
        db,
        "select count(*) from analyst.exploited_people"
        " where (line_id is null) != (line_basis = 'LINE_UNKNOWN')",
    )[0]
    assert unknown == 0


def test_development_targets_are_the_enforcement_route_ranked_from_one(db) -> None:
    count, first, last = _one(
        db,
        "select count(*), min(enforcement_rank), max(enforcement_rank)"
        " from analyst.development_targets",
    )
    routed = _one(db, "select count(*) from marts.nominal_priority where route = 'ENFORCEMENT'")[0]
    assert count == routed > 0
    assert first == 1 and last <= count
    children = _one(
        db,
        "select count(*) from analyst.development_targets as t"
        " join marts.nominals as n using (nominal_id) where n.is_child",
    )[0]
    assert children == 0


def test_new_since_last_build_counts_after_its_since_date(db) -> None:
    extract = _one(db, "select extract_date from staging.stg_extract__extract_date")[0]
    since = extract - timedelta(days=7)  # no previous build: var analyst_new_days
    expected = {
        "NEW_LINE": "select count(*) from marts.deal_lines where first_seen_date > ?",
        "NEW_PERSON": "select count(*) from marts.nominal_priority join marts.nominals"
        " using (nominal_id) where first_seen_date > ?",
        "NEW_EXPLOITATION_EVIDENCE": "select count(*) from marts.safeguarding_referrals"
        " where last_indicator_date > ?",
    }
    shown = dict(
        db.execute(
            "select change_kind, count(*) from analyst.new_since_last_build group by 1"
        ).fetchall()
    )
    for kind, sql in expected.items():
        assert shown.get(kind, 0) == _one(db, sql, [since])[0], kind
    assert sum(shown.values()) > 0
    dates = db.execute("select distinct since_date from analyst.new_since_last_build").fetchall()
    assert dates == [(since,)]


def _readme_queries() -> list[str]:
    """The worked queries of the README's analyst section, one statement each."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme.split("## Questions analysts ask daily", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sql", 1)[1].split("```", 1)[0]
    return [statement.strip() for statement in block.split(";") if statement.strip()]


def test_the_readme_worked_queries_run(db) -> None:
    queries = _readme_queries()
    assert len(queries) == 5
    for query in queries:
        db.execute(query).fetchall()
