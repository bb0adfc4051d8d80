"""Routing rules of nominal_priority checked against the marts they read, on the small warehouse.

The dbt unit tests pin the case ladder on hand-made inputs; these check that the inputs are
derived right from the built marts: a LINE_CUSTOMER is USER on every deal line and exploits no
one, and a POSSIBLE_DUPLICATE names a protected nominal it shares a pair with in
nominal_clerical_review.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="module")
def db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


def test_line_customers_are_users_on_every_line_and_exploit_no_one(db) -> None:
    rows = db.execute(
        """
        select
            priority.nominal_id,
            count(lines.line_id) as lines_held,
            count(*) filter (where lines.inferred_role != 'USER') as other_roles,
            any_value(priority.exploited_runner_count + priority.cuckooed_count) as exploited
        from marts.nominal_priority as priority
        left join marts.deal_line_nominals as lines using (nominal_id)
        where priority.safeguarding_reason = 'LINE_CUSTOMER'
        group by 1
        """
    ).fetchall()
    assert rows, "the small extract has line customers the rule should route"
    wrong = [row for row in rows if row[1] == 0 or row[2] > 0 or row[3] > 0]
    assert not wrong


def test_possible_duplicates_name_a_protected_nominal_awaiting_review(db) -> None:
    rows = db.execute(
        """
        with pairs as (
            select nominal_id_l as nominal_id, nominal_id_r as other
            from marts.nominal_clerical_review
            union all
            select nominal_id_r, nominal_id_l from marts.nominal_clerical_review
        ),
        protected as (
            select nominal_id from marts.nominals where is_child
            union
            select nominal_id from marts.safeguarding_referrals
            union
            select nominal_id from marts.nominal_county_lines where is_potential_victim
        )
        select
            priority.nominal_id,
            priority.safeguarding_detail,
            priority.possible_duplicate_nominal_id,
            exists (
                select 1 from pairs
                where pairs.nominal_id = priority.nominal_id
                    and pairs.other = priority.possible_duplicate_nominal_id
            ) as is_pair,
            priority.possible_duplicate_nominal_id in (select nominal_id from protected)
                as is_protected
        from marts.nominal_priority as priority
        where priority.safeguarding_reason = 'POSSIBLE_DUPLICATE'
        """
    ).fetchall()
    assert rows, "the small extract has a possible duplicate of a protected person"
    for nominal_id, detail, other, is_pair, is_protected in rows:
        assert is_pair and is_protected, nominal_id
        assert other in detail
