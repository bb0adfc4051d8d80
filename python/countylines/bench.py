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

#: Stages in build order: (name, the models the stage ends with). A stage builds those models
#: and everything upstream of them that no earlier stage built (dbt's `+` graph operator and
#: `--exclude`), so each stage has every parent it reads, wherever its folder: victims' lines
#: are found through the network, so the identification stage builds the network's edges
#: and communities it needs.
STAGES: list[tuple[str, str]] = [
    (
        "staging",
        "path:models/staging path:models/marts/data_quality path:models/intermediate/intelligence",
    ),
    ("resolution", "path:models/marts/identity"),
    ("identification (and the network it reads)", "path:models/marts/identification"),
    ("network, harm and priority", "path:models"),
]


def stage_selections() -> list[tuple[str, list[str]]]:
    """Each stage's dbt arguments: select its end models and their parents, excluding what
    earlier stages built."""
    selections = []
    built: list[str] = []
    for name, targets in STAGES:
        upstream = [f"+{target}" for target in targets.split()]
        args = ["--select", *upstream]
        if built:
            args += ["--exclude", *built]
        selections.append((name, args))
        built += upstream
    return selections


@dataclass(frozen=True)
class StageTiming:
    """One measured stage."""

    stage: str
    seconds: float
    peak_rss_mb: float
    success: bool
    failures: list[str] = field(default_factory=list)


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
    for name, selection in stage_selections():
        result = run_dbt(
            ["build", *selection, "--indirect-selection", "cautious"],
            raw,
            staged,
            target_path=workdir / "target",
        )
        stages.append(
            StageTiming(
                name, result.seconds, result.peak_rss_mb, result.success, result.failures[:5]
            )
        )
    whole_file = workdir / "whole.duckdb"
    if whole_file.exists():
        whole_file.unlink()
    whole = run_dbt(["build"], raw, whole_file, target_path=workdir / "target")
    total = StageTiming(
        "whole build", whole.seconds, whole.peak_rss_mb, whole.success, whole.failures[:5]
    )
    return floor, stages, total


@dataclass(frozen=True)
class NodeTime:
    """One node of a dbt run and the seconds it took."""

    name: str
    kind: str
    seconds: float
    rows: int | None


@dataclass(frozen=True)
class NodeProfile:
    """Where a dbt run's time went: its slowest models and tests, and dbt's own share."""

    models: list[NodeTime]
    tests: list[NodeTime]
    model_seconds: float
    test_seconds: float
    other_seconds: float
    wall_seconds: float
    threads: int

    @property
    def overhead_share(self) -> float:
        """The share of the run's wall time not spent inside any node (dbt's start-up,
        parsing, scheduling and hooks), counting each thread's node time once."""
        busy = (self.model_seconds + self.test_seconds + self.other_seconds) / max(self.threads, 1)
        return max(0.0, 1.0 - busy / self.wall_seconds) if self.wall_seconds else 0.0


def node_profile(run_results: dict, wall_seconds: float, top: int = 10) -> NodeProfile:
    """The profile of one dbt run from its run_results.json."""
    models, tests, other = [], [], 0.0
    for result in run_results.get("results", []):
        unique_id = str(result.get("unique_id", ""))
        kind = unique_id.split(".", 1)[0]
        rows = (result.get("adapter_response") or {}).get("rows_affected")
        node = NodeTime(
            unique_id.split(".")[-1],
            kind,
            float(result.get("execution_time") or 0.0),
            int(rows) if isinstance(rows, int) and rows >= 0 else None,
        )
        if kind == "model":
            models.append(node)
        elif kind in {"test", "unit_test"}:
            tests.append(node)
        else:
            other += node.seconds
    threads = int((run_results.get("args") or {}).get("threads") or 1)

    def slowest(nodes: list[NodeTime]) -> list[NodeTime]:
        return sorted(nodes, key=lambda node: (-node.seconds, node.name))[:top]

    return NodeProfile(
        models=slowest(models),
        tests=slowest(tests),
        model_seconds=sum(node.seconds for node in models),
        test_seconds=sum(node.seconds for node in tests),
        other_seconds=other,
        wall_seconds=wall_seconds,
        threads=threads,
    )


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
