"""A build killed at any point leaves the last good warehouse intact, and the next build
succeeds.

`countylines build` runs as a real subprocess against a copy of the session's
`small_warehouse` (a good full build). `COUNTYLINES_BUILD_PAUSE_AT` stops it at a named
phase (build.py), and the test kills it there with SIGKILL, so no cleanup of ours runs: the
whole process group as a scheduler's timeout would, or the build process alone (dbt, its
child, must then die with it). After each kill the warehouse must be the file it was (or,
once swapped, the complete new one) with the same marts; a later build must take the lock,
remove what the killed ones left and swap in a good warehouse.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from builds import SELECT, building_leftovers, sha256_of

from countylines import audit
from countylines.build import (
    EXIT_BAD_INPUT,
    EXIT_SUCCESS,
    PAUSE_ENV,
    PAUSE_MARK,
    scheduled_build,
)


@pytest.fixture(scope="module")
def site(small_warehouse: Path, small_extract: Path, tmp_path_factory: pytest.TempPathFactory):
    """A warehouse folder holding a copy of a good full build (same file name, so the same
    DuckDB catalog name), its bytes and its marts' digests."""
    root = tmp_path_factory.mktemp("kill")
    warehouse = root / "wh" / small_warehouse.name
    warehouse.parent.mkdir()
    shutil.copyfile(small_warehouse, warehouse)
    return {
        "raw": small_extract / "raw",
        "warehouse": warehouse,
        "target": root / "target",
        "digests": audit.mart_digests(warehouse),
    }


def _start(site: dict, pause_at: str, selector: str | None) -> subprocess.Popen:
    """`countylines build --quiet` as its own process group, to pause at `pause_at`."""
    command = [
        str(Path(sys.executable).parent / "countylines"),
        "build",
        "--quiet",
        "--raw",
        str(site["raw"]),
        "--warehouse",
        str(site["warehouse"]),
    ]
    if selector:
        command += ["--select", selector]
    env = {
        **os.environ,
        PAUSE_ENV: pause_at,
        "DBT_TARGET_PATH": str(site["target"]),
        "DBT_LOG_PATH": str(site["target"] / "logs"),
    }
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_pause(process: subprocess.Popen, phase: str, timeout: float = 300) -> None:
    assert process.stderr is not None
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stderr], [], [], 1.0)
        if not ready:
            assert process.poll() is None, f"build ended before {phase}: {''.join(seen)}"
            continue
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        if line.startswith(f"{PAUSE_MARK} {phase} "):
            return
    pytest.fail(f"build did not reach {phase}: {''.join(seen)[-2000:]}")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _is_dead(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status  # a zombie has stopped; only its parent's wait is left


def _kill(process: subprocess.Popen, whole_group: bool) -> list[int]:
    """SIGKILL the build (and its group); return the children it had."""
    children = _children(process.pid)
    if whole_group:
        os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    process.wait(timeout=30)
    return children


def _assert_warehouse_good(site: dict) -> None:
    warehouse = site["warehouse"]
    connection = duckdb.connect(str(warehouse), read_only=True)
    connection.close()
    assert audit.mart_digests(warehouse) == site["digests"]


#: (phase, full build or --select, kill the whole group): early among the seeds of a
#: full build, right after a --select build copied the warehouse, mid-models of one with
#: only the build process killed, after the swap, and with the new file complete and
#: audited but not yet swapped in (last, so the final build finds its file to remove).
KILLS = [
    ("node-2", None, True),
    ("copied", SELECT, True),
    ("node-6", SELECT, False),
    ("swapped", SELECT, True),
    ("before-swap", SELECT, True),
]


def test_killed_builds_leave_the_last_good_warehouse_and_the_next_build_succeeds(
    site: dict,
) -> None:
    warehouse = site["warehouse"]
    started: list[subprocess.Popen] = []
    try:
        # The lock: a build paused holding it turns a second one away, naming its pid...
        holder = _start(site, "locked", SELECT)
        started.append(holder)
        _wait_for_pause(holder, "locked")
        turned_away = scheduled_build(site["raw"], warehouse, select=SELECT)
        assert turned_away.exit_code == EXIT_BAD_INPUT
        assert f"(pid {holder.pid})" in turned_away.record.message
        _kill(holder, whole_group=True)  # ...and dies without releasing it itself

        for phase, selector, whole_group in KILLS:
            before = sha256_of(warehouse)
            process = _start(site, phase, selector)
            started.append(process)
            _wait_for_pause(process, phase)
            children = _kill(process, whole_group)
            for child in children:  # dbt dies with the build, even when only it was killed
                deadline = time.monotonic() + 20
                while not _is_dead(child) and time.monotonic() < deadline:
                    time.sleep(0.2)
                assert _is_dead(child), f"dbt (pid {child}) outlived the build killed at {phase}"
            if phase == "swapped":
                assert building_leftovers(warehouse) == []
            else:
                assert sha256_of(warehouse) == before, f"warehouse changed by a kill at {phase}"
                assert building_leftovers(warehouse), (
                    f"a kill at {phase} leaves the unfinished file"
                )
            _assert_warehouse_good(site)

        # a killed build that was spilling to disk also leaves DuckDB's spill folder
        spill = warehouse.with_name(f"{warehouse.name}.building-19700101T000000Z-dead00.tmp")
        spill.mkdir()
        (spill / "duckdb_temp_storage-4K-0.tmp").write_bytes(b"spilled")
        logged = len(audit.read_audit_log(warehouse))
        outcome = scheduled_build(site["raw"], warehouse, select=SELECT, target_path=site["target"])
        assert outcome.exit_code == EXIT_SUCCESS, outcome.record.message
        assert building_leftovers(warehouse) == []
        assert any("left by a build that died" in warning for warning in outcome.warnings)
        _assert_warehouse_good(site)
        log = audit.read_audit_log(warehouse)
        assert len(log) == logged + 1 and log[-1]["status"] == "success"
        connection = duckdb.connect(str(warehouse), read_only=True)
        runs = connection.execute("select run_id from audit.build_runs").fetchall()
        connection.close()
        assert (outcome.record.run_id,) in runs
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
