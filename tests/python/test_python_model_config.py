"""dbt Python models receive the configuration their YAML gives them.

dbt passes a Python model only the config keys it finds, by parsing the model's code, in
literal `dbt.config.get("key", default)` calls. A call hidden inside another expression
(`dbt.config.get("key") or 1.0`) is not found: the model silently runs on its in-code
default, whatever the YAML says. This test reads the compiled models of a real build and
checks that every key a model reads reaches it with the YAML's value.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

KEY_READ = re.compile(r"dbt\.config\.get\(\s*[\"'](\w+)[\"']")


def _python_models(manifest: dict) -> list[dict]:
    return [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node.get("language") == "python"
    ]


def _config_dict(compiled_code: str) -> dict:
    """The literal `config_dict = {...}` dbt writes into a compiled Python model."""
    for statement in ast.parse(compiled_code).body:
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and statement.targets[0].id == "config_dict"
        ):
            return ast.literal_eval(statement.value)
    raise AssertionError("compiled model has no config_dict")


@pytest.fixture(scope="module")
def manifest(small_extract: Path, small_warehouse: Path) -> dict:
    return json.loads((small_extract / "target" / "manifest.json").read_text())


def test_every_python_model_is_found(manifest: dict) -> None:
    names = {node["name"] for node in _python_models(manifest)}
    assert {"int_network_communities", "int_person_link_decisions"} <= names


def test_python_models_receive_their_yaml_config(manifest: dict) -> None:
    problems = []
    for node in _python_models(manifest):
        keys = set(KEY_READ.findall(node["raw_code"]))
        assert node.get("compiled_code"), f"{node['name']} was not compiled by the build"
        passed = _config_dict(node["compiled_code"])
        for key in sorted(keys):
            if key not in passed:
                problems.append(f"{node['name']}: `{key}` never reaches the model")
            elif key in node["config"] and passed[key] != node["config"][key]:
                problems.append(
                    f"{node['name']}: `{key}` is {passed[key]!r}, the YAML says "
                    f"{node['config'][key]!r}"
                )
    assert problems == []
