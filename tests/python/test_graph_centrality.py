"""Centrality: equal to networkx on the same graph, and the sampled path when graphs are big."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from countylines.graph import CENTRALITY_COLUMNS, node_centrality

TOLERANCE = 1e-9


def random_edges(seed: int, nodes: int, edges: int, *, integer: bool = False) -> pd.DataFrame:
    """A random simple graph (maybe disconnected) with string ids and positive weights."""
    rng = np.random.default_rng(seed)
    graph = nx.gnm_random_graph(nodes, edges, seed=seed)
    pairs = np.array(graph.edges())
    weights = rng.integers(1, 6, len(pairs)) if integer else rng.uniform(0.05, 10.0, len(pairs))
    return pd.DataFrame(
        {
            "node_a": [f"n{a:03d}" for a in pairs[:, 0]],
            "node_b": [f"n{b:03d}" for b in pairs[:, 1]],
            "weight": weights.astype(float),
        }
    )


def to_networkx(edges: pd.DataFrame, distance: str = "distance") -> nx.Graph:
    """The same graph in networkx, nodes inserted in sorted order, distance = 1/weight."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(set(edges["node_a"]) | set(edges["node_b"])))
    for row in edges.itertuples():
        graph.add_edge(row.node_a, row.node_b, weight=row.weight, **{distance: 1 / row.weight})
    return graph


def reference(graph: nx.Graph, distance: str = "distance") -> pd.DataFrame:
    """networkx's measures, one row per node.

    PageRank is networkx's own power iteration (`nx.pagerank` needs scipy, which the project
    does not install), run to a tolerance far below the test's.
    """
    pagerank = _pagerank_python(graph, alpha=0.85, weight="weight", tol=1e-15, max_iter=10_000)
    return pd.DataFrame(
        {
            "degree": dict(graph.degree()),
            "degree_centrality": nx.degree_centrality(graph),
            "weighted_degree": dict(graph.degree(weight="weight")),
            "betweenness": nx.betweenness_centrality(graph, weight=distance),
            "pagerank": pagerank,
        }
    )


@pytest.mark.parametrize("seed", range(6))
def test_equals_networkx_on_random_graphs(seed: int) -> None:
    edges = random_edges(seed, nodes=40 + 10 * seed, edges=60 + 25 * seed)
    ours = node_centrality(edges).set_index("node")
    expected = reference(to_networkx(edges))
    assert list(ours.index) == sorted(expected.index)
    assert (ours["degree"] == expected["degree"]).all()
    for column in ["degree_centrality", "weighted_degree", "betweenness", "pagerank"]:
        assert np.abs(ours[column] - expected[column]).max() < TOLERANCE, column
    assert not ours["is_approximate"].any()


@pytest.mark.parametrize("seed", range(4))
def test_in_network_columns_equal_networkx_on_induced_subgraphs(seed: int) -> None:
    edges = random_edges(seed, nodes=60, edges=150)
    nodes = sorted(set(edges["node_a"]) | set(edges["node_b"]))
    rng = np.random.default_rng(seed)
    communities = pd.Series(rng.integers(0, 4, len(nodes)), index=nodes)
    communities = communities.drop(nodes[:5])  # a few people outside every network
    ours = node_centrality(edges, communities).set_index("node")
    graph = to_networkx(edges)
    for community, members in communities.groupby(communities):
        subgraph = graph.subgraph(members.index)
        expected = nx.betweenness_centrality(subgraph, weight="distance")
        for node in members.index:
            assert ours.loc[node, "network_id"] == community
            assert ours.loc[node, "degree_in_network"] == subgraph.degree(node)
            assert abs(ours.loc[node, "betweenness_in_network"] - expected[node]) < TOLERANCE
    outside = ours.loc[nodes[:5]]
    assert outside["network_id"].isna().all()
    assert outside["degree_in_network"].isna().all()
    assert outside["betweenness_in_network"].isna().all()


@pytest.mark.parametrize("seed", range(4))
def test_integer_weights_count_exact_ties(seed: int) -> None:
    """With weights 1..5, paths like 1/3 + 1/6 and 1/2 tie; float rounding can hide that.

    We recognise such ties (igraph compares lengths with a relative tolerance), so we equal
    networkx run on exact lengths: 60/w is an integer for w in 1..5, and scaling every length
    by 60 leaves betweenness unchanged.
    """
    edges = random_edges(seed, nodes=60, edges=150, integer=True)
    graph = to_networkx(edges)
    for _, _, data in graph.edges(data=True):
        data["exact_distance"] = round(60 / data["weight"])
    expected = nx.betweenness_centrality(graph, weight="exact_distance")
    ours = node_centrality(edges).set_index("node")["betweenness"]
    assert max(abs(ours[node] - expected[node]) for node in expected) < TOLERANCE


