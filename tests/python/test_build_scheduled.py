"""Safe scheduled builds: a new file swapped in atomically on success, the last good
warehouse left byte-identical on failure, cron exit codes, and the audit of every run.

The dbt runs build a small part of the project (`SELECT`) to keep the suite fast; the swap,
the audit and the exit codes do not depend on how much is built.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from builds import SELECT, building_leftovers, sha256_of
from extracts import write_extract
from typer.testing import CliRunner

from countylines import audit
from countylines.build import (
    EXIT_BAD_INPUT,
    EXIT_BUILD_FAILED,
    EXIT_SUCCESS,
    build_lock,
    build_target_path,
    lock_path,
    scheduled_build,
)
from countylines.cli import app
from countylines.dbt_run import parse_node_line


def _cli_build(raw: Path, warehouse: Path, target: Path, *extra: str):
    return CliRunner().invoke(
        app,
        ["build", "--raw", str(raw), "--warehouse", str(warehouse), "--select", SELECT, *extra],
        env={"DBT_TARGET_PATH": str(target), "DBT_LOG_PATH": str(target / "logs")},
    )


@pytest.fixture(scope="module")
def site(small_extract: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A warehouse folder with one successful build of SELECT on the small extract."""
    root = tmp_path_factory.mktemp("scheduled")
    paths = {
        "raw": small_extract / "raw",
        "warehouse": root / "wh" / "countylines.duckdb",
        "target": root / "target",
    }
    first = _cli_build(paths["raw"], paths["warehouse"], paths["target"], "--quiet")
    assert first.exit_code == EXIT_SUCCESS, first.output
    return paths


def test_success_swaps_in_a_new_file_and_audits_it(site: dict[str, Path]) -> None:
    warehouse = site["warehouse"]
    assert warehouse.exists()
    assert building_leftovers(warehouse) == []
    fingerprint = audit.extract_fingerprint(site["raw"]).sha256
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = connection.execute(
            "select status, extract_fingerprint, extract_date, tests_failed, tests_passed "
            "from audit.build_runs"
        ).fetchall()
    finally:
        connection.close()
    assert len(rows) == 1
    status, recorded, extract_date, failed, passed = rows[0]
    assert (status, recorded, str(extract_date), failed) == (
        "success",
        fingerprint,
        "2025-06-30",
        0,
    )
    assert passed > 0
    logged = audit.read_audit_log(warehouse)
    assert [run["status"] for run in logged] == ["success"]
    assert logged[0]["extract_fingerprint"] == fingerprint


def test_rebuild_replaces_the_file_while_a_reader_holds_the_old_one(
    site: dict[str, Path],
) -> None:
    warehouse = site["warehouse"]
    old_inode = warehouse.stat().st_ino
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        before = reader.execute("select count(*) from staging.stg_nominal__nominals").fetchone()
        outcome = scheduled_build(site["raw"], warehouse, select=SELECT, target_path=site["target"])
        assert outcome.exit_code == EXIT_SUCCESS, outcome.record.message
        # The reader was not blocked and still reads the file it opened.
        after = reader.execute("select count(*) from staging.stg_nominal__nominals").fetchone()
        assert after == before
    finally:
        reader.close()
    assert warehouse.stat().st_ino != old_inode
    assert building_leftovers(warehouse) == []
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        runs = connection.execute(
            "select run_id, status from audit.build_runs order by started_at, run_id"
        ).fetchall()
        # The views dbt wrote into the new file still resolve under the warehouse's name.
        extract = connection.execute("select count(*) from raw.extract_date").fetchone()
    finally:
        connection.close()
    assert len(runs) == 2, "the previous run's audit row is carried forward"
    assert runs[-1] == (outcome.record.run_id, "success")
    assert extract == (1,)
    assert len(audit.read_audit_log(warehouse)) >= 2


def test_extract_missing_a_required_column_keeps_the_warehouse(
    site: dict[str, Path], tmp_path: Path
) -> None:
    warehouse = site["warehouse"]
    before = sha256_of(warehouse)
    bad = write_extract(tmp_path / "raw", drop_columns={"nominal/nominals": ["wmp_nominal_id"]})
    result = _cli_build(bad, warehouse, site["target"], "--quiet")
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert sha256_of(warehouse) == before
    assert building_leftovers(warehouse) == []
    last = audit.read_audit_log(warehouse)[-1]
    assert last["status"] == "bad_input"
    assert "missing required column wmp_nominal_id" in last["message"]
    assert last["extract_fingerprint"] == audit.extract_fingerprint(bad).sha256


