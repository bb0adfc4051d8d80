"""`countylines bench`: time each stage of the build on a force-scale extract.

Not a test: it prints figures (wall time, peak memory of the dbt process) for the README.
The floor is the time DuckDB takes just to read every raw file once.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from countylines.contract import TABLES
from countylines.dbt_run import parse_node_line, run_dbt

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


def _children_rss_mb() -> float:
    """Resident memory of this process's children (the dbt process), in MB (Linux)."""
    total = 0.0
    for children in Path("/proc/self/task").glob("*/children"):
        try:
            pids = children.read_text().split()
        except OSError:
            continue
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


@dataclass
class ModelMemory:
    """Peak resident memory of the dbt process while each model ran, sampled.

    Feed `on_line` with dbt's output (it tracks which models are running) and call `start`
    before and `stop` after the run. With dbt's threads, two models can run at once: a
    model's peak is the process's peak while it ran, so the largest one shows in both.
    """

    interval: float = 0.5
    peaks: dict[str, float] = field(default_factory=dict)
    running: dict[int, str] = field(default_factory=dict)
    _done: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def on_line(self, line: str) -> None:
        """Track the models dbt starts and finishes."""
        event = parse_node_line(line)
        if event is None or " model " not in f" {event.text} ":
            return
        name = event.text.rsplit(" ", 1)[-1]
        if event.finished:
            self.running.pop(event.index, None)
        else:
            self.running[event.index] = name
            self.peaks.setdefault(name, 0.0)

    def _sample(self) -> None:
        while not self._done.wait(self.interval):
            rss = _children_rss_mb()
            for name in list(self.running.values()):
                self.peaks[name] = max(self.peaks.get(name, 0.0), rss)

    def start(self) -> None:
        """Begin sampling in a background thread."""
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling."""
        self._done.set()
        if self._thread is not None:
            self._thread.join()

    def top(self, n: int = 10) -> list[tuple[str, float]]:
        """The n models with the highest peaks, highest first."""
        return sorted(self.peaks.items(), key=lambda item: (-item[1], item[0]))[:n]


def build_with_model_memory(
    raw: Path, warehouse: Path, target: Path, interval: float = 0.5
) -> tuple[StageTiming, ModelMemory]:
    """One whole `dbt build` into a fresh file, sampling memory per model."""
    if warehouse.exists():
        warehouse.unlink()
    memory = ModelMemory(interval=interval)
    memory.start()
    try:
        result = run_dbt(["build"], raw, warehouse, target_path=target, on_line=memory.on_line)
    finally:
        memory.stop()
    timing = StageTiming("whole build", result.seconds, result.peak_rss_mb, result.success)
    return timing, memory


def own_peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def clean(workdir: Path) -> None:
    """Remove a previous benchmark's warehouse files."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)


def run_cli(*arguments: str) -> float:
    """Run the real command line (`countylines <arguments>`, the one installed beside this
    Python) and return its seconds; on failure print the tail of its output and exit
    naming the command. The benchmark scripts measure the warehouse as a user runs it."""
    command = Path(sys.executable).with_name("countylines")
    started = time.perf_counter()
    result = subprocess.run([str(command), *arguments], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"countylines {' '.join(arguments)} failed (exit {result.returncode})")
    return seconds
