"""Identity noise: the force nominal index and the name/dob variants other systems record.

The nominal index gives each person known to the force one primary `wmp_nominal_id` and a few
people a second or third id, created with a spelling, date-of-birth or name-order difference.
Other systems (PINS, COMPACT, contacts, associates) record names with the same kinds of noise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from countylines.generator.common import sequence_ids
from countylines.generator.config import EXTRACT_DATE, Rates
from countylines.generator.world import World

KNOWN_VARIANTS: dict[str, str] = {
    "Mohammed": "Muhammad",
    "Muhammad": "Mohammad",
    "Mohammad": "Mohammed",
    "Stephen": "Steven",
    "Steven": "Stephen",
    "Jon": "John",
    "John": "Jon",
    "Zoë": "Zoe",
    "Zoe": "Zoë",
    "Chloé": "Chloe",
    "Chloe": "Chloé",
    "O'Neil": "O'Neill",
    "O'Neill": "O'Neil",
    "Clarke": "Clark",
    "Clark": "Clarke",
    "Hussain": "Hussein",
    "Hussein": "Hussain",
    "Ahmed": "Ahmad",
    "Łukasz": "Lukasz",
    "Wiśniewski": "Wisniewski",
    "Smith-Jones": "Smith Jones",
    "Siân": "Sian",
    "D'Souza": "Dsouza",
    "Mohamed": "Mohammed",
}

VARIANT_KINDS = ("SPELLING", "DOB_TRANSPOSED", "SWAPPED", "FIRST_ONLY")


def typo(name: str, rng: np.random.Generator) -> str:
    """A plausible mis-keying of a name: a known variant, swapped, dropped or doubled letter."""
    if name in KNOWN_VARIANTS and rng.random() < 0.6:
        return KNOWN_VARIANTS[name]
    if len(name) < 3:
        return name + name[-1]
    i = int(rng.integers(1, len(name) - 1))
    op = int(rng.integers(0, 3))
    if op == 0:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if op == 1:
        return name[:i] + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


def transpose_dob(dob: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Day and month swapped where that gives a different valid date; returns (dates, changed)."""
    text = np.datetime_as_string(dob, unit="D").astype(str)
    year = np.array([t[:4] for t in text], dtype=object)
    month = np.array([t[5:7] for t in text], dtype=object)
    day = np.array([t[8:10] for t in text], dtype=object)
    ok = np.array([int(d) <= 12 and d != m for d, m in zip(day, month, strict=True)], dtype=bool)
    swapped = dob.copy()
    if ok.any():
        swapped[ok] = (year[ok] + "-" + day[ok] + "-" + month[ok]).astype("datetime64[D]")
    return swapped, ok


