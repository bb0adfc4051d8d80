"""What the briefing report reads: the public marts (schema `marts`), as plain rows.

Every query reads only `marts.*` (the exposure `briefing_report` in models/_exposures.yml lists
them), through a read-only connection, and orders its rows fully (ties broken by id), so the
same warehouse always gives the same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

#: A row of a query, by column name.
Row = dict[str, Any]

#: Line roles (deal_line_nominals.inferred_role), the one a chart shows first when a person
#: holds several (across lines).
ROLE_ORDER: tuple[str, ...] = ("CONTROLLER", "LINE_HOLDER", "RUNNER", "CUCKOOED", "USER")


@dataclass(frozen=True)
class NetworkData:
    """One charted network: its `networks` row, members, links, factors and disabling set."""

    network: Row
    members: list[Row]
    edges: list[Row]
    factors: Row | None
    disruption: list[Row]
    lines: list[Row]
    activity: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read from one warehouse."""

    warehouse_name: str
    headline: Row
    networks_total: int
    top_networks: list[NetworkData]
    harm_totals: Row
    targets: list[Row]
    targets_withheld: int
    enforcement_total: int
    safeguarding: list[Row]
    new_lines: list[Row]
    reconciliation: list[Row]
    quarantine_by_reason: list[Row]
    intel_credibility: list[Row]
    identity_by_source: list[Row]
    identity_totals: Row
    match_weights: list[Row] = field(default_factory=list)
    link_types: list[str] = field(default_factory=list)
    ranked_factors: list[Row] = field(default_factory=list)
    ranked_harm: list[Row] = field(default_factory=list)
    activity_end: Any = None


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[Row]:
    """Run one query and return its rows as dicts."""
    cursor = connection.execute(sql, params or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _one(connection: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Row:
    """Run a query that returns exactly one row."""
    rows = _rows(connection, sql, params)
    assert len(rows) == 1, f"expected one row from {sql!r}"
    return rows[0]


_ROLE_CASE = " ".join(f"when '{role}' then {rank}" for rank, role in enumerate(ROLE_ORDER))

_MEMBERS_SQL = f"""
with roles as (
    select
        nominal_id,
        min(case inferred_role {_ROLE_CASE} end) as role_rank,
        string_agg(distinct inferred_role, ';' order by inferred_role) as line_roles
    from marts.deal_line_nominals
    group by 1
)
select
    members.network_id,
    members.nominal_id,
    nominals.display_name,
    nominals.age,
    coalesce(nominals.is_child, false) as is_child,
    members.is_core,
    members.is_county_lines,
    members.soc_group_ids,
    centrality.pagerank,
    centrality.betweenness_in_network,
    centrality.degree_in_network,
    roles.role_rank,
    roles.line_roles,
    referrals.nominal_id is not null as is_referred
from marts.network_members as members
inner join marts.nominals as nominals on members.nominal_id = nominals.nominal_id
left join marts.nominal_centrality as centrality
    on members.nominal_id = centrality.nominal_id
left join roles on members.nominal_id = roles.nominal_id
left join marts.safeguarding_referrals as referrals
    on members.nominal_id = referrals.nominal_id
where members.network_id = ?
order by members.nominal_id
"""

_EDGES_SQL = """
select edges.nominal_id_a, edges.nominal_id_b, edges.link_types, edges.weight,
    edges.evidence_count
from marts.network_edges as edges
inner join marts.network_members as member_a on edges.nominal_id_a = member_a.nominal_id
inner join marts.network_members as member_b on edges.nominal_id_b = member_b.nominal_id
where member_a.network_id = ? and member_b.network_id = ?
order by edges.nominal_id_a, edges.nominal_id_b
"""

_DISRUPTION_SQL = """
select disruption.removal_rank, disruption.nominal_id, nominals.display_name,
    disruption.lcc_share_before, disruption.lcc_share_after,
    disruption.fragmentation_before, disruption.fragmentation_after
from marts.network_disruption as disruption
inner join marts.nominals as nominals on disruption.nominal_id = nominals.nominal_id
where disruption.network_id = ?
order by disruption.removal_rank, disruption.nominal_id
"""

_NETWORK_LINES_SQL = """
select lines.line_id, lines.line_name, lines.is_registered
from marts.deal_lines as lines
where list_contains(string_split(?, ';'), lines.line_id)
order by lines.line_id
"""

#: A network's dated records (its members' indicators, and the evidence of links between two
#: of its members), one per source record and date, counted by date: its activity timeline.
_ACTIVITY_SQL = """
with members as (
    select nominal_id from marts.network_members where network_id = ?
),
records as (
    select source_system, record_ref, event_date
    from marts.county_lines_indicators
    where nominal_id in (select nominal_id from members) and event_date is not null
    union
    select source_system, record_ref, event_date
    from marts.network_edge_evidence
    where nominal_id_a in (select nominal_id from members)
        and nominal_id_b in (select nominal_id from members)
        and event_date is not null
)
select event_date, count(*) as record_count
from records
group by 1
order by 1
"""

#: How many networks the priority-by-factor and harm-by-network charts show.
RANKED_NETWORKS = 10

#: Who may be a target: routed ENFORCEMENT and, checked again here, neither a child, nor a
#: potential victim, nor referred for safeguarding (the marts promise this; the report does
#: not rely on it).
_TARGETS_FROM = """
from marts.nominal_priority as priority
inner join marts.nominals as nominals on priority.nominal_id = nominals.nominal_id
left join marts.nominal_county_lines as county_lines
    on priority.nominal_id = county_lines.nominal_id
left join marts.safeguarding_referrals as referrals
    on priority.nominal_id = referrals.nominal_id
where priority.route = 'ENFORCEMENT'
    and not priority.is_child
    and not priority.is_potential_victim
    and not coalesce(nominals.is_child, false)
    and referrals.nominal_id is null
"""

_TARGETS_SQL = f"""
select
    priority.*,
    nominals.display_name,
    nominals.age,
    county_lines.top_indicators
{_TARGETS_FROM}
order by priority.priority_rank, priority.nominal_id
limit ?
"""

_SAFEGUARDING_SQL = """
select
    referrals.*,
    nominals.display_name,
    nominals.age,
    referrals.network_id as member_network_id,
    lines.line_name,
    lines.is_registered as line_is_registered
from marts.safeguarding_referrals as referrals
inner join marts.nominals as nominals on referrals.nominal_id = nominals.nominal_id
left join marts.deal_lines as lines on referrals.line_id = lines.line_id
order by referrals.is_child desc, referrals.is_looked_after desc,
    referrals.missing_episode_count desc, referrals.nominal_id
"""

_NEW_LINES_SQL = """
with people as (
    select
        line_id,
        count(*) as people_count,
        count(*) filter (where inferred_role = 'RUNNER') as runner_count
    from marts.deal_line_nominals
    group by 1
)
select lines.*,
    coalesce(people.people_count, 0) as people_count,
    coalesce(people.runner_count, 0) as runner_count
from marts.deal_lines as lines
left join people on lines.line_id = people.line_id
where not lines.is_registered
order by lines.evidence_count desc, lines.line_id
"""

_IDENTITY_SQL = """
select
    source_system,
    count(*) as record_count,
    count(nominal_id) as resolved_count,
    count(*) - count(nominal_id) as unresolved_count,
    count(*) filter (where match_method = 'exact_key') as exact_key_count,
    count(*) filter (where match_method = 'probabilistic') as probabilistic_count,
    count(*) filter (where match_method = 'analyst_override') as analyst_override_count,
    count(*) filter (where match_method = 'singleton' and nominal_id is not null)
        as singleton_count
from marts.nominal_source_xref
group by 1
order by 1
"""

_HEADLINE_SQL = """
select
    (select count(*) from marts.nominals) as nominal_count,
    (select count(*) from marts.networks) as network_count,
    (select count(*) from marts.network_members) as network_member_count,
    (select count(*) from marts.nominal_county_lines where is_county_lines)
        as county_lines_count,
    (select count(*) from marts.deal_lines) as line_count,
    (select count(*) from marts.deal_lines where is_registered) as registered_line_count,
    (select count(*) from marts.deal_lines where not is_registered) as new_line_count,
    (select count(*) from marts.safeguarding_referrals) as safeguarding_count,
    (select count(*) from marts.safeguarding_referrals where is_child)
        as safeguarding_child_count,
    (select count(*) from marts.nominal_priority where route = 'ENFORCEMENT')
        as enforcement_count
"""


def _network(connection: duckdb.DuckDBPyConnection, network: Row) -> NetworkData:
    """The members, links, priority factors, disabling set and lines of one network."""
    network_id = network["network_id"]
    factors = _rows(
        connection,
        "select * from marts.network_priority_factors where network_id = ?",
        [network_id],
    )
    return NetworkData(
        network=network,
        members=_rows(connection, _MEMBERS_SQL, [network_id]),
        edges=_rows(connection, _EDGES_SQL, [network_id, network_id]),
        factors=factors[0] if factors else None,
        disruption=_rows(connection, _DISRUPTION_SQL, [network_id]),
        lines=_rows(connection, _NETWORK_LINES_SQL, [network["line_ids"] or ""]),
        activity=_rows(connection, _ACTIVITY_SQL, [network_id]),
    )


def load_report_data(warehouse: Path, top_networks: int = 5, top_targets: int = 20) -> ReportData:
    """Read what the report shows from the marts of `warehouse` (opened read-only)."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        networks = _rows(
            connection,
            "select * from marts.networks order by priority_rank, network_id limit ?",
            [max(top_networks, 0)],
        )
        enforcement_total = _one(
            connection,
            "select count(*) as n from marts.nominal_priority where route = 'ENFORCEMENT'",
        )["n"]
        eligible = _one(connection, f"select count(*) as n {_TARGETS_FROM}")["n"]
        return ReportData(
            warehouse_name=warehouse.name,
            headline=_one(connection, _HEADLINE_SQL),
            networks_total=_one(connection, "select count(*) as n from marts.networks")["n"],
            top_networks=[_network(connection, network) for network in networks],
            harm_totals=_one(
                connection,
                "select coalesce(sum(harm_cchi), 0) as harm_cchi, "
                "coalesce(sum(cl_harm_cchi), 0) as cl_harm_cchi, "
                "coalesce(sum(harm_ons), 0) as harm_ons, "
                "coalesce(sum(cl_harm_ons), 0) as cl_harm_ons, "
                "coalesce(sum(offences_without_ons_weight), 0) as offences_without_ons_weight "
                "from marts.networks",
            ),
            targets=_rows(connection, _TARGETS_SQL, [max(top_targets, 0)]),
            targets_withheld=enforcement_total - eligible,
            enforcement_total=enforcement_total,
            safeguarding=_rows(connection, _SAFEGUARDING_SQL),
            new_lines=_rows(connection, _NEW_LINES_SQL),
            reconciliation=_rows(
                connection, "select * from marts.source_reconciliation order by source_table"
            ),
            quarantine_by_reason=_rows(
                connection,
                "select reason, count(*) as row_count, "
                "string_agg(distinct source_table, ', ' order by source_table) as source_tables "
                "from marts.quarantine group by 1 order by 2 desc, 1",
            ),
            intel_credibility=_rows(
                connection,
                "select * from marts.intel_credibility "
                "order by grading_scheme, is_credible desc, report_count desc, exclusion_reason",
            ),
            identity_by_source=_rows(connection, _IDENTITY_SQL),
            identity_totals=_one(
                connection,
                "select (select count(*) from marts.nominal_source_xref) as record_count, "
                "(select count(nominal_id) from marts.nominal_source_xref) as resolved_count, "
                "(select count(*) from marts.nominals) as nominal_count, "
                "(select count(*) from marts.nominals where source_record_count > 1) "
                "as multi_record_count",
            ),
            match_weights=_rows(
                connection,
                "select comparison, level_order, level, m_probability, u_probability, "
                "match_weight, tf_adjustment_column, is_fixed from marts.nominal_match_weights "
                "where not is_null_level order by comparison = 'prior' desc, "
                "case comparison when 'surname' then 1 when 'forename' then 2 "
                "when 'date_of_birth' then 3 else 4 end, comparison, level_order",
            ),
            ranked_factors=_rows(
                connection,
                "select * from marts.network_priority_factors "
                "order by priority_rank, network_id limit ?",
                [RANKED_NETWORKS],
            ),
            ranked_harm=_rows(
                connection,
                "select network_id, priority_rank, harm_cchi, cl_harm_cchi, harm_ons, "
                "cl_harm_ons from marts.networks order by priority_rank, network_id limit ?",
                [RANKED_NETWORKS],
            ),
            activity_end=_one(
                connection,
                "select max(event_date) as latest from marts.county_lines_indicators",
            )["latest"],
            link_types=[
                row["link_type"]
                for row in _rows(
                    connection,
                    "select distinct unnest(string_split(link_types, ';')) as link_type "
                    "from marts.network_edges order by 1",
                )
            ],
        )
    finally:
        connection.close()