def test_sampled_betweenness_is_networkx_pivot_estimate() -> None:
    """Above exact_max_nodes a connected graph gets networkx's k-pivot estimate, same draw."""
    graph = nx.connected_watts_strogatz_graph(120, 4, 0.2, seed=3)
    rng = np.random.default_rng(3)
    edges = pd.DataFrame(
        [(f"p{a:03d}", f"p{b:03d}", rng.uniform(0.5, 5.0)) for a, b in graph.edges()],
        columns=["node_a", "node_b", "weight"],
    )
    ours = node_centrality(edges, exact_max_nodes=100, pivots=20, seed=11).set_index("node")
    expected = nx.betweenness_centrality(to_networkx(edges), k=20, seed=11, weight="distance")
    assert ours["is_approximate"].all()
    assert max(abs(ours.loc[node, "betweenness"] - value) for node, value in expected.items()) < (
        TOLERANCE
    )


def test_sampling_is_per_component_and_close_to_exact() -> None:
    """Only components above the limit are sampled; their estimate tracks the exact value."""
    big = nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=5)
    rows = [(f"b{a:03d}", f"b{b:03d}", 1.0 + (a * b) % 4) for a, b in big.edges()]
    rows += [("s1", "s2", 1.0), ("s2", "s3", 2.0), ("s3", "s4", 1.0)]
    edges = pd.DataFrame(rows, columns=["node_a", "node_b", "weight"])
    exact = node_centrality(edges).set_index("node")
    sampled = node_centrality(edges, exact_max_nodes=50, pivots=150, seed=1).set_index("node")
    small = ["s1", "s2", "s3", "s4"]
    assert not sampled.loc[small, "is_approximate"].any()
    assert sampled.drop(index=small)["is_approximate"].all()
    assert np.allclose(sampled.loc[small, "betweenness"], exact.loc[small, "betweenness"])
    correlation = np.corrcoef(sampled["betweenness"], exact["betweenness"])[0, 1]
    assert correlation > 0.95
    again = node_centrality(edges, exact_max_nodes=50, pivots=150, seed=1).set_index("node")
    pd.testing.assert_frame_equal(sampled, again)


def test_row_order_does_not_matter() -> None:
    edges = random_edges(9, nodes=50, edges=120)
    shuffled = edges.sample(frac=1.0, random_state=2).rename(
        columns={"node_a": "node_b", "node_b": "node_a"}
    )
    pd.testing.assert_frame_equal(node_centrality(edges), node_centrality(shuffled))


def test_hand_checked_path() -> None:
    """a - b - c with weights 1 and 2: b lies on the one path between a and c."""
    edges = pd.DataFrame({"node_a": ["a", "b"], "node_b": ["b", "c"], "weight": [1.0, 2.0]})
    result = node_centrality(edges, {"a": "x", "b": "x", "c": "y"}).set_index("node")
    assert list(result.columns) == list(CENTRALITY_COLUMNS[1:])
    assert result["degree"].tolist() == [1, 2, 1]
    assert result["weighted_degree"].tolist() == [1.0, 3.0, 2.0]
    assert result["betweenness"].tolist() == [0.0, 1.0, 0.0]
    assert math.isclose(result["pagerank"].sum(), 1.0)
    assert result["degree_in_network"].tolist() == [1, 1, 0]
    assert result["betweenness_in_network"].tolist() == [0.0, 0.0, 0.0]


def test_betweenness_reads_weight_as_distance() -> None:
    """Square a-b-c-d-a: the strong a-b-c route carries a to c, so b brokers, d does not."""
    edges = pd.DataFrame(
        {
            "node_a": ["a", "b", "c", "a"],
            "node_b": ["b", "c", "d", "d"],
            "weight": [5.0, 5.0, 1.0, 1.0],
        }
    )
    result = node_centrality(edges).set_index("node")["betweenness"]
    assert result["b"] > 0 and result["d"] == 0


@pytest.mark.parametrize(
    "edges",
    [
        pd.DataFrame({"node_a": ["a"], "node_b": ["a"], "weight": [1.0]}),
        pd.DataFrame({"node_a": ["a", "b"], "node_b": ["b", "a"], "weight": [1.0, 2.0]}),
        pd.DataFrame({"node_a": ["a"], "node_b": ["b"], "weight": [0.0]}),
        pd.DataFrame({"node_a": ["a"], "node_b": [None], "weight": [1.0]}),
        pd.DataFrame({"node_a": ["a"], "node_b": ["b"]}),
    ],
    ids=["self-loop", "pair-twice", "zero-weight", "null-end", "no-weight"],
)
def test_rejects_invalid_edge_lists(edges: pd.DataFrame) -> None:
    with pytest.raises(ValueError):
        node_centrality(edges)


def test_empty_edge_list() -> None:
    empty = pd.DataFrame({"node_a": [], "node_b": [], "weight": []})
    assert list(node_centrality(empty).columns) == list(CENTRALITY_COLUMNS)
    assert node_centrality(empty).empty
