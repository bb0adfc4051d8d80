"""Means of disabling a network: the people whose removal most fragments it.

A key-player search (Borgatti 2006: a greedy start improved by swaps) for the set of `k`
people whose removal leaves the network most broken, scored first by the size of the largest
connected component left (the "disruption curve" of the criminal-network literature) and
then by the number of pairs of people still connected (Borgatti's fragmentation, see below):

1. Two starts: greedy (remove, one at a time, the person who leaves the best score) and
   betweenness rank (remove, one at a time, the person with the highest betweenness in what
   is left, links read as distances 1/w: the strategy the Montagna study found best).
2. Swaps, from each start: while some swap of one chosen person for one person not chosen
   improves the score of the whole set, make the best such swap (at most `max_swaps`). A
   greedy choice that was right for one removal but wrong for three (a broker who splits off
   a small group, where removing two others would halve the network) is undone here. The
   better of the two results is kept.
3. Order: the chosen people are ranked by removing them greedily again (the one that helps
   most first), so `rank` 1 is who to remove first if only one can be.

Children and potential victims are passed in `exclude` and never proposed, though they stay
in the network and keep it connected. Ties at any step go to the person with the highest
betweenness in what is left (links read as distances 1/w, as in `centrality`), then to the
smallest node id. What removing each single person would leave is computed for everyone at
once, in one depth-first search (cut vertices and the pieces they split off), so a swap round
costs k searches, not k x n.

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
    max_swaps: int = 100,
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
) -> pd.DataFrame:
    """The `k` people to remove, in order, to fragment the network of `edges` most.

    One row per removal (`rank` 1 first), fewer than `k` if fewer people may be proposed,
    with the measures of the module docstring before and after that removal. `max_swaps`
    bounds the swap phase (0 keeps the better of the two starts).
    """
    eg = build_graph(edges, source=source, target=target, weight=weight)
    if eg.node_count == 0 or k < 1:
        return pd.DataFrame(columns=list(DISRUPTION_COLUMNS)).astype({"rank": "int64"})
    # Set lookups per node of this network: np.isin sorts object arrays, seconds when
    # `exclude` holds every child of a force.
    excluded = exclude if isinstance(exclude, (set, frozenset)) else set(exclude)
    allowed = np.fromiter((node not in excluded for node in eg.nodes), bool, eg.node_count)
    everyone = np.ones(eg.node_count, dtype=bool)
    starts = [_greedy(eg, allowed, everyone, k), _by_betweenness(eg, allowed, k)]
    improved = [_improve_by_swaps(eg, allowed, start, max_swaps) for start in starts]
    chosen = min(improved, key=lambda found: _set_score(eg, found))
    order = _greedy(eg, _mask(eg.node_count, chosen), np.ones(eg.node_count, dtype=bool), k)

    alive = np.ones(eg.node_count, dtype=bool)
    initial_lcc = _component_sizes(eg, alive).max()
    rows = []
    for rank, vertex in enumerate(order, start=1):
        sizes_before = _component_sizes(eg, alive)
        alive[vertex] = False
        sizes_after = _component_sizes(eg, alive)
        rows.append(
            {
                "rank": rank,
                "node": eg.nodes[vertex],
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
    max_swaps: int = 100,
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
) -> pd.DataFrame:
    """`rank_disruption` within each community (or only those in `network_ids`).

    Each network is its members' induced subgraph (links to outsiders do not hold it
    together). One row per (network_id, rank).
    """
    mapping = pd.Series(communities) if isinstance(communities, dict) else communities
    exclude = frozenset(exclude)
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
            max_swaps=max_swaps,
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


def _mask(node_count: int, vertices: list[int]) -> np.ndarray:
    """A boolean mask of `node_count` vertices, true at `vertices`."""
    mask = np.zeros(node_count, dtype=bool)
    mask[vertices] = True
    return mask


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
    return np.bincount(_membership(graph))


def _membership(graph: ig.Graph) -> np.ndarray:
    """Per vertex, its connected component's number (igraph's C call, no Python wrapper)."""
    return np.asarray(ig.GraphBase.connected_components(graph), dtype=np.int64)


def _score(sizes: np.ndarray) -> tuple[int, int]:
    """What the search minimises: (largest component, ordered pairs still connected)."""
    sizes = np.asarray(sizes, dtype=np.int64)
    return int(sizes.max(initial=0)), int((sizes * (sizes - 1)).sum())


def _set_score(eg: EdgeGraph, removed: list[int]) -> tuple[int, int]:
    """The `_score` of the network left when `removed` are taken out."""
    return _score(_component_sizes(eg, ~_mask(eg.node_count, removed)))


def _greedy(eg: EdgeGraph, allowed: np.ndarray, alive: np.ndarray, k: int) -> list[int]:
    """Up to `k` allowed vertices removed one at a time, each leaving the best score."""
    alive = alive.copy()
    chosen: list[int] = []
    for _ in range(k):
        choice = _best_removal(eg, alive, alive & allowed)
        if choice is None:
            break
        chosen.append(choice)
        alive[choice] = False
    return chosen


def _by_betweenness(eg: EdgeGraph, allowed: np.ndarray, k: int) -> list[int]:
    """Up to `k` allowed vertices removed one at a time, each the highest in betweenness.

    Betweenness is recomputed after every removal, links read as distances 1/w; ties go to
    the smallest node id.
    """
    alive = np.ones(eg.node_count, dtype=bool)
    chosen: list[int] = []
    for _ in range(k):
        graph, vertices, weights = _alive_graph(eg, alive)
        candidates = allowed[vertices]
        if not candidates.any():
            break
        counts, _ = betweenness_pair_counts(
            len(vertices),
            np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2),
            1.0 / weights,
        )
        counts = np.where(candidates, counts, -1.0)
        choice = int(vertices[int(np.argmax(counts))])
        chosen.append(choice)
        alive[choice] = False
    return chosen


def _best_removal(eg: EdgeGraph, alive: np.ndarray, candidates: np.ndarray) -> int | None:
    """The candidate vertex (of `eg`) whose removal leaves the best score, or None."""
    if not candidates.any():
        return None
    graph, vertices, weights = _alive_graph(eg, alive)
    largest, connected = _scores_after_removal(graph)
    best = _lexicographic_best(largest, connected, candidates[vertices])
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


def _lexicographic_best(largest: np.ndarray, connected: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Indices (ascending) of the masked entries with the least (largest, connected)."""
    top = np.iinfo(np.int64).max
    largest = np.where(mask, largest, top)
    tied = largest == largest.min()
    connected = np.where(tied & mask, connected, top)
    return np.flatnonzero(connected == connected.min())


