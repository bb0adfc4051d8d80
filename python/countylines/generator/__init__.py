"""The synthetic force extract generator: a latent world, observed through eight systems.

`generate_extract` draws a world of groups, deal lines and people (world.py), gives the people
nominal ids with identity noise (identity.py), lets each source system observe the world
(nominal, crimes, icis, pins, compact, ims, soc, register), roughens every table (dirt.py) and
writes the extract and its ground truth (writer.py). Same scale and seed, same bytes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from countylines.generator import (
    compact,
    crimes,
    icis,
    ims,
    nominal,
    pins,
    register,
    soc,
)
from countylines.generator.config import get_scale, stream
from countylines.generator.context import Context
from countylines.generator.dirt import (
    EXACT_DUPLICATE,
    TableSpec,
    add_exact_duplicates,
    apply_dirt,
    inject_bad_rows,
)
from countylines.generator.identity import build_nominal_index
from countylines.generator.world import World, build_world
from countylines.generator.worlds import get_world, write_as_officers
from countylines.generator.writer import write_extract, write_truth

__all__ = ["generate_extract"]

SPECS: dict[str, TableSpec] = {
    spec.key: spec
    for module in (nominal, crimes, ims, icis, pins, compact, soc, register)
    for spec in module.SPECS
}


def generate_extract(
    scale: str, seed: int, out_dir: Path, truth_dir: Path, world: str = "standard"
) -> dict[str, int]:
    """Write a synthetic extract and its truth; return rows written per table (`system/table`).

    world: one of worlds.WORLDS, how the force records and what its lines look like."""
    profile = get_world(world)
    config = profile.scaled(get_scale(scale))
    latent = build_world(stream(seed, "world"), config, profile, stream(seed, "world/lines"))
    index = build_nominal_index(stream(seed, "identity"), latent, config.rates)
    ctx = Context(latent, index, config, seed, profile)
    outputs = [nominal.build(ctx)]
    pins_output, pins_refs = pins.build(ctx)
    crimes_output, suspects = crimes.build(ctx)
    outputs += [
        pins_output,
        crimes_output,
        icis.build(ctx, suspects),
        compact.build(ctx),
        ims.build(ctx, pins_refs),
        soc.build(ctx),
        register.build(ctx),
    ]
    tables = {key: df for output in outputs for key, df in output.tables.items()}
    tables = write_as_officers(tables, profile, stream(seed, "world/officers"))
    identity = pd.concat(
        [frame for output in outputs for frame in output.identity], ignore_index=True
    )
    tables, manifest = _roughen(ctx, tables)
    counts = write_extract(
        tables,
        Path(out_dir),
        stream(seed, "writer"),
        config.messy_files,
        config.split_crime_files,
        config.window_years,
    )
    truth = _truth(ctx, latent, identity)
    truth["bad_rows"] = manifest
    write_truth(truth, Path(truth_dir))
    return counts


def _roughen(
    ctx: Context, tables: dict[str, pd.DataFrame]
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Dirt, bad rows and exact duplicates on every table; the manifest of bad rows."""
    rates = ctx.scale.rates
    manifests = []
    out = {}
    for key in sorted(tables):
        spec = SPECS[key]
        rng = ctx.rng(f"dirt/{key}")
        df = apply_dirt(rng, tables[key].fillna(""), spec, rates)
        df, bad = inject_bad_rows(rng, df, spec, rates)
        df, dup = add_exact_duplicates(
            rng,
            df,
            spec,
            rates.exact_duplicate,
            bad["record_key"].to_numpy(),
            rates.min_bad_per_kind,
        )
        out[key] = df
        manifests += [bad, dup]
    manifest = pd.concat(manifests, ignore_index=True)
    assert set(manifest["kind"]) <= {*SPECS_KINDS, EXACT_DUPLICATE}
    return out, manifest


SPECS_KINDS = (
    "MISSING_KEY",
    "IMPOSSIBLE_DATE",
    "BAD_CODE",
    "BAD_GRADE",
    "ORPHAN_LINK",
    "DUPLICATE_KEY",
)


def _truth(ctx: Context, world: World, identity: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """persons, identity, lines and groups frames in the shape of TRUTH.md."""
    persons = world.persons
    lines = world.lines
    groups = world.groups
    line_ids = np.append(lines["line_id"].to_numpy(), "")
    group_ids = np.append(groups["group_id"].to_numpy(), "")
    yes_no = np.array(["N", "Y"], dtype=object)
    person_table = pd.DataFrame(
        {
            "person_id": persons["person_id"].to_numpy(),
            "date_of_birth": np.datetime_as_string(persons["dob"].to_numpy(), unit="D"),
            "sex": persons["sex"].to_numpy(),
            "is_county_lines": yes_no[persons["is_cl"].to_numpy().astype(int)],
            "cl_role": persons["role"].to_numpy(),
            "is_exploited": yes_no[persons["is_exploited"].to_numpy().astype(int)],
            "line_id": line_ids[persons["line"].to_numpy()],
            "group_id": group_ids[persons["group"].to_numpy()],
        }
    ).sort_values("person_id", ignore_index=True)
    soc_ids = soc.soc_group_ids(ctx)
    refs = register.register_refs(ctx)
    line_table = pd.DataFrame(
        {
            "line_id": lines["line_id"].to_numpy(),
            "line_name": lines["line_name"].to_numpy(),
            "phone_numbers": [";".join(phones) for phones in lines["phones"]],
            "group_id": group_ids[lines["group"].to_numpy()],
            "register_line_ref": refs,
            "threat": lines["threat"].to_numpy(),
        }
    )
    group_table = pd.DataFrame(
        {
            "group_id": groups["group_id"].to_numpy(),
            "group_type": groups["group_type"].to_numpy(),
            "soc_group_id": soc_ids,
        }
    )
    identity = identity.sort_values(["source_system", "source_id"], ignore_index=True)
    return {
        "persons": person_table,
        "identity": identity,
        "lines": line_table,
        "groups": group_table,
    }
