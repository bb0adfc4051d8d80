"""ims/intel_reports, intel_nominals, intel_entities: the intelligence system.

Background reports about ordinary offending (with drug words), false or non-credible reports
that use county-lines slang about uninvolved people (low grades), and reports about each line
(mostly credible) that name its people, phones, name, addresses and vehicles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import iso_dates, random_days
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec, format_phones
from countylines.generator.names import LINE_NAMES, NICKNAMES, STREETS
from countylines.generator.reference import DESTINATION_TOWNS, INCODE_LETTERS
from countylines.generator.text import (
    BG_INTEL,
    CL_INTEL,
    FALSE_CL_INTEL,
    base_slots,
    line_mentions,
    person_names,
    render,
)
from countylines.generator.world import line_phone_on

SPECS = (
    TableSpec(
        "ims/intel_reports",
        pk="intel_ref",
        codes=("source_grade", "intel_grade", "origin"),
        dates=("submitted_date",),
        bad_codes={"grading_scheme": "4x4x4", "origin": "PSYCHIC"},
        links={"pins_ref": "PINS9"},
        blank_for_missing="intel_ref",
        alter="report_text",
        grades=True,
    ),
    TableSpec(
        "ims/intel_nominals",
        required=("intel_ref", "wmp_nominal_id", "link_type"),
        codes=("link_type",),
        bad_codes={"link_type": "FRIEND"},
        links={"wmp_nominal_id": "N9", "intel_ref": "IR/9"},
        blank_for_missing="wmp_nominal_id",
    ),
    TableSpec(
        "ims/intel_entities",
        required=("intel_ref", "entity_type", "entity_value"),
        codes=("entity_type",),
        bad_codes={"entity_type": "EMAIL"},
        links={"intel_ref": "IR/9"},
        blank_for_missing="entity_value",
    ),
)

ROLE_WEIGHT = {
    "CONTROLLER": 2.0,
    "LINE_HOLDER": 4.0,
    "ENFORCER": 2.0,
    "RUNNER": 1.0,
    "CUCKOOED": 0.4,
    "USER": 0.3,
}


def _grades(
    rng: np.random.Generator, dates: np.ndarray, credible: np.ndarray
) -> dict[str, np.ndarray]:
    """Grading scheme by date (5x5x5 before 2016) and grades skewed by credibility."""
    n = len(dates)
    old = dates < np.datetime64("2016-01-01")
    source_new = np.where(
        credible,
        rng.choice(["1", "2", "3"], n, p=[0.3, 0.55, 0.15]),
        rng.choice(["1", "2", "3"], n, p=[0.03, 0.27, 0.7]),
    )
    intel_new = np.where(
        credible,
        rng.choice(list("ABCDE"), n, p=[0.15, 0.45, 0.3, 0.07, 0.03]),
        rng.choice(list("ABCDE"), n, p=[0.02, 0.08, 0.2, 0.35, 0.35]),
    )
    source_old = np.where(
        credible,
        rng.choice(list("ABCDE"), n, p=[0.2, 0.5, 0.2, 0.05, 0.05]),
        rng.choice(list("ABCDE"), n, p=[0.02, 0.1, 0.3, 0.28, 0.3]),
    )
    intel_old = np.where(
        credible,
        rng.choice(list("12345"), n, p=[0.15, 0.45, 0.3, 0.05, 0.05]),
        rng.choice(list("12345"), n, p=[0.02, 0.1, 0.28, 0.3, 0.3]),
    )
    handling_new = rng.choice(["P", "C"], n, p=[0.85, 0.15])
    handling_old = rng.choice(list("12345"), n, p=[0.6, 0.15, 0.15, 0.05, 0.05])
    return {
        "grading_scheme": np.where(old, "5x5x5", "3x5x2").astype(object),
        "source_grade": np.where(old, source_old, source_new).astype(object),
        "intel_grade": np.where(old, intel_old, intel_new).astype(object),
        "handling_code": np.where(old, handling_old, handling_new).astype(object),
    }


def _addresses(rng: np.random.Generator, postcodes: np.ndarray) -> np.ndarray:
    """Addresses as typed: `12 Church Road, B21 9QX` (house number, street, postcode)."""
    n = len(postcodes)
    number = rng.integers(1, 200, n).astype(str).astype(object)
    flat = np.where(
        rng.random(n) < 0.3, "Flat " + rng.integers(1, 30, n).astype(str).astype(object) + ", ", ""
    )
    street = np.array(STREETS, dtype=object)[rng.integers(0, len(STREETS), n)]
    return flat + number + " " + street + ", " + postcodes


def _plates(rng: np.random.Generator, n: int) -> np.ndarray:
    """UK-style registration plates (`AB12 CDE`), sometimes with the make."""
    letters = np.array(list("ABCDEFGHJKLMNOPRSTUVWXY"), dtype=object)
    draw = letters[rng.integers(0, len(letters), (5, n))]
    year = np.array(
        ["15", "16", "65", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71"], dtype=object
    )
    plate = (
        draw[0] + draw[1] + year[rng.integers(0, len(year), n)] + " " + draw[2] + draw[3] + draw[4]
    )
    return np.where(
        rng.random(n) < 0.2, np.char.replace(plate.astype(str), " ", "").astype(object), plate
    )


def _background_reports(ctx: Context, rng: np.random.Generator) -> pd.DataFrame:
    """Ordinary intelligence and false county-lines reports about background people."""
    n = ctx.scale.n_intel
    persons = ctx.world.persons
    known = np.flatnonzero(
        persons["in_nominal"].to_numpy() & (persons["kind"].to_numpy() == "BACKGROUND")
    )
    weight = persons["propensity"].to_numpy()[known] + 0.05
    subject = rng.choice(known, n, p=weight / weight.sum())
    old = rng.random(n) < 0.04
    dates = random_days(rng, n, ctx.scale.window_start)
    dates[old] = random_days(
        rng, int(old.sum()), np.datetime64("2009-01-01"), np.datetime64("2015-12-31")
    )
    false_cl = rng.random(n) < 0.03
    return pd.DataFrame(
        {
            "date": dates,
            "subject": np.where(rng.random(n) < 0.9, subject, -1),
            "line": -1,
            "false_cl": false_cl,
            "credible": ~false_cl & (rng.random(n) < 0.7),
        }
    )


def _line_reports(ctx: Context, rng: np.random.Generator) -> pd.DataFrame:
    """Reports about each line's people and activity, over the window the line was active."""
    world = ctx.world
    persons = world.persons
    known = persons["in_nominal"].to_numpy()
    frames = []
    starts = world.lines["start_date"].to_numpy().astype("datetime64[D]")
    ends = world.lines["end_date"].to_numpy().astype("datetime64[D]")
    for line_pos, line in enumerate(world.lines.itertuples()):
        first = max(starts[line_pos], ctx.scale.window_start)
        last = min(ends[line_pos], EXTRACT_DATE)
        if last < first:
            continue
        share = (int((last - first).astype(int)) + 1) / 365
        count = rng.poisson(ctx.scale.cl_intel_per_line * line.activity * share)
        members = world.line_members(line_pos, tuple(ROLE_WEIGHT))
        members = members[known[members]]
        weight = persons["role"].iloc[members].map(ROLE_WEIGHT).to_numpy()
        subject = rng.choice(members, count, p=weight / weight.sum())
        frames.append(
            pd.DataFrame(
                {
                    "date": random_days(rng, count, first, last),
                    "subject": np.where(rng.random(count) < 0.85, subject, -1),
                    "line": line_pos,
                    "false_cl": False,
                    "credible": rng.random(count) < 0.85,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def build(ctx: Context, pins_refs: pd.DataFrame) -> SourceOutput:
    """The three intelligence tables."""
    rng = ctx.rng("ims")
    world = ctx.world
    persons = world.persons
    lines = world.lines
    reports = pd.concat([_background_reports(ctx, rng), _line_reports(ctx, rng)], ignore_index=True)
    reports = reports.iloc[np.argsort(reports["date"].to_numpy(), kind="stable")].reset_index(
        drop=True
    )
    n = len(reports)
    intel_ref = np.array(
        [f"IR/{v:07d}" for v in np.arange(n) * 2 + 100_000 + rng.integers(0, 2, n)], dtype=object
    )
    line = reports["line"].to_numpy()
    cl = line >= 0
    subject = reports["subject"].to_numpy()
    dates = reports["date"].to_numpy()
    # phones, names and towns of each report
    line_rows = [lines.iloc[i] for i in range(len(lines))]
    phone = np.array(
        [line_phone_on(lines, i, d) if i >= 0 else "" for i, d in zip(line, dates, strict=True)],
        dtype=object,
    )
    town_index = np.array(
        [
            line_rows[i]["towns"][rng.integers(0, len(line_rows[i]["towns"]))]
            if i >= 0
            else rng.integers(0, len(DESTINATION_TOWNS))
            for i in line
        ]
    )
    town_names = np.array([t.name for t in DESTINATION_TOWNS], dtype=object)
    slots = base_slots(rng, n)
    has_subject = subject >= 0
    safe_subject = np.where(has_subject, subject, 0)
    names = person_names(
        rng,
        persons["forenames"].to_numpy()[safe_subject],
        persons["surname"].to_numpy()[safe_subject],
    )
    nick = np.array(NICKNAMES, dtype=object)[rng.integers(0, len(NICKNAMES), n)]
    slots["name"] = np.where(has_subject, names, "A male known as " + nick)
    line_names = np.append(lines["line_name"].to_numpy(), "")[line]
    fake = np.array(LINE_NAMES, dtype=object)[rng.integers(0, len(LINE_NAMES), n)]
    slots["line"] = line_mentions(rng, np.where(cl, line_names, fake))
    fake_phone = persons["phone"].to_numpy()[safe_subject]
    slots["phone"] = format_phones(rng, np.where(cl, phone, fake_phone))
    slots["town"] = town_names[town_index]
    false_cl = reports["false_cl"].to_numpy()
    text = np.empty(n, dtype=object)
    for mask, templates in (
        (cl, CL_INTEL),
        (false_cl, FALSE_CL_INTEL),
        (~cl & ~false_cl, BG_INTEL),
    ):
        rows = np.flatnonzero(mask)
        text[rows] = render(rng, templates, {k: v[rows] for k, v in slots.items()})
    origin_codes = np.array(["OFFICER", "PUBLIC", "CRIMESTOPPERS", "PARTNER", "PINS"], dtype=object)
    origin = np.where(
        false_cl,
        origin_codes[rng.choice(5, n, p=[0.1, 0.5, 0.4, 0.0, 0.0])],
        origin_codes[rng.choice(5, n, p=[0.6, 0.14, 0.1, 0.14, 0.02])],
    )
    prisoners = set(pins_refs["person"].tolist())
    released = np.array([int(p) in prisoners for p in subject], dtype=bool)
    origin = np.where(released & cl & (rng.random(n) < 0.3), "PINS", origin)
    pins_ref = _pins_refs(rng, pins_refs, subject, origin)
    origin = np.where((origin == "PINS") & (pins_ref == ""), "OFFICER", origin)
    grades = _grades(rng, dates, reports["credible"].to_numpy())
    if ctx.profile.conservative_grading > 0:
        # a cautious force grades some credible reports as it grades doubtful ones
        cautious_rng = ctx.rng("world/grading")
        doubtful = _grades(cautious_rng, dates, np.zeros(n, dtype=bool))
        cautious = reports["credible"].to_numpy() & (
            cautious_rng.random(n) < ctx.profile.conservative_grading
        )
        for column in ("source_grade", "intel_grade"):
            grades[column] = np.where(cautious, doubtful[column], grades[column])
    npu = np.where(has_subject, persons["npu"].to_numpy()[safe_subject], "")
    npu = np.where(cl, lines["origin_npu"].to_numpy()[np.where(cl, line, 0)], npu)
    table = pd.DataFrame(
        {
            "intel_ref": intel_ref,
            "submitted_date": iso_dates(dates),
            **grades,
            "origin": origin,
            "pins_ref": pins_ref,
            "npu": np.where(rng.random(n) < 0.05, "", npu),
            "report_text": text,
        }
    )
    nominals = _intel_nominals(ctx, rng, intel_ref, subject, line)
    entities = _intel_entities(
        ctx, rng, intel_ref, subject, line, phone, town_index, false_cl, slots["line"]
    )
    tables = {
        "ims/intel_reports": table,
        "ims/intel_nominals": nominals,
        "ims/intel_entities": entities,
    }
    return SourceOutput(tables)


def _pins_refs(
    rng: np.random.Generator, releases: pd.DataFrame, subject: np.ndarray, origin: np.ndarray
) -> np.ndarray:
    """The release a PINS-origin report came from: the subject's own release when there is one."""
    by_person = dict(
        zip(releases["person"].to_numpy(), releases["pins_ref"].to_numpy(), strict=True)
    )
    out = np.full(len(subject), "", dtype=object)
    for row in np.flatnonzero(origin == "PINS"):
        out[row] = by_person.get(int(subject[row]), "")
    # a few more reports about released prisoners carry their pins_ref
    for row in np.flatnonzero((origin != "PINS") & (rng.random(len(subject)) < 0.02)):
        out[row] = by_person.get(int(subject[row]), "")
    return out


def _intel_nominals(
    ctx: Context,
    rng: np.random.Generator,
    intel_ref: np.ndarray,
    subject: np.ndarray,
    line: np.ndarray,
) -> pd.DataFrame:
    """SUBJECT, ASSOCIATE and MENTIONED links of each report."""
    world = ctx.world
    persons = world.persons
    known = np.flatnonzero(
        persons["in_nominal"].to_numpy() & (persons["kind"].to_numpy() == "BACKGROUND")
    )
    weight = persons["propensity"].to_numpy()[known] + 0.1
    known_mask = persons["in_nominal"].to_numpy()
    rows_ref: list[np.ndarray] = []
    rows_person: list[np.ndarray] = []
    rows_type: list[np.ndarray] = []
    has = subject >= 0
    rows_ref.append(intel_ref[has])
    rows_person.append(subject[has])
    rows_type.append(np.full(int(has.sum()), "SUBJECT", dtype=object))
    bg = line < 0
    for link_type, mean in (("ASSOCIATE", 0.35), ("MENTIONED", 0.2)):
        k = rng.poisson(mean, len(subject)) * bg
        idx = np.repeat(np.arange(len(subject)), k)
        rows_ref.append(intel_ref[idx])
        rows_person.append(rng.choice(known, len(idx), p=weight / weight.sum()))
        rows_type.append(np.full(len(idx), link_type, dtype=object))
    cl_rows = np.flatnonzero(~bg)
    members_by_line = {
        i: world.line_members(i, ("CONTROLLER", "LINE_HOLDER", "ENFORCER", "RUNNER"))
        for i in range(len(world.lines))
    }
    others_by_line = {
        i: world.line_members(i, ("USER", "CUCKOOED")) for i in range(len(world.lines))
    }
    extra_ref, extra_person, extra_type = [], [], []
    for row in cl_rows:
        members = members_by_line[line[row]]
        members = members[known_mask[members] & (members != subject[row])]
        for _ in range(min(len(members), rng.poisson(1.2))):
            extra_ref.append(intel_ref[row])
            extra_person.append(members[rng.integers(0, len(members))])
            extra_type.append("ASSOCIATE")
        others = others_by_line[line[row]]
        others = others[known_mask[others]]
        if len(others) and rng.random() < 0.3:
            extra_ref.append(intel_ref[row])
            extra_person.append(others[rng.integers(0, len(others))])
            extra_type.append("MENTIONED")
    rows_ref.append(np.array(extra_ref, dtype=object))
    rows_person.append(np.array(extra_person, dtype=int))
    rows_type.append(np.array(extra_type, dtype=object))
    person = np.concatenate(rows_person).astype(int)
    table = pd.DataFrame(
        {
            "intel_ref": np.concatenate(rows_ref),
            "wmp_nominal_id": ctx.index.ids_for(rng, person),
            "link_type": np.concatenate(rows_type),
        }
    )
    table = table.drop_duplicates(["intel_ref", "wmp_nominal_id"])
    return table.sort_values("intel_ref", kind="stable", ignore_index=True)


def _intel_entities(
    ctx: Context,
    rng: np.random.Generator,
    intel_ref: np.ndarray,
    subject: np.ndarray,
    line: np.ndarray,
    phone: np.ndarray,
    town_index: np.ndarray,
    false_cl: np.ndarray,
    line_text: np.ndarray,
) -> pd.DataFrame:
    """PHONE, LINE_NAME, ADDRESS and VEHICLE entities of each report."""
    world = ctx.world
    persons = world.persons
    n = len(intel_ref)
    cl = line >= 0
    safe_subject = np.where(subject >= 0, subject, 0)
    draw = rng.random((4, n))
    frames = []
    line_phone = cl & (draw[0] < 0.55)
    own_phone = ~cl & (subject >= 0) & (draw[0] < 0.08)
    phones = np.where(line_phone, phone, persons["phone"].to_numpy()[safe_subject])
    has_phone = line_phone | own_phone
    frames.append((has_phone, "PHONE", format_phones(rng, phones)))
    names = np.append(world.lines["line_name"].to_numpy(), "")[line]
    styled = np.array([v if rng.random() < 0.5 else v.title() for v in names], dtype=object)
    styled = np.where(rng.random(n) < 0.3, styled + " line", styled)
    has_name = cl & (draw[1] < 0.45)
    frames.append((has_name, "LINE_NAME", styled))
    frames.append((false_cl & (draw[1] < 0.3), "LINE_NAME", line_text))
    districts = np.array([DESTINATION_TOWNS[t].districts[0] for t in town_index], dtype=object)
    letters = np.array(list(INCODE_LETTERS), dtype=object)
    away_postcode = (
        districts
        + " "
        + rng.integers(1, 10, n).astype(str).astype(object)
        + letters[rng.integers(0, 20, n)]
        + letters[rng.integers(0, 20, n)]
    )
    postcode = np.where(cl, away_postcode, persons["postcode"].to_numpy()[safe_subject])
    has_address = (cl & (draw[2] < 0.25)) | (~cl & (subject >= 0) & (draw[2] < 0.1))
    frames.append((has_address, "ADDRESS", _addresses(rng, postcode)))
    plates = _plates(rng, n)
    line_plate = _plates(rng, len(world.lines) + 1)[np.where(cl, line, len(world.lines))]
    has_vehicle = draw[3] < np.where(cl, 0.15, 0.1)
    frames.append(
        (has_vehicle, "VEHICLE", np.where(cl & (rng.random(n) < 0.7), line_plate, plates))
    )
    refs, types, values = [], [], []
    for mask, entity_type, value in frames:
        refs.append(intel_ref[mask])
        types.append(np.full(int(mask.sum()), entity_type, dtype=object))
        values.append(value[mask])
    table = pd.DataFrame(
        {
            "intel_ref": np.concatenate(refs),
            "entity_type": np.concatenate(types),
            "entity_value": np.concatenate(values),
        }
    )
    return table.sort_values("intel_ref", kind="stable", ignore_index=True)
