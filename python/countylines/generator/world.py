"""The latent world: groups, deal lines, and the people in them and around them.

Everything the sources observe is drawn from this world; the truth files describe it. The
world knows nothing of ids in any source system (see identity.py for the nominal index).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from countylines.generator.common import (
    in_force_districts,
    mobile_numbers,
    npu_of_district,
    postcodes_in,
    sequence_ids,
)
from countylines.generator.config import EXTRACT_DATE, Scale
from countylines.generator.names import GROUP_NAME_PARTS, LINE_NAMES, draw_names
from countylines.generator.reference import DESTINATION_TOWNS, NPU_DISTRICTS, NPU_WEIGHTS
from countylines.generator.worlds import WORLDS, WorldProfile

LEADER_ROLES = ("CONTROLLER", "LINE_HOLDER", "ENFORCER")


@dataclass
class World:
    """The latent world. Person, group and line references are row positions."""

    persons: pd.DataFrame
    groups: pd.DataFrame
    lines: pd.DataFrame
    prisoners: np.ndarray  # person positions released from prison in the window
    relatives: np.ndarray  # a relative of each prisoner (aligned with prisoners)

    def line_members(self, line: int, roles: tuple[str, ...]) -> np.ndarray:
        """Positions of the people of a line in any of the given roles (a runner shared
        with a second line is a member of both)."""
        if not hasattr(self, "_members"):
            line_of = self.persons["line"].to_numpy()
            role = self.persons["role"].to_numpy(dtype=object)
            second = (
                self.persons["second_line"].to_numpy()
                if "second_line" in self.persons
                else np.full(len(line_of), -1)
            )
            self._members = {}
            for i in np.unique(line_of[line_of >= 0]):
                people = np.flatnonzero((line_of == i) | (second == i))
                self._members[int(i)] = (people, role[people])
        people, role = self._members.get(int(line), (np.array([], dtype=int), np.array([])))
        return people[np.isin(role, roles)]


def line_phone_on(lines: pd.DataFrame, line: int, date: np.datetime64) -> str:
    """The number a line used on a date (its first number before it started)."""
    phones, starts = lines["phones"].iloc[line], lines["phone_from"].iloc[line]
    current = phones[0]
    for phone, start in zip(phones, starts, strict=True):
        if start <= date:
            current = phone
    return current


def _dob_for_ages(rng: np.random.Generator, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Dates of birth for ages drawn uniformly in [low, high] years at the extract date."""
    age_days = rng.uniform(low * 365.25, (high + 1) * 365.25 - 1).astype(int)
    return EXTRACT_DATE - age_days.astype("timedelta64[D]")


def build_groups(rng: np.random.Generator, scale: Scale) -> pd.DataFrame:
    """County-lines groups first, then background SOC groups (no lines, not county lines)."""
    n_cl, n_bg = scale.n_groups, scale.n_background_soc_groups
    n = n_cl + n_bg
    group_type = np.where(rng.random(n) < 0.4, "OCG", "USG").astype(object)
    group_type[n_cl:] = np.where(rng.random(n_bg) < 0.8, "OCG", "USG")
    in_soc = rng.random(n) < 0.6
    in_soc[0], in_soc[1] = True, False  # at least one of each among the county-lines groups
    in_soc[n_cl:] = True
    names = np.array(GROUP_NAME_PARTS, dtype=object)[rng.integers(0, len(GROUP_NAME_PARTS), n)]
    suffix = np.array(["", " Gang", " Crew", " OCG", " Boys", " Mandem"], dtype=object)
    names = names + suffix[rng.integers(0, len(suffix), n)]
    activity = np.full(n, "DRUG SUPPLY", dtype=object)
    bg_activity = np.array(
        ["ACQUISITIVE", "FRAUD", "FIREARMS", "CANNABIS CULTIVATION", "VEHICLE CRIME"],
        dtype=object,
    )
    activity[n_cl:] = bg_activity[rng.integers(0, len(bg_activity), n_bg)]
    return pd.DataFrame(
        {
            "group_id": [f"G{i + 1:03d}" for i in range(n)],
            "group_type": group_type,
            "in_soc": in_soc,
            "is_county_lines": np.arange(n) < n_cl,
            "group_name": names,
            "primary_activity": activity,
        }
    )