def _improve_by_swaps(
    eg: EdgeGraph, allowed: np.ndarray, chosen: list[int], max_swaps: int
) -> list[int]:
    """Borgatti's swap phase: make the best improving one-for-one swap until none is left."""
    chosen = list(chosen)
    everyone = np.ones(eg.node_count, dtype=bool)
    current = _set_score(eg, chosen)
    for _ in range(max_swaps):
        best: tuple[tuple[int, int], int, int] | None = None
        for position in range(len(chosen)):
            kept = chosen[:position] + chosen[position + 1 :]
            alive = everyone & ~_mask(eg.node_count, kept)
            graph, vertices, _ = _alive_graph(eg, alive)
            largest, connected = _scores_after_removal(graph)
            candidates = allowed[vertices] & (vertices != chosen[position])
            if not candidates.any():
                continue
            index = _lexicographic_best(largest, connected, candidates)[0]
            score = (int(largest[index]), int(connected[index]))
            if score < current and (best is None or score < best[0]):
                best = (score, position, int(vertices[index]))
        if best is None:
            break
        current, position, vertex = best
        chosen[position] = vertex
    return chosen


def _scores_after_removal(graph: ig.Graph) -> tuple[np.ndarray, np.ndarray]:
    """Per vertex of `graph`, the `_score` of the graph left if it alone were removed."""
    membership = _membership(graph)
    sizes = np.bincount(membership, minlength=1)
    own = sizes[membership]
    # The largest component other than the vertex's own.
    top = sizes.max()
    second = np.sort(sizes)[-2] if len(sizes) > 1 else 0
    unique_top = (sizes == top).sum() == 1
    elsewhere = np.where(unique_top & (own == top), second, top)
    piece_largest, piece_pairs = _pieces_after_removal(graph.get_adjlist())
    largest = np.maximum(elsewhere, piece_largest)
    connected = (sizes * (sizes - 1)).sum() - own * (own - 1) + piece_pairs
    return largest.astype(np.int64), connected.astype(np.int64)


def _pieces_after_removal(adjacency: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Per vertex, what its component falls into when it is removed: the largest piece and
    the ordered pairs still connected (sum of p (p - 1) over the pieces p).

    One depth-first search (Hopcroft-Tarjan low points) for the whole graph: when `v` is
    removed, each DFS child `w` with low[w] >= disc[v] takes its subtree away as a piece of
    its own; everything else of the component (size s) stays together, s - 1 minus those.
    """
    n = len(adjacency)
    disc = [-1] * n
    low = [0] * n
    subtree = [1] * n
    split = [0] * n
    largest = [0] * n
    pairs = [0] * n
    timer = 0
    for root in range(n):
        if disc[root] >= 0:
            continue
        disc[root] = low[root] = timer
        timer += 1
        component = [root]
        stack = [(root, -1, iter(adjacency[root]))]
        while stack:
            vertex, parent, neighbours = stack[-1]
            for other in neighbours:
                if disc[other] < 0:
                    disc[other] = low[other] = timer
                    timer += 1
                    component.append(other)
                    stack.append((other, vertex, iter(adjacency[other])))
                    break
                if other != parent and disc[other] < low[vertex]:
                    low[vertex] = disc[other]
            else:
                stack.pop()
                if parent < 0:
                    continue
                subtree[parent] += subtree[vertex]
                low[parent] = min(low[parent], low[vertex])
                if low[vertex] >= disc[parent]:
                    piece = subtree[vertex]
                    split[parent] += piece
                    largest[parent] = max(largest[parent], piece)
                    pairs[parent] += piece * (piece - 1)
        size = len(component)
        for vertex in component:
            rest = size - 1 - split[vertex]
            largest[vertex] = max(largest[vertex], rest)
            pairs[vertex] += rest * (rest - 1)
    return np.asarray(largest, dtype=np.int64), np.asarray(pairs, dtype=np.int64)
