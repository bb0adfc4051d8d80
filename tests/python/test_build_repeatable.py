"""Repeatable builds: two builds of the same extract give identical marts.

One build is the session's `small_warehouse`; the second builds the same extract into a
fresh file. Every table of schema `marts` is compared by an order-independent hash of its
rows and of each column, so a failure names the tables and columns that differ.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from countylines.audit import TableDigest, digest_differences, mart_digests
from countylines.dbt_run import run_dbt

#: Significant digits at which doubles must agree between two builds. The bit-for-bit test
#: below is stricter: it holds because every sum or mean of doubles that feeds a mart is an
#: exact decimal sum (macro exact_sum; DuckDB adds doubles in a thread-dependent order) and
#: PageRank runs on one OpenMP thread.
DOUBLE_DIGITS = 9


@pytest.fixture(scope="module")
def second_build(small_extract: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small extract built again, into a fresh file."""
    root = tmp_path_factory.mktemp("repeat")
    warehouse = root / "countylines.duckdb"
    result = run_dbt(["build"], small_extract / "raw", warehouse, target_path=root / "target")
    assert result.success, "\n".join(result.failures) or result.log[-4000:]
    return warehouse


def _explain(differences: dict[str, str]) -> str:
    return "; ".join(f"{table} ({why})" for table, why in differences.items())


def test_two_builds_of_one_extract_give_identical_marts(
    small_warehouse: Path, second_build: Path
) -> None:
    first = mart_digests(small_warehouse, double_digits=DOUBLE_DIGITS)
    second = mart_digests(second_build, double_digits=DOUBLE_DIGITS)
    assert len(first) >= 20, sorted(first)
    assert sum(digest.rows for digest in first.values()) > 10_000
    differences = digest_differences(first, second)
    assert not differences, "marts differ between two builds of one extract: " + _explain(
        differences
    )


def test_two_builds_of_one_extract_give_bit_identical_marts(
    small_warehouse: Path, second_build: Path
) -> None:
    differences = digest_differences(mart_digests(small_warehouse), mart_digests(second_build))
    assert not differences, "marts differ in their bits: " + _explain(differences)


def _digests_of(tmp_path: Path, name: str, values: str, **options: int) -> dict[str, TableDigest]:
    path = tmp_path / f"{name}.duckdb"
    connection = duckdb.connect(str(path))
    connection.execute("create schema marts")
    connection.execute(f"create table marts.t as select * from (values {values}) v(id, s, x)")
    connection.close()
    return mart_digests(path, **options)


def test_digests_ignore_row_order_and_name_the_column_that_differs(tmp_path: Path) -> None:
    base = _digests_of(tmp_path, "base", "(1, 'a', 0.5), (2, 'b', 1.5), (2, 'b', 1.5)")
    reordered = _digests_of(tmp_path, "reordered", "(2, 'b', 1.5), (1, 'a', 0.5), (2, 'b', 1.5)")
    edited = _digests_of(tmp_path, "edited", "(1, 'a', 0.5), (2, 'c', 1.5), (2, 'b', 1.5)")
    deduplicated = _digests_of(tmp_path, "deduplicated", "(1, 'a', 0.5), (2, 'b', 1.5)")
    assert digest_differences(base, reordered) == {}
    assert digest_differences(base, edited) == {"t": "rows 3 vs 3; columns s"}
    assert "rows 3 vs 2" in digest_differences(base, deduplicated)["t"]


def test_digests_compare_doubles_at_the_digits_asked(tmp_path: Path) -> None:
    one = "(1, 'a', 0.1::double + 0.2::double)"
    other = "(1, 'a', 0.3::double)"  # differs from 0.1 + 0.2 in the last bit
    far = "(1, 'a', 0.3001::double)"
    assert digest_differences(_digests_of(tmp_path, "one", one), _digests_of(tmp_path, "o", other))
    rounded = {"double_digits": DOUBLE_DIGITS}
    assert (
        digest_differences(
            _digests_of(tmp_path, "one9", one, **rounded),
            _digests_of(tmp_path, "other9", other, **rounded),
        )
        == {}
    )
    assert digest_differences(
        _digests_of(tmp_path, "one9b", one, **rounded),
        _digests_of(tmp_path, "far9", far, **rounded),
    ) == {"t": "rows 1 vs 1; columns x"}
