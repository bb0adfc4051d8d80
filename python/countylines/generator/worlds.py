"""World variants: the same contract written by forces that record differently.

A real force's extract is a world the warehouse has never seen: its officers use other words,
its systems carry other markers, its analysts grade intelligence differently, and its lines
are shaped by local markets. Each `WorldProfile` changes one family of those habits from the
`standard` world (the generator as it has always been), so an accuracy figure can be read
per world and its worst case reported (scripts/bench_accuracy.py). The warehouse never sees
the world's name: only the extract it shapes.

Every knob at its default leaves the standard world byte for byte as it was: a knob changes
the rates of existing draws or draws from its own random stream (`stream(seed, "world/...")`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from countylines.generator.config import Scale

#: The free-text columns of the contract (SOURCES.md) that officers write.
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "crimes/crimes": ("mo_text",),
    "ims/intel_reports": ("report_text",),
    "icis/custody_records": ("property_text", "detainee_comments"),
    "pins/releases": ("notes",),
    "compact/missing_episodes": (
        "found_location_text",
        "circumstances_text",
        "return_interview_text",
    ),
}


@dataclass(frozen=True)
class WorldProfile:
    """How one force's world and its recording differ from the standard world."""

    name: str
    description: str
    # --- how officers write (a share of the free texts, each text one officer's habit)
    plain_speech: float = 0.0  # slang written out in plain words ("selling drugs for others")
    misspelt: float = 0.0  # slang misspelt, run together or abbreviated ("cukooed", "C/L")
    # --- what the systems record
    cl_marker_rate: float = 1.0  # x the rate of COUNTY_LINES / CCE markers on line crimes
    cl_crimes: float = 1.0  # x the county-lines crimes of each line
    cl_intel: float = 1.0  # x the county-lines intelligence reports of each line
    return_interviews: float = 1.0  # share of return-home interview notes written at all
    conservative_grading: float = 0.0  # share of credible reports graded as if doubtful
    # --- how the lines are made
    runners: float = 1.0  # x the runners of each line
    child_runner_share: float = 0.82  # share of runners under 18
    teen_holders: float = 0.0  # share of line holders aged 16-19
    shared_runners: float = 0.0  # share of runners who also run for a second line
    cuckooed_mean: float = 1.2  # cuckooed adults per line beyond the first (Poisson mean)

    def scaled(self, scale: Scale) -> Scale:
        """The scale with this world's volumes."""
        return replace(
            scale,
            runners_mean=scale.runners_mean * self.runners,
            cl_crimes_per_line=scale.cl_crimes_per_line * self.cl_crimes,
            cl_intel_per_line=scale.cl_intel_per_line * self.cl_intel,
        )


WORLDS: dict[str, WorldProfile] = {
    profile.name: profile
    for profile in (
        WorldProfile(
            name="standard",
            description="The generator as it has always been: the world the rules were first "
            "chosen on.",
        ),
        WorldProfile(
            name="plain_speech",
            description="Officers who write what they saw in plain words rather than street "
            "slang (most texts), and some who misspell or abbreviate the slang they do use.",
            plain_speech=0.7,
            misspelt=0.2,
        ),
        WorldProfile(
            name="quiet_systems",
            description="A force whose crime system rarely carries the COUNTY_LINES or CCE "
            "marker, records fewer county-lines crimes and more intelligence, and writes few "
            "return-home interviews.",
            cl_marker_rate=0.1,
            cl_crimes=0.5,
            cl_intel=1.5,
            return_interviews=0.3,
        ),
        WorldProfile(
            name="cautious_grading",
            description="Intelligence graded conservatively: a third of credible reports carry "
            "the grades of doubtful ones (and so fall outside the credible set), and some "
            "slang is misspelt.",
            conservative_grading=0.33,
            misspelt=0.3,
        ),
        WorldProfile(
            name="young_lines",
            description="Small lines run by teenagers: half the runners, half the line holders "
            "aged 16-19, a third of runners working for two lines, more adult runners and "
            "three times the cuckooed adults.",
            runners=0.5,
            child_runner_share=0.6,
            teen_holders=0.5,
            shared_runners=0.33,
            cuckooed_mean=3.6,
        ),
    )
}


