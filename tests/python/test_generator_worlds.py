"""World variants (generator/worlds.py): each keeps the contract and changes its habit."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from countylines.contract import TABLES
from countylines.generator import generate_extract
from countylines.generator.worlds import WORLDS, get_world

SEED = 42


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """(raw, truth) of one small extract per world, same seed."""
    root = tmp_path_factory.mktemp("worlds")
    out = {}
    for name in WORLDS:
        raw, truth = root / name / "raw", root / name / "truth"
        generate_extract(scale="small", seed=SEED, out_dir=raw, truth_dir=truth, world=name)
        out[name] = (raw, truth)
    return out


def _table(raw: Path, system: str, name: str) -> pd.DataFrame:
    return pd.concat(
        pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for path in sorted((raw / system).glob(f"{name}*.csv"))
    )


def _texts(raw: Path) -> pd.Series:
    crimes = _table(raw, "crimes", "crimes")["mo_text"]
    intel = _table(raw, "ims", "intel_reports")["report_text"]
    return pd.concat([crimes, intel], ignore_index=True)


def test_every_world_writes_every_contract_table_with_its_columns(worlds) -> None:
    for name, (raw, _) in worlds.items():
        for table in TABLES:
            files = sorted((raw / table.system).glob(f"{table.name}*.csv"))
            assert files, f"{name}: no file for {table.key}"
            header = set(pd.read_csv(files[0], nrows=0, encoding="utf-8-sig").columns)
            assert header == {column.name for column in table.columns}, (name, table.key)


def test_an_unknown_world_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known worlds: standard"):
        get_world("atlantis")


def test_plain_speaking_officers_write_less_slang(worlds) -> None:
    def slang(raw: Path) -> int:
        texts = _texts(raw)
        return int(texts.str.contains(r"going OT|trap house|cuckoo", case=False).sum())

    standard, plain = slang(worlds["standard"][0]), slang(worlds["plain_speech"][0])
    assert standard >= 20
    assert plain < standard / 2
    assert _texts(worlds["plain_speech"][0]).str.contains("drug den").any()


def test_quiet_systems_rarely_mark_county_lines(worlds) -> None:
    def marked(raw: Path) -> int:
        markers = _table(raw, "crimes", "crimes")["markers"]
        return int(markers.str.contains("COUNTY_LINES").sum())

    assert marked(worlds["quiet_systems"][0]) < marked(worlds["standard"][0]) / 3


def test_cautious_grading_grades_more_reports_doubtful(worlds) -> None:
    def doubtful(raw: Path) -> int:
        grades = _table(raw, "ims", "intel_reports")["intel_grade"]
        return int(grades.isin(["D", "E", "4", "5"]).sum())

    assert doubtful(worlds["cautious_grading"][0]) > doubtful(worlds["standard"][0]) * 1.2


def test_young_lines_have_teenage_holders_and_more_cuckooed_adults(worlds) -> None:
    def people(truth: Path) -> pd.DataFrame:
        persons = pd.read_csv(truth / "persons.csv", dtype=str, keep_default_na=False)
        age = (pd.Timestamp("2025-06-30") - pd.to_datetime(persons["date_of_birth"])).dt.days
        return persons.assign(age=age / 365.25)

    standard, young = people(worlds["standard"][1]), people(worlds["young_lines"][1])
    holders = young[young["cl_role"] == "LINE_HOLDER"]
    assert (holders["age"] < 20).sum() >= 3
    assert (standard[standard["cl_role"] == "LINE_HOLDER"]["age"] < 17).sum() == 0
    assert (young["cl_role"] == "CUCKOOED").sum() > 1.5 * (standard["cl_role"] == "CUCKOOED").sum()
