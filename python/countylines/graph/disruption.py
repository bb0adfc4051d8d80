"""Means of disabling a network: the people whose removal most fragments it.

A greedy key-player search. At each step, among the people still in the network who may be
proposed (children and potential victims are passed in `exclude` and never proposed, though
they stay in the network and keep it connected), remove the one that leaves the smallest
largest connected component; among equals, the one with the highest betweenness in what is
left (links read as distances 1/w, as in `centrality`); among equals, the smallest node id.
Only a cut vertex can shrink the largest component by more than one person, so only cut
vertices are tried one by one; the rest are scored in bulk.

Measures reported after each removal, both over what is left of the network:
- `lcc_share`: size of the largest connected component / size of the network's largest
  connected component before any removal (1.0 = still whole; the "disruption curve").
- `fragmentation`: Borgatti's key-player fragmentation, the share of pairs of remaining
  people with no path between them: 1 - sum_i s_i (s_i - 1) / (n (n - 1)), s_i the component
  sizes and n the number of people left (0 = connected, 1 = nobody linked).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable

import igraph as ig
import numpy as np
import pandas as pd

from countylines.graph.centrality import betweenness_pair_counts
from countylines.graph.edgelist import EdgeGraph, build_graph

DISRUPTION_COLUMNS: tuple[str, ...] = (
    "rank",
    "node",
    "lcc_share_before",
    "lcc_share_after",
    "fragmentation_before",
    "fragmentation_after",
)


def rank_disruption(
    edges: pd.DataFrame,
    *,
    k: int = 3,
    exclude: Collection[Hashable] = (),
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
) -> pd.DataFrame:
    """The `k` people to remove, in order, to fragment the network of `edges` fastest.

    One row per removal (`rank` 1 first), fewer than `k` if fewer people may be proposed,
    with the measures of the module docstring before and after that removal.
    """
    eg = build_graph(edges, source=source, target=target, weight=weight)
    if eg.node_count == 0:
        return pd.DataFrame(columns=list(DISRUPTION_COLUMNS)).astype({"rank": "int64"})
    alive = np.ones(eg.node_count, dtype=bool)
    allowed = ~np.isin(eg.nodes, list(exclude))
    initial_lcc = _component_sizes(eg, alive).max()
    rows = []
    for rank in range(1, k + 1):
        sizes_before = _component_sizes(eg, alive)
        choice = _best_removal(eg, alive, alive & allowed)
        if choice is None:
            break
        alive[choice] = False
        sizes_after = _component_sizes(eg, alive)
        rows.append(
            {
                "rank": rank,
                "node": eg.nodes[choice],
                "lcc_share_before": sizes_before.max(initial=0) / initial_lcc,
                "lcc_share_after": sizes_after.max(initial=0) / initial_lcc,
                "fragmentation_before": fragmentation(sizes_before),
                "fragmentation_after": fragmentation(sizes_after),
            }
        )
    return pd.DataFrame(rows, columns=list(DISRUPTION_COLUMNS)).astype({"rank": "int64"})


def disruption_ranking(
    edges: pd.DataFrame,
    communities: pd.Series | dict,
    *,
    k: int = 3,
    exclude: Collection[Hashable] = (),
    network_ids: Collection[Hashable] | None = None,
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
) -> pd.DataFrame:
    """`rank_disruption` within each community (or only those in `network_ids`).

    Each network is its members' induced subgraph (links to outsiders do not hold it
    together). One row per (network_id, rank).
    """
    mapping = pd.Series(communities) if isinstance(communities, dict) else communities
    ends_a = mapping.reindex(edges[source]).to_numpy()
    ends_b = mapping.reindex(edges[target]).to_numpy()
    inside = pd.notna(ends_a) & (ends_a == ends_b)
    internal = edges.loc[inside].assign(_network=ends_a[inside])
    wanted = sorted(pd.unique(mapping)) if network_ids is None else list(network_ids)
    frames = [
        rank_disruption(
            internal.loc[internal["_network"] == network_id],
            k=k,
            exclude=exclude,
            source=source,
            target=target,
            weight=weight,
        ).assign(network_id=network_id)
        for network_id in wanted
    ]
    columns = ["network_id", *DISRUPTION_COLUMNS]
    if not frames:
        return pd.DataFrame({column: [] for column in columns})
    return pd.concat(frames, ignore_index=True)[columns]


def fragmentation(component_sizes: np.ndarray) -> float:
    """Borgatti's fragmentation: the share of pairs of nodes with no path between them."""
    sizes = np.asarray(component_sizes, dtype=float)
    n = sizes.sum()
    if n < 2:
        return 0.0
    return float(1.0 - (sizes * (sizes - 1.0)).sum() / (n * (n - 1.0)))


def _alive_graph(eg: EdgeGraph, alive: np.ndarray) -> tuple[ig.Graph, np.ndarray, np.ndarray]:
    """The graph on the alive vertices (renumbered), their vertex numbers, and edge weights."""
    vertices = np.flatnonzero(alive)
    local = np.full(eg.node_count, -1, dtype=np.int64)
    local[vertices] = np.arange(len(vertices))
    keep = alive[eg.pairs[:, 0]] & alive[eg.pairs[:, 1]]
    graph = ig.Graph(n=len(vertices), edges=local[eg.pairs[keep]].tolist(), directed=False)
    return graph, vertices, eg.weights[keep]


def _component_sizes(eg: EdgeGraph, alive: np.ndarray) -> np.ndarray:
    """Sizes of the connected components of the alive vertices."""
    graph, _, _ = _alive_graph(eg, alive)
    return np.asarray(graph.connected_components().sizes(), dtype=np.int64)


def _best_removal(eg: EdgeGraph, alive: np.ndarray, candidates: np.ndarray) -> int | None:
    """The vertex (of `eg`) the greedy rule removes next, or None when none may be."""
    if not candidates.any():
        return None
    graph, vertices, weights = _alive_graph(eg, alive)
    components = graph.connected_components()
    sizes = np.asarray(components.sizes(), dtype=np.int64)
    membership = np.asarray(components.membership, dtype=np.int64)
    lcc_after = _largest_after_removal(graph, sizes, membership)
    lcc_after = np.where(candidates[vertices], lcc_after, np.iinfo(np.int64).max)
    best = np.flatnonzero(lcc_after == lcc_after.min())
    if len(best) > 1:
        counts, _ = betweenness_pair_counts(
            len(vertices),
            np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2),
            1.0 / weights,
            exact_max_nodes=max(len(vertices), 3),
        )
        # Vertices are in node order, so the first of the highest is the smallest node id.
        best = best[np.flatnonzero(counts[best] == counts[best].max())]
    return int(vertices[best[0]])


def _largest_after_removal(
    graph: ig.Graph, sizes: np.ndarray, membership: np.ndarray
) -> np.ndarray:
    """Per vertex of `graph`, the largest component size left if it alone were removed."""
    top = sizes.max()
    top_count = int((sizes == top).sum())
    second = np.sort(sizes)[-2] if len(sizes) > 1 else 0
    in_top = sizes[membership] == top
    # Removing a non-cut vertex of a largest component shrinks that component by one.
    if top_count > 1:
        result = np.full(graph.vcount(), top, dtype=np.int64)
    else:
        result = np.where(in_top, max(top - 1, second), top).astype(np.int64)
    for vertex in graph.articulation_points():
        if not in_top[vertex]:
            continue
        rest = graph.copy()
        rest.delete_vertices([vertex])
        result[vertex] = max(rest.connected_components().sizes())
    return result
