"""Relations a build on a copy of the warehouse inherits but no longer builds.

A `--select` or `--incremental` build runs dbt on a copy of the last good warehouse, so a
table or view whose model has since been removed or renamed would survive in it, stale,
and an analyst could go on querying it. After such a build has passed, every relation in
the schemas the project's models and seeds write to that no model, seed or snapshot of the
current manifest builds is dropped, and each drop is reported. Kept besides the nodes:
the side tables the project itself writes next to a model (a model's name with
`countylines.resolution.refresh.STATE_SUFFIX`, the incremental scoring state).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from countylines.resolution.refresh import STATE_SUFFIX

#: The node types that own a relation in the warehouse.
RELATION_NODE_TYPES: frozenset[str] = frozenset({"model", "seed", "snapshot"})


def built_relations(manifest: dict) -> set[tuple[str, str]]:
    """(schema, name) of every relation the manifest's models, seeds and snapshots build."""
    return {
        (node["schema"].lower(), (node.get("alias") or node["name"]).lower())
        for node in manifest["nodes"].values()
        if node["resource_type"] in RELATION_NODE_TYPES
    }


def orphan_relations(
    connection: duckdb.DuckDBPyConnection, manifest: dict
) -> list[tuple[str, str, str]]:
    """(schema, name, 'BASE TABLE' or 'VIEW') of each relation in a project schema that
    nothing in the manifest builds, sorted."""
    built = built_relations(manifest)
    kept = built | {(schema, name + STATE_SUFFIX) for schema, name in built}
    schemas = sorted({schema for schema, _ in built})
    if not schemas:
        return []
    placeholders = ", ".join("?" for _ in schemas)
    rows = connection.execute(
        "select table_schema, table_name, table_type from information_schema.tables"
        f" where lower(table_schema) in ({placeholders}) and table_catalog = current_database()"
        " order by 1, 2",
        schemas,
    ).fetchall()
    return [row for row in rows if (row[0].lower(), row[1].lower()) not in kept]


def drop_orphan_relations(warehouse: Path, manifest_path: Path) -> list[str]:
    """Drop the orphan relations of a built warehouse file; one message per drop."""
    manifest = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    messages = []
    with duckdb.connect(str(warehouse)) as connection:
        for schema, name, kind in orphan_relations(connection, manifest):
            keyword = "view" if kind == "VIEW" else "table"
            connection.execute(f'drop {keyword} "{schema}"."{name}"')
            messages.append(
                f"dropped {keyword} {schema}.{name}: no model or seed of this project builds it"
            )
    return messages
