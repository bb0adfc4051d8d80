"""Disruption: the greedy key-player ranking on small hand-checked networks."""

from __future__ import annotations

import itertools

import igraph as ig
import numpy as np
import pandas as pd
import pytest

from countylines.graph import DISRUPTION_COLUMNS, disruption_ranking, rank_disruption
from countylines.graph.disruption import _scores_after_removal


def frame(rows: list[tuple[str, str]], weight: float = 1.0) -> pd.DataFrame:
    """An edge list from pairs, all with one weight."""
    return pd.DataFrame(rows, columns=["node_a", "node_b"]).assign(weight=weight)


def two_cliques_and_bridge(size: int = 5) -> pd.DataFrame:
    """Two cliques of `size` joined only through one bridge person `x`."""
    left = [f"a{i}" for i in range(size)]
    right = [f"b{i}" for i in range(size)]
    rows = list(itertools.combinations(left, 2)) + list(itertools.combinations(right, 2))
    return frame(rows + [("a0", "x"), ("x", "b0")])


def test_star_hub_first() -> None:
    result = rank_disruption(frame([("hub", leaf) for leaf in "abcdef"]), k=3)
    assert list(result.columns) == list(DISRUPTION_COLUMNS)
    assert result["rank"].tolist() == [1, 2, 3]
    assert result.loc[0, "node"] == "hub"
    assert result.loc[0, "lcc_share_before"] == 1.0
    assert result.loc[0, "lcc_share_after"] == pytest.approx(1 / 7)
    assert result.loc[0, "fragmentation_before"] == 0.0
    assert result.loc[0, "fragmentation_after"] == 1.0


def test_bridge_between_cliques_first() -> None:
    result = rank_disruption(two_cliques_and_bridge(5), k=1)
    assert result.loc[0, "node"] == "x"
    assert result.loc[0, "lcc_share_after"] == pytest.approx(5 / 11)
    # Two cliques of 5 left: 40 of the 90 ordered pairs still have a path.
    assert result.loc[0, "fragmentation_after"] == pytest.approx(1 - 2 * 5 * 4 / (10 * 9))


def test_two_removals_swap_out_the_greedy_bridge() -> None:
    """With two removals, the clique ends of the bridge beat the bridge and anyone else.

    Greedy takes x first (two cliques of 5 left), and any second removal leaves a clique of
    5. Removing a0 and b0 instead leaves 4 + 1 + 4: the swap phase finds it.
    """
    greedy = rank_disruption(two_cliques_and_bridge(5), k=2, max_swaps=0)
    assert greedy["node"].tolist()[0] == "x"
    assert greedy["lcc_share_after"].iloc[-1] == pytest.approx(5 / 11)
    result = rank_disruption(two_cliques_and_bridge(5), k=2)
    assert sorted(result["node"]) == ["a0", "b0"]
    assert result["lcc_share_after"].tolist() == pytest.approx([6 / 11, 4 / 11])
    assert result.loc[1, "lcc_share_before"] == result.loc[0, "lcc_share_after"]


def test_removal_scores_match_deleting_each_vertex() -> None:
    """The one-pass cut-vertex scores equal deleting each vertex and counting components."""
    rng = np.random.default_rng(3)
    for _ in range(60):
        n = int(rng.integers(2, 30))
        graph = ig.Graph.Erdos_Renyi(n=n, m=int(rng.integers(0, min(2 * n, n * (n - 1) // 2))))
        largest, connected = _scores_after_removal(graph)
        for vertex in range(n):
            rest = graph.copy()
            rest.delete_vertices([vertex])
            sizes = np.asarray(rest.connected_components().sizes())
            assert largest[vertex] == sizes.max(initial=0)
            assert connected[vertex] == (sizes * (sizes - 1)).sum()


def test_brokers_of_a_chain_of_stars() -> None:
    """Three stars whose hubs form a path: the middle hub splits it best, then another hub."""
    rows = [("h1", "h2"), ("h2", "h3")]
    for hub in ("h1", "h2", "h3"):
        rows += [(hub, f"{hub}_{i}") for i in range(4)]
    result = rank_disruption(frame(rows), k=3)
    assert result["node"].tolist()[:1] == ["h2"]
    assert set(result["node"].tolist()[1:]) == {"h1", "h3"}
    assert result["lcc_share_after"].is_monotonic_decreasing


def test_excluded_people_are_never_proposed() -> None:
    """A child at the hub of a star is never proposed, even though removing them would split it."""
    result = rank_disruption(frame([("child", leaf) for leaf in "abc"]), k=2, exclude={"child"})
    assert "child" not in set(result["node"])
    assert result.loc[0, "lcc_share_after"] == pytest.approx(3 / 4)


def test_ties_broken_by_weighted_betweenness_then_id() -> None:
    """In a cycle every removal leaves a path; the strongest-route broker goes first."""
    rows = frame([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a")])
    rows.loc[rows["node_a"].isin(["a", "b"]), "weight"] = 10.0  # a-b, b-c strong
    assert rank_disruption(rows, k=1).loc[0, "node"] == "b"
    uniform = frame([("a", "b"), ("b", "c"), ("c", "a")])
    assert rank_disruption(uniform, k=1).loc[0, "node"] == "a"


def test_per_network_ranking_uses_each_induced_subgraph() -> None:
    edges = pd.concat(
        [
            frame([("hub", leaf) for leaf in "abcd"]),
            two_cliques_and_bridge(4),
            frame([("hub", "a0")]),  # a link between the two networks: ignored inside each
        ],
        ignore_index=True,
    )
    members = {node: "star" for node in ["hub", *"abcd"]}
    members |= {node: "cliques" for node in ["x"] + [f"{s}{i}" for s in "ab" for i in range(4)]}
    result = disruption_ranking(edges, members, k=1)
    assert result.set_index("network_id")["node"].to_dict() == {"cliques": "x", "star": "hub"}
    only = disruption_ranking(edges, members, k=2, network_ids=["star"])
    assert set(only["network_id"]) == {"star"} and len(only) == 2
