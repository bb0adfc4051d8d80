"""crimes/crimes and crimes/crime_nominals: background crime plus what the deal lines cause.

Also returns the suspect links the custody module arrests from, so custody records follow
the crimes (same offence, date, place and co-suspects).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from countylines.generator.common import (
    in_force_districts,
    iso_dates,
    npu_of_district,
    postcodes_in,
    random_days,
)
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec, format_phones
from countylines.generator.reference import (
    CL_CODES,
    DESTINATION_TOWNS,
    NPU_DISTRICTS,
    OFFENCE_BY_CODE,
    OFFENCES,
)
from countylines.generator.text import (
    BG_MO,
    BG_MO_BY_CODE,
    CL_MO,
    base_slots,
    line_mentions,
    render,
)
from countylines.generator.world import line_phone_on

SPECS = (
    TableSpec(
        "crimes/crimes",
        pk="crime_ref",
        postcodes=("postcode",),
        codes=("npu",),
        ho_codes=("ho_code",),
        dates=("recorded_date", "offence_date"),
        bad_codes={"ho_code": "999/99"},
        blank_for_missing="crime_ref",
        alter="recorded_date",
    ),
    TableSpec(
        "crimes/crime_nominals",
        required=("crime_ref", "wmp_nominal_id", "role"),
        codes=("role",),
        bad_codes={"role": "BYSTANDER"},
        links={"wmp_nominal_id": "N9", "crime_ref": "20CR/9"},
        blank_for_missing="wmp_nominal_id",
    ),
)

VICTIM_P = {
    "VIOLENCE": 0.95,
    "DV": 0.97,
    "PUBLIC_ORDER": 0.6,
    "THEFT": 0.75,
    "BURGLARY": 0.85,
    "DAMAGE": 0.7,
    "FRAUD": 0.8,
    "ROBBERY": 0.9,
    "KIDNAP": 0.95,
    "SLAVERY": 0.9,
    "OTHER": 0.3,
}
SUSPECT_P = {
    "VIOLENCE": 0.75,
    "DV": 0.95,
    "PUBLIC_ORDER": 0.85,
    "THEFT": 0.25,
    "BURGLARY": 0.15,
    "DAMAGE": 0.25,
    "FRAUD": 0.3,
    "DRUG_POSS": 1.0,
    "DRUG_SUPPLY": 1.0,
    "WEAPON": 1.0,
    "FIREARM": 0.8,
    "ROBBERY": 0.3,
    "KIDNAP": 0.9,
    "SLAVERY": 0.8,
    "OTHER": 0.5,
}
KNIFE_CODES = ("008/26", "008/64", "008/11", "008/53")
CL_KIND_CATEGORY = {
    "SUPPLY": "DRUG_SUPPLY",
    "PWITS": "DRUG_SUPPLY",
    "POSSESSION": "DRUG_POSS",
    "VIOLENCE": "VIOLENCE",
    "WEAPON": "WEAPON",
    "FIREARM": "FIREARM",
    "ROBBERY": "ROBBERY",
    "KIDNAP": "KIDNAP",
    "SLAVERY": "SLAVERY",
    "CUCKOO": "DAMAGE",
}


@dataclass
class CrimeEvents:
    """Crimes before formatting: one row per crime, plus one row per (crime, person, role)."""

    crimes: pd.DataFrame
    links: pd.DataFrame


def _background(ctx: Context, rng: np.random.Generator) -> CrimeEvents:
    """Ordinary crime across the force, with victims, suspects and witnesses."""
    n = ctx.scale.n_crimes
    persons = ctx.world.persons
    codes = np.array([o.ho_code for o in OFFENCES], dtype=object)
    weights = np.array([o.background_weight for o in OFFENCES])
    code = codes[rng.choice(len(codes), n, p=weights / weights.sum())]
    category = np.array([OFFENCE_BY_CODE[c].category for c in code], dtype=object)
    offence_date = random_days(rng, n, ctx.scale.window_start)
    npu, district = in_force_districts(rng, n)
    crimes = pd.DataFrame(
        {
            "offence_date": offence_date,
            "ho_code": code,
            "category": category,
            "kind": "",
            "line": -1,
            "town": -1,
            "npu": npu,
            "postcode": postcodes_in(rng, district),
        }
    )
    # a few crimes recorded here happened elsewhere (online fraud, harassment, theft on trains)
    away = np.flatnonzero(rng.random(n) < 0.004)
    town = rng.integers(0, len(DESTINATION_TOWNS), len(away))
    crimes.loc[away, "town"] = town
    districts = np.array([DESTINATION_TOWNS[t].districts[0] for t in town], dtype=object)
    crimes.loc[away, "postcode"] = postcodes_in(rng, districts)
    known = persons["in_nominal"].to_numpy() & (persons["kind"].to_numpy() != "RELATIVE")
    pool = np.flatnonzero(known)
    propensity = persons["propensity"].to_numpy()[pool]
    offenders = pool[propensity > 0]
    off_p = propensity[propensity > 0] / propensity[propensity > 0].sum()
    victim_p = np.array([VICTIM_P.get(c, 0.0) for c in category])
    suspect_p = np.array([SUSPECT_P.get(c, 0.5) for c in category])
    has_victim = rng.random(n) < victim_p
    has_suspect = rng.random(n) < suspect_p
    second = has_suspect & (rng.random(n) < 0.2)
    witness = rng.random(n) < 0.12
    parts = [
        (
            np.flatnonzero(has_victim),
            pool[rng.integers(0, len(pool), int(has_victim.sum()))],
            "VICTIM",
        ),
        (
            np.flatnonzero(has_suspect),
            rng.choice(offenders, int(has_suspect.sum()), p=off_p),
            "SUSPECT",
        ),
        (np.flatnonzero(second), rng.choice(offenders, int(second.sum()), p=off_p), "SUSPECT"),
        (np.flatnonzero(witness), pool[rng.integers(0, len(pool), int(witness.sum()))], "WITNESS"),
    ]
    links = pd.DataFrame(
        {
            "crime": np.concatenate([p[0] for p in parts]),
            "person": np.concatenate([p[1] for p in parts]),
            "role": np.concatenate([np.full(len(p[0]), p[2], dtype=object) for p in parts]),
        }
    )
    other = rng.random(len(links)) < 0.01
    links.loc[other, "role"] = "OTHER"
    return CrimeEvents(crimes, links)


def _line_kind_weights(violence: float, firearms: bool) -> dict[str, float]:
    """How a line's crimes split between kinds, from its violence and firearms."""
    return {
        "SUPPLY": 4.0,
        "PWITS": 4.0,
        "POSSESSION": 2.0,
        "VIOLENCE": 0.8 + 2.0 * violence,
        "WEAPON": 0.6 + 1.0 * violence,
        "FIREARM": 1.5 if firearms else 0.05,
        "ROBBERY": 0.6,
        "KIDNAP": 0.15 + 0.3 * violence,
        "SLAVERY": 0.4,
        "CUCKOO": 0.6,
    }


