"""The disclosure-controlled aggregate export for public scrutiny bodies.

Counts only, by area and category, no row about any person. Disclosure control:

1. Primary suppression: every count from 1 to 4 is replaced by the marker `[c]`
   (confidential, the Government Statistical Service's symbol). Zeros are shown: a true
   zero reveals nothing about any person (and "no child routed to enforcement" is a
   finding the public should see).
2. Secondary suppression: within each additive group (a total and the parts that sum to
   it), a suppressed cell must not be recoverable by subtraction, nor narrowed below the
   threshold. So a group may not have exactly one suppressed cell, and when its total is
   shown, the suppressed parts must together hold at least 5. Until every group passes, the
   smallest non-zero part still shown in a failing group is suppressed as well (a zero
   part, then the total, when no such part is left). Groups that share cells (a two-way
   table has rows and columns) are checked again until nothing changes.

Area: the marts hold no geography for networks, lines or referrals (addresses stay out of
the public marts), so the one area is the force itself (`reference.police_forces`, the home
force). The code works per (area, table) and takes more areas when the marts carry them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from countylines.export.common import render_template

THRESHOLD = 5
MARKER = "[c]"
AGGREGATES_FILE = "aggregates.csv"
NOTES_FILE = "public_export_notes.md"
COLUMNS = ["area_type", "area_name", "as_at_date", "measure", "breakdown", "category", "value"]

ALL = "All"
CHILDREN = "Children"
ADULTS = "Adults or age unknown"


@dataclass
class Table:
    """One published table: counts by category and the additive groups among them."""

    measure: str
    breakdown: str
    counts: dict[str, int]
    #: (total category, its part categories): total = sum of parts.
    groups: list[tuple[str, list[str]]] = field(default_factory=list)


def suppress(
    counts: Mapping[str, int],
    groups: Iterable[tuple[str, list[str]]],
    threshold: int = THRESHOLD,
) -> set[str]:
    """The categories to suppress: primary (1 to threshold - 1), then secondary (module doc)."""
    groups = list(groups)
    hidden = {category for category, count in counts.items() if 0 < count < threshold}
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            cells = [total, *parts]
            hidden_cells = [cell for cell in cells if cell in hidden]
            if not hidden_cells:
                continue
            hidden_parts_sum = sum(counts[part] for part in parts if part in hidden)
            exposed = len(hidden_cells) == 1 or (
                total not in hidden and 0 < hidden_parts_sum < threshold
            )
            if not exposed:
                continue
            hidden.add(_next_to_hide(counts, total, parts, hidden))
            changed = True
    return hidden


def _next_to_hide(counts: Mapping[str, int], total: str, parts: list[str], hidden: set[str]) -> str:
    """The smallest non-zero part still shown, else a zero part, else the total."""
    shown = [part for part in parts if part not in hidden]
    non_zero = [part for part in shown if counts[part] > 0]
    if non_zero:
        return min(non_zero, key=lambda part: (counts[part], parts.index(part)))
    if shown:
        return shown[0]
    return total


def _one(connection: duckdb.DuckDBPyConnection, query: str) -> tuple:
    """The single row of an aggregate query, nulls read as 0."""
    return tuple(value or 0 for value in connection.execute(query).fetchone())


def build_tables(connection: duckdb.DuckDBPyConnection) -> list[Table]:
    """Count the published measures for the force from the marts."""
    high, medium, low, other = _one(
        connection,
        "select count(*) filter (where priority_band = 'HIGH'), "
        "count(*) filter (where priority_band = 'MEDIUM'), "
        "count(*) filter (where priority_band = 'LOW'), "
        "count(*) filter (where priority_band not in ('HIGH', 'MEDIUM', 'LOW')) "
        "from marts.networks",
    )
    bands = {"High": high, "Medium": medium, "Low": low}
    if other:
        bands["Other"] = other
    networks = Table(
        "Networks (immediate county lines networks)",
        "priority band",
        {ALL: sum(bands.values()), **bands},
        [(ALL, list(bands))],
    )

    members, children = _one(
        connection, "select sum(member_count), sum(child_count) from marts.networks"
    )
    people = Table(
        "People in networks",
        "age group",
        {ALL: members, CHILDREN: children, ADULTS: members - children},
        [(ALL, [CHILDREN, ADULTS])],
    )

    registered, new = _one(
        connection,
        "select count(*) filter (where is_registered), "
        "count(*) filter (where not is_registered) from marts.deal_lines",
    )
    lines = Table(
        "Deal lines",
        "register",
        {ALL: registered + new, "Registered": registered, "Newly identified": new},
        [(ALL, ["Registered", "Newly identified"])],
    )

    child_looked_after, child_other, adults = _one(
        connection,
        "select count(*) filter (where is_child and is_looked_after), "
        "count(*) filter (where is_child and not coalesce(is_looked_after, false)), "
        "count(*) filter (where not coalesce(is_child, false)) "
        "from marts.safeguarding_referrals",
    )
    looked_after, not_looked_after = "Children looked after", "Children not looked after"
    referrals = Table(
        "Safeguarding referrals (people who may be exploited)",
        "age group",
        {
            ALL: child_looked_after + child_other + adults,
            CHILDREN: child_looked_after + child_other,
            ADULTS: adults,
            looked_after: child_looked_after,
            not_looked_after: child_other,
        },
        [(ALL, [CHILDREN, ADULTS]), (CHILDREN, [looked_after, not_looked_after])],
    )

    routed = {}
    for route in ("ENFORCEMENT", "SAFEGUARDING"):
        routed[route] = _one(
            connection,
            "select count(*) filter (where is_child), "
            "count(*) filter (where not is_child) "
            f"from marts.nominal_priority where route = '{route}'",
        )
    cell = "{} / {}".format
    route_counts = {}
    for route, (child_count, adult_count) in routed.items():
        name = route.capitalize()
        route_counts[cell(name, CHILDREN)] = child_count
        route_counts[cell(name, ADULTS)] = adult_count
        route_counts[cell(name, ALL)] = child_count + adult_count
    for age in (CHILDREN, ADULTS):
        route_counts[cell(ALL, age)] = sum(
            route_counts[cell(route.capitalize(), age)] for route in routed
        )
    route_counts[cell(ALL, ALL)] = (
        route_counts[cell(ALL, CHILDREN)] + route_counts[cell(ALL, ADULTS)]
    )
    route_names = [route.capitalize() for route in routed]
    routes = Table(
        "County-lines-linked people by route",
        "route / age group",
        route_counts,
        [(cell(name, ALL), [cell(name, CHILDREN), cell(name, ADULTS)]) for name in route_names]
        + [
            (cell(ALL, age), [cell(name, age) for name in route_names])
            for age in (CHILDREN, ADULTS)
        ]
        + [
            (cell(ALL, ALL), [cell(name, ALL) for name in route_names]),
            (cell(ALL, ALL), [cell(ALL, CHILDREN), cell(ALL, ADULTS)]),
        ],
    )
    return [networks, people, lines, referrals, routes]


def published_rows(
    tables: list[Table], area_type: str, area_name: str, as_at_date: str
) -> list[dict[str, str]]:
    """The rows of aggregates.csv: every count, suppressed cells as the marker."""
    rows = []
    for table in tables:
        hidden = suppress(table.counts, table.groups)
        for category, count in table.counts.items():
            rows.append(
                {
                    "area_type": area_type,
                    "area_name": area_name,
                    "as_at_date": as_at_date,
                    "measure": table.measure,
                    "breakdown": table.breakdown,
                    "category": category,
                    "value": MARKER if category in hidden else str(count),
                }
            )
    return rows


def write_public(
    connection: duckdb.DuckDBPyConnection, folder: Path, provenance: dict[str, object]
) -> list[Path]:
    """Write aggregates.csv and its notes into folder."""
    force = connection.execute(
        "select min(force_name) from reference.police_forces where is_home_force"
    ).fetchone()[0]
    rows = published_rows(
        build_tables(connection),
        area_type="police force",
        area_name=force or "Force area",
        as_at_date=str(provenance.get("extract_date", "")),
    )
    path = folder / AGGREGATES_FILE
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    notes = folder / NOTES_FILE
    suppressed = sum(row["value"] == MARKER for row in rows)
    notes.write_text(
        render_template(
            NOTES_FILE,
            created_at=provenance.get("created_at", ""),
            extract_date=provenance.get("extract_date", "(not recorded)"),
            area_name=force or "Force area",
            cell_count=len(rows),
            suppressed_count=suppressed,
            threshold=THRESHOLD,
            threshold_minus_one=THRESHOLD - 1,
            marker=MARKER,
        ),
        encoding="utf-8",
    )
    return [path, notes]
