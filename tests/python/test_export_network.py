"""The i2 and GraphML exports: files match the marts, the spec matches the files, text survives."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import duckdb
import networkx as nx
import pytest
from rich.console import Console

from countylines.export import write_exports
from countylines.export.i2 import ENTITIES_FILE, LINKS_FILE, SPEC_FILE

MEMBER_EDGES = """
    select count(*) from marts.network_edges as edges
    where edges.nominal_id_a in (select nominal_id from marts.network_members)
        and edges.nominal_id_b in (select nominal_id from marts.network_members)
"""


def _quiet() -> Console:
    return Console(file=io.StringIO(), width=200)


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def network_export(small_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export_network")
    write_exports(small_warehouse, out, kinds=["i2", "graphml"], console=_quiet())
    return out


@pytest.fixture(scope="module")
def db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


def test_entities_are_the_network_members(network_export: Path, db) -> None:
    _, rows = _read_csv(network_export / "i2" / ENTITIES_FILE)
    members = dict(
        db.execute("select nominal_id, network_id from marts.network_members").fetchall()
    )
    assert len(rows) == len(members) > 0
    assert {row["nominal_id"]: row["network_id"] for row in rows} == members
    names = dict(db.execute("select nominal_id, display_name from marts.nominals").fetchall())
    for row in rows:
        assert row["display_name"] == (names[row["nominal_id"]] or "")
        assert row["label"] == (names[row["nominal_id"]] or row["nominal_id"])


def test_links_are_the_edges_between_members(network_export: Path, db) -> None:
    _, rows = _read_csv(network_export / "i2" / LINKS_FILE)
    assert len(rows) == db.execute(MEMBER_EDGES).fetchone()[0] > 0
    entity_ids = {row["nominal_id"] for row in _read_csv(network_export / "i2" / ENTITIES_FILE)[1]}
    edges = {
        (a, b): (types, weight)
        for a, b, types, weight in db.execute(
            "select nominal_id_a, nominal_id_b, link_types, weight from marts.network_edges"
        ).fetchall()
    }
    for row in rows:
        assert row["nominal_id_a"] in entity_ids and row["nominal_id_b"] in entity_ids
        types, weight = edges[(row["nominal_id_a"], row["nominal_id_b"])]
        assert row["link_types"] == types
        assert row["link_type"] in types.split(";")
        assert float(row["weight"]) == pytest.approx(weight, abs=1e-6)


NUMERIC = {
    ENTITIES_FILE: [
        "age",
        "priority_rank",
        "degree",
        "weighted_degree",
        "betweenness",
        "pagerank",
        "degree_in_network",
        "betweenness_in_network",
    ],
    LINKS_FILE: ["weight", "evidence_count", "link_type_count"],
}


@pytest.mark.parametrize("file_name", [ENTITIES_FILE, LINKS_FILE])
def test_numbers_dates_and_flags_are_plain_for_i2(network_export: Path, file_name: str) -> None:
    header, rows = _read_csv(network_export / "i2" / file_name)
    numbers = [row[column] for row in rows for column in NUMERIC[file_name] if row[column]]
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in numbers)
    dates = [row[column] for row in rows for column in header if column.endswith("date")]
    dates += [row["date_of_birth"] for row in rows if "date_of_birth" in row]
    dated = [value for value in dates if value]
    assert dated and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) for value in dated)
    flags = {row[column] for row in rows for column in header if column.startswith("is_")}
    assert flags == {"true", "false"}


def _spec_columns(spec: str, file_name: str) -> list[str]:
    """The first-column names of the table in the spec section about file_name."""
    section = spec.split(f"`{file_name}`\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


@pytest.mark.parametrize("file_name", [ENTITIES_FILE, LINKS_FILE])
def test_spec_names_exactly_the_csv_columns(network_export: Path, file_name: str) -> None:
    spec = (network_export / "i2" / SPEC_FILE).read_text(encoding="utf-8")
    header, _ = _read_csv(network_export / "i2" / file_name)
    assert _spec_columns(spec, file_name) == header
    assert "$" not in spec, "an unfilled template placeholder"


def test_graphml_reads_back_with_the_marts_counts(network_export: Path, db) -> None:
    graph = nx.read_graphml(network_export / "graphml" / "network.graphml")
    assert (
        graph.number_of_nodes()
        == db.execute("select count(*) from marts.network_members").fetchone()[0]
    )
    assert graph.number_of_edges() == db.execute(MEMBER_EDGES).fetchone()[0]
    centrality = dict(
        db.execute("select nominal_id, pagerank from marts.nominal_centrality").fetchall()
    )
    node, data = next(iter(graph.nodes(data=True)))
    assert isinstance(data["degree"], int)
    assert isinstance(data["is_core"], bool)
    assert data["pagerank"] == pytest.approx(centrality[node])
    _, _, edge = next(iter(graph.edges(data=True)))
    assert isinstance(edge["weight"], float) and isinstance(edge["evidence_count"], int)


def test_manifest_lists_every_file_with_its_hash(network_export: Path) -> None:
    import hashlib
    import json

    manifest = json.loads((network_export / "i2" / "manifest.json").read_text())
    assert manifest["kind"] == "i2" and manifest["created_at"]
    listed = {entry["file"]: entry["sha256"] for entry in manifest["files"]}
    assert set(listed) == {ENTITIES_FILE, LINKS_FILE, SPEC_FILE}
    for name, digest in listed.items():
        assert hashlib.sha256((network_export / "i2" / name).read_bytes()).hexdigest() == digest


def test_corpus_names_round_trip(corpus_warehouse: Path, tmp_path: Path) -> None:
    write_exports(corpus_warehouse, tmp_path, kinds=["i2"], console=_quiet())
    _, rows = _read_csv(tmp_path / "i2" / ENTITIES_FILE)
    connection = duckdb.connect(str(corpus_warehouse), read_only=True)
    try:
        names = dict(
            connection.execute(
                "select nominal_id, display_name from marts.nominals "
                "where nominal_id in (select nominal_id from marts.network_members)"
            ).fetchall()
        )
    finally:
        connection.close()
    assert any("," in (name or "") and "'" in (name or "") for name in names.values())
    assert {row["nominal_id"]: row["display_name"] or None for row in rows} == names


HOSTILE = [
    'SMITH, JOHN "BIG J"',
    "O'NEIL, ZOË\nANN",
    '=HYPERLINK("x"), ;COMMA',
    "ΗΛΊΑΣ 李, \r\nΔΗΜΉΤΡΗΣ",
]


def test_hostile_names_round_trip_and_line_breaks_are_reported(
    corpus_warehouse: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "hostile.duckdb"
    shutil.copyfile(corpus_warehouse, warehouse)
    connection = duckdb.connect(str(warehouse))
    members = [
        row[0]
        for row in connection.execute(
            "select nominal_id from marts.network_members order by nominal_id"
        ).fetchall()
    ]
    assert len(members) >= len(HOSTILE)
    for nominal_id, name in zip(members, HOSTILE, strict=False):
        connection.execute(
            "update marts.nominals set display_name = ? where nominal_id = ?", [name, nominal_id]
        )
    connection.close()

    console = _quiet()
    write_exports(warehouse, tmp_path / "out", kinds=["i2", "graphml"], console=console)
    _, rows = _read_csv(tmp_path / "out" / "i2" / ENTITIES_FILE)
    exported = {row["nominal_id"]: row["display_name"] for row in rows}
    for nominal_id, name in zip(members, HOSTILE, strict=False):
        assert exported[nominal_id] == name
    assert "2 entity label(s) hold a line break" in console.file.getvalue()
    # XML itself reads a CR LF line end as LF (XML 1.0, 2.11), so GraphML keeps all but that.
    graph = nx.read_graphml(tmp_path / "out" / "graphml" / "network.graphml")
    assert {graph.nodes[node]["display_name"] for node in members[: len(HOSTILE)]} == {
        name.replace("\r\n", "\n") for name in HOSTILE
    }
