"""Every command that reads a warehouse refuses a path that is not one: exit 2, one
sentence, nothing written (issue 20: `docs` used to overwrite the real docs with an empty
site, `summary` and `evaluate` printed tracebacks)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from countylines.cli import app
from countylines.warehouse_check import warehouse_problem


def _not_a_warehouse(tmp_path: Path, kind: str) -> Path:
    """A path that is not a built warehouse, of one kind."""
    path = tmp_path / "countylines.duckdb"
    if kind == "folder":
        path.mkdir()
    elif kind == "text file":
        path.write_text("nominal_id,surname\n")
    elif kind == "other duckdb":
        with duckdb.connect(str(path)) as connection:
            connection.execute("create table t as select 1 as x")
    return path


KINDS = ["missing", "folder", "text file", "other duckdb"]


def _commands(warehouse: Path, out: Path, raw: Path, truth: Path) -> dict[str, list[str]]:
    where = ["--warehouse", str(warehouse)]
    return {
        "summary": ["summary", *where],
        "evaluate": ["evaluate", *where, "--truth", str(truth), "--json", str(out / "e.json")],
        "report": ["report", *where, "--out", str(out / "report.html")],
        "export": ["export", *where, "--out", str(out / "exports")],
        "docs": ["docs", *where, "--raw", str(raw), "--out", str(out / "docs")],
        "linkage train": ["linkage", "train", *where, "--out", str(out / "model.json")],
    }


@pytest.mark.parametrize("kind", KINDS)
def test_warehouse_problem_names_what_is_wrong(tmp_path: Path, kind: str) -> None:
    problem = warehouse_problem(_not_a_warehouse(tmp_path, kind))
    assert problem is not None
    assert str(tmp_path) in problem
    expected = {
        "missing": "No warehouse at",
        "folder": "is a folder",
        "text file": "cannot be opened",
        "other duckdb": "not a countylines warehouse",
    }[kind]
    assert expected in problem


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "command", ["summary", "evaluate", "report", "export", "docs", "linkage train"]
)
def test_reading_commands_refuse_what_is_not_a_warehouse(
    tmp_path: Path, kind: str, command: str
) -> None:
    warehouse = _not_a_warehouse(tmp_path, kind)
    raw, truth, out = tmp_path / "raw", tmp_path / "truth", tmp_path / "out"
    raw.mkdir()
    truth.mkdir()
    before = sorted(tmp_path.rglob("*"))
    result = CliRunner().invoke(app, _commands(warehouse, out, raw, truth)[command])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "countylines" in result.output or "warehouse" in result.output
    assert sorted(tmp_path.rglob("*")) == before, "nothing written"
