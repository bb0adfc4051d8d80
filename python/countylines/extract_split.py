"""A day's refresh made from an extract: the extract without its last day, and the same
plus the day laid out as SOURCES.md lays a new day out (one new file per table).

Used by the incremental-refresh test and benchmark (`tests/python/test_build_incremental.py`,
`scripts/bench_incremental.py`).
"""

from __future__ import annotations

import csv
import shutil
from datetime import date, timedelta
from pathlib import Path

from countylines.contract import TABLES

#: How a table's rows of one day are found: by a date column of the row, or (for a child
#: table) by its parent's key among the parent's rows of that day. Tables not listed here
#: (missing persons, the SOC tables) keep every row in the base; their day file is empty.
DAY_OF_ROW: dict[tuple[str, str], tuple[str, str]] = {
    ("nominal", "nominals"): ("date", "created_date"),
    ("crimes", "crimes"): ("date", "recorded_date"),
    ("crimes", "crime_nominals"): ("parent", "crimes.crime_ref"),
    ("ims", "intel_reports"): ("date", "submitted_date"),
    ("ims", "intel_nominals"): ("parent", "intel_reports.intel_ref"),
    ("ims", "intel_entities"): ("parent", "intel_reports.intel_ref"),
    ("icis", "custody_records"): ("date", "arrested_at"),
    ("pins", "releases"): ("date", "release_date"),
    ("pins", "prison_contacts"): ("parent", "releases.pins_ref"),
    ("compact", "missing_episodes"): ("date", "reported_at"),
    ("compact", "episode_associates"): ("parent", "missing_episodes.episode_ref"),
    ("register", "deal_lines"): ("date", "first_reported_date"),
    ("register", "exploitation_list"): ("date", "date_added"),
}


def _iso_day(value: str | None) -> str | None:
    """`YYYY-MM-DD` of a date or timestamp written `YYYY-MM-DD...` or `DD/MM/YYYY...`."""
    text = (value or "").strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return text[:10]
    if len(text) >= 10 and text[2] == "/" and text[5] == "/":
        return f"{text[6:10]}-{text[3:5]}-{text[0:2]}"
    return None


def split_last_day(raw: Path, base: Path, full: Path) -> dict[str, int]:
    """Make a day's refresh from an extract: `base` is the extract without its last day
    (`extract_date.txt` one day earlier), `full` is `base` plus one new file per table,
    `<table>_<day>.csv` (header only if nothing happened that day), as SOURCES.md lays a
    new day out. Rows of the last day: see DAY_OF_ROW. Returns the rows moved per table.

    A row dated after the base's extract date that stays in the base (e.g. a forthcoming
    release date, a found date) is quarantined there and staged in `full`, as on a real
    new day.
    """
    day = (raw / "extract_date.txt").read_text().strip()
    for folder in (base, full):
        if folder.exists():
            shutil.rmtree(folder)
    day_keys: dict[str, set[str]] = {}
    moved: dict[str, int] = {}
    ordered = sorted(TABLES, key=lambda t: DAY_OF_ROW.get((t.system, t.name), ("", ""))[0])
    for table in ordered:  # "date" tables before "parent" tables
        how = DAY_OF_ROW.get((table.system, table.name))
        header: list[str] | None = None
        day_rows: list[list[str]] = []
        for source in sorted((raw / table.system).glob(f"{table.name}*.csv")):
            with source.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                header = next(reader)
                kept: list[list[str]] = []
                for row in reader:
                    if how is not None and _is_of_day(row, header, how, day, day_keys):
                        day_rows.append(row)
                    else:
                        kept.append(row)
            for folder in (base, full):
                _write_csv(folder / table.system / source.name, header, kept)
        if header is None:
            continue
        if how is not None and how[0] == "date":  # the keys its child tables look up
            for kind, parent_key in DAY_OF_ROW.values():
                parent, _, key = parent_key.partition(".")
                if kind == "parent" and parent == table.name:
                    index = header.index(key)
                    day_keys[parent_key] = {row[index] for row in day_rows}
        _write_csv(full / table.system / f"{table.name}_{day}.csv", header, day_rows)
        moved[table.name] = len(day_rows)
    previous = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    (base / "extract_date.txt").write_text(previous + "\n")
    (full / "extract_date.txt").write_text(day + "\n")
    return moved


def _is_of_day(
    row: list[str], header: list[str], how: tuple[str, str], day: str, day_keys: dict
) -> bool:
    kind, what = how
    if kind == "date":
        index = header.index(what)
        return index < len(row) and _iso_day(row[index]) == day
    parent_key = what.split(".", 1)[1]
    index = header.index(parent_key)
    return index < len(row) and row[index] in day_keys.get(what, set())


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