def _pick(rng: np.random.Generator, candidates: np.ndarray, k: int) -> list[int]:
    """Up to k distinct people from candidates."""
    if len(candidates) == 0 or k <= 0:
        return []
    return rng.choice(candidates, min(k, len(candidates)), replace=False).tolist()


def _line_crimes(ctx: Context, rng: np.random.Generator) -> CrimeEvents:
    """Crimes each deal line causes: supply in its towns, violence, weapons, exploitation."""
    world = ctx.world
    known = world.persons["in_nominal"].to_numpy()
    crime_rows: list[dict[str, object]] = []
    link_rows: list[tuple[int, int, str]] = []
    starts = world.lines["start_date"].to_numpy().astype("datetime64[D]")
    ends = world.lines["end_date"].to_numpy().astype("datetime64[D]")
    for line_pos, line in enumerate(world.lines.itertuples()):
        first = max(starts[line_pos], ctx.scale.window_start)
        last = min(ends[line_pos], EXTRACT_DATE)
        if last < first:
            continue
        share = (int((last - first).astype(int)) + 1) / 365
        count = rng.poisson(ctx.scale.cl_crimes_per_line * line.activity * share)
        weights = _line_kind_weights(line.violence, line.firearms)
        kinds = np.array(list(weights), dtype=object)
        p = np.array(list(weights.values()))
        kind_draw = kinds[rng.choice(len(kinds), count, p=p / p.sum())]
        dates = random_days(rng, count, first, last)

        def members(*roles: str, line_pos: int = line_pos) -> np.ndarray:
            people = world.line_members(line_pos, roles)
            return people[known[people]]

        runners = members("RUNNER")
        holders = members("LINE_HOLDER")
        enforcers = members("ENFORCER")
        bosses = members("CONTROLLER", "LINE_HOLDER")
        muscle = enforcers if len(enforcers) else bosses
        users = members("USER")
        cuckooed = members("CUCKOOED")
        for kind, date in zip(kind_draw, dates, strict=True):
            crime = len(crime_rows)
            away = rng.random() < (0.5 if kind in ("VIOLENCE", "WEAPON", "FIREARM") else 0.8)
            town = line.towns[rng.integers(0, len(line.towns))] if away else -1
            code = CL_CODES[kind][rng.integers(0, len(CL_CODES[kind]))]
            crime_rows.append(
                {
                    "offence_date": date,
                    "ho_code": code,
                    "kind": kind,
                    "line": line_pos,
                    "town": town,
                }
            )
            suspects: list[int] = []
            victims: list[int] = []
            if kind in ("SUPPLY", "PWITS"):
                suspects = _pick(rng, runners, 1 + int(rng.random() < 0.35))
                if rng.random() < 0.25 or not suspects:
                    suspects += _pick(rng, holders, 1)
            elif kind == "POSSESSION":
                suspects = _pick(rng, users if len(users) else runners, 1)
            elif kind == "VIOLENCE":
                if rng.random() < 0.6:
                    suspects = _pick(rng, muscle, 1)
                pool = runners if rng.random() < 0.55 else users if len(users) else runners
                victims = _pick(rng, pool, 1)
            elif kind == "WEAPON":
                suspects = _pick(rng, runners if rng.random() < 0.5 else muscle, 1)
            elif kind == "FIREARM" and rng.random() < 0.5:
                suspects = _pick(rng, np.concatenate([enforcers, bosses]), 1)
            elif kind == "ROBBERY":
                victims = _pick(rng, runners, 1)
                if rng.random() < 0.3:
                    suspects = _pick(rng, muscle, 1 + int(rng.random() < 0.5))
            elif kind in ("KIDNAP", "SLAVERY"):
                pool = runners if kind == "KIDNAP" or rng.random() < 0.7 else cuckooed
                victims = _pick(rng, pool if len(pool) else runners, 1)
                if rng.random() < 0.7:
                    suspects = _pick(rng, muscle if kind == "KIDNAP" else bosses, 1)
            elif kind == "CUCKOO":
                victims = _pick(rng, cuckooed, 1)
                if rng.random() < 0.5:
                    suspects = _pick(rng, np.concatenate([runners, holders]), 1)
            link_rows.extend((crime, person, "SUSPECT") for person in suspects)
            link_rows.extend((crime, person, "VICTIM") for person in victims)
    crimes = pd.DataFrame(crime_rows)
    crimes["category"] = crimes["kind"].map(CL_KIND_CATEGORY)
    n = len(crimes)
    origin = world.lines["origin_npu"].to_numpy()[crimes["line"].to_numpy()]
    npu, district = in_force_districts(rng, n)
    town = crimes["town"].to_numpy()
    away = town >= 0
    district = district.copy()
    for row in np.flatnonzero(away):
        districts = DESTINATION_TOWNS[town[row]].districts
        district[row] = districts[rng.integers(0, len(districts))]
    from_origin = ~away & (rng.random(n) < 0.6)
    district[from_origin] = [_origin_district(rng, npu_code) for npu_code in origin[from_origin]]
    npu = npu_of_district(district)
    npu[away] = np.where(rng.random(int(away.sum())) < 0.7, origin[away], "")
    crimes["npu"] = npu
    crimes["postcode"] = postcodes_in(rng, district)
    links = pd.DataFrame(link_rows, columns=["crime", "person", "role"])
    return CrimeEvents(crimes, links)


