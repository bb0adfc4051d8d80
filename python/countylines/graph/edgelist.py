"""Validate an undirected weighted edge list and build the igraph graph the algorithms share.

Every algorithm in this package starts here, so they all agree on what a valid edge list is
and on the vertex numbering: vertex `i` is the `i`-th node id in sorted order, and edges are
stored sorted by (lower vertex, higher vertex). The graph built from an edge list is therefore
the same whatever order its rows come in, which is what makes seeded algorithms (Leiden,
sampled betweenness) give the same answer for the same network.
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import numpy as np
import pandas as pd


@dataclass(frozen=True)
class EdgeGraph:
    """An undirected weighted graph with its node ids.

    Attributes:
        nodes: node ids, sorted; igraph vertex `i` is `nodes[i]`.
        graph: the igraph graph (undirected, simple, no attributes).
        pairs: the edges as an (m, 2) array of vertex numbers, lower first, in edge order.
        weights: one positive weight per igraph edge, in edge order (a tie strength).
    """

    nodes: np.ndarray
    graph: ig.Graph
    pairs: np.ndarray
    weights: np.ndarray

    @property
    def distances(self) -> np.ndarray:
        """Edge lengths for shortest paths: 1/weight, so stronger ties are shorter."""
        return 1.0 / self.weights

    @property
    def node_count(self) -> int:
        """Number of nodes."""
        return len(self.nodes)


def build_graph(
    edges: pd.DataFrame,
    *,
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
) -> EdgeGraph:
    """Build an `EdgeGraph` from an edge list of one row per undirected pair.

    The node set is the set of endpoints (a person with no link is not in the network).
    Raises ValueError on a missing column, a null endpoint, a self-loop, a pair listed twice
    (in either orientation: weights are for the warehouse to aggregate, not for us to guess)
    or a weight that is not a finite positive number.
    """
    missing = [column for column in (source, target, weight) if column not in edges.columns]
    if missing:
        raise ValueError(f"edge list lacks columns {missing}")
    node_a = edges[source].to_numpy()
    node_b = edges[target].to_numpy()
    weights = pd.to_numeric(edges[weight]).to_numpy(dtype=float)
    if pd.isna(node_a).any() or pd.isna(node_b).any():
        raise ValueError("edge list has a null endpoint")
    if not np.isfinite(weights).all() or (weights <= 0).any():
        raise ValueError("edge weights must be finite and greater than 0")

    # Hash the ids once (factorize), sort only the distinct ones: a binary search of every
    # endpoint among sorted string ids cost more than the rest of the build.
    codes, distinct = pd.factorize(np.concatenate([node_a, node_b]))
    order = np.argsort(distinct, kind="stable")
    nodes = np.asarray(distinct)[order]
    vertex_of_code = np.empty(len(order), dtype=np.int64)
    vertex_of_code[order] = np.arange(len(order))
    index_a = vertex_of_code[codes[: len(node_a)]]
    index_b = vertex_of_code[codes[len(node_a) :]]
    if (index_a == index_b).any():
        raise ValueError("edge list has a self-loop")
    low = np.minimum(index_a, index_b)
    high = np.maximum(index_a, index_b)
    order = np.lexsort((high, low))
    low, high, weights = low[order], high[order], weights[order]
    if ((low[1:] == low[:-1]) & (high[1:] == high[:-1])).any():
        raise ValueError("edge list lists a pair more than once")

    pairs = np.column_stack([low, high]).astype(np.int64)
    graph = ig.Graph(n=len(nodes), edges=pairs.tolist(), directed=False)
    return EdgeGraph(nodes=nodes, graph=graph, pairs=pairs, weights=weights)


def community_codes(eg: EdgeGraph, communities: pd.Series | dict | None) -> np.ndarray:
    """Per vertex, an integer code of its community, or -1 for a node with none.

    `communities` maps node id -> community id (a Series indexed by node, or a dict); nodes
    of the mapping that are not in the graph are ignored.
    """
    if communities is None:
        return np.full(eg.node_count, -1, dtype=np.int64)
    mapping = pd.Series(communities) if isinstance(communities, dict) else communities
    labels = mapping.reindex(eg.nodes)
    codes, _ = pd.factorize(labels, use_na_sentinel=True)
    return codes.astype(np.int64)


def within_group_edges(eg: EdgeGraph, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The edges whose two ends share a group code (>= 0), as (pairs, weights).

    Over all of `eg`'s vertices (same numbering), these edges form the disjoint union of each
    group's induced subgraph, with nodes outside every group left isolated: one igraph call
    on them computes a measure within every group at once.
    """
    ends_a, ends_b = codes[eg.pairs[:, 0]], codes[eg.pairs[:, 1]]
    keep = (ends_a == ends_b) & (ends_a >= 0)
    return eg.pairs[keep], eg.weights[keep]