def noisy_names(
    rng: np.random.Generator,
    forenames: np.ndarray,
    surname: np.ndarray,
    dob: np.ndarray,
    rate: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Copies of (forenames, surname, dob) with a share `rate` of rows given one identity error."""
    forenames, surname, dob = forenames.copy(), surname.copy(), dob.copy()
    rows = np.flatnonzero(rng.random(len(surname)) < rate)
    kinds = rng.integers(0, len(VARIANT_KINDS), len(rows))
    for row, kind in zip(rows, kinds, strict=True):
        apply_variant(rng, VARIANT_KINDS[kind], row, forenames, surname, dob)
    return forenames, surname, dob


def apply_variant(
    rng: np.random.Generator,
    kind: str,
    row: int,
    forenames: np.ndarray,
    surname: np.ndarray,
    dob: np.ndarray,
) -> None:
    """Apply one identity error of `kind` to row `row` of the arrays, in place."""
    if kind == "DOB_TRANSPOSED":
        swapped, ok = transpose_dob(dob[row : row + 1])
        if ok[0]:
            dob[row] = swapped[0]
            return
        kind = "SPELLING"
    if kind == "SWAPPED":
        forenames[row], surname[row] = surname[row], forenames[row]
    elif kind == "FIRST_ONLY" and " " in forenames[row]:
        forenames[row] = forenames[row].split(" ")[0]
    elif rng.random() < 0.6:
        surname[row] = typo(surname[row], rng)
    else:
        parts = forenames[row].split(" ")
        parts[0] = typo(parts[0], rng)
        forenames[row] = " ".join(parts)


def mistype_pnc(rng: np.random.Generator, pnc: np.ndarray, rate: float) -> np.ndarray:
    """PNC ids with a share `rate` of one digit mistyped."""
    out = pnc.copy()
    rows = np.flatnonzero((rng.random(len(pnc)) < rate) & (pnc != ""))
    for row in rows:
        value = out[row]
        i = int(rng.integers(5, 12))
        out[row] = (
            value[:i] + str((int(value[i]) + 1 + int(rng.integers(0, 8))) % 10) + value[i + 1 :]
        )
    return out


@dataclass
class NominalIndex:
    """The force nominal index: records plus, per person, their primary and alternate ids."""

    records: pd.DataFrame  # nominal_id, person, is_primary, forenames, surname, dob, pnc, ...
    primary: np.ndarray  # per person position: primary nominal id, '' if not known to the force
    alternate: np.ndarray  # per person position: another id of theirs, '' if none
    alt_use: float

    def ids_for(self, rng: np.random.Generator, persons: np.ndarray) -> np.ndarray:
        """The nominal id a record about each person carries (sometimes a duplicate id)."""
        persons = np.asarray(persons, dtype=int)
        ids = self.primary[persons]
        alt = self.alternate[persons]
        use_alt = (alt != "") & (rng.random(len(persons)) < self.alt_use)
        return np.where(use_alt, alt, ids)


def build_nominal_index(rng: np.random.Generator, world: World, rates: Rates) -> NominalIndex:
    """One record per person known to the force, plus duplicate records for some of them."""
    persons = world.persons
    known = np.flatnonzero(persons["in_nominal"].to_numpy())
    dup_p = np.where(
        persons["is_cl"].to_numpy()[known], rates.duplicate_person * 1.4, rates.duplicate_person
    )
    dup = known[rng.random(len(known)) < dup_p]
    third = dup[rng.random(len(dup)) < rates.third_id_given_duplicate]
    person = np.concatenate([known, dup, third])
    is_primary = np.arange(len(person)) < len(known)
    forenames = persons["forenames"].to_numpy()[person].copy()
    surname = persons["surname"].to_numpy()[person].copy()
    dob = persons["dob"].to_numpy()[person].copy()
    kinds = rng.integers(0, len(VARIANT_KINDS), len(person))
    for row in np.flatnonzero(~is_primary):
        apply_variant(rng, VARIANT_KINDS[kinds[row]], row, forenames, surname, dob)
    pnc = persons["pnc"].to_numpy()[person].copy()
    pnc_missing = rng.random(len(person)) < np.where(is_primary, rates.pnc_missing, 0.5)
    pnc = np.where(pnc_missing, "", pnc)
    pnc = mistype_pnc(rng, pnc, rates.pnc_mistyped)
    nominal_id = sequence_ids(rng, "N", len(person), 7, 100_000)
    first_seen = rng.integers(0, 25 * 365, len(person))
    created = EXTRACT_DATE - first_seen.astype("timedelta64[D]")
    # a record is created when the person first comes to notice: age 10 at the earliest
    dob_floor = persons["dob"].to_numpy()[person].astype("datetime64[D]") + np.timedelta64(
        3653, "D"
    )
    created = np.minimum(np.maximum(created, dob_floor), EXTRACT_DATE)
    records = pd.DataFrame(
        {
            "nominal_id": nominal_id,
            "person": person,
            "is_primary": is_primary,
            "forenames": forenames,
            "surname": surname,
            "dob": dob,
            "pnc": pnc,
            "created": np.maximum(created, dob_floor),
        }
    )
    primary = np.full(len(persons), "", dtype=object)
    primary[known] = nominal_id[: len(known)]
    alternate = np.full(len(persons), "", dtype=object)
    alternate[person[~is_primary]] = nominal_id[~is_primary]
    return NominalIndex(records, primary, alternate, rates.alt_id_use)