def get_world(name: str) -> WorldProfile:
    """The world called `name`, or a ValueError listing the known worlds."""
    try:
        return WORLDS[name]
    except KeyError:
        known = ", ".join(WORLDS)
        raise ValueError(f"unknown world {name!r}; known worlds: {known}") from None


#: Slang and what a plain-speaking officer writes instead (case-insensitive, whole words).
PLAIN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"involved in county lines", ("supplying drugs away from home",)),
    (r"county lines?", ("drug supply from the city", "out-of-town drug dealing")),
    (
        r"running (?:a|the) (?:deal )?line|working a line|selling for a line|on a line",
        ("selling drugs for others", "dealing for older males", "dealing for someone"),
    ),
    (r"deal line", ("drugs phone", "phone used to sell drugs")),
    (
        r"going (?:OT|country|out country|up country|on trips)|out cunch|out of town|OT",
        ("travelling to another town", "staying away from home", "away in another area"),
    ),
    (
        r"grafting|doing graft|on the graft|trapping|shotting|serving up|doing runs",
        ("selling drugs", "dealing", "delivering drugs"),
    ),
    (r"trap house|crack house|bando|cuckooed address", ("drug den", "address used for dealing")),
    (r"cuckoo'?e?d|taken over|turned into a trap", ("used by dealers", "occupied by dealers")),
    (r"nitties|fiends|shots|punters", ("drug users", "addicts")),
    (r"olders|the elders|the main man|his olders", ("older males", "the people he works for")),
    (r"youngers|tinys|shotters|young runners", ("younger lads", "young people")),
    (r"food|B and W|white and brown|B&W", ("drugs", "crack and heroin")),
)

#: Slang as some officers spell it.
MISSPELT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"county lines?", ("county lynes", "countylines", "C/L", "CL", "county-line")),
    (r"cuckoo'?e?d", ("cukooed", "cuckood", "cookooed", "cuckoo-ed")),
    (r"trap house", ("traphouse", "trap-house", "trap hse")),
    (r"bando", ("bandoh", "bandz")),
    (r"going OT", ("going o/t", "goin OT", "going O.T.")),
    (r"going country", ("goin country", "going cuntry")),
    (r"deal line", ("dealline", "deal-line", "dl")),
    (r"criminal exploitation|CCE", ("crim exploitation", "C.C.E", "crim. exploit.")),
    (r"exploited", ("explioted", "exploitted")),
    (r"grafting", ("graftin", "grafin")),
)


def _compiled(table: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[re.Pattern, tuple]]:
    return [(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), words) for pattern, words in table]


_PLAIN = _compiled(PLAIN_WORDS)
_MISSPELT = _compiled(MISSPELT_WORDS)


def _rewrite(texts: np.ndarray, table: list, rng: np.random.Generator) -> np.ndarray:
    """Each text with every phrase of the table replaced by one of its alternatives."""
    out = np.empty(len(texts), dtype=object)
    for i, text in enumerate(texts):
        for pattern, words in table:
            text = pattern.sub(lambda _m, w=words: w[rng.integers(0, len(w))], text)
        out[i] = text
    return out


def write_as_officers(
    tables: dict[str, pd.DataFrame], profile: WorldProfile, rng: np.random.Generator
) -> dict[str, pd.DataFrame]:
    """The tables with their free texts written by this world's officers.

    Each text is written by one officer: with probability plain_speech one who spells out
    slang in plain words, else with probability misspelt one who misspells it, else as the
    standard world wrote it.
    """
    if profile.plain_speech == 0 and profile.misspelt == 0:
        return tables
    out = dict(tables)
    for key, columns in TEXT_COLUMNS.items():
        frame = out[key].copy()
        for column in columns:
            texts = frame[column].fillna("").astype(str).to_numpy(dtype=object)
            habit = rng.random(len(texts))
            plain = habit < profile.plain_speech
            misspelt = ~plain & (habit < profile.plain_speech + profile.misspelt)
            texts = texts.copy()
            texts[plain] = _rewrite(texts[plain], _PLAIN, rng)
            texts[misspelt] = _rewrite(texts[misspelt], _MISSPELT, rng)
            frame[column] = texts
        out[key] = frame
    return out
