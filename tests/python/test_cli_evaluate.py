"""`countylines evaluate` prints every measure, breakdowns one entry per line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from countylines.cli import app, shown_measure


def test_shown_measure_formats_numbers_missing_values_and_breakdowns() -> None:
    assert shown_measure(0.123456) == "0.1235"
    assert shown_measure(7) == "7" and shown_measure(None) == "–"
    assert shown_measure({"firearms": None, "reach": -0.18534, "roles": {"RUNNER": 1}}) == (
        "firearms –\nreach -0.1853\nroles RUNNER 1"
    )


def test_evaluate_prints_every_measure_and_writes_them(
    small_extract: Path, small_warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "evaluation.json"
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            "--truth",
            str(small_extract / "truth"),
            "--warehouse",
            str(small_warehouse),
            "--json",
            str(out),
        ],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text())
    assert {"identity", "identification", "network", "prioritisation"} <= set(written)
    for measures in written.values():
        for measure, value in measures.items():
            assert measure in result.output
            if isinstance(value, dict):  # each entry of a breakdown on its own line
                for name in value:
                    assert any(line.find(f" {name} ") >= 0 for line in result.output.splitlines())