def test_failing_model_exits_1_keeps_the_warehouse_and_can_keep_the_file(
    site: dict[str, Path],
) -> None:
    warehouse = site["warehouse"]
    before = sha256_of(warehouse)
    outcome = scheduled_build(
        site["raw"],
        warehouse,
        select=SELECT,
        dbt_vars={"analysis_date": "not-a-date"},  # the cast fails at run time
        target_path=site["target"],
        keep_failed=True,
    )
    assert outcome.exit_code == EXIT_BUILD_FAILED
    assert outcome.record.status == "failed"
    assert outcome.record.nodes_error >= 1
    assert sha256_of(warehouse) == before
    assert building_leftovers(warehouse) == []
    assert outcome.kept_failed is not None and outcome.kept_failed.exists()
    assert outcome.kept_failed.name == f"countylines.duckdb.failed-{outcome.record.run_id}"
    outcome.kept_failed.unlink()
    assert audit.read_audit_log(warehouse)[-1]["status"] == "failed"


def test_extract_changing_during_the_build_is_not_swapped_in(
    site: dict[str, Path], tmp_path: Path
) -> None:
    warehouse = site["warehouse"]
    before = sha256_of(warehouse)
    raw = tmp_path / "raw"
    shutil.copytree(site["raw"], raw)

    def append_while_building(line: str) -> None:
        event = parse_node_line(line)
        if event is not None and event.index == 1 and not event.finished:
            with open(raw / "register" / "deal_lines.csv", "a") as handle:
                handle.write("\n")

    outcome = scheduled_build(
        raw, warehouse, select=SELECT, on_line=append_while_building, target_path=site["target"]
    )
    assert outcome.exit_code == EXIT_BAD_INPUT
    assert "changed while it was being built" in outcome.record.message
    assert sha256_of(warehouse) == before
    assert building_leftovers(warehouse) == []


def test_missing_raw_folder_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouses" / "countylines.duckdb"
    result = CliRunner().invoke(
        app, ["build", "--raw", str(tmp_path / "nope"), "--warehouse", str(warehouse)]
    )
    assert result.exit_code == EXIT_BAD_INPUT
    assert "no raw extract folder" in result.output
    assert list(tmp_path.iterdir()) == [], "no folder, lock or log for a build that never started"


