"""register/deal_lines and register/exploitation_list: the county lines team's own lists.

About two thirds of the lines are registered, with some (not always all) of their numbers.
The exploitation list holds some exploited children, usually with no known line, plus other
children the team worries about.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import iso_dates, random_days
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec, format_phones
from countylines.generator.reference import DESTINATION_TOWNS
from countylines.generator.text import EXPLOITATION_NOTES, base_slots, render

SPECS = (
    TableSpec(
        "register/deal_lines",
        pk="line_ref",
        codes=("status", "origin_npu"),
        dates=("first_reported_date",),
        bad_codes={"status": "DORMANT"},
        blank_for_missing="line_ref",
        alter="phone_numbers",
    ),
    TableSpec(
        "register/exploitation_list",
        pk="wmp_nominal_id",
        dates=("date_added",),
        links={"wmp_nominal_id": "N9"},
        blank_for_missing="wmp_nominal_id",
        alter="notes",
    ),
)


def register_refs(ctx: Context) -> np.ndarray:
    """Register line_ref per line ('' when not registered): about two thirds registered."""
    rng = ctx.rng("register_refs")
    n = len(ctx.world.lines)
    registered = np.zeros(n, dtype=bool)
    registered[rng.permutation(n)[: int(round(n * 2 / 3))]] = True
    refs = np.array([f"CL{v:04d}" for v in rng.permutation(n) * 3 + 100], dtype=object)
    return np.where(registered, refs, "")


def build(ctx: Context) -> SourceOutput:
    """The two register tables."""
    rng = ctx.rng("register")
    lines = ctx.world.lines
    refs = register_refs(ctx)
    rows = np.flatnonzero(refs != "")
    phone_numbers, towns = [], []
    for i in rows:
        phones = np.array(lines["phones"].iloc[i], dtype=object)
        keep = rng.random(len(phones)) < 0.75
        keep[-1] = keep[-1] or not keep.any()
        phone_numbers.append(";".join(format_phones(rng, phones[keep])))
        line_towns = [DESTINATION_TOWNS[t].name for t in lines["towns"].iloc[i]]
        towns.append(";".join(t for t in line_towns if rng.random() < 0.85) or line_towns[0])
    start = lines["start_date"].to_numpy()[rows]
    first = np.minimum(
        start + rng.integers(20, 200, len(rows)).astype("timedelta64[D]"), EXTRACT_DATE
    )
    active = lines["is_active"].to_numpy()[rows]
    status = np.where(active, "ACTIVE", "CLOSED").astype(object)
    status[active & (rng.random(len(rows)) < 0.05)] = "CLOSED"
    names = lines["line_name"].to_numpy()[rows]
    deal_lines = pd.DataFrame(
        {
            "line_ref": refs[rows],
            "line_name": [v if rng.random() < 0.6 else f"{v.title()} line" for v in names],
            "phone_numbers": phone_numbers,
            "origin_npu": lines["origin_npu"].to_numpy()[rows],
            "destination_towns": towns,
            "first_reported_date": iso_dates(first),
            "status": status,
        }
    ).sort_values("line_ref", ignore_index=True)
    return SourceOutput(
        {
            "register/deal_lines": deal_lines,
            "register/exploitation_list": _exploitation_list(ctx, rng),
        }
    )


def _exploitation_list(ctx: Context, rng: np.random.Generator) -> pd.DataFrame:
    """Some exploited children and adults, plus other at-risk children with no line."""
    persons = ctx.world.persons
    known = persons["in_nominal"].to_numpy()
    child_runner = persons["is_child_runner"].to_numpy() & known
    cuckooed = (persons["role"].to_numpy() == "CUCKOOED") & known
    at_risk = persons["is_lac"].to_numpy() & (persons["role"].to_numpy() == "NONE") & known
    chosen = np.flatnonzero(
        (child_runner & (rng.random(len(persons)) < 0.35))
        | (cuckooed & (rng.random(len(persons)) < 0.1))
        | (at_risk & (rng.random(len(persons)) < 0.3))
    )
    n = len(chosen)
    slots = base_slots(rng, n)
    slots["town"] = np.array([t.name for t in DESTINATION_TOWNS], dtype=object)[
        rng.integers(0, len(DESTINATION_TOWNS), n)
    ]
    slots["k"] = rng.integers(2, 9, n).astype(str).astype(object)
    table = pd.DataFrame(
        {
            "wmp_nominal_id": ctx.index.primary[chosen],
            "date_added": iso_dates(random_days(rng, n, EXTRACT_DATE - np.timedelta64(700, "D"))),
            "notes": render(rng, EXPLOITATION_NOTES, slots),
        }
    )
    return table.drop_duplicates("wmp_nominal_id").sort_values(
        "date_added", kind="stable", ignore_index=True
    )
