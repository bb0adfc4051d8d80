"""Scheduled builds: what `countylines build` runs.

`scheduled_build` builds a new warehouse file next to the live one (dbt through
`countylines.dbt_run`) and swaps it in atomically only when every model and test passed, so
readers are never blocked and a failed or killed build leaves the last good warehouse in
place. It holds a lock per warehouse, fingerprints the extract and audits every run
(`countylines.audit`).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from countylines import audit
from countylines.dbt_run import (
    BuildResult,
    clean_line,
    default_target_path,
    parse_node_line,
    run_dbt,
)
from countylines.orphans import drop_orphan_relations

#: Exit codes of `countylines build`, fit for cron.
EXIT_SUCCESS = 0
EXIT_BUILD_FAILED = 1
EXIT_BAD_INPUT = 2

#: What the on-run-start hook says when the extract breaks the source contract.
STRUCTURAL_ERROR_MARK = "does not match the source contract"

#: For fault-tolerance tests: a scheduled build whose environment names one of its phases
#: here stops at that phase (prints `PAUSE_MARK <phase> pid=<pid>` on stderr and sleeps),
#: so a test can kill it at a known point. Phases, in order: `locked` (lock held, nothing
#: written), `copied` (a `--select` build's copy of the warehouse made), `node-<N>` (dbt
#: started its N-th node), `built` (dbt done, every test passed), `before-swap` (audit row
#: and docs written into the new file), `swapped` (new file in place, run not yet logged).
PAUSE_ENV = "COUNTYLINES_BUILD_PAUSE_AT"
PAUSE_MARK = "countylines-build-paused-at"


# --- scheduled builds ----------------------------------------------------------------


@dataclass
class ScheduledBuild:
    """The outcome of one `countylines build`: exit code, status and the audit record."""

    exit_code: int
    record: audit.AuditRecord
    warehouse: Path
    audit_log: Path
    result: BuildResult | None = None
    kept_failed: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def success(self) -> bool:
        """True when a new warehouse was swapped in."""
        return self.exit_code == EXIT_SUCCESS


def building_path(warehouse: Path, run_id: str) -> Path:
    """The file a run builds into, next to the warehouse.

    It keeps the warehouse's name as its first dot-separated part, so DuckDB gives it the
    same catalog name (`countylines.duckdb.building-<run_id>` is catalog `countylines`) and
    the views dbt writes into it still resolve after the swap.
    """
    return warehouse.with_name(f"{warehouse.name}.building-{run_id}")


def failed_path(warehouse: Path, run_id: str) -> Path:
    """Where `--keep-failed` leaves a failed run's file for diagnosis."""
    return warehouse.with_name(f"{warehouse.name}.failed-{run_id}")


def lock_path(warehouse: Path) -> Path:
    """The lock file of a warehouse's builds."""
    return warehouse.with_name(warehouse.name + ".lock")


@contextmanager
def build_lock(warehouse: Path) -> Iterator[bool]:
    """Hold `<warehouse>.lock` for the run; yields False if another build holds it.

    The lock is an `flock` on the file, not the file's existence: the kernel releases it
    when the holder dies, however it dies, so a killed build never leaves a stale lock (the
    file stays, with the dead holder's pid, and the next build takes it). The holder writes
    its pid into the file, for the message a second build prints.
    """
    path = lock_path(warehouse)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            handle.truncate(0)
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def lock_holder(warehouse: Path) -> str:
    """The pid written in the lock file (of the build holding it, or the last one)."""
    try:
        return lock_path(warehouse).read_text().strip()
    except OSError:
        return ""


def pause_if_asked(phase: str) -> None:
    """Stop here, until killed, if `PAUSE_ENV` names this phase (fault-tolerance tests)."""
    if os.environ.get(PAUSE_ENV) != phase:
        return
    sys.stderr.write(f"{PAUSE_MARK} {phase} pid={os.getpid()}\n")
    sys.stderr.flush()
    while True:
        time.sleep(3600)


