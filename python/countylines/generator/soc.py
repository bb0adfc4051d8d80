"""soc/soc_groups, soc_members, soc_edges: the existing SOC network output.

Only some groups are mapped. The output is itself imperfect: it misses some members, names
children as peripheral members, and includes groups that have nothing to do with county lines.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from countylines.generator.common import iso_dates, random_days
from countylines.generator.config import EXTRACT_DATE
from countylines.generator.context import Context, SourceOutput
from countylines.generator.dirt import TableSpec

SPECS = (
    TableSpec(
        "soc/soc_groups",
        pk="soc_group_id",
        codes=("group_type",),
        dates=("mapped_date",),
        bad_codes={"group_type": "CARTEL"},
        blank_for_missing="soc_group_id",
        alter="group_name",
    ),
    TableSpec(
        "soc/soc_members",
        required=("soc_group_id", "wmp_nominal_id"),
        codes=("member_role",),
        bad_codes={"member_role": "LEADER"},
        links={"soc_group_id": "SOC9", "wmp_nominal_id": "N9"},
        blank_for_missing="wmp_nominal_id",
    ),
    TableSpec(
        "soc/soc_edges",
        required=("wmp_nominal_id_a", "wmp_nominal_id_b"),
        codes=("edge_type",),
        links={"wmp_nominal_id_a": "N9", "wmp_nominal_id_b": "N9"},
        blank_for_missing="wmp_nominal_id_b",
    ),
)

MEMBER_ROLE = {
    "CONTROLLER": "PRINCIPAL",
    "LINE_HOLDER": "SIGNIFICANT",
    "ENFORCER": "SIGNIFICANT",
    "RUNNER": "PERIPHERAL",
    "NONE": "SIGNIFICANT",
}
EDGE_TYPES = np.array(["ASSOCIATE", "CO_OFFENDER", "FAMILY", "PHONE_CONTACT"], dtype=object)


def soc_group_ids(ctx: Context) -> np.ndarray:
    """SOC id per group ('' when the group is not in the SOC output); stable per seed."""
    rng = ctx.rng("soc_ids")
    groups = ctx.world.groups
    numbers = rng.permutation(len(groups)) * 7 + 1000
    ids = np.array([f"SOC{v:05d}" for v in numbers], dtype=object)
    return np.where(groups["in_soc"].to_numpy(), ids, "")


def build(ctx: Context) -> SourceOutput:
    """The three SOC tables."""
    rng = ctx.rng("soc")
    world = ctx.world
    groups = world.groups
    persons = world.persons
    soc_ids = soc_group_ids(ctx)
    mapped = np.flatnonzero(soc_ids != "")
    group_table = pd.DataFrame(
        {
            "soc_group_id": soc_ids[mapped],
            "group_name": groups["group_name"].to_numpy()[mapped],
            "group_type": groups["group_type"].to_numpy()[mapped],
            "primary_activity": groups["primary_activity"].to_numpy()[mapped],
            "mapped_date": iso_dates(
                random_days(rng, len(mapped), EXTRACT_DATE - np.timedelta64(900, "D"))
            ),
        }
    )
    group_of = persons["group"].to_numpy()
    role = persons["role"].to_numpy()
    known = persons["in_nominal"].to_numpy()
    member_rows, edge_rows = [], []
    for g in mapped:
        people = np.flatnonzero((group_of == g) & known)
        keep = rng.random(len(people)) < np.where(role[people] == "RUNNER", 0.3, 0.85)
        people = people[keep]
        if len(people) == 0:
            continue
        roles = np.array([MEMBER_ROLE.get(r, "PERIPHERAL") for r in role[people]], dtype=object)
        if (role[people] == "NONE").all():
            roles[0] = "PRINCIPAL"
        roles[rng.random(len(people)) < 0.05] = ""
        member_rows.append(
            pd.DataFrame({"soc_group_id": soc_ids[g], "person": people, "member_role": roles})
        )
        a, b = np.triu_indices(len(people), 1)
        linked = rng.random(len(a)) < 0.35
        edge_rows.append(pd.DataFrame({"a": people[a[linked]], "b": people[b[linked]]}))
    members = pd.concat(member_rows, ignore_index=True)
    edges = pd.concat(edge_rows, ignore_index=True)
    n_edges = len(edges)
    member_table = pd.DataFrame(
        {
            "soc_group_id": members["soc_group_id"].to_numpy(),
            "wmp_nominal_id": ctx.index.ids_for(rng, members["person"].to_numpy()),
            "member_role": members["member_role"].to_numpy(),
        }
    ).drop_duplicates(["soc_group_id", "wmp_nominal_id"], ignore_index=True)
    edge_table = pd.DataFrame(
        {
            "wmp_nominal_id_a": ctx.index.ids_for(rng, edges["a"].to_numpy()),
            "wmp_nominal_id_b": ctx.index.ids_for(rng, edges["b"].to_numpy()),
            "edge_type": EDGE_TYPES[rng.integers(0, len(EDGE_TYPES), n_edges)],
            "weight": np.round(rng.uniform(0.1, 5.0, n_edges), 2).astype(str).astype(object),
        }
    )
    tables = {
        "soc/soc_groups": group_table,
        "soc/soc_members": member_table,
        "soc/soc_edges": edge_table,
    }
    return SourceOutput(tables)
