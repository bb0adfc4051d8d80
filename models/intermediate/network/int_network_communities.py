"""Immediate networks: seeded Leiden communities of the county-lines network.

A thin wrapper over `countylines.graph.detect_communities` (python/countylines/graph/
communities.py): one row per person of `int_network_county_lines_edges`, with the community
(1 = the largest), its size, coreness inside it and the core flag. network_id is `NET-` and
the community number zero-padded to 4 digits: communities are numbered by size, ties by their
smallest nominal_id, and Leiden runs seeded on a graph built in sorted order, so the same
edges give the same ids. Parameters come from the YAML config.
"""

from countylines.graph import detect_communities


def model(dbt, session):
    dbt.config(materialized="table")
    edges = dbt.ref("int_network_county_lines_edges").df()
    communities = detect_communities(
        edges,
        resolution=float(dbt.config.get("resolution") or 1.0),
        seed=int(dbt.config.get("seed") or 0),
        iterations=int(dbt.config.get("iterations") or 2),
        core_k=int(dbt.config.get("core_k") or 2),
        source="nominal_id_a",
        target="nominal_id_b",
        weight="weight",
    )
    communities["network_id"] = [f"NET-{int(value):04d}" for value in communities["community_id"]]
    return communities.rename(columns={"node": "nominal_id"})[
        [
            "network_id",
            "nominal_id",
            "community_id",
            "community_size",
            "coreness_in_community",
            "is_core",
        ]
    ]