def build_lines(rng: np.random.Generator, scale: Scale) -> pd.DataFrame:
    """Deal lines: name, owning group, phones over time, origin, destinations, latent threat."""
    n = scale.n_lines
    pool = list(LINE_NAMES)
    order = rng.permutation(len(pool))
    names = [
        pool[order[i % len(pool)]] + ("" if i < len(pool) else f" {i // len(pool) + 1}")
        for i in range(n)
    ]
    group = np.concatenate(
        [
            np.arange(min(n, scale.n_groups)),
            rng.integers(0, scale.n_groups, max(0, n - scale.n_groups)),
        ]
    )
    active = np.arange(n) < scale.n_active_lines
    end = np.where(active, 0, rng.integers(40, 300, n))
    start = np.where(active, rng.integers(60, 1400, n), rng.integers(420, 1600, n))
    end_date = EXTRACT_DATE - end.astype("timedelta64[D]")
    start_date = EXTRACT_DATE - start.astype("timedelta64[D]")
    npus = np.array(list(NPU_DISTRICTS), dtype=object)
    weights = np.array([NPU_WEIGHTS[code] for code in npus])
    origin = npus[rng.choice(len(npus), n, p=weights / weights.sum())]
    phones, phone_from, towns = [], [], []
    for i in range(n):
        k = 1 + int(rng.random() < 0.45) + int(rng.random() < 0.2)
        phones.append(list(mobile_numbers(rng, k)))
        span = int((end_date[i] - start_date[i]).astype(int))
        cuts = np.sort(rng.integers(1, max(span, 2), k - 1))
        phone_from.append(
            [start_date[i]] + [start_date[i] + np.timedelta64(int(c), "D") for c in cuts]
        )
        n_towns = 2 + int(rng.random() < 0.4)
        towns.append(sorted(rng.choice(len(DESTINATION_TOWNS), n_towns, replace=False).tolist()))
    violence = rng.gamma(2.0, 0.5, n)
    firearms = rng.random(n) < 0.25
    activity = rng.lognormal(0.0, 0.35, n)
    return pd.DataFrame(
        {
            "line_id": [f"L{i + 1:03d}" for i in range(n)],
            "line_name": names,
            "group": group,
            "is_active": active,
            "start_date": start_date,
            "end_date": end_date,
            "origin_npu": origin,
            "phones": phones,
            "phone_from": phone_from,
            "towns": towns,
            "violence": violence,
            "firearms": firearms,
            "activity": activity,
        }
    )


def _town_postcodes(rng: np.random.Generator, town_index: np.ndarray) -> np.ndarray:
    """A postcode in each of the given destination towns."""
    districts = np.array(
        [
            DESTINATION_TOWNS[t].districts[rng.integers(0, len(DESTINATION_TOWNS[t].districts))]
            for t in town_index
        ],
        dtype=object,
    )
    return postcodes_in(rng, districts)


def _origin_postcodes(rng: np.random.Generator, npu: str, n: int) -> np.ndarray:
    """Postcodes in an NPU."""
    pool = np.array(NPU_DISTRICTS[npu], dtype=object)
    return postcodes_in(rng, pool[rng.integers(0, len(pool), n)])


