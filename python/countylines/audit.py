"""The build audit: what each scheduled build read, did and produced.

Every run of `countylines build` is written as one JSON line to `<warehouse>.runs.jsonl`
(append-only, failed runs too), and a successful run also as one row of the table
`audit.build_runs` inside the warehouse it produced, together with the rows of the runs
before it (carried forward from the warehouse it replaces), so analysts can query the
build history in SQL next to the marts.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from countylines.contract import EXTRACT_DATE_FILE

#: Read files in blocks of this size when hashing them.
_CHUNK_BYTES = 1 << 20

#: The columns of `audit.build_runs`, in order, with their DuckDB types.
AUDIT_COLUMNS: dict[str, str] = {
    "run_id": "varchar",
    "status": "varchar",
    "raw_dir": "varchar",
    "selector": "varchar",
    "extract_fingerprint": "varchar",
    "message": "varchar",
    "dbt_status_counts": "varchar",
    "mart_row_counts": "varchar",
    "extract_files": "integer",
    "extract_bytes": "bigint",
    "nodes_ok": "integer",
    "nodes_error": "integer",
    "nodes_skipped": "integer",
    "tests_passed": "integer",
    "tests_failed": "integer",
    "tests_warned": "integer",
    "seconds": "double",
    "peak_rss_mb": "double",
    "extract_date": "date",
    "started_at": "timestamp",
    "ended_at": "timestamp",
}


@dataclass(frozen=True)
class Fingerprint:
    """A hash over an extract's file names, sizes and contents, and what it covered."""

    sha256: str
    files: int
    bytes: int


@dataclass
class AuditRecord:
    """One build run, as written to the JSON lines file and `audit.build_runs`.

    Timestamps are UTC. `dbt_status_counts` counts dbt's result statuses (success, pass,
    fail, error, warn, skipped); `mart_row_counts` maps each table of schema `marts` to its
    row count (empty for a run that produced no warehouse).
    """

    run_id: str
    status: str
    raw_dir: str
    selector: str | None
    extract_fingerprint: str | None
    message: str
    extract_files: int | None
    extract_bytes: int | None
    extract_date: str | None
    started_at: str
    ended_at: str | None = None
    nodes_ok: int = 0
    nodes_error: int = 0
    nodes_skipped: int = 0
    tests_passed: int = 0
    tests_failed: int = 0
    tests_warned: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    dbt_status_counts: dict[str, int] = field(default_factory=dict)
    mart_row_counts: dict[str, int] = field(default_factory=dict)

    def as_row(self) -> dict[str, object]:
        """The record as a row of `audit.build_runs` (nested dicts as JSON text)."""
        row = asdict(self)
        row["dbt_status_counts"] = json.dumps(self.dbt_status_counts, sort_keys=True)
        row["mart_row_counts"] = json.dumps(self.mart_row_counts, sort_keys=True)
        return {column: row[column] for column in AUDIT_COLUMNS}


def utc_now() -> str:
    """The current UTC time, ISO 8601 to the second, without an offset (stored as UTC)."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def new_run_id() -> str:
    """A run id that sorts by start time and is unique across concurrent runs."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _extract_files(raw_dir: Path) -> Iterator[Path]:
    """Every file under the extract root, in a stable order (relative POSIX path)."""
    files = [path for path in raw_dir.rglob("*") if path.is_file()]
    yield from sorted(files, key=lambda path: path.relative_to(raw_dir).as_posix())


def extract_fingerprint(raw_dir: Path) -> Fingerprint:
    """SHA-256 over every file's relative name, size and bytes: any change to the extract
    (a file added, removed, renamed or edited) changes it; the same bytes give the same
    fingerprint wherever the extract lives."""
    raw_dir = Path(raw_dir)
    digest = hashlib.sha256()
    files = 0
    total = 0
    for path in _extract_files(raw_dir):
        size = path.stat().st_size
        digest.update(f"{path.relative_to(raw_dir).as_posix()}\0{size}\0".encode())
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK_BYTES):
                digest.update(chunk)
        files += 1
        total += size
    return Fingerprint(digest.hexdigest(), files, total)


