"""The network marts on the small warehouse: they exist, keys are unique, edges have evidence."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

NETWORK_MARTS = {
    "network_edges": ["nominal_id_a", "nominal_id_b"],
    "network_edge_evidence": [
        "nominal_id_a",
        "nominal_id_b",
        "link_type",
        "source_system",
        "record_ref",
    ],
    "networks": ["network_id"],
    "network_members": ["network_id", "nominal_id"],
    "nominal_centrality": ["nominal_id"],
    "soc_overlap": ["network_id", "soc_group_id"],
    "network_disruption": ["network_id", "removal_rank"],
}


@pytest.fixture(scope="module")
def db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(("mart", "key"), list(NETWORK_MARTS.items()))
def test_mart_exists_with_unique_key(db, mart: str, key: list[str]) -> None:
    columns = ", ".join(key)
    total, distinct = db.execute(
        f"select count(*), count(distinct ({columns})) from marts.{mart}"
    ).fetchone()
    assert mart == "soc_overlap" or total > 0
    assert total == distinct


def test_every_edge_has_evidence_of_each_link_type(db) -> None:
    missing = db.execute(
        """
        select count(*)
        from marts.network_edges as edges,
            unnest(string_split(edges.link_types, ';')) as types(link_type)
        where not exists (
            select 1 from marts.network_edge_evidence as evidence
            where evidence.nominal_id_a = edges.nominal_id_a
                and evidence.nominal_id_b = edges.nominal_id_b
                and evidence.link_type = types.link_type
        )
        """
    ).fetchone()[0]
    assert missing == 0


def test_pairs_are_ordered_and_never_victims_of_offenders(db) -> None:
    unordered = db.execute(
        "select count(*) from marts.network_edge_evidence where nominal_id_a >= nominal_id_b"
    ).fetchone()[0]
    assert unordered == 0
    # Both people of a co-offending link are suspects or offenders of the crime.
    not_offenders = db.execute(
        """
        with sides as (
            select record_ref, nominal_id_a as nominal_id
            from marts.network_edge_evidence where link_type = 'CO_OFFENDING'
            union all
            select record_ref, nominal_id_b
            from marts.network_edge_evidence where link_type = 'CO_OFFENDING'
        )
        select count(*) from sides
        where not exists (
            select 1
            from marts.nominal_source_xref as xref
            inner join staging.stg_crimes__crime_nominals as people
                on people.wmp_nominal_id = xref.source_id
            where xref.source_system = 'NOMINAL'
                and xref.nominal_id = sides.nominal_id
                and people.crime_ref = sides.record_ref
                and people.role in ('SUSPECT', 'OFFENDER')
        )
        """
    ).fetchone()[0]
    assert not_offenders == 0


def test_members_match_networks_and_disruption_spares_the_vulnerable(db) -> None:
    mismatched = db.execute(
        """
        select count(*) from marts.networks
        left join (
            select network_id, count(*) as members from marts.network_members group by 1
        ) as counted using (network_id)
        where counted.members is distinct from networks.member_count
        """
    ).fetchone()[0]
    assert mismatched == 0
    proposed_vulnerable = db.execute(
        """
        select count(*)
        from marts.network_disruption as disruption
        left join marts.nominals using (nominal_id)
        left join marts.nominal_county_lines using (nominal_id)
        where nominals.is_child or nominal_county_lines.is_potential_victim
        """
    ).fetchone()[0]
    assert proposed_vulnerable == 0
