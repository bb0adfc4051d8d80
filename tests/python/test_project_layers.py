"""Data flows one way through the dbt project (STYLE.md, issue 17): sources → staging →
intermediate → marts → analyst views, checked on the manifest of the built small warehouse.
A model that reads against the flow fails here with its name and the model it reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

#: What each layer (models/<layer>/) may read: models of these layers, besides seeds and
#: sources. Marts may read each other for now (the next step of issue 17 makes every mart
#: a thin select over an intermediate model of its grain).
ALLOWED_PARENTS: dict[str, set[str]] = {
    "staging": {"staging"},
    "intermediate": {"staging", "intermediate"},
    "marts": {"staging", "intermediate", "marts"},
    "analyst": {"marts"},
}

#: Single models read across the rule, each with why.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("new_since_last_build", "stg_extract__extract_date"): (
        "what is new is counted from the extract date, which no mart carries"
    ),
}


@pytest.fixture(scope="module")
def manifest(small_warehouse: Path, small_extract: Path) -> dict:
    path = small_extract / "target" / "manifest.json"
    assert path.exists(), "the small warehouse's dbt build writes its manifest here"
    return json.loads(path.read_text())


def _layer(node: dict) -> str:
    """models/<layer>/...: the layer a model is in."""
    return node["original_file_path"].split("/")[1]


def _models(manifest: dict) -> dict[str, dict]:
    return {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model"
    }


def test_every_model_reads_only_what_its_layer_may(manifest: dict) -> None:
    models = _models(manifest)
    assert {_layer(node) for node in models.values()} == set(ALLOWED_PARENTS)
    against_the_flow = []
    for node in models.values():
        allowed = ALLOWED_PARENTS[_layer(node)]
        for parent_id in node["depends_on"]["nodes"]:
            parent = models.get(parent_id)
            if parent is None:  # a seed or a source
                continue
            if _layer(parent) in allowed or (node["name"], parent["name"]) in EXCEPTIONS:
                continue
            against_the_flow.append(
                f"{_layer(node)} model {node['name']} reads {_layer(parent)} {parent['name']}"
            )
    assert against_the_flow == []


def test_no_intermediate_model_reads_a_mart_even_from_python(manifest: dict) -> None:
    """The rule above, said for the case issue 17 found: intermediate models (SQL and Python)
    that read the marts made the folders depend on each other in circles."""
    models = _models(manifest)
    readers = sorted(
        node["name"]
        for node in models.values()
        if _layer(node) == "intermediate"
        and any(
            _layer(models[parent]) in {"marts", "analyst"}
            for parent in node["depends_on"]["nodes"]
            if parent in models
        )
    )
    assert readers == []
    python_models = [node for node in models.values() if node["language"] == "python"]
    assert python_models, "the graph and resolution steps are Python models"


def test_the_exceptions_are_still_needed(manifest: dict) -> None:
    models = {node["name"]: node for node in _models(manifest).values()}
    for child, parent in EXCEPTIONS:
        parents = {
            manifest["nodes"][parent_id]["name"]
            for parent_id in models[child]["depends_on"]["nodes"]
            if parent_id in manifest["nodes"]
        }
        assert parent in parents, f"{child} no longer reads {parent}: drop the exception"
