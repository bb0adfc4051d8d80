"""Oracle: the published Caviar centralities (Anastasiadis & Antoniou 2024), every node.

The paper's graph is the whole investigation (all phases) as an undirected weighted graph
built from the symmetrised matrix; degree is networkx's degree centrality and betweenness is
weighted, a link's length being (1/w) / max(1/w). The smallest weight is 1, so that length is
exactly 1/w, our distance. Provenance: tests/python/fixtures/caviar/README.md.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from countylines.graph import node_centrality

CAVIAR = Path(__file__).parent / "fixtures" / "caviar"
TOLERANCE = 1e-6


def caviar_edges() -> pd.DataFrame:
    """The Caviar matrix as an edge list: one row per linked pair, weight = call count."""
    matrix = pd.read_csv(CAVIAR / "CAVIAR_FULL_Undirected.csv", index_col=0).fillna(0)
    matrix.index = matrix.index.astype(int)
    matrix.columns = matrix.columns.astype(int)
    assert (matrix.to_numpy() == matrix.to_numpy().T).all(), "the matrix should be symmetric"
    upper = np.triu(matrix.to_numpy(), k=1)
    rows, columns = np.nonzero(upper)
    return pd.DataFrame(
        {
            "node_a": matrix.index[rows],
            "node_b": matrix.columns[columns],
            "weight": upper[rows, columns].astype(float),
        }
    )


@pytest.fixture(scope="module")
def compared() -> pd.DataFrame:
    """Our centrality next to the published one, one row per node."""
    published = pd.read_csv(CAVIAR / "Centralities_undirected.csv").set_index("Nodes")
    ours = node_centrality(caviar_edges()).set_index("node")
    return ours.join(published, how="outer")


def test_graph_is_the_published_one(compared: pd.DataFrame) -> None:
    edges = caviar_edges()
    assert len(compared) == 110
    assert len(edges) == 205
    assert edges["weight"].min() == 1.0
    assert compared["degree"].notna().all() and compared["Degree"].notna().all()


def test_degree_matches_for_every_node(compared: pd.DataFrame) -> None:
    difference = (compared["degree_centrality"] - compared["Degree"]).abs()
    assert difference.max() <= TOLERANCE, difference.idxmax()


def test_weighted_betweenness_matches_for_every_node(compared: pd.DataFrame) -> None:
    difference = (compared["betweenness"] - compared["Betweenness"]).abs()
    assert difference.max() <= TOLERANCE, difference.idxmax()
    assert not compared["is_approximate"].any()


def test_readme_landmarks(compared: pd.DataFrame) -> None:
    """The hand-copied values of the dataset README (N1 the hub, N87 the broker)."""
    assert compared.loc[1, "degree"] == 60
    assert compared.loc[12, "degree"] == 28
    assert compared.loc[1, "betweenness"] == pytest.approx(0.8950, abs=5e-5)
    assert compared.loc[87, "betweenness"] == pytest.approx(0.3101, abs=5e-5)
