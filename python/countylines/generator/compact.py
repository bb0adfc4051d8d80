"""compact/missing_persons, missing_episodes, episode_associates: missing-person records.

Exploited runners go missing repeatedly and are found out of force in their line's towns,
with line members as associates (sometimes only the line's phone number). Background missing
people (looked-after children, adults) go missing too, mostly found in force.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import (
    age_on,
    iso_dates,
    iso_timestamps,
    postcodes_in,
    random_days,
    with_time,
)
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec, format_phones
from countylines.generator.identity import noisy_names
from countylines.generator.reference import (
    DESTINATION_TOWNS,
    HOME_FORCE,
    NPU_LOCAL_AUTHORITY,
    OTHER_LOCAL_AUTHORITIES,
)
from countylines.generator.text import (
    BG_CIRCUMSTANCES,
    BG_FOUND,
    BG_RETURN,
    CL_CIRCUMSTANCES,
    CL_FOUND,
    CL_RETURN,
    base_slots,
    line_mentions,
    render,
)

SPECS = (
    TableSpec(
        "compact/missing_persons",
        pk="compact_person_id",
        names=("surname", "forenames"),
        dobs=("date_of_birth",),
        postcodes=("home_postcode",),
        codes=("sex",),
        flags=("is_looked_after",),
        dates=("date_of_birth",),
        bad_codes={"sex": "X"},
        links={"wmp_nominal_id": "N9"},
        blank_for_missing="compact_person_id",
        alter="surname",
    ),
    TableSpec(
        "compact/missing_episodes",
        pk="episode_ref",
        postcodes=("found_postcode",),
        codes=("risk_level",),
        flags=("cce_concern",),
        dates=("reported_at",),
        bad_codes={"risk_level": "URGENT"},
        links={"compact_person_id": "MP9"},
        blank_for_missing="episode_ref",
        alter="reported_at",
    ),
    TableSpec(
        "compact/episode_associates",
        pk="associate_id",
        names=("surname", "forenames"),
        dobs=("date_of_birth",),
        codes=("association",),
        dates=("date_of_birth",),
        bad_codes={"association": "SIBLING"},
        links={"episode_ref": "ME9"},
        blank_for_missing="associate_id",
        alter="forenames",
    ),
)


def _episode_counts(ctx: Context, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Who goes missing (person positions) and how many times each."""
    persons = ctx.world.persons
    prone = persons["missing_prone"].to_numpy()
    runner = prone & (persons["role"].to_numpy() == "RUNNER")
    activity = np.append(ctx.world.lines["activity"].to_numpy(), 1.0)[persons["line"].to_numpy()]
    cl_people = np.flatnonzero(runner)
    cl_counts = 1 + rng.poisson(3.0 * activity[cl_people])
    bg_people = np.flatnonzero(prone & ~runner)
    lac = persons["is_lac"].to_numpy()[bg_people]
    child = persons["dob"].to_numpy()[bg_people] > EXTRACT_DATE - np.timedelta64(18 * 365, "D")
    weight = np.where(lac, 4.0, np.where(child, 1.5, 1.0))
    target = ctx.scale.n_missing_episodes
    if len(bg_people) > target:
        keep = np.sort(rng.choice(len(bg_people), target, replace=False))
        bg_people, weight = bg_people[keep], weight[keep]
    bg_counts = np.ones(len(bg_people), dtype=int)
    extra = max(0, target - len(bg_people))
    if extra and len(bg_people):
        bg_counts += np.bincount(
            rng.choice(len(bg_people), extra, p=weight / weight.sum()), minlength=len(bg_people)
        )
    return np.concatenate([cl_people, bg_people]), np.concatenate([cl_counts, bg_counts])