def _origin_district(rng: np.random.Generator, npu: str) -> str:
    """A district of an NPU."""
    pool = NPU_DISTRICTS[npu]
    return pool[rng.integers(0, len(pool))]


def _markers(
    rng: np.random.Generator,
    crimes: pd.DataFrame,
    child_involved: np.ndarray,
    cl_marker_rate: float = 1.0,
) -> np.ndarray:
    """`;`-separated crime markers: often but not always right, occasionally wrong.
    cl_marker_rate scales how often a line's crime carries COUNTY_LINES or CCE."""
    n = len(crimes)
    category = crimes["category"].to_numpy()
    code = crimes["ho_code"].to_numpy()
    cl = crimes["line"].to_numpy() >= 0
    draw = rng.random((6, n))
    drug = np.isin(category, ["DRUG_POSS", "DRUG_SUPPLY"])
    flags = {
        "DRUGS": (drug & (draw[0] < 0.85)) | (cl & ~drug & (draw[0] < 0.3)),
        "KNIFE": (np.isin(code, KNIFE_CODES) & (draw[1] < 0.85))
        | (np.isin(category, ["VIOLENCE", "ROBBERY"]) & (draw[1] < np.where(cl, 0.35, 0.08))),
        "FIREARM": (category == "FIREARM") & (draw[2] < 0.85),
        "DV": (category == "DV") & (draw[3] < 0.85)
        | (category == "VIOLENCE") & ~cl & (draw[3] < 0.2),
        "CCE": (cl & child_involved & (draw[4] < 0.45 * cl_marker_rate))
        | (~cl & (draw[4] < 0.001)),
        "COUNTY_LINES": (cl & (draw[5] < 0.4 * cl_marker_rate))
        | (~cl & drug & (draw[5] < 0.01))
        | (~cl & (draw[5] < 0.001)),
    }
    names = list(flags)
    matrix = np.column_stack([flags[name] for name in names])
    order = rng.random(n) < 0.5  # some systems list markers in another order
    out = []
    for row, flip in zip(matrix, order, strict=True):
        present = [name for name, on in zip(names, row, strict=True) if on]
        out.append(";".join(reversed(present) if flip else present))
    return np.array(out, dtype=object)


