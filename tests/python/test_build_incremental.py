"""Incremental refresh: a new day's build on top of the last one equals a full build.

The small extract is split into a base (its last day's rows moved out, the extract date one
day earlier) and the same extract laid out as base files plus one new file per table for
the day (`countylines.extract_split.split_last_day`). With one saved linkage model, the base is
built, then the day is built incrementally on a copy of it (`--incremental`: the pair
scores of unchanged records are kept), and the base plus the day is built from scratch:
every mart must be identical, and the incremental build must really have reused scores.
A mart the base holds that the code no longer builds is dropped from the incremental build.

The scoring itself is checked first on its own (fast): a restricted scoring merged with
the kept pairs equals a full scoring, and a previous build scored under another model is
never reused.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest

from countylines.audit import digest_differences, mart_digests
from countylines.build import scheduled_build
from countylines.extract_split import split_last_day
from countylines.resolution.refresh import STATE_SUFFIX, refresh_scores
from countylines.resolution.scoring import (
    RECORD_COLUMNS,
    ScoringConfig,
    load_model,
    save_model,
    score_pairs,
    train_model,
)


@pytest.fixture(scope="module")
def records(small_warehouse: Path) -> pd.DataFrame:
    """The small extract's person records, as the scoring reads them."""
    with duckdb.connect(str(small_warehouse), read_only=True) as connection:
        return connection.execute(
            f"select {', '.join(RECORD_COLUMNS)} from intermediate.int_person_records"
        ).df()


@pytest.fixture(scope="module")
def model_file(records: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A linkage model trained on the small extract, saved and read back as builds do."""
    path = tmp_path_factory.mktemp("linkage") / "model.json"
    save_model(train_model(records), path)
    return path


def _sorted(pairs: pd.DataFrame) -> pd.DataFrame:
    frame = pairs.sort_values(["record_id_l", "record_id_r"], ignore_index=True)
    return frame.astype({"record_id_l": str, "record_id_r": str})


def _a_day_later(records: pd.DataFrame, pairs: pd.DataFrame) -> tuple[pd.DataFrame, set[str]]:
    """The records after a made-up day, each change touching records that have pairs: one
    removed, one renamed, and one new (a copy of another under a new id, so it pairs with
    it). Returns them and the ids of the new and changed records."""
    paired = sorted(set(pairs["record_id_l"]))
    removed, renamed, copied = paired[10], paired[20], paired[30]
    later = records[records["record_id"] != removed].copy()
    later.loc[later["record_id"] == renamed, "surname_std"] = "QUIXOTEFFERSON"
    new = later[later["record_id"] == copied].assign(record_id="NOMINAL:N999999999")
    return pd.concat([later, new], ignore_index=True), {renamed, "NOMINAL:N999999999"}


def test_refreshed_scores_equal_a_full_scoring_and_reuse_only_with_the_same_model(
    records: pd.DataFrame, model_file: Path, tmp_path: Path
) -> None:
    model, config = load_model(model_file), ScoringConfig()
    session = duckdb.connect(str(tmp_path / "scores.duckdb"))
    this = SimpleNamespace(database="scores", schema="main", identifier="pairs")

    def refresh(frame: pd.DataFrame, with_model: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
        pairs = refresh_scores(session, this, frame, config, with_model)
        session.register("refreshed", pairs)
        session.execute("create or replace table main.pairs as select * from refreshed")
        session.unregister("refreshed")
        state = session.execute(f"select * from main.pairs{STATE_SUFFIX}").df()
        return pairs, state

    first, state = refresh(records, model)
    assert state["rescored"].all() and len(state) == len(records)
    assert len(first) > 500

    later, changed = _a_day_later(records, first)
    refreshed, state = refresh(later, model)
    assert set(state.loc[state["rescored"], "record_id"]) == changed
    full = score_pairs(later, config, model)
    pd.testing.assert_frame_equal(_sorted(refreshed), _sorted(full))
    assert not _sorted(refreshed).equals(_sorted(first))  # the day changed some pairs

    # A previous build scored under another model is not reused: every record is scored.
    other = {**model, "splink": {**model["splink"], "probability_two_random_records_match": 0.5}}
    _, state = refresh(later, other)
    assert state["rescored"].all()


#: A mart the base warehouse holds but the code no longer builds (removed or renamed).
REMOVED_MART = "mart_removed_since_the_last_build"


@pytest.fixture(scope="module")
def refresh_builds(
    small_extract: Path, model_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The base built, the day built on it incrementally, and base plus day built fully."""
    root = tmp_path_factory.mktemp("incremental")
    base, full = root / "base", root / "full"
    moved = split_last_day(small_extract / "raw", base, full)
    assert sum(moved.values()) > 50, moved
    incremental, scratch = root / "incremental.duckdb", root / "full.duckdb"
    runs = [scheduled_build(base, incremental, linkage_model=model_file, target_path=root / "t1")]
    assert runs[0].success, runs[0].record.message
    with duckdb.connect(str(incremental)) as connection:  # a mart since removed from the code
        connection.execute(f"create table marts.{REMOVED_MART} as select 1 as x")
    runs += [
        scheduled_build(
            full, incremental, incremental=True, linkage_model=model_file, target_path=root / "t2"
        ),
        scheduled_build(full, scratch, linkage_model=model_file, target_path=root / "t3"),
    ]
    for run in runs:
        assert run.success, run.record.message
    assert runs[1].record.message == "swapped in (incremental)"
    assert [w for w in runs[1].warnings if REMOVED_MART in w], runs[1].warnings
    return {"incremental": incremental, "full": scratch}


def test_incremental_build_reused_the_scores_of_unchanged_records(
    refresh_builds: dict[str, Path],
) -> None:
    with duckdb.connect(str(refresh_builds["incremental"]), read_only=True) as connection:
        rescored, total = connection.execute(
            "select count(*) filter (where rescored), count(*)"
            f" from intermediate.int_person_pairs_scored{STATE_SUFFIX}"
        ).fetchone()
    assert 0 < rescored < total / 10, (rescored, total)


def test_incremental_build_equals_a_full_build(refresh_builds: dict[str, Path]) -> None:
    incremental = mart_digests(refresh_builds["incremental"])
    full = mart_digests(refresh_builds["full"])
    assert len(full) >= 20, sorted(full)
    differences = digest_differences(incremental, full)
    assert not differences, "marts differ between the incremental and the full build: " + (
        "; ".join(f"{table} ({why})" for table, why in differences.items())
    )
