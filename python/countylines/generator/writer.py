"""Writing the extract (CSV per SOURCES.md) and the truth (TRUTH.md) to disk.

CSV is RFC 4180 (Python's csv quoting: fields with commas, quotes or newlines are quoted and
quotes doubled). Some files get a UTF-8 BOM, `\\r\\n` line ends or a shuffled column order,
and crimes are split by recorded year, because real extracts do all of this.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from countylines.contract import EXTRACT_DATE_FILE, TABLES
from countylines.generator.config import EXTRACT_DATE

SPLIT_BY_YEAR = {"crimes/crimes": "recorded_date"}


@dataclass(frozen=True)
class FileStyle:
    """How one table's files are written."""

    bom: bool = False
    crlf: bool = False
    shuffle_columns: bool = False


MESSY_STYLES: dict[str, FileStyle] = {
    "nominal/nominals": FileStyle(bom=True),
    "compact/missing_persons": FileStyle(bom=True, crlf=True),
    "icis/custody_records": FileStyle(crlf=True),
    "pins/releases": FileStyle(shuffle_columns=True),
    "register/deal_lines": FileStyle(shuffle_columns=True, crlf=True),
}


def write_csv(df: pd.DataFrame, path: Path, style: FileStyle) -> None:
    """One CSV file: header row, RFC 4180 quoting, optional BOM and CRLF line ends."""
    df.to_csv(
        path,
        index=False,
        encoding="utf-8-sig" if style.bom else "utf-8",
        lineterminator="\r\n" if style.crlf else "\n",
        quoting=csv.QUOTE_MINIMAL,
    )


def write_extract(
    tables: dict[str, pd.DataFrame],
    out_dir: Path,
    rng: np.random.Generator,
    messy: bool,
    split: bool,
    split_years: Sequence[str] = ("2024", "2025"),
) -> dict[str, int]:
    """Every contract table under out_dir (one folder per system); rows written per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / EXTRACT_DATE_FILE).write_text(str(EXTRACT_DATE) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for table in TABLES:
        folder = out_dir / table.system
        folder.mkdir(exist_ok=True)
        for old in folder.glob(f"{table.name}*.csv"):
            old.unlink()
        df = tables[table.key][table.column_names]
        style = MESSY_STYLES.get(table.key, FileStyle()) if messy else FileStyle()
        if style.shuffle_columns:
            df = df[[table.column_names[i] for i in rng.permutation(len(table.column_names))]]
        if split and table.key in SPLIT_BY_YEAR:
            # one file per year of the window; a row dated outside it goes in the last
            year = df[SPLIT_BY_YEAR[table.key]].str[:4]
            label = year.where(year.isin(split_years[:-1]), split_years[-1]).to_numpy()
            for name in split_years:
                write_csv(df[label == name], folder / f"{table.name}_{name}.csv", style)
        else:
            write_csv(df, folder / f"{table.name}.csv", style)
        counts[table.key] = len(df)
    return counts


def write_truth(truth: dict[str, pd.DataFrame], truth_dir: Path) -> None:
    """The truth files (persons, identity, lines, groups) and the bad-row manifest."""
    truth_dir.mkdir(parents=True, exist_ok=True)
    for name, df in truth.items():
        write_csv(df, truth_dir / f"{name}.csv", FileStyle())
