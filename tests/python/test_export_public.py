"""The public aggregate export: disclosure control (hand-checked cases) and the written file."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from countylines.export import ExportError, write_exports
from countylines.export.public import MARKER, THRESHOLD, suppress

ONE_WAY = [("All", ["a", "b", "c"])]


def test_small_counts_are_suppressed_and_zeros_shown() -> None:
    counts = {"All": 20, "a": 0, "b": 12, "c": 8}
    assert suppress(counts, ONE_WAY) == set()
    counts = {"All": 3, "a": 0, "b": 3, "c": 0}
    assert suppress(counts, ONE_WAY) == {"All", "b"}


def test_a_lone_suppressed_part_takes_the_smallest_other_with_it() -> None:
    # c = 2 alone could be read off as 30 - 10 - 18: the next smallest, a = 10, goes too.
    counts = {"All": 30, "a": 10, "b": 18, "c": 2}
    assert suppress(counts, ONE_WAY) == {"c", "a"}


def test_suppressed_parts_summing_under_the_threshold_take_another() -> None:
    # a + b = 4 could be read off the total: both are at most 3, so c is suppressed too.
    counts = {"All": 24, "a": 2, "b": 2, "c": 20}
    assert suppress(counts, ONE_WAY) == {"a", "b", "c"}


def test_secondary_suppression_prefers_a_non_zero_cell() -> None:
    # Hiding the zero beside b = 3 would leave b's value as 12 - 9 in all but name.
    counts = {"All": 12, "a": 0, "b": 3, "c": 9}
    assert suppress(counts, ONE_WAY) == {"b", "c"}


def test_two_way_table_suppression_spreads_until_no_cell_can_be_derived() -> None:
    # rows r1, r2; columns c1, c2; one small cell: its row, its column and the
    # opposite corner must all be hidden for the table to add up without revealing it.
    counts = {
        "r1c1": 3, "r1c2": 20, "r2c1": 30, "r2c2": 40,
        "r1": 23, "r2": 70, "c1": 33, "c2": 60, "all": 93,
    }  # fmt: skip
    groups = [
        ("r1", ["r1c1", "r1c2"]),
        ("r2", ["r2c1", "r2c2"]),
        ("c1", ["r1c1", "r2c1"]),
        ("c2", ["r1c2", "r2c2"]),
        ("all", ["r1", "r2"]),
        ("all", ["c1", "c2"]),
    ]
    hidden = suppress(counts, groups)
    assert hidden == {"r1c1", "r1c2", "r2c1", "r2c2"}
    _assert_nothing_derivable(counts, groups, hidden)


def _assert_nothing_derivable(counts, groups, hidden) -> None:
    for total, parts in groups:
        cells = [total, *parts]
        assert sum(cell in hidden for cell in cells) != 1
        if total not in hidden:
            hidden_sum = sum(counts[part] for part in parts if part in hidden)
            assert hidden_sum == 0 or hidden_sum >= THRESHOLD


def test_random_tables_never_leave_a_derivable_cell() -> None:
    generator = random.Random(11)
    for _ in range(300):
        parts = [generator.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _ in range(4)]
        counts = dict(zip("abcd", parts, strict=True)) | {"All": sum(parts)}
        groups = [("All", list("abcd"))]
        hidden = suppress(counts, groups)
        assert all(cell in hidden for cell, count in counts.items() if 0 < count < THRESHOLD)
        _assert_nothing_derivable(counts, groups, hidden)


@pytest.fixture(scope="module")
def aggregates(small_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export_public")
    write_exports(small_warehouse, out, kinds=["public"], console=Console(file=io.StringIO()))
    return out / "public"


def _rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "aggregates.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_count_from_one_to_four_is_published(aggregates: Path) -> None:
    values = [row["value"] for row in _rows(aggregates)]
    assert values
    assert all(value == MARKER or value.isdigit() for value in values)
    assert not [value for value in values if value.isdigit() and 0 < int(value) < THRESHOLD]


def test_published_counts_are_the_marts_counts(aggregates: Path, small_warehouse: Path) -> None:
    rows = {(row["measure"], row["category"]): row["value"] for row in _rows(aggregates)}
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    try:
        expected = {
            ("Networks (immediate county lines networks)", "All"): "select count(*) "
            "from marts.networks",
            ("Deal lines", "All"): "select count(*) from marts.deal_lines",
            ("Safeguarding referrals (people who may be exploited)", "Children"): "select "
            "count(*) from marts.safeguarding_referrals where is_child",
            ("County-lines-linked people by route", "All / All"): "select count(*) "
            "from marts.nominal_priority",
            ("County-lines-linked people by route", "Enforcement / Children"): "select "
            "count(*) from marts.nominal_priority where route = 'ENFORCEMENT' and is_child",
        }
        checked = 0
        for key, query in expected.items():
            count = connection.execute(query).fetchone()[0]
            published = rows[key]
            if published != MARKER:
                assert int(published) == count, key
                checked += 1
            else:
                assert count > 0, key  # zeros are shown, never suppressed here
        assert checked >= 3
        nominal_ids = [
            row[0] for row in connection.execute("select nominal_id from marts.nominals").fetchall()
        ]
        names = [
            row[0]
            for row in connection.execute(
                "select display_name from marts.nominals where length(display_name) > 5"
            ).fetchall()
        ]
    finally:
        connection.close()
    text = "\n".join(path.read_text(encoding="utf-8") for path in aggregates.iterdir())
    assert not [value for value in nominal_ids if value in text]
    assert not [value for value in names if value in text]


def test_the_published_tables_add_up_where_shown(aggregates: Path) -> None:
    by_measure: dict[str, dict[str, str]] = {}
    for row in _rows(aggregates):
        by_measure.setdefault(row["measure"], {})[row["category"]] = row["value"]
    for measure, cells in by_measure.items():
        parts = [cell for cell in cells if cell != "All" and "All" not in cell.split(" / ")]
        if measure.startswith("Safeguarding"):
            parts = ["Children", "Adults or age unknown"]
        total = cells.get("All", cells.get("All / All"))
        values = [cells[part] for part in parts]
        if MARKER not in values and total != MARKER:
            assert sum(int(value) for value in values) == int(total), measure


def test_replacing_an_export_is_atomic(
    small_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = Console(file=io.StringIO())
    write_exports(small_warehouse, tmp_path, kinds=["public"], console=console)
    before = {path.name: path.read_bytes() for path in (tmp_path / "public").iterdir()}

    def half_written(connection, folder, provenance):
        (folder / "aggregates.csv").write_text("area_type,area_name\npolice force,")
        raise OSError("disk full")

    monkeypatch.setattr("countylines.export.write_public", half_written)
    with pytest.raises(OSError, match="disk full"):
        write_exports(small_warehouse, tmp_path, kinds=["public"], console=console)
    after = {path.name: path.read_bytes() for path in (tmp_path / "public").iterdir()}
    assert after == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [".export.lock", "public"]


def test_unknown_kind_and_missing_marts_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Unknown export kind"):
        write_exports(tmp_path / "none.duckdb", tmp_path, kinds=["pdf"], console=Console())
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(ExportError, match="marts.networks"):
        write_exports(empty, tmp_path / "out", kinds=["public"], console=Console())
