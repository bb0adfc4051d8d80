"""Graph algorithms over the network of linked nominals.

Pure functions over pandas edge lists (one row per undirected pair, a positive weight), so
the dbt Python models that publish `nominal_centrality`, `networks`, `network_members` and the
disruption mart stay thin wrappers. igraph does the heavy lifting; the tests hold its results
equal to networkx's on the same graph.

- `edgelist`: validates an edge list and builds the igraph graph the other modules share.
- `centrality`: degree, weighted degree, betweenness (weight read as a distance, 1/w) and
  PageRank (weight read as a strength), over the whole graph and within each community.
- `communities`: seeded Leiden communities with deterministic ids and a core flag.
- `disruption`: the people whose removal most fragments a network (key-player search).
"""

from countylines.graph.centrality import CENTRALITY_COLUMNS, node_centrality
from countylines.graph.communities import COMMUNITY_COLUMNS, detect_communities, keep_communities
from countylines.graph.disruption import DISRUPTION_COLUMNS, disruption_ranking, rank_disruption
from countylines.graph.edgelist import EdgeGraph, build_graph

__all__ = [
    "CENTRALITY_COLUMNS",
    "COMMUNITY_COLUMNS",
    "DISRUPTION_COLUMNS",
    "EdgeGraph",
    "build_graph",
    "detect_communities",
    "disruption_ranking",
    "keep_communities",
    "node_centrality",
    "rank_disruption",
]
