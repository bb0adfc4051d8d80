"""Run dbt against one raw extract, writing one warehouse file.

dbt runs in a child process: the DuckDB file is closed when it ends, so the caller (the
CLI, a test, the report) can open the warehouse afterwards, and a crash in dbt cannot take
the caller down with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from countylines.paths import PROJECT_DIR


@dataclass
class BuildResult:
    """What a dbt invocation did: success, per-status node counts, failures, its log."""

    success: bool
    status_counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    log: str = ""
    seconds: float = 0.0
    peak_rss_mb: float = 0.0


def dbt_executable() -> str:
    """The dbt executable of the running Python environment."""
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(
    args: list[str],
    raw_dir: Path,
    warehouse: Path,
    dbt_vars: dict[str, object] | None = None,
    target_path: Path | None = None,
    echo: bool = False,
) -> BuildResult:
    """Invoke dbt with this project, the given extract and warehouse file.

    The raw folder and the warehouse path reach dbt through the environment
    (`COUNTYLINES_RAW`, `COUNTYLINES_WAREHOUSE`) that dbt_project.yml and
    profiles.yml read, so a plain `dbt build` from the project folder behaves the same.
    """
    raw_dir = Path(raw_dir).resolve()
    warehouse = Path(warehouse).resolve()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    target = Path(target_path).resolve() if target_path else PROJECT_DIR / "target"
    env = {
        **os.environ,
        "COUNTYLINES_RAW": str(raw_dir),
        "COUNTYLINES_WAREHOUSE": str(warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_LOG_PATH": str(target / "logs"),
    }
    command = [
        dbt_executable(),
        *args,
        "--project-dir",
        str(PROJECT_DIR),
        "--profiles-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(target),
    ]
    if dbt_vars:
        command += ["--vars", json.dumps(dbt_vars)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if echo:
            sys.stderr.write(line)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    counts, failures = _read_run_results(target / "run_results.json")
    return BuildResult(
        process.returncode == 0,
        counts,
        failures,
        "".join(lines),
        seconds=seconds,
        peak_rss_mb=usage.ru_maxrss / 1024,
    )


def _read_run_results(path: Path) -> tuple[dict[str, int], list[str]]:
    """Per-status counts and failure messages from dbt's run_results.json."""
    if not path.exists():
        return {}, []
    results = json.loads(path.read_text()).get("results", [])
    counts: dict[str, int] = {}
    failures: list[str] = []
    for result in results:
        status = str(result.get("status"))
        counts[status] = counts.get(status, 0) + 1
        if status in {"error", "fail"}:
            failures.append(f"{result.get('unique_id')}: {result.get('message')}")
    return counts, failures


def build_warehouse(
    raw_dir: Path,
    warehouse: Path,
    select: str | None = None,
    dbt_vars: dict[str, object] | None = None,
    echo: bool = True,
) -> BuildResult:
    """`dbt build` (seeds, models, tests) of the whole project on one extract."""
    args = ["build"]
    if select:
        args += ["--select", select]
    return run_dbt(args, raw_dir, warehouse, dbt_vars, echo=echo)