def build(ctx: Context) -> SourceOutput:
    """The three COMPACT tables and their identity rows."""
    rng = ctx.rng("compact")
    persons = ctx.world.persons
    people, counts = _episode_counts(ctx, rng)
    # a few people hold two COMPACT records
    second = rng.random(len(people)) < 0.02
    record_person = np.concatenate([people, people[second]])
    n_records = len(record_person)
    compact_id = np.array(
        [f"MP{v:06d}" for v in rng.permutation(n_records) * 4 + 100_000], dtype=object
    )
    forenames, surname, dob = noisy_names(
        rng,
        persons["forenames"].to_numpy()[record_person],
        persons["surname"].to_numpy()[record_person],
        persons["dob"].to_numpy()[record_person],
        0.08,
    )
    npu = persons["npu"].to_numpy()[record_person]
    authority = np.array([NPU_LOCAL_AUTHORITY.get(code, "") for code in npu], dtype=object)
    lac = persons["is_lac"].to_numpy()[record_person]
    placed_away = lac & (rng.random(n_records) < 0.3)
    authority[placed_away] = np.array(OTHER_LOCAL_AUTHORITIES, dtype=object)[
        rng.integers(0, len(OTHER_LOCAL_AUTHORITIES), int(placed_away.sum()))
    ]
    lac_flag = np.where(lac, "Y", "N").astype(object)
    lac_flag[rng.random(n_records) < 0.05] = ""
    known = persons["in_nominal"].to_numpy()[record_person]
    records_nominal = known & (rng.random(n_records) < ctx.scale.rates.compact_records_nominal)
    nominal = np.where(records_nominal, ctx.index.ids_for(rng, record_person), "")
    missing_persons = pd.DataFrame(
        {
            "compact_person_id": compact_id,
            "surname": surname,
            "forenames": forenames,
            "date_of_birth": np.where(rng.random(n_records) < 0.02, "", iso_dates(dob)),
            "sex": persons["sex"].to_numpy()[record_person],
            "home_postcode": persons["postcode"].to_numpy()[record_person],
            "local_authority": authority,
            "is_looked_after": lac_flag,
            "wmp_nominal_id": nominal,
        }
    ).sort_values("compact_person_id", ignore_index=True)
    # episodes: each person's episodes, the second record (if any) taking a share of them
    episode_person = np.repeat(people, counts)
    record_of_person = {int(p): i for i, p in enumerate(people)}
    episode_record = np.array([record_of_person[int(p)] for p in episode_person], dtype=int)
    second_index = np.full(len(people), -1)
    second_index[np.flatnonzero(second)] = np.arange(len(people), n_records)
    use_second = (second_index[episode_record] >= 0) & (rng.random(len(episode_record)) < 0.4)
    episode_record = np.where(use_second, second_index[episode_record], episode_record)
    episodes, associates, associate_person = _episodes(
        ctx, rng, episode_person, compact_id[episode_record]
    )
    identity = [
        ctx.identity_rows("COMPACT", compact_id, record_person),
        ctx.identity_rows(
            "COMPACT_ASSOCIATE", associates["associate_id"].to_numpy(), associate_person
        ),
    ]
    tables = {
        "compact/missing_persons": missing_persons,
        "compact/missing_episodes": episodes,
        "compact/episode_associates": associates,
    }
    return SourceOutput(tables, identity)


def _episodes(
    ctx: Context, rng: np.random.Generator, person: np.ndarray, compact_id: np.ndarray
) -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray]:
    """Episode rows, associate rows and the person behind each associate."""
    world = ctx.world
    persons = world.persons
    n = len(person)
    role = persons["role"].to_numpy()[person]
    cl = role == "RUNNER"
    line = persons["line"].to_numpy()[person]
    dob = persons["dob"].to_numpy()[person]
    reported = with_time(rng, random_days(rng, n, ctx.scale.window_start))
    hours = np.clip(rng.lognormal(3.0, 1.0, n), 1, 24 * 20).astype(int)
    found = reported + (hours * 3600).astype("timedelta64[s]")
    end = EXTRACT_DATE.astype("datetime64[s]") + np.timedelta64(86_399, "s")
    still_missing = (found > end) | (rng.random(n) < 0.01)
    age = age_on(dob, reported.astype("datetime64[D]"))
    child = age < 18
    towns = world.lines["towns"].to_list()
    away = cl & (rng.random(n) < 0.55)
    bg_away = ~cl & (rng.random(n) < 0.05)
    town = np.full(n, -1)
    town[away] = [
        towns[line[i]][rng.integers(0, len(towns[line[i]]))] for i in np.flatnonzero(away)
    ]
    town[bg_away] = rng.integers(0, len(DESTINATION_TOWNS), int(bg_away.sum()))
    found_force = np.array(
        [DESTINATION_TOWNS[t].force if t >= 0 else HOME_FORCE for t in town], dtype=object
    )
    districts = np.array(
        [
            DESTINATION_TOWNS[t].districts[rng.integers(0, len(DESTINATION_TOWNS[t].districts))]
            if t >= 0
            else ""
            for t in town
        ],
        dtype=object,
    )
    found_postcode = np.where(
        town >= 0, postcodes_in(rng, districts), persons["postcode"].to_numpy()[person]
    )
    found_postcode[rng.random(n) < 0.2] = ""
    slots = base_slots(rng, n)
    town_names = np.array([t.name for t in DESTINATION_TOWNS] + ["Birmingham"], dtype=object)
    line_towns = np.array(
        [towns[line[i]][0] if cl[i] else len(DESTINATION_TOWNS) for i in range(n)], dtype=int
    )
    slots["town"] = town_names[np.where(town >= 0, town, line_towns)]
    slots["found_force"] = found_force
    names = np.append(world.lines["line_name"].to_numpy(), "X")[line]
    slots["line"] = line_mentions(rng, names)
    found_text = np.where(away, render(rng, CL_FOUND, slots), render(rng, BG_FOUND, slots))
    found_text[bg_away] = "Found in " + slots["town"][bg_away] + " by local officers."
    circumstances = np.where(
        cl & (rng.random(n) < 0.7),
        render(rng, CL_CIRCUMSTANCES, slots),
        render(rng, BG_CIRCUMSTANCES, slots),
    )
    interview = np.where(cl, render(rng, CL_RETURN, slots), render(rng, BG_RETURN, slots))
    interview[~child | (rng.random(n) < 0.45)] = ""
    if ctx.profile.return_interviews < 1:
        # a force where few return-home interviews are written up
        unwritten = ctx.rng("world/interviews").random(n) >= ctx.profile.return_interviews
        interview[unwritten] = ""
    risk_levels = np.array(["HIGH", "MEDIUM", "LOW", "NO_APPARENT_RISK"], dtype=object)
    risk = np.where(
        cl,
        risk_levels[rng.choice(4, n, p=[0.5, 0.4, 0.1, 0.0])],
        risk_levels[rng.choice(4, n, p=[0.1, 0.45, 0.35, 0.1])],
    )
    cce_p = np.where(cl & child, 0.6, np.where(cl, 0.2, 0.03))
    cce = np.where(rng.random(n) < cce_p, "Y", "N").astype(object)
    cce[rng.random(n) < 0.1] = ""
    order = np.argsort(reported, kind="stable")
    episode_ref = np.empty(n, dtype=object)
    episode_ref[order] = [f"ME{v:07d}" for v in np.arange(n) * 3 + 500_000 + rng.integers(0, 3, n)]
    episodes = (
        pd.DataFrame(
            {
                "episode_ref": episode_ref,
                "compact_person_id": compact_id,
                "reported_at": iso_timestamps(reported),
                "found_at": np.where(still_missing, "", iso_timestamps(found)),
                "risk_level": risk,
                "age_at_report": age.astype(str).astype(object),
                "found_force": np.where(still_missing, "", found_force),
                "found_postcode": np.where(still_missing, "", found_postcode),
                "found_location_text": np.where(still_missing, "", found_text),
                "circumstances_text": circumstances,
                "return_interview_text": np.where(still_missing, "", interview),
                "cce_concern": cce,
            }
        )
        .iloc[order]
        .reset_index(drop=True)
    )
    associates, associate_person = _associates(ctx, rng, person, episode_ref, cl, away)
    return episodes, associates, associate_person