def build_line_people(
    rng: np.random.Generator,
    scale: Scale,
    lines: pd.DataFrame,
    profile: WorldProfile = WORLDS["standard"],
) -> pd.DataFrame:
    """The county-lines people of every line, one row each (positions assigned later)."""
    frames = []
    for i, line in enumerate(lines.itertuples()):
        counts = {
            "CONTROLLER": 1,
            "LINE_HOLDER": 1 + rng.binomial(2, 0.35),
            "ENFORCER": rng.binomial(3, min(0.9, 0.15 + 0.2 * line.violence)),
            "RUNNER": 2 + rng.poisson(scale.runners_mean * line.activity),
            "CUCKOOED": 1 + rng.poisson(profile.cuckooed_mean),
            "USER": 2 + rng.poisson(scale.users_mean * line.activity),
        }
        role = np.concatenate([np.full(k, r, dtype=object) for r, k in counts.items()])
        n = len(role)
        is_runner = role == "RUNNER"
        child = is_runner & (rng.random(n) < profile.child_runner_share)
        low = np.select(
            [role == "CONTROLLER", role == "LINE_HOLDER", role == "ENFORCER", child, is_runner],
            [22, 17, 18, 13, 18],
            default=20,
        )
        high = np.select(
            [role == "CONTROLLER", role == "LINE_HOLDER", role == "ENFORCER", child, is_runner],
            [40, 28, 32, 17, 45],
            default=62,
        )
        male_p = np.where(is_runner, 0.8, np.where(np.isin(role, ["CUCKOOED", "USER"]), 0.6, 0.95))
        towns = np.array(line.towns)
        home_town = towns[rng.integers(0, len(towns), n)]
        out_of_force = (
            np.isin(role, ["CUCKOOED"])
            | ((role == "USER") & (rng.random(n) < 0.8))
            | (is_runner & ~child & (rng.random(n) < 0.5))
        )
        postcode = _origin_postcodes(rng, line.origin_npu, n)
        elsewhere = ~out_of_force & (rng.random(n) < 0.3)
        if elsewhere.any():
            npu, district = in_force_districts(rng, int(elsewhere.sum()))
            postcode[elsewhere] = postcodes_in(rng, district)
        postcode[out_of_force] = _town_postcodes(rng, home_town[out_of_force])
        in_nominal = np.where(
            role == "USER",
            rng.random(n) < 0.6,
            np.where(role == "CUCKOOED", rng.random(n) < 0.5, True),
        )
        pnc_p = np.select(
            [np.isin(role, LEADER_ROLES), is_runner, role == "USER"], [0.9, 0.55, 0.4], default=0.3
        )
        frames.append(
            pd.DataFrame(
                {
                    "role": role,
                    "sex": np.where(rng.random(n) < male_p, "M", "F"),
                    "dob": _dob_for_ages(rng, low, high),
                    "postcode": postcode,
                    "line": i,
                    "group": np.where(np.isin(role, ["CUCKOOED", "USER"]), -1, line.group),
                    "is_cl": True,
                    "is_exploited": is_runner | (role == "CUCKOOED"),
                    "is_child_runner": child,
                    "in_nominal": in_nominal,
                    "has_pnc": rng.random(n) < pnc_p,
                    "propensity": np.where(np.isin(role, LEADER_ROLES), 3.0, 1.0),
                    "missing_prone": is_runner & (rng.random(n) < np.where(child, 0.8, 0.3)),
                    "is_lac": child & (rng.random(n) < 0.3),
                    "vulnerable": (is_runner & ~child) | (role == "CUCKOOED"),
                    "kind": "CL",
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def build_background(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Ordinary offenders, victims, witnesses and missing people: no county-lines involvement."""
    band = rng.choice(3, n, p=[0.14, 0.56, 0.30])
    low = np.array([10, 18, 46])[band]
    high = np.array([17, 45, 90])[band]
    dob = _dob_for_ages(rng, low, high)
    offender = rng.random(n) < np.array([0.25, 0.35, 0.12])[band]
    propensity = np.where(offender, rng.lognormal(0.0, 1.0, n), 0.0)
    child = band == 0
    missing_prone = rng.random(n) < np.where(child, 0.035, 0.004)
    npu, district = in_force_districts(rng, n)
    return pd.DataFrame(
        {
            "role": "NONE",
            "sex": np.where(rng.random(n) < 0.55, "M", "F"),
            "dob": dob,
            "postcode": postcodes_in(rng, district),
            "line": -1,
            "group": -1,
            "is_cl": False,
            "is_exploited": False,
            "is_child_runner": False,
            "in_nominal": rng.random(n) < 0.985,
            "has_pnc": rng.random(n) < np.where(offender, np.where(propensity > 1, 0.9, 0.7), 0.03),
            "propensity": propensity,
            "missing_prone": missing_prone,
            "is_lac": missing_prone & child & (rng.random(n) < 0.35),
            "vulnerable": rng.random(n) < 0.03,
            "kind": "BACKGROUND",
        }
    )


def add_hard_cases(
    rng: np.random.Generator, persons: pd.DataFrame, rate_twins: float, rate_father_son: float
) -> None:
    """Twins (same surname, dob, address) and father/son pairs with the same name, in place.

    Pairs are (i, i+1) with i even among background people, so no person is in two pairs.
    """
    background = np.flatnonzero(persons["kind"].to_numpy() == "BACKGROUND")
    evens = background[(background % 2 == 0) & np.isin(background + 1, background)]
    n_twins = max(2, int(len(background) * rate_twins))
    n_fs = max(2, int(len(background) * rate_father_son))
    chosen = rng.choice(evens, n_twins + n_fs, replace=False)
    twins, fathers = chosen[:n_twins], chosen[n_twins:]
    for col in ("surname", "dob", "postcode", "heritage"):
        persons.loc[twins + 1, col] = persons.loc[twins, col].to_numpy()
    sex = persons.loc[twins + 1, "sex"].to_numpy()
    heritage = persons.loc[twins + 1, "heritage"].to_numpy()
    new_first, _, _ = draw_names(rng, sex, heritage)
    same = new_first == persons.loc[twins, "forenames"].to_numpy()
    new_first[same] = new_first[same] + " " + np.where(sex[same] == "M", "Lee", "Marie")
    persons.loc[twins + 1, "forenames"] = new_first
    persons.loc[np.concatenate([fathers, fathers + 1]), "sex"] = "M"
    for col in ("surname", "forenames", "postcode", "heritage"):
        persons.loc[fathers + 1, col] = persons.loc[fathers, col].to_numpy()
    son_dob = _dob_for_ages(rng, np.full(n_fs, 16), np.full(n_fs, 30))
    persons.loc[fathers, "dob"] = son_dob
    gap = rng.integers(20 * 365, 35 * 365, n_fs).astype("timedelta64[D]")
    persons.loc[fathers + 1, "dob"] = son_dob - gap
    persons["hard_case"] = ""
    persons.loc[np.concatenate([twins, twins + 1]), "hard_case"] = "TWIN"
    persons.loc[np.concatenate([fathers, fathers + 1]), "hard_case"] = "FATHER_SON"


def choose_prisoners(
    rng: np.random.Generator, persons: pd.DataFrame, n_releases: int
) -> np.ndarray:
    """People released from prison in the window: line leaders often, prolific offenders."""
    role = persons["role"].to_numpy()
    adult = persons["dob"].to_numpy() <= EXTRACT_DATE - np.timedelta64(18 * 365 + 5, "D")
    in_nominal = persons["in_nominal"].to_numpy()
    cl = np.flatnonzero(np.isin(role, LEADER_ROLES) & in_nominal & (rng.random(len(role)) < 0.3))
    n_people = int(n_releases / 1.08)
    propensity = persons["propensity"].to_numpy() * adult * in_nominal * (role == "NONE")
    n_bg = max(0, n_people - len(cl))
    bg = rng.choice(len(role), n_bg, replace=False, p=propensity / propensity.sum())
    return np.sort(np.concatenate([cl, bg]))


def build_relatives(
    rng: np.random.Generator, persons: pd.DataFrame, prisoners: np.ndarray
) -> pd.DataFrame:
    """One relative (mother, partner, sibling) per prisoner, mostly unknown to the police."""
    n = len(prisoners)
    base = persons.iloc[prisoners]
    sex = np.where(rng.random(n) < 0.8, "F", "M")
    forenames, surnames, heritage = draw_names(rng, sex, base["heritage"].to_numpy())
    same_name = rng.random(n) < 0.7
    surnames = np.where(same_name, base["surname"].to_numpy(), surnames)
    return pd.DataFrame(
        {
            "role": "NONE",
            "sex": sex,
            "dob": _dob_for_ages(rng, np.full(n, 20), np.full(n, 70)),
            "postcode": base["postcode"].to_numpy(),
            "line": -1,
            "group": -1,
            "is_cl": False,
            "is_exploited": False,
            "is_child_runner": False,
            "in_nominal": rng.random(n) < 0.3,
            "has_pnc": rng.random(n) < 0.05,
            "propensity": 0.0,
            "missing_prone": False,
            "is_lac": False,
            "vulnerable": False,
            "kind": "RELATIVE",
            "forenames": forenames,
            "surname": surnames,
            "heritage": heritage,
            "hard_case": "",
        }
    )


def _pnc_ids(rng: np.random.Generator, dob: np.ndarray, has: np.ndarray) -> np.ndarray:
    """PNC ids `YYYY/NNNNNNNL` (year of first arrest) for people who have one, else ''."""
    n = len(dob)
    birth_year = dob.astype("datetime64[Y]").astype(int) + 1970
    first = np.maximum(birth_year + 12, 1995)
    last = np.maximum(np.minimum(birth_year + 40, 2025), first)
    year = first + (rng.random(n) * (last - first + 1)).astype(int)
    number = rng.integers(0, 10_000_000, n)
    letters = np.array(list("ABCDEFGHJKLMNPQRTUVWXYZ"), dtype=object)
    check = letters[rng.integers(0, len(letters), n)]
    pnc = np.array([f"{y}/{num:07d}" for y, num in zip(year, number, strict=True)], dtype=object)
    return np.where(has, pnc + check, "")


def build_world(
    rng: np.random.Generator,
    scale: Scale,
    profile: WorldProfile = WORLDS["standard"],
    line_rng: np.random.Generator | None = None,
) -> World:
    """Draw the whole latent world for a scale (and a world profile: line_rng draws what
    the profile changes, so the standard world's draws stay as they were)."""
    groups = build_groups(rng, scale)
    lines = build_lines(rng, scale)
    cl = build_line_people(rng, scale, lines, profile)
    if line_rng is not None:
        _reshape_lines(line_rng, cl, profile)
    background = build_background(rng, scale.n_background)
    persons = pd.concat([cl, background], ignore_index=True)
    forenames, surnames, heritage = draw_names(rng, persons["sex"].to_numpy())
    persons["forenames"], persons["surname"], persons["heritage"] = forenames, surnames, heritage
    add_hard_cases(rng, persons, scale.rates.twins, scale.rates.father_son)
    _assign_background_soc_members(rng, persons, groups)
    prisoners = choose_prisoners(rng, persons, scale.n_releases)
    relatives = build_relatives(rng, persons, prisoners)
    relative_pos = np.arange(len(persons), len(persons) + len(relatives))
    persons = pd.concat([persons, relatives], ignore_index=True)
    n = len(persons)
    persons["person_id"] = sequence_ids(rng, "P", n, 7, 1_000_000)
    persons["phone"] = mobile_numbers(rng, n)
    persons["pnc"] = _pnc_ids(rng, persons["dob"].to_numpy(), persons["has_pnc"].to_numpy())
    district = persons["postcode"].str.split(" ").str[0].to_numpy()
    persons["npu"] = npu_of_district(district)
    lines["threat"] = _line_threat(lines, persons)
    return World(persons, groups, lines, prisoners, relative_pos)


def _reshape_lines(rng: np.random.Generator, cl: pd.DataFrame, profile: WorldProfile) -> None:
    """Teenage line holders and runners shared between lines, as the profile asks (in
    place; nothing changes at the standard world's zero shares)."""
    cl["second_line"] = -1
    holders = np.flatnonzero(cl["role"].to_numpy() == "LINE_HOLDER")
    teen = holders[rng.random(len(holders)) < profile.teen_holders]
    if len(teen):
        cl.loc[teen, "dob"] = _dob_for_ages(rng, np.full(len(teen), 16), np.full(len(teen), 19))
    runners = np.flatnonzero(cl["role"].to_numpy() == "RUNNER")
    shared = runners[rng.random(len(runners)) < profile.shared_runners]
    n_lines = int(cl["line"].max()) + 1
    if len(shared) and n_lines > 1:
        own = cl["line"].to_numpy()[shared]
        other = (own + rng.integers(1, n_lines, len(shared))) % n_lines
        cl.loc[shared, "second_line"] = other


def _assign_background_soc_members(
    rng: np.random.Generator, persons: pd.DataFrame, groups: pd.DataFrame
) -> None:
    """Put prolific background offenders into the background (non county lines) SOC groups."""
    bg_groups = np.flatnonzero(~groups["is_county_lines"].to_numpy())
    candidates = np.flatnonzero(
        (persons["propensity"].to_numpy() > 1.5)
        & persons["in_nominal"].to_numpy()
        & (persons["group"].to_numpy() == -1)
    )
    sizes = rng.integers(4, 13, len(bg_groups))
    chosen = rng.choice(candidates, int(sizes.sum()), replace=False)
    persons.loc[chosen, "group"] = np.repeat(bg_groups, sizes)


def _line_threat(lines: pd.DataFrame, persons: pd.DataFrame) -> np.ndarray:
    """Latent harm of each line: exploitation count, violence and firearms."""
    exploited = persons[persons["is_exploited"]].groupby("line").size()
    count = exploited.reindex(range(len(lines)), fill_value=0).to_numpy()
    threat = 2.0 * count + 10.0 * lines["violence"].to_numpy() + 20.0 * lines["firearms"].to_numpy()
    return np.round(threat * lines["activity"].to_numpy() ** 0.5, 2)
