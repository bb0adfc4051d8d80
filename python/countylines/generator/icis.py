"""icis/custody_records: arrests that follow the crimes, topped up with arrests without one.

Suspects of the same crime arrested together share an occurrence_ref (co-arrests). An arrest
in another force's area is a transfer-in with that force as arresting_force. Children get an
appropriate adult; property and detainee comments are free text.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import (
    age_on,
    in_force_districts,
    iso_timestamps,
    postcodes_in,
    random_days,
    with_time,
)
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec
from countylines.generator.identity import mistype_pnc
from countylines.generator.reference import DESTINATION_TOWNS, HOME_FORCE, OFFENCE_BY_CODE, OFFENCES
from countylines.generator.text import (
    ARREST_REASON,
    BG_COMMENTS,
    BG_DRUG_COMMENTS,
    BG_PROPERTY,
    CL_COMMENTS,
    CL_PROPERTY,
    base_slots,
    render,
)

SPECS = (
    TableSpec(
        "icis/custody_records",
        pk="custody_ref",
        postcodes=("arrest_postcode",),
        codes=("outcome",),
        ho_codes=("arrest_ho_code",),
        flags=("appropriate_adult",),
        dates=("arrested_at",),
        bad_codes={"outcome": "DETAINED"},
        links={"wmp_nominal_id": "N9"},
        blank_for_missing="custody_ref",
        alter="arrested_at",
    ),
)

ARREST_P = {"DRUG_SUPPLY": 0.55, "WEAPON": 0.6, "FIREARM": 0.5, "VIOLENCE": 0.35, "DV": 0.5}
OTHER_FORCES = (
    "West Mercia Police",
    "Staffordshire Police",
    "Warwickshire Police",
    "Metropolitan Police Service",
    "Greater Manchester Police",
)


def _arrests_from_crimes(rng: np.random.Generator, suspects: pd.DataFrame) -> pd.DataFrame:
    """Which suspects were arrested, when, and which of them together."""
    cl = suspects["line"].to_numpy() >= 0
    p = suspects["category"].map(ARREST_P).fillna(0.25).to_numpy()
    p = np.where(cl, np.maximum(p, 0.5), p)
    arrested = suspects[rng.random(len(suspects)) < p].copy()
    crime = arrested["crime"].to_numpy()
    # one arrest day per crime for those arrested together; a few arrested separately later
    unique_crimes, inverse = np.unique(crime, return_inverse=True)
    lag = np.minimum(rng.geometric(0.3, len(unique_crimes)) - 1, 45)
    separate = rng.random(len(arrested)) < 0.2
    extra = np.where(separate, rng.integers(1, 30, len(arrested)), 0)
    day = arrested["offence_date"].to_numpy() + (lag[inverse] + extra).astype("timedelta64[D]")
    arrested["day"] = np.minimum(day, EXTRACT_DATE)
    occurrence = np.array(
        [f"OCC/{v:07d}" for v in rng.permutation(len(unique_crimes)) + 300_000], dtype=object
    )
    arrested["occurrence_ref"] = np.where(separate, "", occurrence[inverse])
    arrested["is_cl"] = arrested["line"].to_numpy() >= 0
    return arrested


def _extra_arrests(ctx: Context, rng: np.random.Generator, count: int) -> pd.DataFrame:
    """Arrests without a recorded crime of ours (warrants, breaches, public order)."""
    persons = ctx.world.persons
    eligible = persons["in_nominal"].to_numpy() & (persons["propensity"].to_numpy() > 0)
    pool = np.flatnonzero(eligible)
    weight = persons["propensity"].to_numpy()[pool]
    person = rng.choice(pool, count, p=weight / weight.sum())
    codes = np.array([o.ho_code for o in OFFENCES], dtype=object)
    weights = np.array([o.background_weight for o in OFFENCES])
    code = codes[rng.choice(len(codes), count, p=weights / weights.sum())]
    npu, district = in_force_districts(rng, count)
    return pd.DataFrame(
        {
            "person": person,
            "ho_code": code,
            "category": [OFFENCE_BY_CODE[c].category for c in code],
            "line": -1,
            "town": -1,
            "postcode": postcodes_in(rng, district),
            "outcome": "",
            "day": random_days(rng, count, ctx.scale.window_start),
            "occurrence_ref": np.array(
                [f"OCC/{v:07d}" for v in rng.permutation(count) + 1_300_000], dtype=object
            ),
            "is_cl": False,
        }
    )


def build(ctx: Context, suspects: pd.DataFrame) -> SourceOutput:
    """The custody records table."""
    rng = ctx.rng("icis")
    from_crimes = _arrests_from_crimes(rng, suspects)
    extra = _extra_arrests(ctx, rng, max(0, ctx.scale.n_custody - len(from_crimes)))
    columns = [
        "person",
        "ho_code",
        "category",
        "line",
        "town",
        "postcode",
        "outcome",
        "day",
        "occurrence_ref",
        "is_cl",
    ]
    arrests = pd.concat([from_crimes[columns], extra[columns]], ignore_index=True)
    n = len(arrests)
    persons = ctx.world.persons
    person = arrests["person"].to_numpy()
    arrested_at = with_time(rng, arrests["day"].to_numpy())
    arrested_at = np.minimum(
        arrested_at, EXTRACT_DATE.astype("datetime64[s]") + np.timedelta64(86_399, "s")
    )
    order = np.argsort(arrested_at, kind="stable")
    age = age_on(persons["dob"].to_numpy()[person], arrested_at.astype("datetime64[D]"))
    child = age < 18
    vulnerable = persons["vulnerable"].to_numpy()[person]
    aa_p = np.where(child, 0.93, np.where(vulnerable, 0.5, 0.01))
    aa = np.where(rng.random(n) < aa_p, "Y", "N").astype(object)
    aa[rng.random(n) < 0.03] = ""
    town = arrests["town"].to_numpy()
    away = town >= 0
    force = np.full(n, HOME_FORCE, dtype=object)
    transfer = away & (rng.random(n) < 0.8)
    force[transfer] = [DESTINATION_TOWNS[t].force for t in town[transfer]]
    stray = ~away & (rng.random(n) < 0.01)
    force[stray] = np.array(OTHER_FORCES, dtype=object)[
        rng.integers(0, len(OTHER_FORCES), int(stray.sum()))
    ]
    postcode = np.where(
        rng.random(n) < 0.85, arrests["postcode"].to_numpy(), persons["postcode"].to_numpy()[person]
    )
    slots = base_slots(rng, n)
    description = np.array(
        [OFFENCE_BY_CODE[c].description for c in arrests["ho_code"]], dtype=object
    )
    slots["desc"] = description
    slots["desc_lower"] = np.array([d.lower() for d in description], dtype=object)
    town_names = np.array([t.name for t in DESTINATION_TOWNS] + ["Birmingham"], dtype=object)
    slots["town"] = town_names[np.where(away, town, len(DESTINATION_TOWNS))]
    cl = arrests["is_cl"].to_numpy()
    reason = render(rng, ARREST_REASON, slots)
    warrant = ~cl & (rng.random(n) < 0.05)
    reason[warrant] = "Wanted on warrant"
    property_text = np.where(cl, render(rng, CL_PROPERTY, slots), render(rng, BG_PROPERTY, slots))
    drug = np.isin(arrests["category"].to_numpy(), ["DRUG_POSS", "DRUG_SUPPLY"])
    comments = np.where(
        cl & child,
        render(rng, CL_COMMENTS, slots),
        np.where(drug, render(rng, BG_DRUG_COMMENTS, slots), render(rng, BG_COMMENTS, slots)),
    )
    outcome = _custody_outcome(rng, arrests["outcome"].to_numpy(), child)
    pnc = np.where(rng.random(n) < 0.8, persons["pnc"].to_numpy()[person], "")
    code = np.where(rng.random(n) < 0.95, arrests["ho_code"].to_numpy(), "")
    table = (
        pd.DataFrame(
            {
                "custody_ref": np.array(
                    [f"CU{v:08d}" for v in rng.permutation(n) * 7 + 20_000_000], dtype=object
                ),
                "wmp_nominal_id": ctx.index.ids_for(rng, person),
                "pnc_id": mistype_pnc(rng, pnc, ctx.scale.rates.pnc_mistyped),
                "arrested_at": iso_timestamps(arrested_at),
                "occurrence_ref": arrests["occurrence_ref"].to_numpy(),
                "arrest_ho_code": code,
                "arrest_reason": reason,
                "arrest_postcode": postcode,
                "arresting_force": force,
                "age_at_arrest": age.astype(str).astype(object),
                "appropriate_adult": aa,
                "property_text": property_text,
                "detainee_comments": comments,
                "outcome": outcome,
            }
        )
        .iloc[order]
        .reset_index(drop=True)
    )
    return SourceOutput({"icis/custody_records": table})


def _custody_outcome(
    rng: np.random.Generator, crime_outcome: np.ndarray, child: np.ndarray
) -> np.ndarray:
    """Custody outcome: charged when the crime was, else bail, RUI, NFA or caution."""
    n = len(crime_outcome)
    options = np.array(["BAIL", "RUI", "NFA", "CAUTION"], dtype=object)
    out = options[rng.choice(4, n, p=[0.25, 0.4, 0.25, 0.1])]
    charged = crime_outcome == "1"
    out = np.where(charged, np.where(rng.random(n) < 0.15, "REMAND", "CHARGED"), out)
    return np.where(~charged & (rng.random(n) < 0.05), "CHARGED", out).astype(object)