def _pausing_at_node(on_line: Callable[[str], None] | None) -> Callable[[str], None] | None:
    """`on_line`, pausing when dbt starts the node `PAUSE_ENV` names (`node-<N>`)."""
    wanted = os.environ.get(PAUSE_ENV, "")
    if not re.fullmatch(r"node-\d+", wanted):
        return on_line

    def hook(line: str) -> None:
        event = parse_node_line(line)
        if event is not None and not event.finished:
            pause_if_asked(f"node-{event.index}")
        if on_line is not None:
            on_line(line)

    return hook


def _fsync_directory(folder: Path) -> None:
    """Make a rename in `folder` durable (a crash after the swap keeps the new file)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_path(path: Path) -> None:
    """Delete a file, or a folder with what it holds (DuckDB's `<file>.tmp` spill folder)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _remove_database(path: Path) -> None:
    """Delete a DuckDB file, its write-ahead log and its spill folder, if present."""
    for suffix in ("", ".wal", ".tmp"):
        _remove_path(path.with_name(path.name + suffix))


def _remove_stale_builds(warehouse: Path) -> list[str]:
    """Remove what runs that died left: `.building-*` files, their write-ahead logs and
    DuckDB spill folders (we hold the lock: no build is live)."""
    removed = []
    for stale in sorted(warehouse.parent.glob(f"{warehouse.name}.building-*")):
        _remove_path(stale)
        removed.append(stale.name)
    return removed


def scheduled_build(
    raw_dir: Path,
    warehouse: Path,
    select: str | None = None,
    dbt_vars: dict[str, object] | None = None,
    on_line: Callable[[str], None] | None = None,
    keep_failed: bool = False,
    target_path: Path | None = None,
    before_swap: Callable[[Path], list[str]] | None = None,
    incremental: bool = False,
    linkage_model: Path | None = None,
) -> ScheduledBuild:
    """Build a new warehouse file and swap it in only if dbt built and tested it all.

    1. Hold `<warehouse>.lock` (a second concurrent build exits 2 at once).
    2. Fingerprint the extract. Before 1: a missing raw folder or linkage model, or a
       symbolic link in the extract to a file outside it, is bad input (exit 2) and writes
       nothing (logged only beside an existing warehouse).
    3. `dbt build` into `<warehouse>.building-<run_id>`: a fresh file for a full build; for
       a `select`ed build, a copy of the current warehouse, so the rest of it is kept; for
       an `incremental` build, a copy too, on which every node is built again but models
       that can reuse the previous build's results do (the pair scores, given a
       `linkage_model`: see countylines.resolution.refresh). Its marts equal a full
       build's with the same model. On a copy, relations no model or seed builds any
       more (removed or renamed since) are dropped once dbt passed (countylines.orphans).
    4. On success: write the audit row (history carried forward), run `before_swap` (e.g.
       the docs), then `os.replace` the file onto the warehouse. Readers that opened the
       old file keep reading it; the next connection sees the new one.
    5. On failure: the warehouse is untouched; the new file is deleted (or renamed
       `<warehouse>.failed-<run_id>` when `keep_failed`). Exit 2 when the extract broke
       the source contract or changed during the build, else 1.
    Every run, whatever its outcome, is appended to `<warehouse>.runs.jsonl`.
    """
    raw_dir = Path(raw_dir).resolve()
    warehouse = Path(warehouse).resolve()
    if linkage_model is not None:
        dbt_vars = {**(dbt_vars or {}), "linkage_model": str(Path(linkage_model).resolve())}
    record = audit.AuditRecord(
        run_id=audit.new_run_id(),
        status="running",
        raw_dir=str(raw_dir),
        selector=select,
        extract_fingerprint=None,
        message="",
        extract_files=None,
        extract_bytes=None,
        extract_date=None,
        started_at=audit.utc_now(),
    )
    outcome = ScheduledBuild(EXIT_BAD_INPUT, record, warehouse, audit.audit_log_path(warehouse))
    refused = None
    if not raw_dir.is_dir():
        refused = f"no raw extract folder at {raw_dir}"
    elif linkage_model is not None and not Path(linkage_model).is_file():
        refused = f"no linkage model at {linkage_model}"
    elif leaving := links_leaving(raw_dir):
        refused = (
            f"{leaving[0]} links outside the extract (to {leaving[0].resolve()}): a build"
            " reads only the extract's own files"
            + (f" ({len(leaving) - 1} more such links)" if len(leaving) > 1 else "")
        )
    if refused is not None:
        # A build that never started writes nothing beside a warehouse that does not
        # exist (no lock, no log); an existing warehouse's log records the refusal.
        _finish(outcome, EXIT_BAD_INPUT, "bad_input", refused)
        if warehouse.exists():
            audit.append_audit_log(warehouse, record)
        return outcome
    target_path = build_target_path(warehouse, target_path)
    previous = previous_extract_date(warehouse)
    if previous is not None and "previous_extract_date" not in (dbt_vars or {}):
        dbt_vars = {**(dbt_vars or {}), "previous_extract_date": previous}
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(warehouse) as locked:
        if not locked:
            holder = lock_holder(warehouse)
            _finish(
                outcome,
                EXIT_BAD_INPUT,
                "locked",
                "another build of this warehouse is running"
                + (f" (pid {holder})" if holder else ""),
            )
        else:
            pause_if_asked("locked")
            stale = _remove_stale_builds(warehouse)
            outcome.warnings += [f"removed {name}, left by a build that died" for name in stale]
            _build_and_swap(
                outcome,
                raw_dir,
                select,
                dbt_vars,
                on_line,
                keep_failed,
                target_path,
                before_swap,
                incremental,
            )
    audit.append_audit_log(warehouse, record)
    return outcome


def build_target_path(warehouse: Path, target_path: Path | None = None) -> Path:
    """dbt's target and log folder for a build of `warehouse`: the one given (or
    `DBT_TARGET_PATH`), else `target/builds/<name>-<hash of its path>`, so two builds of
    different warehouses from one checkout never read or delete each other's
    run_results.json, manifest or dbt.log (builds of one warehouse take turns: its lock),
    and each keeps its own partial parse between runs."""
    if target_path is not None or os.environ.get("DBT_TARGET_PATH"):
        return default_target_path(target_path)
    resolved = str(Path(warehouse).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:12]
    return default_target_path(None) / "builds" / f"{Path(resolved).stem}-{digest}"


def links_leaving(raw_dir: Path) -> list[Path]:
    """Symbolic links in the extract folder whose target lies outside it, sorted: a build
    would read another folder's file as if it were the extract's."""
    root = raw_dir.resolve()
    return sorted(
        path
        for path in raw_dir.rglob("*")
        if path.is_symlink() and not path.resolve().is_relative_to(root)
    )


def previous_extract_date(warehouse: Path) -> str | None:
    """The extract date of the warehouse's last successful build (its run log), for the
    analyst view of what is new since then; None before the first."""
    if not warehouse.exists():
        return None
    for run in reversed(audit.read_audit_log(warehouse)):
        if run.get("status") == "success" and run.get("extract_date"):
            return str(run["extract_date"])
    return None


def _finish(outcome: ScheduledBuild, exit_code: int, status: str, message: str) -> None:
    outcome.exit_code = exit_code
    outcome.record.status = status
    outcome.record.message = message
    outcome.record.ended_at = audit.utc_now()


_COPIED_COUNTS = (
    "nodes_ok",
    "nodes_error",
    "nodes_skipped",
    "tests_passed",
    "tests_failed",
    "tests_warned",
    "seconds",
    "peak_rss_mb",
)


def _build_and_swap(
    outcome: ScheduledBuild,
    raw_dir: Path,
    select: str | None,
    dbt_vars: dict[str, object] | None,
    on_line: Callable[[str], None] | None,
    keep_failed: bool,
    target_path: Path | None,
    before_swap: Callable[[Path], list[str]] | None,
    incremental: bool = False,
) -> None:
    record, warehouse = outcome.record, outcome.warehouse
    fingerprint = audit.extract_fingerprint(raw_dir)
    record.extract_fingerprint = fingerprint.sha256
    record.extract_files = fingerprint.files
    record.extract_bytes = fingerprint.bytes
    record.extract_date = audit.read_extract_date(raw_dir)
    building = building_path(warehouse, record.run_id)
    if (select or incremental) and warehouse.exists():
        shutil.copyfile(warehouse, building)
        pause_if_asked("copied")
    args = ["build"]
    if select:
        # Only the tests whose every parent is built here (or upstream of it): a test that
        # joins to an unselected model would fail on a fresh file.
        args += ["--select", select, "--indirect-selection", "buildable"]
    try:
        result = run_dbt(
            args, raw_dir, building, dbt_vars, target_path, on_line=_pausing_at_node(on_line)
        )
        outcome.result = result
        for name in _COPIED_COUNTS:
            setattr(record, name, getattr(result, name))
        record.dbt_status_counts = dict(result.status_counts)
        if not result.success:
            structural = STRUCTURAL_ERROR_MARK in result.log
            _finish(
                outcome,
                EXIT_BAD_INPUT if structural else EXIT_BUILD_FAILED,
                "bad_input" if structural else "failed",
                _failure_message(result, structural),
            )
            return
        if audit.extract_fingerprint(raw_dir) != fingerprint:
            _finish(
                outcome,
                EXIT_BAD_INPUT,
                "bad_input",
                "the extract changed while it was being built (was it still being written?)",
            )
            return
        pause_if_asked("built")
        if select or incremental:  # built on a copy: what the project no longer builds goes
            target = default_target_path(target_path)
            outcome.warnings += drop_orphan_relations(building, target / "manifest.json")
        record.status = "success"
        record.ended_at = audit.utc_now()
        record.message = "swapped in" + (" (incremental)" if incremental else "")
        _, warning = audit.write_audit_table(building, record, warehouse)
        if warning:
            outcome.warnings.append(warning)
        if before_swap is not None:
            outcome.warnings += before_swap(building)
        pause_if_asked("before-swap")
        os.replace(building, warehouse)
        _fsync_directory(warehouse.parent)
        pause_if_asked("swapped")
        _finish(outcome, EXIT_SUCCESS, "success", record.message)
    except Exception as error:  # any failure must leave the old warehouse in place
        _finish(outcome, EXIT_BUILD_FAILED, "failed", f"{type(error).__name__}: {error}")
    finally:
        if building.exists() or building.with_name(building.name + ".wal").exists():
            if keep_failed:
                kept = failed_path(warehouse, record.run_id)
                for suffix in ("", ".wal"):
                    part = building.with_name(building.name + suffix)
                    if part.exists():
                        part.rename(kept.with_name(kept.name + suffix))
                outcome.kept_failed = kept
            else:
                _remove_database(building)
        _remove_path(building.with_name(building.name + ".tmp"))  # DuckDB's spill folder


def _failure_message(result: BuildResult, structural: bool) -> str:
    """One paragraph saying why dbt failed (for the audit and the terminal)."""
    if structural:
        start = result.log.find("The raw extract at")
        text = clean_line(result.log[start:] if start >= 0 else result.log[-2000:])
        return "\n".join(line for line in text.splitlines() if line.strip())[:2000]
    if result.failures:
        return "; ".join(result.failures)[:2000]
    tail = [clean_line(line) for line in result.log.splitlines()[-15:]]
    return "\n".join(line for line in tail if line.strip())[:2000]
