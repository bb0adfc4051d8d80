"""What every export shares: the read-only warehouse, CSV writing, atomic folders, manifests."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from string import Template

import duckdb


class ExportError(Exception):
    """An export that cannot be written as asked (the CLI exits 2 with the message)."""


#: Marts and seeds every export reads (schema-qualified). Checked before anything is written.
REQUIRED_RELATIONS: dict[str, list[str]] = {
    "i2": [
        "marts.network_members",
        "marts.network_edges",
        "marts.nominal_centrality",
        "marts.nominals",
        "marts.nominal_priority",
        "marts.safeguarding_referrals",
        "marts.deal_line_nominals",
        "reference.network_link_types",
    ],
    "partner": [
        "marts.networks",
        "marts.network_members",
        "marts.safeguarding_referrals",
        "marts.deal_lines",
        "marts.deal_line_nominals",
        "marts.nominals",
        "reference.age_bands",
    ],
    "public": [
        "marts.networks",
        "marts.deal_lines",
        "marts.safeguarding_referrals",
        "marts.nominal_priority",
        "reference.police_forces",
    ],
}
REQUIRED_RELATIONS["graphml"] = REQUIRED_RELATIONS["i2"]


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only (exports never write to it)."""
    try:
        return duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as error:
        raise ExportError(f"Cannot open the warehouse {warehouse} read-only: {error}") from error


def check_relations(connection: duckdb.DuckDBPyConnection, kinds: list[str]) -> None:
    """Fail with the missing marts named when the warehouse lacks what the kinds read."""
    present = {
        f"{schema}.{name}"
        for schema, name in connection.execute(
            "select table_schema, table_name from information_schema.tables"
        ).fetchall()
    }
    missing = sorted(
        {relation for kind in kinds for relation in REQUIRED_RELATIONS[kind]} - present
    )
    if missing:
        raise ExportError(
            "The warehouse lacks " + ", ".join(missing) + " (build it with `countylines build`)."
        )


def copy_csv(connection: duckdb.DuckDBPyConnection, query: str, path: Path) -> int:
    """Write a query's rows as RFC 4180 CSV (UTF-8, header, ISO dates); return the row count.

    DuckDB quotes any value holding a comma, a quote or a line break and doubles inner
    quotes, so free text round-trips through any CSV reader.
    """
    written = connection.execute(
        f"copy ({query}) to '{_sql_path(path)}' "
        "(format csv, header true, delimiter ',', quote '\"', escape '\"', "
        "dateformat '%Y-%m-%d', timestampformat '%Y-%m-%dT%H:%M:%S')"
    ).fetchone()
    return int(written[0])


def _sql_path(path: Path) -> str:
    """A path as a single-quoted SQL literal body."""
    return str(path).replace("'", "''")


def render_template(name: str, **values: object) -> str:
    """Fill `templates/<name>` (string.Template `$placeholders`) with values."""
    text = resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")
    return Template(text).substitute({key: str(value) for key, value in values.items()})


def build_provenance(connection: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """When the export runs and the latest successful build behind the warehouse.

    The build comes from `audit.build_runs` (README, Scheduled builds); a warehouse built
    without the audit (a plain `dbt build`) gives only the export time.
    """
    provenance: dict[str, object] = {"created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    try:
        row = connection.execute(
            "select run_id, ended_at, extract_date, extract_fingerprint "
            "from audit.build_runs where status = 'success' "
            "order by ended_at desc limit 1"
        ).fetchone()
    except duckdb.Error:
        return provenance
    if row is not None:
        provenance.update(
            build_run_id=row[0],
            build_ended_at=str(row[1]),
            extract_date=str(row[2]),
            extract_fingerprint=row[3],
        )
    return provenance


def write_manifest(folder: Path, kind: str, provenance: dict[str, object]) -> Path:
    """Write `manifest.json`: what was exported, from which build, each file's SHA-256.

    Written last, inside the staging folder, so a folder holding a manifest is complete.
    """
    files = []
    for path in sorted(folder.iterdir()):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            files.append({"file": path.name, "bytes": path.stat().st_size, "sha256": digest})
    manifest = {"kind": kind, **provenance, "files": files}
    path = folder / "manifest.json"
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


@contextmanager
def staged_folder(out: Path, name: str) -> Iterator[Path]:
    """Yield a private staging folder that replaces `out/name` only if the block succeeds.

    The staging folder (`out/.name.partial-*`, mode 0700 from mkdtemp) is renamed into
    place at the end; the previous export, if any, is moved aside first and then deleted.
    A failed or killed export therefore never leaves a half-written `out/name`: either the
    old complete export or the new complete one is there (the partial folder of a killed
    run is removed by the next export).
    """
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.partial-", dir=out))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    final = out / name
    if final.exists():
        previous = out / f".{name}.old-{uuid.uuid4().hex[:8]}"
        final.rename(previous)
        staging.rename(final)
        shutil.rmtree(previous, ignore_errors=True)
    else:
        staging.rename(final)


def remove_stale_partials(out: Path, names: list[str]) -> None:
    """Delete staging folders left by killed exports (call while holding the export lock)."""
    for name in names:
        for pattern in (f".{name}.partial-*", f".{name}.old-*"):
            for stale in out.glob(pattern):
                shutil.rmtree(stale, ignore_errors=True)
