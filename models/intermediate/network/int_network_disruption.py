"""Means of disabling each of the largest immediate networks: who to remove, in order.

A thin wrapper over `countylines.graph.disruption_ranking` (python/countylines/graph/
disruption.py): for each of the `top_networks` networks with the most county-lines members
(then most members, then network_id), the key-player search (greedy and betweenness-rank
starts, improved by swaps; tested against the published Montagna disruption curves) for the
`k` people whose removal most fragments the network's own links. Children and potential
victims are passed in `exclude`: they are never proposed (they still hold the network
together). Parameters come from the YAML config.
"""

from countylines.graph import disruption_ranking


def model(dbt, session):
    dbt.config(materialized="table")
    edges = dbt.ref("int_network_county_lines_edges").df()
    members = dbt.ref("int_network_communities").df()
    networks = dbt.ref("int_network_profiles").df()
    protected = dbt.ref("int_network_protected_nominals").df()
    top = int(dbt.config.get("top_networks", 20))
    ranked = networks.sort_values(
        ["county_lines_member_count", "member_count", "network_id"],
        ascending=[False, False, True],
    )
    wanted = ranked["network_id"].head(top).tolist()
    result = disruption_ranking(
        edges,
        members.set_index("nominal_id")["network_id"],
        k=int(dbt.config.get("k", 3)),
        exclude=set(protected["nominal_id"]),
        network_ids=wanted,
        source="nominal_id_a",
        target="nominal_id_b",
        weight="weight",
    )
    return result.rename(columns={"node": "nominal_id", "rank": "removal_rank"})
