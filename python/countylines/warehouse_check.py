"""Whether a path holds a built countylines warehouse, said in one sentence.

Every command that reads a warehouse asks this first, so a wrong path is one clear line
and exit 2, never a traceback, and nothing is written (no docs site over the real one, no
report of an empty file).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

#: A relation every built warehouse has: the resolved people (MARTS.md).
MARKER_SCHEMA, MARKER_TABLE = "marts", "nominals"


def warehouse_problem(warehouse: Path) -> str | None:
    """None when `warehouse` is a built countylines warehouse, else why it is not."""
    warehouse = Path(warehouse)
    if not warehouse.exists():
        return f"No warehouse at {warehouse}: run `countylines build` first."
    if not warehouse.is_file():
        return f"{warehouse} is a folder, not a warehouse file."
    try:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            found = connection.execute(
                "select count(*) from information_schema.tables"
                " where table_schema = ? and table_name = ?",
                [MARKER_SCHEMA, MARKER_TABLE],
            ).fetchone()
    except duckdb.Error as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return f"{warehouse} cannot be opened as a DuckDB warehouse ({first_line})."
    if not found or found[0] == 0:
        return (
            f"{warehouse} is not a countylines warehouse: it has no"
            f" {MARKER_SCHEMA}.{MARKER_TABLE} (built by `countylines build`)."
        )
    return None
