"""Immediate networks: seeded Leiden communities of the county-lines network.

A thin wrapper over `countylines.graph.detect_communities` (python/countylines/graph/
communities.py): one row per person of `int_network_county_lines_edges`, with the community
(1 = the largest), its size, coreness inside it and the core flag. network_id is `NET-` and
the community number zero-padded to 4 digits: communities are numbered by size, ties by their
smallest nominal_id, and Leiden runs seeded on a graph built in sorted order, so the same
edges give the same ids. Parameters come from the YAML config.

Deal lines are anchors of the detection (see the module docstring of communities.py): each
person `deal_line_nominals` ties to a line gets an anchor edge of weight
`line_anchor_weight` to that line, so one line's people, including those the records tie
to the line's phone but not to each other, fall into one network. 0 turns anchors off.

An immediate network is published only when it holds at least
`min_county_lines_members` people flagged county lines or someone tied to a deal line: a
flagged person whose only link is to one relative is in the full network (and its
centrality) but is not a network of their own. The kept communities are renumbered by size.
"""

from countylines.graph import detect_communities, keep_communities


def model(dbt, session):
    dbt.config(materialized="table")
    edges = dbt.ref("int_network_county_lines_edges").df()
    anchor_weight = float(dbt.config.get("line_anchor_weight", 0.0))
    anchors = None
    if anchor_weight > 0:
        anchors = dbt.ref("int_deal_line_nominals_inferred").df()[["nominal_id", "line_id"]]
        anchors = anchors.assign(anchor="LINE:" + anchors["line_id"], weight=anchor_weight)
        anchors = anchors.rename(columns={"nominal_id": "node"})[["node", "anchor", "weight"]]
    communities = detect_communities(
        edges,
        resolution=float(dbt.config.get("resolution", 1.0)),
        seed=int(dbt.config.get("seed", 0)),
        iterations=int(dbt.config.get("iterations", 2)),
        core_k=int(dbt.config.get("core_k", 2)),
        source="nominal_id_a",
        target="nominal_id_b",
        weight="weight",
        anchors=anchors,
    )
    flagged = dbt.ref("int_nominal_cl_scores").filter("is_county_lines").project("nominal_id")
    flagged = set(flagged.df()["nominal_id"])
    tied = set() if anchors is None else set(anchors["node"])
    communities = keep_communities(
        communities,
        counted=flagged,
        min_counted=int(dbt.config.get("min_county_lines_members", 1)),
        anchored=tied,
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
