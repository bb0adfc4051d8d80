"""Time the graph layer: the network step of a built warehouse, and our centrality vs igraph.

A script, not a test. Two modes:

- `python scripts/bench_graph.py --warehouse FILE --raw DIR` (a warehouse already built from
  the extract in DIR, e.g. at `wmp` scale): on a copy of the warehouse (the original is only
  read), time `dbt build` of the graph step, the dbt Python models of the network
  (`int_network_communities`, `int_network_centrality`, `int_network_disruption`) with their
  tests, then of the whole network layer (its SQL edges, the Python models and the network
  marts), printing each model's own seconds from dbt's run results. Then, on the full network
  of that warehouse (`marts.network_edges`) and its immediate networks, time our
  `node_centrality` against the bare igraph calls it wraps, and print the ratio.
- `python scripts/bench_graph.py [--nodes N] [--edges M]`: the same centrality comparison,
  plus Leiden, on a synthetic planted-partition graph (groups of ~50 with most links inside a
  group, random weights), ~50k people and ~200k links by default.

"Bare" means the library work our function does, on a graph already built, with no frames
around it: degree, strength, PageRank, and betweenness with 1/w as a distance, exact per
connected component up to `exact_max_nodes` and from `pivots` sampled sources above, over the
full graph and over the links inside each immediate network. Building the graph from the
edge list (validation, sorting) is left out of the bare side and counted on ours, so the
ratio is all the overhead we add. The two sides alternate `--repeats` times and each one's
best run counts; the ratio is given on wall and on CPU time (the CPU ratio is the one to
read on a busy machine). The script runs itself with one OpenMP thread, as builds do.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import igraph as ig
import numpy as np
import pandas as pd

from countylines.dbt_run import run_dbt
from countylines.graph import build_graph, detect_communities, node_centrality
from countylines.graph.edgelist import community_codes, within_group_edges

GRAPH_MODELS = "int_network_communities int_network_centrality int_network_disruption"
NETWORK_LAYER = "path:models/intermediate/network path:models/marts/network"


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


def timed(step: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process, all threads) of one run of `step`."""
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def bare_betweenness(graph: ig.Graph, distances: list[float], exact_max_nodes: int, pivots: int):
    """igraph betweenness per connected component: exact if small, else from sampled pivots."""
    components = graph.connected_components()
    sizes = components.sizes()
    small = [v for v, c in enumerate(components.membership) if sizes[c] <= exact_max_nodes]
    if len(small) == graph.vcount():
        return graph.betweenness(directed=False, weights=distances)
    results = []
    if small:
        sub = graph.induced_subgraph(small)
        results.append(sub.betweenness(directed=False, weights=sub.es["distance"]))
    for component, size in enumerate(sizes):
        if size > exact_max_nodes:
            sub = graph.induced_subgraph(components[component])
            sources = random.Random(0).sample(range(size), pivots)
            results.append(
                sub.betweenness(directed=False, weights=sub.es["distance"], sources=sources)
            )
    return results


def bare_library(
    full: ig.Graph,
    inner: ig.Graph,
    weights: list[float],
    exact_max_nodes: int,
    pivots: int,
) -> None:
    """The igraph calls `node_centrality` makes, on graphs already built."""
    full.degree()
    full.strength(weights=weights)
    full.pagerank(weights=weights, damping=0.85, directed=False)
    bare_betweenness(full, full.es["distance"], exact_max_nodes, pivots)
    inner.degree()
    bare_betweenness(inner, inner.es["distance"], exact_max_nodes, pivots)


def compare_centrality(
    edges: pd.DataFrame,
    communities: pd.Series | None,
    *,
    exact_max_nodes: int,
    pivots: int,
    repeats: int,
    source: str = "node_a",
    target: str = "node_b",
) -> None:
    """Print our centrality's seconds, the bare igraph calls' and the ratio."""
    settings = {"exact_max_nodes": exact_max_nodes, "pivots": pivots}
    columns = {"source": source, "target": target}
    eg = build_graph(edges, **columns)
    full = eg.graph.copy()
    full.es["distance"] = eg.distances.tolist()
    pairs, weights = within_group_edges(eg, community_codes(eg, communities))
    inner = ig.Graph(n=eg.node_count, edges=pairs.tolist(), directed=False)
    inner.es["distance"] = (1.0 / weights).tolist()
    weight_list = eg.weights.tolist()
    # Alternate the two sides and keep each one's best run: on a machine shared with other
    # work, load that comes and goes then falls on both alike.
    runs = [
        (
            timed(lambda: node_centrality(edges, communities, **settings, **columns)),
            timed(lambda: bare_library(full, inner, weight_list, exact_max_nodes, pivots)),
        )
        for _ in range(repeats)
    ]
    ours = tuple(min(run[0][i] for run in runs) for i in (0, 1))
    bare = tuple(min(run[1][i] for run in runs) for i in (0, 1))
    components = np.asarray(eg.graph.connected_components().sizes())
    print(
        f"graph: {eg.node_count} nodes, {len(edges)} edges, largest component "
        f"{components.max()} ({'sampled' if components.max() > exact_max_nodes else 'exact'} "
        f"betweenness), {len(pairs)} edges inside immediate networks"
    )
    print(f"{'':<48} {'wall':>8}   {'CPU':>8}")
    print(f"{'centrality, ours (node_centrality)':<48} {ours[0]:8.2f} s {ours[1]:8.2f} s")
    print(f"{'centrality, bare igraph calls':<48} {bare[0]:8.2f} s {bare[1]:8.2f} s")
    ratio = f"{ours[0] / bare[0]:8.2f}   {ours[1] / bare[1]:8.2f}"
    print(f"{'ratio ours / bare (target < 1.2)':<48} {ratio}")


