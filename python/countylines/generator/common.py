"""Small vectorised helpers shared by the source modules: dates, postcodes, phones, ids."""

from __future__ import annotations

import numpy as np

from countylines.generator.config import EXTRACT_DATE, WINDOW_DAYS
from countylines.generator.reference import INCODE_LETTERS, NPU_DISTRICTS, NPU_WEIGHTS

WINDOW_START = EXTRACT_DATE - np.timedelta64(WINDOW_DAYS - 1, "D")


def iso_dates(days: np.ndarray) -> np.ndarray:
    """`YYYY-MM-DD` strings for datetime64[D] values (NaT gives an empty string)."""
    days = np.asarray(days, dtype="datetime64[D]")
    out = np.datetime_as_string(days, unit="D").astype(object)
    out[np.isnat(days)] = ""
    return out


def iso_timestamps(seconds: np.ndarray) -> np.ndarray:
    """`YYYY-MM-DD HH:MM:SS` strings for datetime64[s] values (NaT gives an empty string)."""
    seconds = np.asarray(seconds, dtype="datetime64[s]")
    text = np.datetime_as_string(seconds, unit="s").astype(str)
    out = np.char.replace(text, "T", " ").astype(object)
    out[np.isnat(seconds)] = ""
    return out


def random_days(
    rng: np.random.Generator,
    n: int,
    start: np.datetime64 = WINDOW_START,
    end: np.datetime64 = EXTRACT_DATE,
) -> np.ndarray:
    """n uniform dates in [start, end] (inclusive)."""
    span = int((end - start).astype(int)) + 1
    return start + rng.integers(0, max(span, 1), size=n).astype("timedelta64[D]")


def with_time(rng: np.random.Generator, days: np.ndarray) -> np.ndarray:
    """Add a time of day (weighted to afternoons and nights) to dates."""
    hour = (rng.normal(17, 5, size=len(days)).round().astype(int)) % 24
    second = hour * 3600 + rng.integers(0, 3600, size=len(days))
    return days.astype("datetime64[s]") + second.astype("timedelta64[s]")


def age_on(dob: np.ndarray, on: np.ndarray | np.datetime64) -> np.ndarray:
    """Whole years of age on a date (or dates), from datetime64[D] dates of birth."""
    dob = np.asarray(dob, dtype="datetime64[D]")
    on = np.asarray(on, dtype="datetime64[D]")
    dob_y = dob.astype("datetime64[Y]").astype(int) + 1970
    on_y = on.astype("datetime64[Y]").astype(int) + 1970
    dob_doy = (dob - dob.astype("datetime64[Y]")).astype(int)
    on_doy = (on - on.astype("datetime64[Y]")).astype(int)
    return on_y - dob_y - (on_doy < dob_doy)


def postcodes_in(rng: np.random.Generator, districts: np.ndarray) -> np.ndarray:
    """A full postcode (`B21 9QX`) in each of the given districts."""
    n = len(districts)
    letters = np.array(list(INCODE_LETTERS), dtype=object)
    sector = rng.integers(0, 10, size=n).astype(str).astype(object)
    unit = letters[rng.integers(0, len(letters), size=n)] + letters[rng.integers(0, 20, size=n)]
    return districts.astype(object) + " " + sector + unit


def in_force_districts(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """n (npu, district) pairs in force, weighted by NPU size."""
    npus = np.array(list(NPU_DISTRICTS), dtype=object)
    weights = np.array([NPU_WEIGHTS[npu] for npu in npus])
    npu = npus[rng.choice(len(npus), size=n, p=weights / weights.sum())]
    district = np.empty(n, dtype=object)
    for code in npus:
        rows = np.flatnonzero(npu == code)
        pool = np.array(NPU_DISTRICTS[code], dtype=object)
        district[rows] = pool[rng.integers(0, len(pool), size=len(rows))]
    return npu, district


def npu_of_district(districts: np.ndarray) -> np.ndarray:
    """The NPU code of each in-force district (empty string outside the force)."""
    lookup = {district: npu for npu, pool in NPU_DISTRICTS.items() for district in pool}
    return np.array([lookup.get(d, "") for d in districts], dtype=object)


def mobile_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """n distinct-looking UK mobile numbers as 11 digits (`07700900123`)."""
    body = rng.integers(400_000_000, 1_000_000_000, size=n)
    return "07" + body.astype(str).astype(object)


def sequence_ids(
    rng: np.random.Generator, prefix: str, n: int, width: int, start: int
) -> np.ndarray:
    """n distinct ids `prefix` + zero-padded number, numbers shuffled so order says nothing."""
    numbers = start + rng.permutation(n) * 3 + rng.integers(0, 3, size=n)
    return np.array([f"{prefix}{number:0{width}d}" for number in numbers], dtype=object)
