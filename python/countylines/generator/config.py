"""Scales, rates and the random streams of the generator.

Everything tunable lives here: how big the world is at each scale and how often each kind
of identity noise, dirt and bad row appears. The rest of the package reads these values
and holds no constants of its own that a tester would want to change.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np

EXTRACT_DATE = np.datetime64("2025-06-30", "D")
WINDOW_DAYS = 365


@dataclass(frozen=True)
class Rates:
    """Identity noise, dirt and bad-row rates (shares of rows, 0-1)."""

    # identity noise
    duplicate_person: float = 0.05  # people holding a second nominal id
    third_id_given_duplicate: float = 0.15
    alt_id_use: float = 0.35  # a reference to a duplicated person uses a non-primary id
    pnc_missing: float = 0.12
    pnc_mistyped: float = 0.01
    twins: float = 0.002
    father_son: float = 0.002
    compact_records_nominal: float = 0.4
    # dirt
    name_case: float = 0.15
    name_spaces: float = 0.03
    name_swapped: float = 0.01
    dob_dmy: float = 0.06
    dob_unknown: float = 0.01
    postcode_messy: float = 0.2
    code_messy: float = 0.03
    ho_short: float = 0.05
    flag_spelling: float = 0.5
    exact_duplicate: float = 0.004
    # bad rows (each kind, per applicable table)
    missing_key: float = 0.0005
    impossible_date: float = 0.0005
    bad_code: float = 0.0005
    bad_grade: float = 0.002
    orphan_link: float = 0.0005
    duplicate_key: float = 0.0005
    min_bad_per_kind: int = 0  # at least this many of every applicable kind per table


@dataclass(frozen=True)
class Scale:
    """How big the generated world and its observations are."""

    name: str
    n_groups: int
    n_background_soc_groups: int
    n_lines: int
    n_active_lines: int
    runners_mean: float
    users_mean: float
    n_background: int
    n_crimes: int  # background crimes; the lines add their own
    cl_crimes_per_line: float
    n_intel: int  # background reports; the lines add their own
    cl_intel_per_line: float
    n_custody: int  # total custody records (topped up with arrests without a crime)
    n_releases: int
    n_missing_episodes: int  # background episodes; exploited people add their own
    split_crime_files: bool  # one crimes_<year>.csv per year of the window
    messy_files: bool  # BOM, CRLF and shuffled column order in some files
    rates: Rates = field(default_factory=Rates)
    window_days: int = WINDOW_DAYS  # events fall in the window ending on the extract date

    @property
    def window_start(self) -> np.datetime64:
        """The first day of the window the events fall in."""
        return EXTRACT_DATE - np.timedelta64(self.window_days - 1, "D")

    @property
    def window_years(self) -> list[str]:
        """The calendar years the window touches, oldest first (`2024`, `2025`)."""
        first = int(str(self.window_start)[:4])
        return [str(year) for year in range(first, int(str(EXTRACT_DATE)[:4]) + 1)]


SCALES: dict[str, Scale] = {
    "small": Scale(
        name="small",
        n_groups=5,
        n_background_soc_groups=2,
        n_lines=8,
        n_active_lines=6,
        runners_mean=5.0,
        users_mean=5.0,
        n_background=6500,
        n_crimes=3500,
        cl_crimes_per_line=40.0,
        n_intel=1800,
        cl_intel_per_line=60.0,
        n_custody=1200,
        n_releases=150,
        n_missing_episodes=150,
        split_crime_files=True,
        messy_files=True,
        rates=Rates(min_bad_per_kind=2),
    ),
    "wmp": Scale(
        name="wmp",
        n_groups=40,
        n_background_soc_groups=25,
        n_lines=75,
        n_active_lines=60,
        runners_mean=22.0,
        users_mean=45.0,
        n_background=390_000,
        n_crimes=296_000,
        cl_crimes_per_line=120.0,
        n_intel=140_000,
        cl_intel_per_line=170.0,
        n_custody=62_000,
        n_releases=5_200,
        n_missing_episodes=8_500,
        split_crime_files=True,
        messy_files=False,
    ),
    # Five years of events on the same force: the yearly volumes of `wmp` (crimes,
    # intelligence, custody, releases, missing episodes) five times over, and the lines' own
    # crimes and reports over their whole lives in the window (per year as in `wmp`). The
    # people the force knows grow by less than the events (the same people offend again):
    # 2.5 times the background population; lines come and go, so twice as many lines in the
    # five years for about as many active at the extract date, run by more groups.
    "wmp5": Scale(
        name="wmp5",
        n_groups=60,
        n_background_soc_groups=35,
        n_lines=150,
        n_active_lines=70,
        runners_mean=22.0,
        users_mean=45.0,
        n_background=975_000,
        n_crimes=1_480_000,
        cl_crimes_per_line=120.0,
        n_intel=700_000,
        cl_intel_per_line=170.0,
        n_custody=310_000,
        n_releases=26_000,
        n_missing_episodes=42_500,
        split_crime_files=True,
        messy_files=False,
        window_days=5 * 365 + 1,  # 2020-07-01 to 2025-06-30
    ),
}


def get_scale(name: str) -> Scale:
    """The Scale called `name`, or a ValueError listing the known scales."""
    try:
        return SCALES[name]
    except KeyError:
        known = ", ".join(SCALES)
        raise ValueError(f"unknown scale {name!r}; known scales: {known}") from None


def stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream for one part of the generator.

    Keyed by a stable checksum of `name` (not `hash()`, which is salted per process), so
    each module's draws do not depend on how many draws another module made.
    """
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])
