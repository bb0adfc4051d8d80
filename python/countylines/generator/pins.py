"""pins/releases and pins/prison_contacts: prison release notifications and their contacts.

A prisoner keeps one prison_number across releases. Contacts are real people of the world
(relatives, cellmates, and for line members the rest of their line) named with noise and no
id of their own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import iso_dates, random_days
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec, format_phones
from countylines.generator.identity import mistype_pnc, noisy_names
from countylines.generator.reference import CL_CODES, OFFENCE_BY_CODE, PRISONS
from countylines.generator.text import BG_PINS, CL_PINS, base_slots, line_mentions, render
from countylines.generator.world import LEADER_ROLES

SPECS = (
    TableSpec(
        "pins/releases",
        pk="pins_ref",
        names=("surname", "forenames"),
        dobs=("date_of_birth",),
        postcodes=("release_postcode",),
        codes=("release_type", "sex"),
        ho_codes=("index_ho_code",),
        dates=("date_of_birth",),
        bad_codes={"release_type": "PAROLE", "sex": "X"},
        blank_for_missing="pins_ref",
        alter="release_date",
    ),
    TableSpec(
        "pins/prison_contacts",
        pk="contact_id",
        names=("surname", "forenames"),
        dobs=("date_of_birth",),
        codes=("contact_type",),
        dates=("date_of_birth",),
        bad_codes={"contact_type": "PENPAL"},
        links={"pins_ref": "PINS9"},
        blank_for_missing="contact_id",
        alter="surname",
    ),
)

BG_INDEX_CODES = (
    "028/03",
    "034/01",
    "008/06",
    "008/01",
    "092/41",
    "092/70",
    "046/00",
    "048/01",
    "008/26",
    "105/01",
)


def _prison_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """Distinct prison numbers in `A1234BC` form."""
    letters = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ"), dtype=object)
    numbers = rng.permutation(9000)[:n] + 1000 if n <= 9000 else rng.integers(1000, 10000, n)
    first = np.array(["A", "G"], dtype=object)[rng.integers(0, 2, n)]
    tail = letters[rng.integers(0, len(letters), n)] + letters[rng.integers(0, len(letters), n)]
    return np.array(
        [f"{a}{num}{t}" for a, num, t in zip(first, numbers, tail, strict=True)], dtype=object
    )


def build(ctx: Context) -> tuple[SourceOutput, pd.DataFrame]:
    """Releases, contacts and their identity rows; and (person, pins_ref) of each release."""
    rng = ctx.rng("pins")
    world = ctx.world
    persons = world.persons
    prisoners = world.prisoners
    prison_number = _prison_numbers(rng, len(prisoners))
    repeats = 1 + (rng.random(len(prisoners)) < 0.08)
    slot = np.repeat(np.arange(len(prisoners)), repeats)
    person = prisoners[slot]
    n = len(person)
    role = persons["role"].to_numpy()[person]
    cl = np.isin(role, LEADER_ROLES) | (role == "RUNNER")
    forenames, surname, dob = noisy_names(
        rng,
        persons["forenames"].to_numpy()[person],
        persons["surname"].to_numpy()[person],
        persons["dob"].to_numpy()[person],
        0.1,
    )
    release = random_days(
        rng, n, ctx.scale.window_start, end=EXTRACT_DATE + np.timedelta64(90, "D")
    )
    code = np.where(
        cl,
        np.array(CL_CODES["PWITS"] + CL_CODES["SUPPLY"] + CL_CODES["FIREARM"], dtype=object)[
            rng.integers(0, 13, n)
        ],
        np.array(BG_INDEX_CODES, dtype=object)[rng.integers(0, len(BG_INDEX_CODES), n)],
    )
    pnc = np.where(rng.random(n) < 0.9, persons["pnc"].to_numpy()[person], "")
    slots = base_slots(rng, n)
    line = persons["line"].to_numpy()[person]
    lines = world.lines
    names = np.append(lines["line_name"].to_numpy(), "X")[line]
    slots["line"] = line_mentions(rng, names)
    slots["phone"] = format_phones(
        rng,
        np.array(
            [lines["phones"].iloc[i][-1] if i >= 0 else "07000000000" for i in line], dtype=object
        ),
    )
    town_names = np.array(
        [t for t in ("Redditch", "Telford", "Worcester", "Tamworth", "Nuneaton")], dtype=object
    )
    slots["town"] = town_names[rng.integers(0, len(town_names), n)]
    notes = np.where(cl, render(rng, CL_PINS, slots), render(rng, BG_PINS, slots))
    notes[rng.random(n) < 0.15] = ""
    release_type = np.array(["LICENCE", "SENTENCE_EXPIRY", "HDC", "REMAND"], dtype=object)
    pins_ref = np.array([f"PINS{v:07d}" for v in rng.permutation(n) * 3 + 1_000_000], dtype=object)
    postcode = persons["postcode"].to_numpy()[person]
    releases = pd.DataFrame(
        {
            "pins_ref": pins_ref,
            "prison_number": prison_number[slot],
            "pnc_id": mistype_pnc(rng, pnc, 0.02),
            "surname": surname,
            "forenames": forenames,
            "date_of_birth": np.where(rng.random(n) < 0.03, "", iso_dates(dob)),
            "sex": persons["sex"].to_numpy()[person],
            "establishment": np.array(PRISONS, dtype=object)[rng.integers(0, len(PRISONS), n)],
            "release_date": iso_dates(release),
            "release_type": release_type[rng.choice(4, n, p=[0.55, 0.15, 0.15, 0.15])],
            "index_ho_code": code,
            "index_offence": [OFFENCE_BY_CODE[c].description for c in code],
            "sentence_days": rng.integers(28, 2200, n).astype(str).astype(object),
            "release_postcode": np.where(rng.random(n) < 0.85, postcode, ""),
            "notes": notes,
        }
    )
    order = np.argsort(release, kind="stable")
    releases = releases.iloc[order].reset_index(drop=True)
    contacts, contact_person = _contacts(ctx, rng, person[order], pins_ref[order], slot[order])
    identity = [
        ctx.identity_rows("PINS", prison_number[slot], person),
        ctx.identity_rows("PINS_CONTACT", contacts["contact_id"].to_numpy(), contact_person),
    ]
    refs = pd.DataFrame({"person": person[order], "pins_ref": pins_ref[order]})
    tables = {"pins/releases": releases, "pins/prison_contacts": contacts}
    return SourceOutput(tables, identity), refs


def _contacts(
    ctx: Context,
    rng: np.random.Generator,
    person: np.ndarray,
    pins_ref: np.ndarray,
    slot: np.ndarray,
) -> tuple[pd.DataFrame, np.ndarray]:
    """Contacts of each release: relatives, cellmates, phone contacts, co-defendants."""
    world = ctx.world
    persons = world.persons
    role = persons["role"].to_numpy()
    line_of = persons["line"].to_numpy()
    prisoners = world.prisoners
    offenders = np.flatnonzero(
        (persons["propensity"].to_numpy() > 0.5) & persons["in_nominal"].to_numpy()
    )
    rows: list[tuple[str, int, int]] = []
    for release, (who, prisoner_slot) in enumerate(zip(person, slot, strict=True)):
        k = min(6, 1 + rng.poisson(1.5))
        line = line_of[who]
        mates = (
            world.line_members(line, ("CONTROLLER", "LINE_HOLDER", "ENFORCER", "RUNNER"))
            if line >= 0
            else np.array([], dtype=int)
        )
        mates = mates[mates != who]
        for _ in range(k):
            kind = ("VISITOR", "CELLMATE", "PHONE_CONTACT", "CO_DEFENDANT")[
                rng.choice(4, p=[0.35, 0.2, 0.3, 0.15])
            ]
            if kind == "VISITOR":
                contact = world.relatives[prisoner_slot]
            elif kind == "CELLMATE":
                contact = prisoners[rng.integers(0, len(prisoners))]
            elif len(mates) and rng.random() < 0.8:
                contact = mates[rng.integers(0, len(mates))]
            elif kind == "PHONE_CONTACT" and rng.random() < 0.5:
                contact = world.relatives[prisoner_slot]
            else:
                contact = offenders[rng.integers(0, len(offenders))]
            if contact == who:
                continue
            rows.append((kind, release, int(contact)))
    kind = np.array([r[0] for r in rows], dtype=object)
    release = np.array([r[1] for r in rows], dtype=int)
    contact = np.array([r[2] for r in rows], dtype=int)
    n = len(rows)
    forenames, surname, dob = noisy_names(
        rng,
        persons["forenames"].to_numpy()[contact],
        persons["surname"].to_numpy()[contact],
        persons["dob"].to_numpy()[contact],
        0.15,
    )
    phone = persons["phone"].to_numpy()[contact].copy()
    holder = role[contact] == "LINE_HOLDER"
    lines = world.lines
    line_phone = np.array(
        [lines["phones"].iloc[i][-1] if i >= 0 else "" for i in line_of[contact]], dtype=object
    )
    phone = np.where(holder & (rng.random(n) < 0.6), line_phone, phone)
    show_phone = rng.random(n) < np.where(kind == "PHONE_CONTACT", 0.9, 0.15)
    table = pd.DataFrame(
        {
            "contact_id": np.array(
                [f"PC{v:07d}" for v in rng.permutation(n) * 2 + 2_000_000], dtype=object
            ),
            "pins_ref": pins_ref[release],
            "contact_type": kind,
            "surname": np.where(rng.random(n) < 0.03, "", surname),
            "forenames": np.where(rng.random(n) < 0.05, "", forenames),
            "date_of_birth": np.where(rng.random(n) < 0.7, iso_dates(dob), ""),
            "pnc_id": np.where(rng.random(n) < 0.35, persons["pnc"].to_numpy()[contact], ""),
            "phone": np.where(show_phone, format_phones(rng, phone), ""),
        }
    )
    return table, contact
