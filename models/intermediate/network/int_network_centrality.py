"""Centrality of every person in the full network, and within their immediate network.

A thin wrapper over `countylines.graph.node_centrality` (python/countylines/graph/
centrality.py): the full network is `network_edges` (every pair linked in the analysis
window), the immediate networks are `int_network_communities`. Degree, weighted degree,
betweenness (1/weight as a distance) and PageRank (weight as a strength) over the full
network; degree and betweenness inside the person's immediate network. Betweenness is exact
for a connected component of at most `exact_max_nodes` people, else estimated from `pivots`
sampled sources (seeded) with `is_approximate` set. Parameters come from the YAML config.
"""

from countylines.graph import node_centrality


def model(dbt, session):
    dbt.config(materialized="table")
    edges = dbt.ref("int_network_edges_weighted").df()
    members = dbt.ref("int_network_communities").df()
    communities = members.set_index("nominal_id")["network_id"]
    centrality = node_centrality(
        edges,
        communities,
        exact_max_nodes=int(dbt.config.get("exact_max_nodes", 5000)),
        pivots=int(dbt.config.get("pivots", 256)),
        seed=int(dbt.config.get("seed", 0)),
        alpha=float(dbt.config.get("alpha", 0.85)),
        source="nominal_id_a",
        target="nominal_id_b",
        weight="weight",
    )
    centrality["network_id"] = centrality["network_id"].astype("string")
    return centrality.rename(columns={"node": "nominal_id"})