def _associates(
    ctx: Context,
    rng: np.random.Generator,
    person: np.ndarray,
    episode_ref: np.ndarray,
    cl: np.ndarray,
    away: np.ndarray,
) -> tuple[pd.DataFrame, np.ndarray]:
    """People a missing person was found with, believed with, or reported in contact with."""
    world = ctx.world
    persons = world.persons
    line_of = persons["line"].to_numpy()
    background = np.flatnonzero(persons["kind"].to_numpy() == "BACKGROUND")
    rows: list[tuple[int, str, int, bool]] = []  # episode, association, person, phone only
    for episode in np.flatnonzero(rng.random(len(person)) < np.where(cl, 0.55, 0.2)):
        who = person[episode]
        for _ in range(1 + rng.poisson(0.6)):
            if cl[episode]:
                line = line_of[who]
                if rng.random() < 0.25:
                    holders = world.line_members(line, ("LINE_HOLDER",))
                    rows.append((episode, "REPORTED_CONTACT", int(holders[0]), True))
                    continue
                roles = (
                    ("RUNNER", "LINE_HOLDER")
                    if away[episode]
                    else ("LINE_HOLDER", "ENFORCER", "RUNNER")
                )
                mates = world.line_members(line, roles)
                mates = mates[mates != who]
                if len(mates) == 0:
                    continue
                kind = "FOUND_WITH" if away[episode] and rng.random() < 0.6 else "BELIEVED_WITH"
                rows.append((episode, kind, int(mates[rng.integers(0, len(mates))]), False))
            else:
                kind = ("FOUND_WITH", "BELIEVED_WITH", "REPORTED_CONTACT")[rng.integers(0, 3)]
                rows.append(
                    (episode, kind, int(background[rng.integers(0, len(background))]), False)
                )
    episode = np.array([r[0] for r in rows], dtype=int)
    association = np.array([r[1] for r in rows], dtype=object)
    contact = np.array([r[2] for r in rows], dtype=int)
    phone_only = np.array([r[3] for r in rows], dtype=bool)
    n = len(rows)
    forenames, surname, dob = noisy_names(
        rng,
        persons["forenames"].to_numpy()[contact],
        persons["surname"].to_numpy()[contact],
        persons["dob"].to_numpy()[contact],
        0.15,
    )
    first_only = rng.random(n) < 0.3  # "a lad called Kyle"
    line_phone = np.array(
        [
            world.lines["phones"].iloc[line_of[c]][-1] if phone_only[i] else ""
            for i, c in enumerate(contact)
        ],
        dtype=object,
    )
    phone = np.where(phone_only, line_phone, persons["phone"].to_numpy()[contact])
    show_phone = phone_only | (rng.random(n) < 0.4)
    table = pd.DataFrame(
        {
            "associate_id": np.array(
                [f"EA{v:07d}" for v in rng.permutation(n) * 2 + 3_000_000], dtype=object
            ),
            "episode_ref": episode_ref[episode],
            "association": association,
            "surname": np.where(phone_only | first_only, "", surname),
            "forenames": np.where(phone_only, "", [f.split(" ")[0] for f in forenames]),
            "date_of_birth": np.where(~phone_only & (rng.random(n) < 0.4), iso_dates(dob), ""),
            "phone": np.where(show_phone, format_phones(rng, phone), ""),
        }
    )
    return table, contact
