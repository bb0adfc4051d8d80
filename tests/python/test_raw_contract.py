"""The raw extract interface: structural errors stop the build with a clear message;
the tolerated variations (several files, BOM, CRLF, column order, extra columns,
header-only tables) build."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
from extracts import write_extract

from countylines.dbt_run import run_dbt


def _run(raw: Path, tmp_path: Path, select: str = "stg_extract__extract_date"):
    return run_dbt(
        ["run", "--select", select],
        raw,
        tmp_path / "wh.duckdb",
        target_path=tmp_path / "target",
    )


def test_missing_table_names_the_file_pattern(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw", skip_tables=["pins/releases"])
    result = _run(raw, tmp_path)
    assert not result.success
    assert "missing table pins.releases" in result.log
    assert str(raw / "pins" / "releases*.csv") in result.log


def test_missing_required_column_names_file_and_column(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw", drop_columns={"crimes/crimes": ["ho_code"]})
    result = _run(raw, tmp_path)
    assert not result.success
    assert "missing required column ho_code" in result.log
    assert str(raw / "crimes" / "crimes.csv") in result.log


def test_missing_optional_column_is_tolerated(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw", drop_columns={"crimes/crimes": ["lsoa_code"]})
    assert _run(raw, tmp_path).success


def _write_csv(path: Path, header: list[str], rows: list[list[str]], bom: bool, crlf: bool):
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n" if crlf else "\n")
        writer.writerow(header)
        writer.writerows(rows)


def test_union_of_files_by_header_name(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw", skip_tables=["nominal/nominals"])
    folder = raw / "nominal"
    folder.mkdir(exist_ok=True)
    _write_csv(
        folder / "nominals_2024.csv",
        ["surname", "wmp_nominal_id", "sex", "an_extra_column"],
        [["Ali", "N1", "M", "ignored"], ["Bell", "N2", "F", "ignored"]],
        bom=True,
        crlf=True,
    )
    _write_csv(
        folder / "nominals_2025.csv",
        ["wmp_nominal_id", "sex", "surname", "an_extra_column"],
        [["N3", "U", 'Quote "Q", Comma\nNewline', "x"]],
        bom=False,
        crlf=False,
    )
    result = _run(raw, tmp_path, select="+stg_nominal__nominals")
    assert result.success, result.log[-3000:]
    connection = duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True)
    rows = connection.execute(
        "select wmp_nominal_id, surname, sex from staging.stg_nominal__nominals order by 1"
    ).fetchall()
    assert rows == [
        ("N1", "ALI", "M"),
        ("N2", "BELL", "F"),
        ("N3", 'QUOTE "Q", COMMA NEWLINE', "U"),
    ]


def test_a_column_named_twice_names_file_and_column(tmp_path: Path) -> None:
    """A reader renames the second `surname` and drops its values: refused instead."""
    raw = write_extract(tmp_path / "raw", skip_tables=["nominal/nominals"])
    folder = raw / "nominal"
    folder.mkdir(exist_ok=True)
    _write_csv(
        folder / "nominals.csv",
        ["wmp_nominal_id", "surname", "Surname ", "date_of_birth"],
        [["N1", "Ali", "Omar", "1990-01-01"]],
        bom=True,
        crlf=False,
    )
    result = _run(raw, tmp_path)
    assert not result.success
    assert "does not match the source contract" in result.log
    assert "column surname named more than once" in result.log
    assert str(folder / "nominals.csv") in result.log


def test_extract_date_in_another_format_is_refused(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw")
    (raw / "extract_date.txt").write_text("30/06/2025\n")
    result = _run(raw, tmp_path)
    assert not result.success
    assert "expected one YYYY-MM-DD date, found '30/06/2025'" in result.log


def test_extract_date_as_the_contract_writes_it_builds(tmp_path: Path) -> None:
    raw = write_extract(tmp_path / "raw")
    (raw / "extract_date.txt").write_text("\ufeff2025-06-30\r\n")
    assert _run(raw, tmp_path).success
