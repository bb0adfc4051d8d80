"""`countylines bench`: time each stage of the build on a force-scale extract.

Not a test: it prints figures (wall time, peak memory of the dbt process) for the README.
The floor is the time DuckDB takes just to read every raw file once.
"""

from __future__ import annotations

import resource
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from countylines.build import run_dbt
from countylines.contract import TABLES

#: Stages in build order: (name, dbt selector). Later issues add theirs.
STAGES: list[tuple[str, str]] = [
    (
        "staging",
        "path:seeds path:models/staging path:models/marts/data_quality "
        "path:models/intermediate/intelligence",
    ),
    ("resolution", "path:models/intermediate/resolution path:models/marts/identity"),
    (
        "identification",
        # association evidence is the network layer's, read by identification
        "int_network_edge_evidence "
        "path:models/intermediate/identification path:models/marts/identification",
    ),
    (
        # networks carry their harm and priority, so these build together
        "network, harm and priority",
        "path:models/intermediate/network path:models/marts/network "
        "path:models/intermediate/harm path:models/marts/harm "
        "path:models/intermediate/prioritisation path:models/marts/prioritisation",
    ),
]


@dataclass(frozen=True)
class StageTiming:
    """One measured stage."""

    stage: str
    seconds: float
    peak_rss_mb: float
    success: bool


def raw_read_floor(raw: Path) -> float:
    """Seconds for DuckDB to read every raw file of the extract once, parsing every
    column into memory (a count alone would let DuckDB skip the parsing)."""
    connection = duckdb.connect()
    started = time.perf_counter()
    for table in TABLES:
        files = sorted((raw / table.system).glob(f"{table.name}*.csv"))
        if not files:
            continue
        file_list = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        connection.execute(
            f"create or replace temp table floor_read as select * from read_csv([{file_list}], "
            "header = true, all_varchar = true, union_by_name = true)"
        )
    return time.perf_counter() - started


def run_benchmark(raw: Path, workdir: Path) -> tuple[float, list[StageTiming], StageTiming]:
    """Time the raw-read floor, each stage in order, then the whole build from scratch."""
    floor = raw_read_floor(raw)
    staged = workdir / "staged.duckdb"
    stages: list[StageTiming] = []
    for name, selector in STAGES:
        result = run_dbt(
            ["build", "--select", selector, "--indirect-selection", "cautious"],
            raw,
            staged,
            target_path=workdir / "target",
        )
        stages.append(StageTiming(name, result.seconds, result.peak_rss_mb, result.success))
    whole_file = workdir / "whole.duckdb"
    if whole_file.exists():
        whole_file.unlink()
    whole = run_dbt(["build"], raw, whole_file, target_path=workdir / "target")
    total = StageTiming("whole build", whole.seconds, whole.peak_rss_mb, whole.success)
    return floor, stages, total


def own_peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clean(workdir: Path) -> None:
    """Remove a previous benchmark's warehouse files."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