def children_cpu_seconds() -> float:
    """User + system CPU seconds of this process's finished children (the dbt runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def model_seconds(target: Path) -> dict[str, float]:
    """Each model's own wall seconds from dbt's run_results.json (dbt runs two models at a
    time, and Python models share one interpreter, so these overlap)."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    return {
        row["unique_id"].split(".")[-1]: row["execution_time"]
        for row in results
        if row["unique_id"].startswith("model.")
    }


def bench_warehouse(args: argparse.Namespace) -> None:
    """Time the network step on a copy of a built warehouse, then centrality vs igraph."""
    workdir = Path(tempfile.mkdtemp(prefix="bench_graph_", dir=args.workdir))
    try:
        copy = workdir / "graph.duckdb"
        shutil.copyfile(args.warehouse, copy)
        for label, selector in [
            ("graph step (network Python models + tests)", GRAPH_MODELS),
            ("whole network layer (SQL, Python, marts + tests)", NETWORK_LAYER),
        ]:
            target = workdir / "target"
            cpu_before = children_cpu_seconds()
            result = run_dbt(["build", "--select", selector], args.raw, copy, target_path=target)
            cpu = children_cpu_seconds() - cpu_before
            status = "ok" if result.success else "FAILED"
            print(
                f"{label:<48} {result.seconds:8.2f} s wall, {cpu:6.2f} s CPU "
                f"({status}, peak {result.peak_rss_mb:.0f} MB)"
            )
            for model, seconds in model_seconds(target).items():
                print(f"  {model:<46} {seconds:8.2f} s")
        with duckdb.connect(str(copy), read_only=True) as db:
            edges = db.sql("select * from marts.network_edges").df()
            members = db.sql("select nominal_id, network_id from marts.network_members").df()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    communities = members.set_index("nominal_id")["network_id"]
    compare_centrality(
        edges,
        communities,
        exact_max_nodes=args.exact_max_nodes,
        pivots=args.pivots,
        repeats=args.repeats,
        source="nominal_id_a",
        target="nominal_id_b",
    )


def bench_synthetic(args: argparse.Namespace) -> None:
    """Leiden and centrality vs igraph on a synthetic planted-partition graph."""
    edges = synthetic_edges(args.nodes, args.edges)
    start = time.perf_counter()
    communities = detect_communities(edges)
    print(f"{'communities (Leiden + core)':<48} {time.perf_counter() - start:8.2f} s")
    mapping = communities.set_index("node")["community_id"]
    print(f"  {mapping.nunique()} communities, largest {communities['community_size'].max()}")
    compare_centrality(
        edges,
        mapping,
        exact_max_nodes=args.exact_max_nodes,
        pivots=args.pivots,
        repeats=args.repeats,
    )


def main() -> None:
    """Parse the arguments and run one mode (in a process with one OpenMP thread)."""
    if os.environ.get("OMP_NUM_THREADS") != "1":
        # As `countylines build` runs the models: igraph's OpenMP threads (PageRank) are read
        # from the environment when the library loads, and on a busy machine cost more wall
        # time than they save.
        environment = {**os.environ, "OMP_NUM_THREADS": "1"}
        os.execve(sys.executable, [sys.executable, *sys.argv], environment)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, help="a built warehouse (read, never written)")
    parser.add_argument("--raw", type=Path, help="the extract the warehouse was built from")
    parser.add_argument("--workdir", type=Path, default=None, help="where the copy goes")
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=200_000)
    parser.add_argument("--pivots", type=int, default=256)
    parser.add_argument("--exact-max-nodes", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.warehouse:
        if not args.raw:
            parser.error("--warehouse needs --raw (the dbt project registers the raw views)")
        bench_warehouse(args)
    else:
        bench_synthetic(args)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process {peak_mb:.0f} MB (dbt's is printed per build)")


if __name__ == "__main__":
    main()