def _outcomes(
    rng: np.random.Generator, crimes: pd.DataFrame, has_suspect: np.ndarray
) -> np.ndarray:
    """Home Office outcome codes (1 = charged); blank while open, more often for recent crimes."""
    n = len(crimes)
    drug = np.isin(crimes["category"].to_numpy(), ["DRUG_POSS", "DRUG_SUPPLY", "WEAPON"])
    charged = has_suspect & (rng.random(n) < np.where(drug, 0.45, 0.2))
    with_suspect = np.array(["2", "3", "8", "14", "15", "16", "21", "22"], dtype=object)
    without = np.array(["18", "18", "18", "14", "20", "5"], dtype=object)
    out = np.where(
        has_suspect,
        with_suspect[rng.integers(0, len(with_suspect), n)],
        without[rng.integers(0, len(without), n)],
    )
    out = np.where(charged, "1", out)
    age = (EXTRACT_DATE - crimes["recorded_date"].to_numpy()).astype(int)
    open_case = rng.random(n) < np.where(age < 60, 0.5, 0.08)
    return np.where(open_case & ~charged, "", out).astype(object)


def _mo_text(ctx: Context, rng: np.random.Generator, crimes: pd.DataFrame) -> np.ndarray:
    """Modus operandi narrative for each crime."""
    n = len(crimes)
    slots = base_slots(rng, n)
    line = crimes["line"].to_numpy()
    cl = line >= 0
    lines = ctx.world.lines
    names = np.append(lines["line_name"].to_numpy(), "")[line]
    slots["line"] = np.where(cl, line_mentions(rng, names), slots["line"])
    dates = crimes["offence_date"].to_numpy()
    phones = np.full(n, "07000000000", dtype=object)
    for row in np.flatnonzero(cl):
        phones[row] = line_phone_on(lines, line[row], dates[row])
    slots["phone"] = format_phones(rng, phones)
    town = crimes["town"].to_numpy()
    town_names = np.array([t.name for t in DESTINATION_TOWNS] + ["Birmingham"], dtype=object)
    slots["town"] = town_names[np.where(town >= 0, town, len(DESTINATION_TOWNS))]
    out = np.empty(n, dtype=object)
    groups = crimes.groupby(["kind", "category", "ho_code"], sort=True).indices
    for (kind, category, code), rows in groups.items():
        if kind:
            templates = CL_MO[kind]
        else:
            templates = BG_MO_BY_CODE.get(code) or BG_MO.get(category, BG_MO["OTHER"])
        out[rows] = render(rng, templates, {k: v[rows] for k, v in slots.items()})
    return out


