"""The network as GraphML for Gephi (networkx `write_graphml`), attributes typed.

Nodes are the network members (id = nominal_id, `label` = the display name, which Gephi
shows), edges the links among them (`weight` is the tie strength, which Gephi uses as the
edge weight). Numbers are written as GraphML `int`/`long`/`double`, flags as `boolean`,
dates as ISO `yyyy-mm-dd` strings; unknown values are left out (GraphML's "missing").
Text round-trips, except that XML reads a CR LF line end back as LF (XML 1.0, 2.11).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import networkx as nx

from countylines.export.network import LINKS_QUERY, MEMBERS_QUERY

GRAPHML_FILE = "network.graphml"


def _attributes(row: dict[str, object], skip: set[str]) -> dict[str, object]:
    """GraphML-ready attributes of a row: None dropped, dates as ISO text."""
    attributes = {}
    for name, value in row.items():
        if name in skip or value is None:
            continue
        attributes[name] = value.isoformat() if isinstance(value, dt.date) else value
    return attributes


def _rows(connection: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, object]]:
    """A query's rows as dicts keyed by column name."""
    result = connection.execute(query)
    names = [column[0] for column in result.description]
    return [dict(zip(names, values, strict=True)) for values in result.fetchall()]


def network_graph(connection: duckdb.DuckDBPyConnection, provenance: dict[str, object]) -> nx.Graph:
    """The members and their links as an undirected networkx graph."""
    graph = nx.Graph(
        name="countylines immediate networks",
        **{key: str(value) for key, value in provenance.items()},
    )
    for row in _rows(connection, MEMBERS_QUERY):
        graph.add_node(row["nominal_id"], **_attributes(row, skip={"nominal_id"}))
    for row in _rows(connection, LINKS_QUERY):
        graph.add_edge(
            row["nominal_id_a"],
            row["nominal_id_b"],
            **_attributes(row, skip={"nominal_id_a", "nominal_id_b"}),
        )
    return graph


def write_graphml(
    connection: duckdb.DuckDBPyConnection, folder: Path, provenance: dict[str, object]
) -> list[Path]:
    """Write network.graphml into folder."""
    path = folder / GRAPHML_FILE
    nx.write_graphml(network_graph(connection, provenance), path, infer_numeric_types=True)
    return [path]
