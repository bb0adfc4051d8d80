"""Node centrality over the whole network and within each immediate network (community).

Columns of `node_centrality`'s result (one row per node of the edge list):

- `degree`: number of distinct people linked to the node (weights ignored).
- `degree_centrality`: `degree / (n - 1)`, networkx's `degree_centrality` (n = nodes in the
  graph); the form published for the Caviar network.
- `weighted_degree`: sum of the weights of the node's links (its total tie strength).
- `betweenness`: shortest-path betweenness, with each link's length read as a distance
  `1 / weight` (a strong tie is a short hop), normalised as networkx does by default for an
  undirected graph: the share of ordered pairs (s, t), s != v != t, weighted by the share of
  s-t shortest paths through v, i.e. `raw / ((n - 1)(n - 2))`. Scaling every distance by a
  constant (e.g. the `(1/w) / max(1/w)` of the Caviar paper) leaves it unchanged.
- `pagerank`: PageRank with weights read as strengths (a walker follows a link in proportion
  to its weight), damping `alpha` (0.85), uniform teleport; sums to 1 over the graph.
- `network_id`: the node's community, null for a node outside every community.
- `degree_in_network`, `betweenness_in_network`: the same measures within the induced
  subgraph of the node's community (only links between two of its members count),
  normalised by the community's size; null outside every community.
- `is_approximate`: true when either betweenness was estimated from sampled pivots because
  the connected component holding the node had more than `exact_max_nodes` nodes.

Exactness: a connected component of at most `exact_max_nodes` nodes gets exact betweenness.
A larger one gets networkx's pivot estimator (shortest paths from `pivots` sources drawn with
a fixed seed, inflated to the whole component). Equal-length paths are recognised with a
relative tolerance (igraph), so a tie like 1/3 + 1/6 = 1/2 counts as a tie even where float
rounding would split it (networkx compares floats exactly and can miss such ties).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import igraph as ig
import numpy as np
import pandas as pd

from countylines.graph.edgelist import (
    EdgeGraph,
    build_graph,
    community_codes,
    within_group_edges,
)

CENTRALITY_COLUMNS: tuple[str, ...] = (
    "node",
    "network_id",
    "degree",
    "degree_centrality",
    "weighted_degree",
    "betweenness",
    "pagerank",
    "degree_in_network",
    "betweenness_in_network",
    "is_approximate",
)


def node_centrality(
    edges: pd.DataFrame,
    communities: pd.Series | dict | None = None,
    *,
    exact_max_nodes: int = 5000,
    pivots: int = 256,
    seed: int = 0,
    alpha: float = 0.85,
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
) -> pd.DataFrame:
    """Centrality of every node of an undirected weighted edge list, one row per node.

    `edges` has one row per pair (`source`, `target`) with a positive `weight`; `communities`
    optionally maps node -> community id for the in-network columns. See the module docstring
    for what each column means. Rows come sorted by node.
    """
    if exact_max_nodes < 3 or pivots < 2:
        raise ValueError("exact_max_nodes must be at least 3 and pivots at least 2")
    eg = build_graph(edges, source=source, target=target, weight=weight)
    if eg.node_count == 0:
        return pd.DataFrame({column: [] for column in CENTRALITY_COLUMNS})

    full = _graph_measures(eg.node_count, eg.pairs, eg.weights, exact_max_nodes, pivots, seed)
    frame = pd.DataFrame(
        {
            "node": eg.nodes,
            "degree": full.degree,
            "degree_centrality": full.degree / max(eg.node_count - 1, 1),
            "weighted_degree": eg.graph.strength(weights=eg.weights.tolist()),
            "betweenness": normalise_betweenness(full.pair_counts, eg.node_count),
            "pagerank": pagerank(eg, alpha=alpha),
        }
    )
    return _add_in_network(frame, eg, communities, full.approximate, exact_max_nodes, pivots, seed)


def _add_in_network(
    frame: pd.DataFrame,
    eg: EdgeGraph,
    communities: pd.Series | dict | None,
    full_approximate: np.ndarray,
    exact_max_nodes: int,
    pivots: int,
    seed: int,
) -> pd.DataFrame:
    """Add network_id and the within-community columns (null outside every community)."""
    codes = community_codes(eg, communities)
    has_network = codes >= 0
    if communities is None:
        network_id = pd.Series(pd.NA, index=frame.index, dtype="object")
    else:
        mapping = pd.Series(communities) if isinstance(communities, dict) else communities
        network_id = mapping.reindex(eg.nodes).reset_index(drop=True).convert_dtypes()

    pairs, weights = within_group_edges(eg, codes)
    inner = _graph_measures(eg.node_count, pairs, weights, exact_max_nodes, pivots, seed)
    sizes = np.bincount(codes[has_network], minlength=max(codes.max() + 1, 1))
    group_size = np.where(has_network, sizes[np.maximum(codes, 0)], 0)

    frame.insert(1, "network_id", network_id)
    frame["degree_in_network"] = pd.Series(inner.degree, dtype="Int64").mask(~has_network)
    frame["betweenness_in_network"] = np.where(
        has_network, normalise_betweenness(inner.pair_counts, group_size), np.nan
    )
    frame["is_approximate"] = full_approximate | (inner.approximate & has_network)
    return frame[list(CENTRALITY_COLUMNS)]


@dataclass(frozen=True)
class _Measures:
    """Per vertex: degree, betweenness pair counts and whether those are estimated."""

    degree: np.ndarray
    pair_counts: np.ndarray
    approximate: np.ndarray


def _graph_measures(
    node_count: int,
    pairs: np.ndarray,
    weights: np.ndarray,
    exact_max_nodes: int,
    pivots: int,
    seed: int,
) -> _Measures:
    """Degree and betweenness pair counts of the graph of `pairs` weighted by `weights`."""
    counts, approximate = betweenness_pair_counts(
        node_count,
        pairs,
        1.0 / weights,
        exact_max_nodes=exact_max_nodes,
        pivots=pivots,
        seed=seed,
    )
    degree = np.bincount(pairs.ravel(), minlength=node_count).astype(np.int64)
    return _Measures(degree, counts, approximate)


def betweenness_pair_counts(
    node_count: int,
    pairs: np.ndarray,
    distances: np.ndarray,
    *,
    exact_max_nodes: int = 5000,
    pivots: int = 256,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Per vertex, its (estimated) betweenness before normalisation, and whether it is estimated.

    The count is networkx's raw accumulation: the sum over ordered pairs (s, t), s != v != t,
    of the share of s-t shortest paths through v (twice igraph's undirected count). It is
    computed per connected component: exactly when the component has at most
    `exact_max_nodes` vertices, otherwise from `pivots` sources drawn by
    `random.Random(seed).sample` over the component's vertices in vertex order (networkx's
    draw, so a connected graph gives networkx's `betweenness_centrality(k=pivots, seed=seed)`)
    and inflated as networkx does: by (c - 1)/(pivots - 1) for a pivot, (c - 1)/pivots
    otherwise, c being the component's size.
    """
    counts = np.zeros(node_count)
    approximate = np.zeros(node_count, dtype=bool)
    if node_count <= exact_max_nodes:
        graph = ig.Graph(n=node_count, edges=pairs.tolist(), directed=False)
        return 2.0 * np.asarray(_igraph_betweenness(graph, distances)), approximate

    # igraph's C call gives the membership list; `Graph.connected_components()` would wrap it
    # in a VertexClustering whose Python set-up cost a tenth of the whole wmp centrality.
    graph = ig.Graph(n=node_count, edges=pairs.tolist(), directed=False)
    membership = np.asarray(ig.GraphBase.connected_components(graph), dtype=np.int64)
    sizes = np.bincount(membership)
    small = sizes[membership] <= exact_max_nodes
    if small.any():
        vertices = np.flatnonzero(small)
        graph, sub_distances = _subgraph(node_count, pairs, distances, vertices)
        counts[vertices] = 2.0 * np.asarray(_igraph_betweenness(graph, sub_distances))
    for component in np.flatnonzero(sizes > exact_max_nodes):
        vertices = np.flatnonzero(membership == component)
        graph, sub_distances = _subgraph(node_count, pairs, distances, vertices)
        counts[vertices] = _sampled_counts(graph, sub_distances, pivots, seed)
        approximate[vertices] = len(vertices) > pivots
    return counts, approximate


