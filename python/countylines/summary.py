"""A short text summary of a built warehouse, for the terminal."""

from __future__ import annotations

from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table


def print_summary(warehouse: Path, console: Console) -> None:
    """Print the reconciliation of every source table, quarantine reasons and mart sizes."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        reconciliation = Table(title="Source reconciliation (read = staged + quarantined + dups)")
        for column in ["source table", "read", "staged", "quarantined", "duplicates"]:
            reconciliation.add_column(
                column, justify="left" if column == "source table" else "right"
            )
        for row in connection.execute(
            "select * from marts.source_reconciliation order by source_table"
        ).fetchall():
            reconciliation.add_row(row[0], *(f"{value:,}" for value in row[1:]))
        console.print(reconciliation)

        reasons = Table(title="Quarantine by reason")
        reasons.add_column("source table")
        reasons.add_column("reason")
        reasons.add_column("rows", justify="right")
        for table, reason, count in connection.execute(
            "select source_table, reason, count(*) from marts.quarantine "
            "group by 1, 2 order by 1, 2"
        ).fetchall():
            reasons.add_row(table, reason, f"{count:,}")
        console.print(reasons)

        marts = Table(title="Marts")
        marts.add_column("mart")
        marts.add_column("rows", justify="right")
        for (name,) in connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'marts' order by 1"
        ).fetchall():
            count = connection.execute(f'select count(*) from marts."{name}"').fetchone()
            marts.add_row(name, f"{count[0] if count else 0:,}")
        console.print(marts)
    finally:
        connection.close()
