"""Relations left in a copied warehouse by models since removed are found and dropped."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from countylines.orphans import drop_orphan_relations, orphan_relations
from countylines.resolution.refresh import STATE_SUFFIX


def _node(resource_type: str, schema: str, name: str, alias: str | None = None) -> dict:
    return {"resource_type": resource_type, "schema": schema, "name": name, "alias": alias}


MANIFEST = {
    "nodes": {
        "model.p.kept_model": _node("model", "marts", "kept_model"),
        "model.p.aliased": _node("model", "intermediate", "aliased", alias="Int_Alias"),
        "seed.p.weights": _node("seed", "reference", "weights"),
        "test.p.some_test": _node("test", "dbt_test__audit", "some_test"),
    }
}


def _warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as connection:
        for schema in ("marts", "intermediate", "reference", "raw", "audit"):
            connection.execute(f"create schema {schema}")
        for table in (
            "marts.kept_model",
            "marts.renamed_away",
            "intermediate.int_alias",
            f"intermediate.int_alias{STATE_SUFFIX}",
            "reference.weights",
            "raw.crimes",
            "audit.build_runs",
        ):
            connection.execute(f"create table {table} (x integer)")
        connection.execute("create view intermediate.removed_view as select 1 as x")
    return path


def test_orphans_are_relations_in_project_schemas_that_no_node_builds(tmp_path: Path) -> None:
    warehouse = _warehouse(tmp_path / "wh.duckdb")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        found = orphan_relations(connection, MANIFEST)
    assert found == [
        ("intermediate", "removed_view", "VIEW"),
        ("marts", "renamed_away", "BASE TABLE"),
    ]


def test_drop_removes_only_the_orphans_and_says_so(tmp_path: Path) -> None:
    warehouse = _warehouse(tmp_path / "wh.duckdb")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps(MANIFEST), encoding="utf-8")
    messages = drop_orphan_relations(warehouse, manifest)
    assert len(messages) == 2 and "marts.renamed_away" in messages[1], messages
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        left = {
            f"{schema}.{name}"
            for schema, name in connection.execute(
                "select table_schema, table_name from information_schema.tables"
            ).fetchall()
        }
        assert orphan_relations(connection, MANIFEST) == []
    assert left == {
        "marts.kept_model",
        "intermediate.int_alias",
        f"intermediate.int_alias{STATE_SUFFIX}",
        "reference.weights",
        "raw.crimes",
        "audit.build_runs",
    }