def _sampled_counts(graph: ig.Graph, distances: np.ndarray, pivots: int, seed: int) -> np.ndarray:
    """Pivot estimate of the ordered-pair counts of one connected graph (exact if small)."""
    size = graph.vcount()
    if pivots >= size:
        return 2.0 * np.asarray(_igraph_betweenness(graph, distances))
    sources = random.Random(seed).sample(range(size), pivots)
    partial = 2.0 * np.asarray(_igraph_betweenness(graph, distances, sources=sources))
    scale = np.full(size, (size - 1) / pivots)
    scale[sources] = (size - 1) / (pivots - 1)
    return partial * scale


def _igraph_betweenness(
    graph: ig.Graph, distances: np.ndarray, sources: list[int] | None = None
) -> list[float]:
    """igraph's undirected weighted betweenness (each unordered pair counted once)."""
    if graph.ecount() == 0:
        return [0.0] * graph.vcount()
    return graph.betweenness(directed=False, weights=distances.tolist(), sources=sources)


def _subgraph(
    node_count: int, pairs: np.ndarray, distances: np.ndarray, vertices: np.ndarray
) -> tuple[ig.Graph, np.ndarray]:
    """The subgraph induced by `vertices` (renumbered in their order) and its edge distances."""
    local = np.full(node_count, -1, dtype=np.int64)
    local[vertices] = np.arange(len(vertices))
    keep = (local[pairs[:, 0]] >= 0) & (local[pairs[:, 1]] >= 0)
    kept = local[pairs[keep]]
    graph = ig.Graph(n=len(vertices), edges=kept.tolist(), directed=False)
    return graph, distances[keep]


def normalise_betweenness(pair_counts: np.ndarray, group_size: int | np.ndarray) -> np.ndarray:
    """networkx's default normalisation for undirected graphs: counts / ((n - 1)(n - 2)).

    `group_size` is the n of the graph the counts were taken in (per vertex when the counts
    come from several communities at once); a graph of two nodes or fewer gives 0.
    """
    size = np.asarray(group_size, dtype=float)
    denominator = (size - 1.0) * (size - 2.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(size > 2, pair_counts / np.where(size > 2, denominator, 1.0), 0.0)


def pagerank(eg: EdgeGraph, *, alpha: float = 0.85) -> np.ndarray:
    """PageRank per vertex with weights as strengths (igraph PRPACK: solved, not iterated)."""
    return np.asarray(eg.graph.pagerank(weights=eg.weights.tolist(), damping=alpha, directed=False))
