"""Immediate networks: seeded Leiden communities with deterministic ids and a core flag.

Leiden (leidenalg, the reference implementation) maximises modularity with a resolution
parameter (the RB configuration model; resolution 1.0 is plain modularity) on the weighted
graph, for `iterations` passes (2, leidenalg's default; a negative number iterates until no
move improves the partition, which at 50k nodes took ~20x longer for a marginal gain). It
guarantees connected communities, so a
network never joins people with no chain of links between them.

Determinism: the graph is built with nodes and edges in sorted order (see `edgelist`), and
Leiden runs with a fixed seed, so the same edge list in any row order gives the same
partition. Community ids are then renumbered 1, 2, ... by size (largest first), ties broken
by the smallest node id in the community, so ids do not depend on Leiden's internal labels.

Core rule (`is_core`): a member is core when its coreness inside its community's induced
subgraph is at least `core_k` (default 2: it sits in a part of the network where everyone has
at least two links to others in that part, i.e. not a dangling contact). A community with no
such member (a tree: a star, a chain, a pair) has as core its members of highest degree
inside the community (the hub of a star), so every network has at least one core member.

Anchors (optional): entities that are not people but that people share, such as a deal
line (the phone and name a line trades under), can take part in the detection as extra
nodes. An anchor edge (person, anchor, weight) pulls the people of one line into one
community even when the records link some of them to the line but not to each other (a
user who only calls the line, a runner seen once with its phone): the i2 chart's phone
entity in the middle of the people who use it. Anchors never appear in the result: ids,
sizes, coreness and the core flag are over people and their person-to-person links only.
A person who appears only in anchor edges is not added (the network is people linked to
people; the anchor only decides which community a person already in it belongs to).
"""

from __future__ import annotations

import igraph as ig
import leidenalg
import numpy as np
import pandas as pd

from countylines.graph.edgelist import EdgeGraph, build_graph, within_group_edges

COMMUNITY_COLUMNS: tuple[str, ...] = (
    "node",
    "community_id",
    "community_size",
    "coreness_in_community",
    "is_core",
)


