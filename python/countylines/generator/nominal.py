"""nominal/nominals: the force nominal index, one row per wmp_nominal_id."""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import in_force_districts, iso_dates, postcodes_in
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec

SPECS = (
    TableSpec(
        "nominal/nominals",
        pk="wmp_nominal_id",
        names=("surname", "forenames"),
        dobs=("date_of_birth",),
        postcodes=("home_postcode",),
        codes=("sex",),
        dates=("date_of_birth", "created_date"),
        bad_codes={"sex": "X"},
        blank_for_missing="wmp_nominal_id",
        alter="surname",
    ),
)


def _warning_markers(rng: np.random.Generator, ctx: Context, person: np.ndarray) -> np.ndarray:
    """`;`-separated warning markers from each person's role and offending."""
    persons = ctx.world.persons
    role = persons["role"].to_numpy()[person]
    propensity = persons["propensity"].to_numpy()[person]
    vulnerable = persons["vulnerable"].to_numpy()[person]
    line = persons["line"].to_numpy()[person]
    firearms_line = np.append(ctx.world.lines["firearms"].to_numpy(), False)[line]
    n = len(person)
    draw = rng.random((5, n))
    leader = np.isin(role, ["CONTROLLER", "ENFORCER"])
    flags = {
        "FIREARMS": (leader & firearms_line & (draw[0] < 0.6)) | (draw[0] < 0.002),
        "WEAPONS": (leader & (draw[1] < 0.6)) | ((propensity > 2) & (draw[1] < 0.08)),
        "VIOLENT": (leader & (draw[2] < 0.7)) | ((propensity > 1.5) & (draw[2] < 0.15)),
        "DRUGS": (
            np.isin(role, ["CONTROLLER", "LINE_HOLDER", "ENFORCER", "RUNNER", "USER"])
            & (draw[3] < 0.5)
        )
        | ((propensity > 1) & (draw[3] < 0.1)),
        "SELF_HARM": vulnerable & (draw[4] < 0.3) | (draw[4] < 0.01),
    }
    names = list(flags)
    matrix = np.column_stack([flags[name] for name in names])
    return np.array(
        [";".join(n for n, on in zip(names, row, strict=True) if on) for row in matrix],
        dtype=object,
    )


def build(ctx: Context) -> SourceOutput:
    """The nominal index table and its identity rows."""
    rng = ctx.rng("nominal")
    records = ctx.index.records
    persons = ctx.world.persons
    person = records["person"].to_numpy()
    sex = persons["sex"].to_numpy()[person].copy()
    sex[rng.random(len(sex)) < 0.01] = "U"
    postcode = persons["postcode"].to_numpy()[person].copy()
    # a duplicate record was often created at an earlier address
    moved = ~records["is_primary"].to_numpy() & (rng.random(len(person)) < 0.3)
    _, district = in_force_districts(rng, int(moved.sum()))
    postcode[moved] = postcodes_in(rng, district)
    table = pd.DataFrame(
        {
            "wmp_nominal_id": records["nominal_id"].to_numpy(),
            "surname": records["surname"].to_numpy(),
            "forenames": records["forenames"].to_numpy(),
            "date_of_birth": iso_dates(records["dob"].to_numpy()),
            "sex": sex,
            "pnc_id": records["pnc"].to_numpy(),
            "home_postcode": np.where(rng.random(len(sex)) < 0.04, "", postcode),
            "warning_markers": _warning_markers(rng, ctx, person),
            "created_date": iso_dates(records["created"].to_numpy()),
        }
    )
    table = table.sort_values("wmp_nominal_id", ignore_index=True)
    identity = ctx.identity_rows("NOMINAL", records["nominal_id"].to_numpy(), person)
    return SourceOutput({"nominal/nominals": table}, [identity])