def read_extract_date(raw_dir: Path) -> str | None:
    """The date in the extract's `extract_date.txt` (YYYY-MM-DD), or None if absent."""
    path = Path(raw_dir) / EXTRACT_DATE_FILE
    if not path.is_file():
        return None
    match = re.search(r"\d{4}-\d{2}-\d{2}", path.read_text(errors="replace"))
    return match.group(0) if match else None


def audit_log_path(warehouse: Path) -> Path:
    """The append-only JSON lines file of every run, next to the warehouse."""
    return warehouse.with_name(warehouse.name + ".runs.jsonl")


def append_audit_log(warehouse: Path, record: AuditRecord) -> Path:
    """Append one run to the JSON lines file (one object per line); return its path."""
    path = audit_log_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(record), sort_keys=True) + "\n")
    return path


def read_audit_log(warehouse: Path) -> list[dict[str, object]]:
    """Every run recorded in the JSON lines file, oldest first."""
    path = audit_log_path(warehouse)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def mart_row_counts(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table in schema `marts` of the connected database."""
    names = connection.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'marts' and table_catalog = current_database() "
        "and table_type = 'BASE TABLE' order by 1"
    ).fetchall()
    counts: dict[str, int] = {}
    for (name,) in names:
        row = connection.execute(f'select count(*) from marts."{name}"').fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def _has_audit_table(connection: duckdb.DuckDBPyConnection, catalog: str) -> bool:
    row = connection.execute(
        "select count(*) from information_schema.tables where table_catalog = ? "
        "and table_schema = 'audit' and table_name = 'build_runs'",
        [catalog],
    ).fetchone()
    return bool(row and row[0])


def write_audit_table(
    building: Path, record: AuditRecord, previous: Path | None
) -> tuple[dict[str, int], str | None]:
    """Record a successful run in `audit.build_runs` of the new warehouse file.

    Fills `record.mart_row_counts` from the new file first. If the new file has no audit
    table yet (a full build writes a fresh file), the rows of the `previous` warehouse's
    table are carried forward. Returns the mart counts and a warning if the previous
    history could not be read (the run is still recorded).
    """
    warning: str | None = None
    connection = duckdb.connect(str(building))
    try:
        record.mart_row_counts = mart_row_counts(connection)
        catalog = connection.execute("select current_database()").fetchone()[0]
        has_table = _has_audit_table(connection, catalog)
        connection.execute("create schema if not exists audit")
        if not has_table:
            columns = ", ".join(f"{name} {kind}" for name, kind in AUDIT_COLUMNS.items())
            connection.execute(f"create table audit.build_runs ({columns})")
            if previous is not None and previous.exists():
                warning = _carry_forward(connection, previous)
                if warning is not None:
                    warning += _carry_forward_from_log(connection, previous, record.run_id)
        row = record.as_row()
        placeholders = ", ".join("?" for _ in row)
        connection.execute(
            f"insert into audit.build_runs ({', '.join(row)}) values ({placeholders})",
            list(row.values()),
        )
        connection.execute("checkpoint")
    finally:
        connection.close()
    return record.mart_row_counts, warning


def _carry_forward_from_log(
    connection: duckdb.DuckDBPyConnection, warehouse: Path, run_id: str
) -> str:
    """Fallback when the previous warehouse cannot be read (e.g. someone holds it open for
    writing): the successful runs of the JSON lines file. Returns a note for the warning."""
    runs = [
        run
        for run in read_audit_log(warehouse)
        if run.get("status") == "success" and run.get("run_id") != run_id
    ]
    for run in runs:
        record = AuditRecord(**{key: run.get(key) for key in AuditRecord.__dataclass_fields__})
        record.dbt_status_counts = run.get("dbt_status_counts") or {}
        record.mart_row_counts = run.get("mart_row_counts") or {}
        row = record.as_row()
        connection.execute(
            f"insert into audit.build_runs ({', '.join(row)}) "
            f"values ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
    return f"; {len(runs)} successful runs restored from {audit_log_path(warehouse).name}"


def _carry_forward(connection: duckdb.DuckDBPyConnection, previous: Path) -> str | None:
    """Copy the previous warehouse's audit rows into the new file (read-only attach)."""
    try:
        connection.execute(
            f"attach '{str(previous).replace(chr(39), chr(39) * 2)}' as previous_wh (read_only)"
        )
    except duckdb.Error as error:
        return f"previous build history not carried forward: {error}"
    try:
        if _has_audit_table(connection, "previous_wh"):
            # Only the columns both tables know: an older layout still carries forward.
            previous_columns = {
                name
                for (name,) in connection.execute(
                    "select column_name from information_schema.columns "
                    "where table_catalog = 'previous_wh' and table_schema = 'audit' "
                    "and table_name = 'build_runs'"
                ).fetchall()
            }
            common = ", ".join(name for name in AUDIT_COLUMNS if name in previous_columns)
            connection.execute(
                f"insert into audit.build_runs ({common}) "
                f"select {common} from previous_wh.audit.build_runs order by started_at"
            )
        return None
    finally:
        connection.execute("detach previous_wh")


@dataclass(frozen=True)
class TableDigest:
    """An order-independent digest of one table: its row count, a sum of row hashes (a
    multiset hash: the same rows in any order give the same sum, a duplicated row does
    not cancel out) and the same sum per column, to say which columns differ."""

    rows: int
    row_hash: int
    column_hashes: dict[str, int]


def mart_digests(
    warehouse: Path, schema: str = "marts", double_digits: int | None = None
) -> dict[str, TableDigest]:
    """The digest of every table and view in `schema` of a warehouse file (read-only).

    Two builds of the same extract must give equal digests (repeatable builds); an
    incremental build must give the digests of a full rebuild. With `double_digits`,
    floating-point columns are compared at that many significant digits (a sum of doubles
    depends on the order its terms are added in); every other column bit for bit.
    """
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, data_type in connection.execute(
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_catalog = current_database() "
            "order by table_name, ordinal_position",
            [schema],
        ).fetchall():
            columns.setdefault(table, []).append((column, data_type))
        digests: dict[str, TableDigest] = {}
        for table, typed in columns.items():
            names = [name for name, _ in typed]
            values = [_digest_value(name, kind, double_digits) for name, kind in typed]
            sums = ", ".join(f"sum(hash({value})::hugeint)" for value in values)
            row = connection.execute(
                f"select count(*), sum(hash({', '.join(values)})::hugeint), {sums} "
                f'from {schema}."{table}"'
            ).fetchone()
            assert row is not None
            digests[table] = TableDigest(
                rows=int(row[0]),
                row_hash=int(row[1] or 0),
                column_hashes={
                    name: int(value or 0) for name, value in zip(names, row[2:], strict=True)
                },
            )
        return digests
    finally:
        connection.close()


def _digest_value(name: str, data_type: str, double_digits: int | None) -> str:
    """The SQL expression hashed for one column (doubles rounded when asked)."""
    quoted = '"' + name.replace('"', '""') + '"'
    if double_digits is not None and data_type.upper() in {"DOUBLE", "FLOAT", "REAL"}:
        return f"printf('%.{int(double_digits) - 1}e', {quoted})"
    return quoted


def digest_differences(
    first: dict[str, TableDigest], second: dict[str, TableDigest]
) -> dict[str, str]:
    """Per table that differs between two sets of digests: what differs (rows, columns)."""
    differences: dict[str, str] = {}
    for table in sorted(set(first) | set(second)):
        a, b = first.get(table), second.get(table)
        if a is None or b is None:
            differences[table] = "only in the " + ("second" if a is None else "first")
        elif a != b:
            changed = sorted(
                name
                for name in set(a.column_hashes) | set(b.column_hashes)
                if a.column_hashes.get(name) != b.column_hashes.get(name)
            )
            differences[table] = f"rows {a.rows} vs {b.rows}; columns {', '.join(changed)}"
    return differences
