"""The network for i2 Analyst's Notebook: entity and link CSV and a written import spec.

The spec is `templates/i2_import_specification.md`, filled with the run's facts; it names
every column of the two files (a test holds the spec and the headers to each other).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from rich.console import Console

from countylines.export.common import copy_csv, render_template
from countylines.export.network import LINKS_QUERY, MEMBERS_QUERY

ENTITIES_FILE = "entities.csv"
LINKS_FILE = "links.csv"
SPEC_FILE = "i2_import_specification.md"

# Fixed-point decimals: i2 reads numbers without an exponent (1.5e-07 would not import).
_RATIO = "decimal(24, 12)"
_STRENGTH = "decimal(18, 6)"

ENTITIES_QUERY = f"""
    select
        members.nominal_id,
        members.label,
        members.display_name,
        members.date_of_birth,
        members.age,
        members.sex,
        members.is_child,
        members.role,
        members.line_roles,
        members.line_ids,
        members.network_id,
        members.is_core,
        members.is_county_lines,
        members.is_potential_victim,
        members.is_referred,
        members.is_looked_after,
        members.route,
        members.priority_rank,
        members.degree,
        cast(round(members.weighted_degree, 6) as {_STRENGTH}) as weighted_degree,
        cast(round(members.betweenness, 12) as {_RATIO}) as betweenness,
        cast(round(members.pagerank, 12) as {_RATIO}) as pagerank,
        members.degree_in_network,
        cast(round(members.betweenness_in_network, 12) as {_RATIO})
            as betweenness_in_network,
        members.flags
    from ({MEMBERS_QUERY}) as members
"""

I2_LINKS_QUERY = f"""
    select
        links.link_id,
        links.nominal_id_a,
        links.nominal_id_b,
        links.link_type,
        links.link_types,
        links.network_id,
        links.is_within_network,
        cast(round(links.weight, 6) as {_STRENGTH}) as weight,
        links.evidence_count,
        links.link_type_count,
        links.first_seen_date,
        links.last_seen_date
    from ({LINKS_QUERY}) as links
"""


def write_i2(
    connection: duckdb.DuckDBPyConnection,
    folder: Path,
    provenance: dict[str, object],
    console: Console,
) -> list[Path]:
    """Write entities.csv, links.csv and the import specification into folder."""
    entities = folder / ENTITIES_FILE
    links = folder / LINKS_FILE
    entity_count = copy_csv(connection, ENTITIES_QUERY, entities)
    link_count = copy_csv(connection, I2_LINKS_QUERY, links)
    broken = connection.execute(
        f"select count(*) from ({MEMBERS_QUERY}) as members "
        "where regexp_matches(coalesce(members.label, ''), '[\\r\\n]')"
    ).fetchone()[0]
    if broken:
        console.print(
            f"[yellow]{broken} entity label(s) hold a line break: quoted correctly in "
            f"{ENTITIES_FILE}, but Analyst's Notebook reads one line per row; "
            "fix those names at source or edit them before importing.[/yellow]"
        )
    spec = folder / SPEC_FILE
    spec.write_text(
        render_template(
            SPEC_FILE,
            created_at=provenance.get("created_at", ""),
            build_run_id=provenance.get("build_run_id", "(not recorded)"),
            extract_date=provenance.get("extract_date", "(not recorded)"),
            entity_count=f"{entity_count:,}",
            link_count=f"{link_count:,}",
        ),
        encoding="utf-8",
    )
    return [entities, links, spec]