def test_a_link_out_of_the_extract_is_refused(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw")
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("intel_ref,submitted_date\n")
    (raw / "ims" / "intel_reports.csv").unlink()
    (raw / "ims" / "intel_reports.csv").symlink_to(elsewhere)
    (raw / "ims" / "inside.csv").symlink_to(raw / "ims" / "intel_nominals.csv")
    warehouse = tmp_path / "countylines.duckdb"
    result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--warehouse", str(warehouse)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert "intel_reports.csv links outside the extract" in result.output
    assert "inside.csv" not in result.output, "a link inside the extract is its own file"
    assert not warehouse.exists()


def test_missing_raw_folder_is_logged_beside_an_existing_warehouse(tmp_path: Path) -> None:
    warehouse = tmp_path / "countylines.duckdb"
    warehouse.write_bytes(b"")
    result = CliRunner().invoke(
        app, ["build", "--raw", str(tmp_path / "nope"), "--warehouse", str(warehouse)]
    )
    assert result.exit_code == EXIT_BAD_INPUT
    assert audit.read_audit_log(warehouse)[-1]["status"] == "bad_input"
    assert not lock_path(warehouse).exists()


def test_a_second_concurrent_build_does_not_start(tmp_path: Path) -> None:
    warehouse = tmp_path / "countylines.duckdb"
    with build_lock(warehouse) as locked:
        assert locked
        outcome = scheduled_build(tmp_path, warehouse)
    assert outcome.exit_code == EXIT_BAD_INPUT
    assert outcome.record.status == "locked"


def test_fingerprint_changes_when_a_raw_file_changes(small_extract: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(small_extract / "raw", raw)
    original = audit.extract_fingerprint(raw)
    assert original == audit.extract_fingerprint(small_extract / "raw"), "same bytes, same hash"
    assert original.files == len([p for p in raw.rglob("*") if p.is_file()])

    target = raw / "nominal" / "nominals.csv"
    content = target.read_bytes()
    target.write_bytes(content.replace(b"\n", b"\r\n", 1))  # one byte more
    edited = audit.extract_fingerprint(raw)
    assert edited.sha256 != original.sha256

    target.write_bytes(content[:-2] + content[-1:] + content[-2:-1])  # same size, bytes swapped
    assert audit.extract_fingerprint(raw).sha256 not in {original.sha256, edited.sha256}

    target.write_bytes(content)
    assert audit.extract_fingerprint(raw) == original
    target.rename(raw / "nominal" / "nominals_2025.csv")  # same bytes, another name
    assert audit.extract_fingerprint(raw).sha256 != original.sha256


def _record(run_id: str) -> audit.AuditRecord:
    return audit.AuditRecord(
        run_id=run_id,
        status="success",
        raw_dir="/raw",
        selector=None,
        extract_fingerprint="abc",
        message="swapped in",
        extract_files=1,
        extract_bytes=10,
        extract_date="2025-06-30",
        started_at="2026-01-01T00:00:00",
        ended_at="2026-01-01T00:01:00",
    )


def test_mart_row_counts_and_audit_rows(tmp_path: Path) -> None:
    database = tmp_path / "wh.duckdb"
    connection = duckdb.connect(str(database))
    connection.execute("create schema marts")
    connection.execute("create table marts.networks as select range as id from range(3)")
    connection.execute("create view marts.a_view as select 1 as id")
    connection.close()
    record = _record("r1")
    counts, warning = audit.write_audit_table(database, record, previous=None)
    assert counts == {"networks": 3}
    assert warning is None
    connection = duckdb.connect(str(database), read_only=True)
    row = connection.execute(
        "select run_id, json_extract(mart_row_counts, '$.networks')::int from audit.build_runs"
    ).fetchone()
    connection.close()
    assert row == ("r1", 3)
    assert json.loads(json.dumps(record.as_row(), default=str))["extract_fingerprint"] == "abc"


def test_progress_lines_are_parsed() -> None:
    started = parse_node_line("06:09:19  1 of 575 START sql table model staging.x ..... [RUN]")
    assert started is not None and not started.finished and started.total == 575
    passed = parse_node_line(
        "\x1b[0m06:09:20  15 of 575 PASS not_null_x  [\x1b[32mPASS\x1b[0m in 0.05s]"
    )
    assert passed is not None and passed.finished and not passed.failed
    assert passed.text == "not_null_x"
    failed = parse_node_line("06:09:21  16 of 575 ERROR creating sql table model m ... [ERROR]")
    assert failed is not None and failed.failed
    long_name = parse_node_line("06:09:22  17 of 575 PASS not_null_a_very_long_name . [PASS]")
    assert long_name is not None and long_name.text == "not_null_a_very_long_name"
    model = parse_node_line("06:09:20  1 of 9 OK created sql table model staging.x ... [OK]")
    assert model is not None and model.text == "created sql table model staging.x"
    assert parse_node_line("06:09:19  1 of 1 OK hook: countylines.on-run-start.0 .. [OK]") is None
    assert parse_node_line("06:09:18  Found 101 models, 448 data tests") is None


def test_history_falls_back_to_the_log_when_the_old_warehouse_is_locked(tmp_path: Path) -> None:
    """A writer holding the old warehouse must not cost the audit table its history."""
    warehouse = tmp_path / "countylines.duckdb"
    duckdb.connect(str(warehouse)).close()
    old = _record("r0")
    audit.append_audit_log(warehouse, old)
    building = tmp_path / "countylines.duckdb.building-r1"
    script = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
        "print('open', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(warehouse)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        _, warning = audit.write_audit_table(building, _record("r1"), previous=warehouse)
    finally:
        holder.kill()
        holder.wait()
    assert warning is not None and "1 successful runs restored" in warning
    connection = duckdb.connect(str(building), read_only=True)
    runs = connection.execute("select run_id from audit.build_runs order by run_id").fetchall()
    connection.close()
    assert runs == [("r0",), ("r1",)]


def test_builds_of_different_warehouses_keep_separate_target_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DBT_TARGET_PATH", raising=False)
    first = build_target_path(tmp_path / "a" / "countylines.duckdb")
    second = build_target_path(tmp_path / "b" / "countylines.duckdb")
    assert first != second and first.parent == second.parent
    assert build_target_path(tmp_path / "a" / "countylines.duckdb") == first, "one per warehouse"
    assert build_target_path(tmp_path / "w.duckdb", tmp_path / "mine") == tmp_path / "mine"
    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "env"))
    assert build_target_path(tmp_path / "w.duckdb") == tmp_path / "env"
