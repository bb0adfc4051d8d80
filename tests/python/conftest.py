"""Shared pytest fixtures: a built warehouse over the hand-made corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from corpus import Corpus, load  # noqa: E402
from extracts import write_extract  # noqa: E402
from resolution_cases import add_cases  # noqa: E402

from countylines.dbt_run import run_dbt  # noqa: E402
from countylines.generator import generate_extract  # noqa: E402


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The merged hand-made corpus (tests/python/corpus)."""
    return load()


@pytest.fixture(scope="session")
def corpus_warehouse(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the warehouse (dbt build) on the corpus extract; return the DuckDB file."""
    root = tmp_path_factory.mktemp("corpus")
    raw = write_extract(root / "raw", corpus.rows, extract_date="2025-06-30")
    warehouse = root / "warehouse.duckdb"
    result = run_dbt(["build"], raw, warehouse, target_path=root / "target")
    assert result.success, "\n".join(result.failures) or result.log[-4000:]
    return warehouse


@pytest.fixture()
def corpus_db(corpus_warehouse: Path):
    """A read-only connection to the corpus warehouse."""
    connection = duckdb.connect(str(corpus_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def small_extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated `small` extract (raw/ and truth/) with the resolution hard cases added."""
    root = tmp_path_factory.mktemp("small")
    generate_extract(scale="small", seed=7, out_dir=root / "raw", truth_dir=root / "truth")
    add_cases(root / "raw")
    return root


@pytest.fixture(scope="session")
def small_warehouse(small_extract: Path) -> Path:
    """The warehouse built (dbt build, every test) on the small extract."""
    warehouse = small_extract / "warehouse.duckdb"
    result = run_dbt(
        ["build"], small_extract / "raw", warehouse, target_path=small_extract / "target"
    )
    assert result.success, "\n".join(result.failures) or result.log[-4000:]
    return warehouse
