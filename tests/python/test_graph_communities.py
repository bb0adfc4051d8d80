"""Communities: planted groups are found, ids are deterministic, the core rule holds."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from countylines.graph import COMMUNITY_COLUMNS, detect_communities, keep_communities


def cliques_with_bridges(sizes: list[int]) -> pd.DataFrame:
    """Cliques of the given sizes (strong ties), each joined to the next by one weak link."""
    rows = []
    for group, size in enumerate(sizes):
        members = [f"g{group}m{i:02d}" for i in range(size)]
        rows += [(a, b, 5.0) for a, b in itertools.combinations(members, 2)]
        if group + 1 < len(sizes):
            rows.append((members[-1], f"g{group + 1}m00", 0.5))
    return pd.DataFrame(rows, columns=["node_a", "node_b", "weight"])


def planted_partition(seed: int) -> pd.DataFrame:
    """A random planted-partition graph (8 groups of 15) with random weights."""
    graph = nx.planted_partition_graph(8, 15, 0.5, 0.01, seed=seed)
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        [(f"n{a:03d}", f"n{b:03d}", rng.uniform(1, 3)) for a, b in graph.edges()],
        columns=["node_a", "node_b", "weight"],
    )


def test_finds_planted_cliques_with_ids_by_size() -> None:
    result = detect_communities(cliques_with_bridges([4, 7, 5])).set_index("node")
    assert list(result.columns) == list(COMMUNITY_COLUMNS[1:])
    groups = result.groupby(result.index.str[:2])["community_id"].agg(set)
    assert groups.to_dict() == {"g0": {3}, "g1": {1}, "g2": {2}}
    assert result.groupby("community_id")["community_size"].first().tolist() == [7, 5, 4]


def test_equal_sizes_ordered_by_smallest_node() -> None:
    result = detect_communities(cliques_with_bridges([5, 5, 5])).set_index("node")
    assert result.loc["g0m00", "community_id"] == 1
    assert result.loc["g1m00", "community_id"] == 2
    assert result.loc["g2m00", "community_id"] == 3


@pytest.mark.parametrize("seed", range(3))
def test_same_output_in_any_edge_order(seed: int) -> None:
    edges = planted_partition(seed)
    expected = detect_communities(edges, seed=7)
    for shuffle in range(3):
        shuffled = edges.sample(frac=1.0, random_state=shuffle)
        flipped = shuffled.rename(columns={"node_a": "node_b", "node_b": "node_a"})
        pd.testing.assert_frame_equal(detect_communities(shuffled, seed=7), expected)
        pd.testing.assert_frame_equal(detect_communities(flipped, seed=7), expected)


def test_recovers_planted_partition() -> None:
    edges = planted_partition(1)
    result = detect_communities(edges).set_index("node")
    planted = (result.index.str[1:].astype(int) // 15).to_numpy()
    # Each planted group lands in one community, and no community holds two groups.
    per_group = pd.Series(result["community_id"].to_numpy()).groupby(planted).nunique()
    per_community = pd.Series(planted).groupby(result["community_id"].to_numpy()).nunique()
    assert (per_group == 1).all() and (per_community == 1).all()


def test_core_is_two_core_within_community() -> None:
    """A clique with a dangling contact: the clique is core, the contact is not."""
    edges = cliques_with_bridges([6])
    edges = pd.concat(
        [edges, pd.DataFrame([("g0m00", "tail", 5.0)], columns=edges.columns)],
        ignore_index=True,
    )
    # A low resolution keeps the contact in the clique's community (plain modularity would
    # split a network this small).
    result = detect_communities(edges, resolution=0.2).set_index("node")
    assert result["community_id"].nunique() == 1
    assert not result.loc["tail", "is_core"]
    assert result.drop(index="tail")["is_core"].all()
    assert result.loc["tail", "coreness_in_community"] == 1


def test_a_star_has_its_hub_as_core() -> None:
    edges = pd.DataFrame({"node_a": ["hub"] * 4, "node_b": list("abcd"), "weight": 1.0})
    result = detect_communities(edges).set_index("node")
    assert result["community_id"].nunique() == 1
    assert result["is_core"].to_dict() == {
        "a": False,
        "b": False,
        "c": False,
        "d": False,
        "hub": True,
    }


def test_separate_components_are_separate_communities() -> None:
    edges = pd.DataFrame({"node_a": ["a", "c"], "node_b": ["b", "d"], "weight": [1.0, 3.0]})
    result = detect_communities(edges).set_index("node")
    assert result["community_id"].to_dict() == {"a": 1, "b": 1, "c": 2, "d": 2}
    assert result["is_core"].all()  # a pair: both ends have the top degree


def two_lines_in_pieces() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two lines whose people the records link only in pairs, and each pair to its line."""
    edges = pd.DataFrame(
        [
            ("a1", "a2", 1.0),
            ("a3", "a4", 1.0),
            ("b1", "b2", 1.0),
            ("b3", "b4", 1.0),
            ("a4", "b1", 0.2),  # one weak link between the lines
            ("x1", "x2", 1.0),  # a pair tied to no line
        ],
        columns=["node_a", "node_b", "weight"],
    )
    anchors = pd.DataFrame(
        [(f"a{i}", "LINE:A", 1.0) for i in range(1, 5)]
        + [(f"b{i}", "LINE:B", 1.0) for i in range(1, 5)]
        + [("nobody", "LINE:B", 1.0)],  # not in the network: ignored
        columns=["node", "anchor", "weight"],
    )
    return edges, anchors


def test_anchors_gather_a_lines_people_and_never_appear() -> None:
    edges, anchors = two_lines_in_pieces()
    without = detect_communities(edges).set_index("node")["community_id"]
    assert without["a1"] != without["a3"]  # apart when only person links count
    result = detect_communities(edges, anchors=anchors).set_index("node")
    assert set(result.index) == set(without.index)  # no anchor, no extra person
    community = result["community_id"]
    assert community[["a1", "a2", "a3", "a4"]].nunique() == 1
    assert community[["b1", "b2", "b3", "b4"]].nunique() == 1
    assert community["a1"] != community["b1"]
    assert result.loc["a1", "community_size"] == 4
    # Coreness counts person links only: a pair is a 1-core.
    assert result.loc["a1", "coreness_in_community"] == 1


def test_anchor_ids_must_not_clash_with_people() -> None:
    edges, anchors = two_lines_in_pieces()
    anchors.loc[0, "anchor"] = "b2"
    with pytest.raises(ValueError, match="clash"):
        detect_communities(edges, anchors=anchors)


def test_keep_communities_drops_and_renumbers() -> None:
    edges, anchors = two_lines_in_pieces()
    result = detect_communities(edges, anchors=anchors)
    kept = keep_communities(result, counted={"x1", "a1"}, min_counted=2, anchored={"a2"})
    assert set(kept["node"]) == {"a1", "a2", "a3", "a4"}  # line A only: anchored
    assert kept["community_id"].unique().tolist() == [1]
    both = keep_communities(result, counted={"x1", "x2"}, min_counted=2)
    assert set(both["node"]) == {"x1", "x2"}
    assert both["community_id"].unique().tolist() == [1]