def detect_communities(
    edges: pd.DataFrame,
    *,
    resolution: float = 1.0,
    seed: int = 0,
    iterations: int = 2,
    core_k: int = 2,
    source: str = "node_a",
    target: str = "node_b",
    weight: str = "weight",
    anchors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Leiden communities of an undirected weighted edge list, one row per node.

    Columns: `node`; `community_id` (1 = the largest community); `community_size`;
    `coreness_in_community` (k-core number inside the community's induced subgraph);
    `is_core` (see the module docstring). Rows come sorted by community then node.

    `anchors`: optional edges (columns `node`, `anchor`, `weight`) from people to anchor
    entities (see the module docstring); anchor ids must not be people's ids.
    """
    people = build_graph(edges, source=source, target=target, weight=weight)
    if people.node_count == 0:
        return pd.DataFrame({column: [] for column in COMMUNITY_COLUMNS})
    detection, is_person = _with_anchors(people, edges, anchors, source, target, weight)
    membership = leiden_membership(
        detection, resolution=resolution, seed=seed, iterations=iterations
    )
    # Anchors leave here: people keep their vertex order (both graphs sort node ids).
    community = renumber_by_size(membership[is_person])
    coreness, degree = _within_community_coreness(people, community)
    frame = pd.DataFrame(
        {
            "node": people.nodes,
            "community_id": community,
            "community_size": np.bincount(community)[community],
            "coreness_in_community": coreness,
            "is_core": core_flags(community, coreness, degree, core_k=core_k),
        }
    )
    return frame.sort_values(["community_id", "node"], ignore_index=True)


def keep_communities(
    frame: pd.DataFrame,
    *,
    counted: set[str],
    min_counted: int,
    anchored: set[str] = frozenset(),
) -> pd.DataFrame:
    """The communities of `detect_communities` worth publishing, renumbered 1, 2, ...

    A community is kept when at least `min_counted` of its nodes are in `counted`, or any
    of them is in `anchored`. Kept communities keep their order (by size, then smallest
    node) and are renumbered without gaps.
    """
    node_counted = frame["node"].isin(counted)
    node_anchored = frame["node"].isin(anchored)
    per_community = (
        pd.DataFrame(
            {
                "community_id": frame["community_id"],
                "counted": node_counted,
                "anchored": node_anchored,
            }
        )
        .groupby("community_id")
        .agg(counted=("counted", "sum"), anchored=("anchored", "any"))
    )
    kept = per_community.index[
        (per_community["counted"] >= min_counted) | per_community["anchored"]
    ]
    renumber = pd.Series(range(1, len(kept) + 1), index=sorted(kept))
    result = frame[frame["community_id"].isin(kept)].copy()
    result["community_id"] = result["community_id"].map(renumber).astype("int64")
    return result.reset_index(drop=True)


def _with_anchors(
    people: EdgeGraph,
    edges: pd.DataFrame,
    anchors: pd.DataFrame | None,
    source: str,
    target: str,
    weight: str,
) -> tuple[EdgeGraph, np.ndarray]:
    """The graph Leiden runs on (people plus anchors) and, per vertex, whether it is a person."""
    if anchors is None or anchors.empty:
        return people, np.ones(people.node_count, dtype=bool)
    known = anchors["node"].isin(people.nodes)
    anchors = anchors.loc[known, ["node", "anchor", "weight"]]
    clash = np.intersect1d(anchors["anchor"].to_numpy(), people.nodes)
    if len(clash):
        raise ValueError(f"anchor ids clash with people's ids: {sorted(clash)[:5]}")
    combined = pd.concat(
        [
            edges[[source, target, weight]].set_axis(["a", "b", "w"], axis=1),
            anchors.set_axis(["a", "b", "w"], axis=1),
        ],
        ignore_index=True,
    )
    graph = build_graph(combined, source="a", target="b", weight="w")
    return graph, np.isin(graph.nodes, people.nodes)


def leiden_membership(
    eg: EdgeGraph, *, resolution: float = 1.0, seed: int = 0, iterations: int = 2
) -> np.ndarray:
    """Leiden's community label per vertex (labels arbitrary; see `renumber_by_size`)."""
    partition = leidenalg.find_partition(
        eg.graph,
        leidenalg.RBConfigurationVertexPartition,
        weights=eg.weights.tolist(),
        resolution_parameter=resolution,
        n_iterations=iterations,
        seed=seed,
    )
    return np.asarray(partition.membership, dtype=np.int64)


def renumber_by_size(membership: np.ndarray) -> np.ndarray:
    """Relabel communities 1..C: larger first, ties by their smallest vertex (= node id)."""
    labels, inverse = np.unique(membership, return_inverse=True)
    sizes = np.bincount(inverse)
    first_vertex = np.full(len(labels), len(membership))
    np.minimum.at(first_vertex, inverse, np.arange(len(membership)))
    order = np.lexsort((first_vertex, -sizes))
    new_id = np.empty(len(labels), dtype=np.int64)
    new_id[order] = np.arange(1, len(labels) + 1)
    return new_id[inverse]


def _within_community_coreness(
    eg: EdgeGraph, community: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per vertex, its coreness and degree inside its community's induced subgraph."""
    pairs, _ = within_group_edges(eg, community)
    graph = ig.Graph(n=eg.node_count, edges=pairs.tolist(), directed=False)
    coreness = np.asarray(graph.coreness(), dtype=np.int64)
    degree = np.asarray(graph.degree(), dtype=np.int64)
    return coreness, degree


def core_flags(
    community: np.ndarray, coreness: np.ndarray, degree: np.ndarray, *, core_k: int = 2
) -> np.ndarray:
    """The core rule of the module docstring, per vertex."""
    is_core = coreness >= core_k
    has_core = np.zeros(community.max() + 1, dtype=bool)
    np.logical_or.at(has_core, community, is_core)
    top_degree = np.zeros(community.max() + 1, dtype=np.int64)
    np.maximum.at(top_degree, community, degree)
    fallback = ~has_core[community] & (degree == top_degree[community])
    return is_core | fallback
