"""Run dbt against one raw extract, writing one warehouse file, and read what it did.

dbt runs in a child process: the DuckDB file is closed when it ends, so the caller (the
CLI, a test, the report) can open the warehouse afterwards, and a crash in dbt cannot take
the caller down with it. The child dies with its parent. Its `N of M STATUS node` lines are
parsed for the progress display (`parse_node_line`).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
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
    returncode: int = 0
    tests_passed: int = 0
    tests_failed: int = 0
    tests_warned: int = 0
    nodes_ok: int = 0
    nodes_error: int = 0
    nodes_skipped: int = 0


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
    on_line: Callable[[str], None] | None = None,
) -> BuildResult:
    """Invoke dbt with this project, the given extract and warehouse file.

    The raw folder and the warehouse path reach dbt through the environment
    (`COUNTYLINES_RAW`, `COUNTYLINES_WAREHOUSE`) that dbt_project.yml and
    profiles.yml read, so a plain `dbt build` from the project folder behaves the same.
    dbt's target folder is `target_path`, else `DBT_TARGET_PATH`, else `target/`; its log
    folder `DBT_LOG_PATH`, else `<target>/logs`. `on_line` receives each line of dbt's
    output as it comes (for a progress display).
    """
    raw_dir = Path(raw_dir).resolve()
    warehouse = Path(warehouse).resolve()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    target = default_target_path(target_path)
    env = {
        **os.environ,
        "COUNTYLINES_RAW": str(raw_dir),
        "COUNTYLINES_WAREHOUSE": str(warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_LOG_PATH": os.environ.get("DBT_LOG_PATH") or str(target / "logs"),
        # Repeatable builds: igraph's PageRank (PRPACK) sums with OpenMP reductions, whose
        # order varies from run to run with more than one thread, so `pagerank` (and what
        # reads it) differed in the last bits between two builds of one extract. dbt runs
        # its own threads, so one OpenMP thread per model costs little.
        "OMP_NUM_THREADS": "1",
    }
    # A run that stops before writing run_results.json must not report the last run's.
    (target / "run_results.json").unlink(missing_ok=True)
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
        preexec_fn=_die_with_parent(os.getpid()),
    )
    lines: list[str] = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if echo:
            sys.stderr.write(line)
        if on_line is not None:
            on_line(line)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    result = _read_run_results(target / "run_results.json")
    result.success = process.returncode == 0
    result.returncode = process.returncode
    result.log = "".join(lines)
    result.seconds = seconds
    result.peak_rss_mb = usage.ru_maxrss / 1024
    return result


def _die_with_parent(parent_pid: int) -> Callable[[], None] | None:
    """For the dbt child (Linux): be killed when the process that started it dies.

    Without it a build killed with SIGKILL (no cleanup runs) leaves dbt running on, writing
    a file nobody will swap in, while the next build starts.
    """
    if not sys.platform.startswith("linux"):
        return None

    def in_child() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)

    return in_child


def default_target_path(target_path: Path | None = None) -> Path:
    """dbt's target folder: the given one, else `DBT_TARGET_PATH`, else `target/`."""
    chosen = target_path or os.environ.get("DBT_TARGET_PATH")
    if not chosen:
        return PROJECT_DIR / "target"
    chosen = Path(chosen)
    return (chosen if chosen.is_absolute() else PROJECT_DIR / chosen).resolve()


def _read_run_results(path: Path) -> BuildResult:
    """Per-status counts, test tallies and failure messages from dbt's run_results.json."""
    result = BuildResult(False)
    if not path.exists():
        return result
    for node in json.loads(path.read_text()).get("results", []):
        status = str(node.get("status"))
        unique_id = str(node.get("unique_id"))
        result.status_counts[status] = result.status_counts.get(status, 0) + 1
        if unique_id.startswith("operation."):  # hooks: not nodes of the project
            if status == "error":
                result.failures.append(f"{unique_id}: {node.get('message')}")
            continue
        if status == "skipped":
            result.nodes_skipped += 1
        elif unique_id.startswith(("test.", "unit_test.")):
            if status == "pass":
                result.tests_passed += 1
            elif status == "warn":
                result.tests_warned += 1
            elif status in {"fail", "error"}:
                result.tests_failed += 1
        elif status == "success":
            result.nodes_ok += 1
        elif status == "error":
            result.nodes_error += 1
        if status in {"error", "fail"}:
            result.failures.append(f"{unique_id}: {node.get('message')}")
    return result


# --- progress ------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_NODE_LINE = re.compile(
    r"^\S*\s*(?P<index>\d+) of (?P<total>\d+) "
    r"(?P<status>START|OK|PASS|FAIL|ERROR|WARN|SKIP|NO-OP)\b\s*(?P<text>.*?)\s*$"
)


@dataclass(frozen=True)
class NodeEvent:
    """One `N of M STATUS ...` line of dbt's output: a node started or finished."""

    index: int
    total: int
    status: str
    text: str

    @property
    def finished(self) -> bool:
        """True when the node is done (any status but START)."""
        return self.status != "START"

    @property
    def failed(self) -> bool:
        """True for a model error or a failing test."""
        return self.status in {"FAIL", "ERROR"}


def parse_node_line(line: str) -> NodeEvent | None:
    """The node event of a line of dbt's output, or None (hooks and other lines).

    >>> parse_node_line("06:09:20  15 of 575 PASS not_null_x .... [PASS in 0.05s]").status
    'PASS'
    """
    match = _NODE_LINE.match(_ANSI.sub("", line).strip())
    if match is None or " hook: " in f" {match['text']}":
        return None
    text = re.sub(r"\s*\[[^\]]*\]$", "", match["text"])  # the [OK in 0.4s] timing
    text = re.sub(r"\s+\.+$", "", text)  # the dot leader
    return NodeEvent(int(match["index"]), int(match["total"]), match["status"], text)


def clean_line(line: str) -> str:
    """A line of dbt's output without colour codes and trailing newline."""
    return _ANSI.sub("", line).rstrip("\n")
