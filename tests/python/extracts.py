"""Write small hand-made extracts in the shape of SOURCES.md for tests."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from countylines.contract import EXTRACT_DATE_FILE, TABLES


def write_extract(
    root: Path,
    rows: Mapping[str, Sequence[Mapping[str, object]]] | None = None,
    extract_date: str = "2025-06-30",
    skip_tables: Sequence[str] = (),
    drop_columns: Mapping[str, Sequence[str]] | None = None,
) -> Path:
    """Write every contract table under `root` (header only unless rows are given).

    `rows` maps `system/table` to row dicts (missing keys are written empty);
    `skip_tables` leaves tables out; `drop_columns` leaves columns out of a header.
    """
    rows = rows or {}
    drop_columns = drop_columns or {}
    root.mkdir(parents=True, exist_ok=True)
    (root / EXTRACT_DATE_FILE).write_text(extract_date + "\n")
    for table in TABLES:
        if table.key in skip_tables:
            continue
        folder = root / table.system
        folder.mkdir(exist_ok=True)
        header = [c for c in table.column_names if c not in drop_columns.get(table.key, ())]
        with open(folder / f"{table.name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
            for row in rows.get(table.key, ()):
                writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return root
