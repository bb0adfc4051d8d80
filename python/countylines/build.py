"""Run the dbt build against one raw extract, writing one warehouse file."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from countylines.paths import PROJECT_DIR


@dataclass
class BuildResult:
    """What a dbt invocation did: success, and per-status counts of its nodes."""

    success: bool
    status_counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    error: str | None = None


def run_dbt(
    args: list[str],
    raw_dir: Path,
    warehouse: Path,
    dbt_vars: dict[str, object] | None = None,
    target_path: Path | None = None,
) -> BuildResult:
    """Invoke dbt in-process with this project, the given extract and warehouse file.

    The raw folder and the warehouse path reach dbt through the environment
    (`COUNTYLINES_RAW`, `COUNTYLINES_WAREHOUSE`) that dbt_project.yml and
    profiles.yml read, so a plain `dbt build` behaves the same way.
    """
    from dbt.cli.main import dbtRunner

    raw_dir = Path(raw_dir).resolve()
    warehouse = Path(warehouse).resolve()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    os.environ["COUNTYLINES_RAW"] = str(raw_dir)
    os.environ["COUNTYLINES_WAREHOUSE"] = str(warehouse)
    cli_args = [
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
    ]
    if target_path is not None:
        cli_args += ["--target-path", str(target_path)]
    if dbt_vars:
        cli_args += ["--vars", json.dumps(dbt_vars)]
    outcome = dbtRunner().invoke(cli_args)
    counts: dict[str, int] = {}
    failures: list[str] = []
    results = getattr(outcome.result, "results", None) or []
    for node_result in results:
        status = str(node_result.status)
        counts[status] = counts.get(status, 0) + 1
        if status in {"error", "fail"}:
            failures.append(f"{node_result.node.unique_id}: {node_result.message}")
    error = str(outcome.exception) if outcome.exception else None
    return BuildResult(outcome.success, counts, failures, error)


def build_warehouse(
    raw_dir: Path,
    warehouse: Path,
    select: str | None = None,
    dbt_vars: dict[str, object] | None = None,
) -> BuildResult:
    """`dbt build` (seeds, models, tests) of the whole project on one extract."""
    args = ["build"]
    if select:
        args += ["--select", select]
    return run_dbt(args, raw_dir, warehouse, dbt_vars)