def build(ctx: Context) -> tuple[SourceOutput, pd.DataFrame]:
    """The crimes tables and the suspect links (for custody)."""
    rng = ctx.rng("crimes")
    background = _background(ctx, rng)
    lines = _line_crimes(ctx, rng)
    offset = len(background.crimes)
    crimes = pd.concat([background.crimes, lines.crimes], ignore_index=True)
    links = pd.concat(
        [background.links, lines.links.assign(crime=lines.links["crime"] + offset)],
        ignore_index=True,
    )
    n = len(crimes)
    lag = np.minimum(rng.geometric(0.35, n) - 1, 60).astype("timedelta64[D]")
    crimes["recorded_date"] = np.minimum(crimes["offence_date"].to_numpy() + lag, EXTRACT_DATE)
    order = np.argsort(crimes["recorded_date"].to_numpy(), kind="stable")
    persons = ctx.world.persons
    child = persons["dob"].to_numpy() > EXTRACT_DATE - np.timedelta64(18 * 365, "D")
    child_involved = np.zeros(n, dtype=bool)
    child_involved[links["crime"].to_numpy()[child[links["person"].to_numpy()]]] = True
    has_suspect = np.zeros(n, dtype=bool)
    has_suspect[links.loc[links["role"] == "SUSPECT", "crime"].to_numpy()] = True
    year = (crimes["recorded_date"].to_numpy().astype("datetime64[Y]").astype(int) + 1970) % 100
    number = np.empty(n, dtype=np.int64)
    number[order] = 10_000 + np.arange(n) * 2 + rng.integers(0, 2, n)
    crime_ref = np.array(
        [f"20CR/{num:07d}/{yy:02d}" for num, yy in zip(number, year, strict=True)], dtype=object
    )
    outcome = _outcomes(rng, crimes, has_suspect)
    description = np.array(
        [OFFENCE_BY_CODE[c].description for c in crimes["ho_code"]], dtype=object
    )
    upper = rng.random(n) < 0.3
    description[upper] = [d.upper() for d in description[upper]]
    description[rng.random(n) < 0.03] = ""
    in_force = crimes["npu"].to_numpy() != ""
    lsoa = np.array([f"E01{v:06d}" for v in rng.integers(0, 40_000, n)], dtype=object)
    lsoa = np.where(in_force & (crimes["town"].to_numpy() < 0) & (rng.random(n) < 0.9), lsoa, "")
    table = (
        pd.DataFrame(
            {
                "crime_ref": crime_ref,
                "recorded_date": iso_dates(crimes["recorded_date"].to_numpy()),
                "offence_date": np.where(
                    rng.random(n) < 0.03, "", iso_dates(crimes["offence_date"].to_numpy())
                ),
                "ho_code": crimes["ho_code"].to_numpy(),
                "offence_description": description,
                "npu": crimes["npu"].to_numpy(),
                "lsoa_code": lsoa,
                "postcode": crimes["postcode"].to_numpy(),
                "markers": _markers(rng, crimes, child_involved, ctx.profile.cl_marker_rate),
                "mo_text": _mo_text(ctx, rng, crimes),
                "outcome_code": outcome,
            }
        )
        .iloc[order]
        .reset_index(drop=True)
    )
    link_crime = links["crime"].to_numpy()
    role = links["role"].to_numpy().copy()
    charged = (outcome[link_crime] == "1") & (role == "SUSPECT")
    role[charged] = "OFFENDER"
    nominal_id = ctx.index.ids_for(rng, links["person"].to_numpy())
    crime_nominals = pd.DataFrame(
        {"crime_ref": crime_ref[link_crime], "wmp_nominal_id": nominal_id, "role": role}
    )
    crime_nominals = crime_nominals.iloc[np.argsort(np.argsort(order)[link_crime], kind="stable")]
    suspects = links[np.isin(role, ["SUSPECT", "OFFENDER"])].copy()
    suspects["crime_ref"] = crime_ref[suspects["crime"].to_numpy()]
    suspects["outcome"] = outcome[suspects["crime"].to_numpy()]
    for column in ("offence_date", "ho_code", "category", "line", "town", "postcode", "kind"):
        suspects[column] = crimes[column].to_numpy()[suspects["crime"].to_numpy()]
    tables = {
        "crimes/crimes": table,
        "crimes/crime_nominals": crime_nominals.reset_index(drop=True),
    }
    return SourceOutput(tables), suspects.reset_index(drop=True)
