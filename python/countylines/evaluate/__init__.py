"""`countylines evaluate`: the warehouse's answers measured against a synthetic truth.

Each measure of shared/contract/TRUTH.md lives in its own module; `evaluate` runs the
ones whose marts exist in the warehouse and reports the others as not yet available.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from countylines.evaluate.identification import identification_measures
from countylines.evaluate.identity import identity_measures
from countylines.evaluate.network import network_measures
from countylines.evaluate.prioritisation import prioritisation_measures


def mart_exists(connection: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when marts.<name> exists in the warehouse."""
    found = connection.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = ?",
        [name],
    ).fetchone()
    return bool(found and found[0])


def read_truth(truth_dir: Path, name: str) -> pd.DataFrame:
    """One truth file as text columns (blank as empty string)."""
    return pd.read_csv(truth_dir / f"{name}.csv", dtype=str, keep_default_na=False)


def evaluate(truth_dir: Path, warehouse: Path) -> dict[str, dict[str, object]]:
    """Every available measure, grouped by area: {area: {measure: value}}."""
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        results: dict[str, dict[str, object]] = {}
        if mart_exists(connection, "nominal_source_xref"):
            results["identity"] = identity_measures(connection, read_truth(truth_dir, "identity"))
        else:
            results["identity"] = {"status": "marts.nominal_source_xref not built"}
        if mart_exists(connection, "safeguarding_referrals") and mart_exists(
            connection, "deal_lines"
        ):
            results["identification"] = identification_measures(
                connection,
                read_truth(truth_dir, "persons"),
                read_truth(truth_dir, "identity"),
                read_truth(truth_dir, "lines"),
            )
        else:
            results["identification"] = {"status": "identification marts not built"}
        if mart_exists(connection, "network_members"):
            results["network"] = network_measures(
                connection, read_truth(truth_dir, "persons"), read_truth(truth_dir, "identity")
            )
        else:
            results["network"] = {"status": "marts.network_members not built"}
        if mart_exists(connection, "nominal_priority") and mart_exists(connection, "networks"):
            results["prioritisation"] = prioritisation_measures(
                connection,
                read_truth(truth_dir, "persons"),
                read_truth(truth_dir, "identity"),
                read_truth(truth_dir, "lines"),
            )
        else:
            results["prioritisation"] = {"status": "marts.nominal_priority not built"}
        return results
    finally:
        connection.close()
