"""Dirt (legal variations a reader must normalise) and bad rows (rows it must quarantine).

Source modules build clean tables (canonical codes, ISO dates, `Y`/`N` flags). This module
then roughens each table by its TableSpec: names in any case, dates of birth as DD/MM/YYYY
or 1900-01-01, messy postcodes and codes, flags in all spellings, bad rows of every kind, and
exact duplicate rows. Every bad row and duplicate is recorded in a manifest for the tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from countylines.generator.config import EXTRACT_DATE, Rates

BAD_KINDS = (
    "MISSING_KEY",
    "IMPOSSIBLE_DATE",
    "BAD_CODE",
    "BAD_GRADE",
    "ORPHAN_LINK",
    "DUPLICATE_KEY",
)
EXACT_DUPLICATE = "EXACT_DUPLICATE"

FLAG_SPELLINGS = {
    "Y": ("Y", "Yes", "1", "TRUE", "y", "true", "YES"),
    "N": ("N", "No", "0", "FALSE", "n", "false", "NO"),
}


@dataclass(frozen=True)
class TableSpec:
    """What in a table can be dirtied and which bad rows apply to it."""

    key: str
    pk: str | None = None
    required: tuple[str, ...] = ()  # columns that identify a row without a primary key
    names: tuple[str, ...] = ()
    dobs: tuple[str, ...] = ()
    postcodes: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    ho_codes: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()  # candidates for an impossible date
    bad_codes: Mapping[str, str] = field(default_factory=dict)  # column -> undocumented value
    links: Mapping[str, str] = field(default_factory=dict)  # column -> id that exists nowhere
    blank_for_missing: str | None = None  # column blanked for a MISSING_KEY row
    alter: str | None = None  # column changed for a DUPLICATE_KEY row
    grades: bool = False


def format_phones(rng: np.random.Generator, digits: np.ndarray) -> np.ndarray:
    """Phones as officers type them: `07700 900123`, `07700900123`, `+447700900123`,
    `(07700) 900-123`."""
    style = rng.choice(4, len(digits), p=[0.4, 0.3, 0.15, 0.15])
    out = np.empty(len(digits), dtype=object)
    for i, (number, s) in enumerate(zip(digits, style, strict=True)):
        if s == 0:
            out[i] = f"{number[:5]} {number[5:]}"
        elif s == 1:
            out[i] = number
        elif s == 2:
            out[i] = "+44" + number[1:]
        else:
            out[i] = f"({number[:5]}) {number[5:8]}-{number[8:]}"
    return out


def _rows(rng: np.random.Generator, mask: np.ndarray, rate: float) -> np.ndarray:
    """Positions where mask holds, each kept with probability rate."""
    return np.flatnonzero(mask & (rng.random(len(mask)) < rate))


def messy_names(rng: np.random.Generator, values: pd.Series, rates: Rates) -> pd.Series:
    """Names in upper/lower case and with stray spaces."""
    out = values.to_numpy(dtype=object).copy()
    filled = out != ""
    case_rows = _rows(rng, filled, rates.name_case)
    upper = rng.random(len(case_rows)) < 0.65
    out[case_rows[upper]] = [v.upper() for v in out[case_rows[upper]]]
    out[case_rows[~upper]] = [v.lower() for v in out[case_rows[~upper]]]
    space_rows = _rows(rng, filled, rates.name_spaces)
    pads = np.array([" {} ", "{} ", " {}", "{}  "], dtype=object)
    style = pads[rng.integers(0, len(pads), len(space_rows))]
    out[space_rows] = [
        s.format(v.replace(" ", "  ", 1)) for s, v in zip(style, out[space_rows], strict=True)
    ]
    return pd.Series(out, index=values.index)


def messy_dobs(rng: np.random.Generator, values: pd.Series, rates: Rates) -> pd.Series:
    """Dates of birth sometimes as DD/MM/YYYY, sometimes the unknown marker 1900-01-01."""
    out = values.to_numpy(dtype=object).copy()
    filled = out != ""
    for row in _rows(rng, filled, rates.dob_dmy):
        value = out[row]
        out[row] = f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    out[_rows(rng, filled, rates.dob_unknown)] = "1900-01-01"
    return pd.Series(out, index=values.index)


def messy_postcodes(rng: np.random.Generator, values: pd.Series, rates: Rates) -> pd.Series:
    """Postcodes in lower case and/or without the space."""
    out = values.to_numpy(dtype=object).copy()
    rows = _rows(rng, out != "", rates.postcode_messy)
    style = rng.integers(0, 3, len(rows))
    for row, s in zip(rows, style, strict=True):
        value = out[row]
        out[row] = (
            value.lower()
            if s == 0
            else value.replace(" ", "")
            if s == 1
            else (value.lower().replace(" ", ""))
        )
    return pd.Series(out, index=values.index)


def messy_codes(rng: np.random.Generator, values: pd.Series, rate: float) -> pd.Series:
    """Codes in lower/title case or with stray spaces."""
    out = values.to_numpy(dtype=object).copy()
    rows = _rows(rng, out != "", rate)
    style = rng.integers(0, 3, len(rows))
    for row, s in zip(rows, style, strict=True):
        value = out[row]
        out[row] = value.lower() if s == 0 else f" {value} " if s == 1 else value.title() + " "
    return pd.Series(out, index=values.index)


def short_ho_codes(rng: np.random.Generator, values: pd.Series, rate: float) -> pd.Series:
    """Home Office codes written without leading zeros of the class: `92/16`."""
    out = values.to_numpy(dtype=object).copy()
    for row in _rows(rng, out != "", rate):
        value = out[row]
        klass, _, sub = value.partition("/")
        out[row] = f"{int(klass)}/{sub}" if klass.isdigit() else value
    return pd.Series(out, index=values.index)


def spelled_flags(rng: np.random.Generator, values: pd.Series, rate: float) -> pd.Series:
    """`Y`/`N` flags respelled as Yes/No, 1/0, TRUE/FALSE ... (blank stays blank)."""
    out = values.to_numpy(dtype=object).copy()
    for code, spellings in FLAG_SPELLINGS.items():
        rows = _rows(rng, out == code, rate)
        pool = np.array(spellings, dtype=object)
        out[rows] = pool[rng.integers(0, len(pool), len(rows))]
    return pd.Series(out, index=values.index)


def apply_dirt(
    rng: np.random.Generator, df: pd.DataFrame, spec: TableSpec, rates: Rates
) -> pd.DataFrame:
    """The table with every legal variation of its spec applied at the configured rates."""
    df = df.copy()
    for column in spec.names:
        df[column] = messy_names(rng, df[column], rates)
    if len(spec.names) == 2 and len(df):
        first, second = spec.names
        rows = _rows(rng, np.ones(len(df), dtype=bool), rates.name_swapped)
        a, b = df[first].to_numpy().copy(), df[second].to_numpy().copy()
        a[rows], b[rows] = b[rows], a[rows].copy()
        df[first], df[second] = a, b
    for column in spec.dobs:
        df[column] = messy_dobs(rng, df[column], rates)
    for column in spec.postcodes:
        df[column] = messy_postcodes(rng, df[column], rates)
    for column in spec.codes:
        df[column] = messy_codes(rng, df[column], rates.code_messy)
    for column in spec.ho_codes:
        df[column] = short_ho_codes(rng, df[column], rates.ho_short)
    for column in spec.flags:
        df[column] = spelled_flags(rng, df[column], rates.flag_spelling)
    return df


def _record_keys(df: pd.DataFrame, spec: TableSpec) -> np.ndarray:
    """The key that names each row in the manifest: the primary key or the required columns."""
    if spec.pk:
        return df[spec.pk].to_numpy(dtype=object)
    keys = df[spec.required[0]].to_numpy(dtype=object).astype(str).astype(object)
    for column in spec.required[1:]:
        keys = keys + "|" + df[column].to_numpy(dtype=object).astype(str).astype(object)
    return keys


def _impossible_dates(rng: np.random.Generator, originals: np.ndarray) -> np.ndarray:
    """Dates after the extract date or before 1900 (not the 1900-01-01 marker), keeping any time."""
    n = len(originals)
    future = EXTRACT_DATE + rng.integers(20, 4000, n).astype("timedelta64[D]")
    past = np.datetime64("1850-01-01") + rng.integers(0, 49 * 365, n).astype("timedelta64[D]")
    days = np.where(rng.random(n) < 0.6, future, past)
    text = np.datetime_as_string(days, unit="D").astype(object)
    has_time = np.array([" " in str(v) for v in originals], dtype=bool)
    text[has_time] = text[has_time] + " 12:00:00"
    return text


def _bad_count(rate: float, n: int, rates: Rates) -> int:
    """How many bad rows of one kind a table of n rows gets."""
    if n < 10:
        return 0
    return max(rates.min_bad_per_kind, int(round(rate * n)))


def inject_bad_rows(
    rng: np.random.Generator, df: pd.DataFrame, spec: TableSpec, rates: Rates
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The table with bad rows of every applicable kind, and a manifest (table, record_key, kind).

    Impossible dates, bad codes, bad grades and orphan links change existing rows in place;
    missing keys and duplicate keys are extra copies of existing rows, so the person records
    that the truth's identity.csv lists are unchanged.
    """
    n = len(df)
    plan = {
        "IMPOSSIBLE_DATE": _bad_count(rates.impossible_date, n, rates) if spec.dates else 0,
        "BAD_CODE": _bad_count(rates.bad_code, n, rates) if spec.bad_codes else 0,
        "BAD_GRADE": _bad_count(rates.bad_grade, n, rates) if spec.grades else 0,
        "ORPHAN_LINK": _bad_count(rates.orphan_link, n, rates) if spec.links else 0,
        "MISSING_KEY": _bad_count(rates.missing_key, n, rates) if spec.blank_for_missing else 0,
        "DUPLICATE_KEY": _bad_count(rates.duplicate_key, n, rates) if spec.pk and spec.alter else 0,
    }
    total = sum(plan.values())
    if total == 0:
        return df, _manifest([], [], spec)
    chosen = rng.choice(n, min(total, n), replace=False)
    df = df.copy()
    keys_out: list[np.ndarray] = []
    kinds_out: list[str] = []
    copies: list[pd.DataFrame] = []
    start = 0
    for kind, count in plan.items():
        rows = chosen[start : start + count]
        start += count
        if len(rows) == 0:
            continue
        if kind == "IMPOSSIBLE_DATE":
            columns = np.array(spec.dates, dtype=object)[
                rng.integers(0, len(spec.dates), len(rows))
            ]
            for column in dict.fromkeys(columns):
                target = rows[columns == column]
                df.iloc[target, df.columns.get_loc(column)] = _impossible_dates(
                    rng, df[column].to_numpy()[target]
                )
        elif kind == "BAD_CODE":
            names = list(spec.bad_codes)
            columns = np.array(names, dtype=object)[rng.integers(0, len(names), len(rows))]
            for column in dict.fromkeys(columns):
                df.iloc[rows[columns == column], df.columns.get_loc(column)] = spec.bad_codes[
                    column
                ]
        elif kind == "BAD_GRADE":
            old = rng.random(len(rows)) < 0.5
            scheme = df.columns.get_loc("grading_scheme")
            source = df.columns.get_loc("source_grade")
            intel = df.columns.get_loc("intel_grade")
            df.iloc[rows[old], scheme] = "5x5x5"
            df.iloc[rows[old], source] = "1"
            df.iloc[rows[~old], scheme] = "3x5x2"
            df.iloc[rows[~old], intel] = "4"
        elif kind == "ORPHAN_LINK":
            names = list(spec.links)
            columns = np.array(names, dtype=object)[rng.integers(0, len(names), len(rows))]
            for column in dict.fromkeys(columns):
                target = rows[columns == column]
                numbers = rng.integers(10_000_000, 99_999_999, len(target))
                df.iloc[target, df.columns.get_loc(column)] = [
                    f"{spec.links[column]}{number}" for number in numbers
                ]
        elif kind == "MISSING_KEY":
            copy = df.iloc[rows].copy()
            copy[spec.blank_for_missing] = ""
            copies.append(copy)
            keys_out.append(_record_keys(copy, spec))
            kinds_out.extend([kind] * len(rows))
            continue
        elif kind == "DUPLICATE_KEY":
            copy = df.iloc[rows].copy()
            donors = df[spec.alter].to_numpy()[rng.integers(0, n, len(rows))]
            current = copy[spec.alter].to_numpy()
            copy[spec.alter] = np.where(donors == current, current + "X", donors)
            copies.append(copy)
        keys_out.append(_record_keys(df.iloc[rows], spec))
        kinds_out.extend([kind] * len(rows))
    if copies:
        df = pd.concat([df, *copies], ignore_index=True)
    return df, _manifest(keys_out, kinds_out, spec)


def _manifest(keys: list[np.ndarray], kinds: list[str], spec: TableSpec) -> pd.DataFrame:
    """A manifest frame (table, record_key, kind)."""
    record_key = np.concatenate(keys) if keys else np.array([], dtype=object)
    return pd.DataFrame({"table": spec.key, "record_key": record_key, "kind": kinds})


def add_exact_duplicates(
    rng: np.random.Generator,
    df: pd.DataFrame,
    spec: TableSpec,
    rate: float,
    exclude: np.ndarray,
    minimum: int,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Exact copies of some rows (overlapping extract periods), avoiding rows in `exclude`."""
    keys = _record_keys(df, spec)
    excluded = set(exclude.tolist())
    eligible = np.flatnonzero([key != "" and key not in excluded for key in keys])
    count = min(len(eligible), max(minimum if len(df) >= 10 else 0, int(round(rate * len(df)))))
    if count == 0:
        return df, _manifest([], [], spec)
    rows = np.sort(rng.choice(eligible, count, replace=False))
    copies = df.iloc[rows]
    return pd.concat([df, copies], ignore_index=True), _manifest(
        [keys[rows]], [EXACT_DUPLICATE] * count, spec
    )
