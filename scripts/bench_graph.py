"""Time the graph layer on a synthetic network of ~50k people and ~200k links.

A script, not a test: `python scripts/bench_graph.py [--nodes N] [--edges M]`. The graph is a
planted partition (groups of ~50 with most links inside a group, the rest at random) with
random weights, roughly the shape of a force's association network. It prints the seconds of
each step, the bare igraph calls on the same graph for comparison, and the peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from countylines.graph import build_graph, detect_communities, node_centrality


def synthetic_edges(nodes: int, edges: int, *, group_size: int = 50, seed: int = 0) -> pd.DataFrame:
    """About `edges` distinct weighted links among `nodes` people, 80% inside groups."""
    rng = np.random.default_rng(seed)
    draw = int(edges * 1.1)
    a = rng.integers(0, nodes, draw)
    inside = rng.random(draw) < 0.8
    group_start = (a // group_size) * group_size
    b = np.where(
        inside,
        np.minimum(group_start + rng.integers(0, group_size, draw), nodes - 1),
        rng.integers(0, nodes, draw),
    )
    low, high = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(np.column_stack([low, high])[low != high], axis=0)
    pairs = pairs[rng.permutation(len(pairs))[:edges]]
    return pd.DataFrame(
        {
            "node_a": [f"N{value:06d}" for value in pairs[:, 0]],
            "node_b": [f"N{value:06d}" for value in pairs[:, 1]],
            "weight": rng.uniform(0.1, 5.0, len(pairs)),
        }
    )


def timed(label: str, step: Callable[[], object]) -> tuple[float, object]:
    """Run `step`, print and return its wall-clock seconds (and its result)."""
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:8.2f} s")
    return seconds, result


def bare_library(edges: pd.DataFrame, pivots: int, seed: int) -> None:
    """The igraph calls our centrality makes, with no frames around them (full graph only)."""
    eg = build_graph(edges)
    graph, weights = eg.graph, eg.weights.tolist()
    distances = (1.0 / eg.weights).tolist()
    sources = random.Random(seed).sample(range(graph.vcount()), pivots)
    graph.betweenness(directed=False, weights=distances, sources=sources)
    graph.pagerank(weights=weights, directed=False)
    graph.strength(weights=weights)


def main() -> None:
    """Build the synthetic graph and time each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=200_000)
    parser.add_argument("--pivots", type=int, default=256)
    parser.add_argument("--exact-max-nodes", type=int, default=5000)
    args = parser.parse_args()

    edges = synthetic_edges(args.nodes, args.edges)
    people = len(set(edges["node_a"]) | set(edges["node_b"]))
    print(f"synthetic graph: {people} nodes, {len(edges)} edges, pivots {args.pivots}")
    _, communities = timed("communities (Leiden + core)", lambda: detect_communities(edges))
    mapping = communities.set_index("node")["community_id"]
    print(f"  {mapping.nunique()} communities, largest {communities['community_size'].max()}")
    settings = {"exact_max_nodes": args.exact_max_nodes, "pivots": args.pivots}
    ours, _ = timed("centrality, full graph only", lambda: node_centrality(edges, **settings))
    bare, _ = timed("  bare igraph calls, same graph", lambda: bare_library(edges, args.pivots, 0))
    print(f"  ratio ours / bare: {ours / bare:.2f}")
    timed(
        "centrality, full graph + within communities",
        lambda: node_centrality(edges, mapping, **settings),
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
