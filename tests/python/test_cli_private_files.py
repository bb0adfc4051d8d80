"""What the commands write is the owner's only by default (OFFICIAL-SENSITIVE data), and
COUNTYLINES_UMASK widens it (issue 19)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from countylines.cli import app


@pytest.fixture()
def restore_umask():
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def _modes(root: Path) -> tuple[set[int], set[int]]:
    files = {stat.S_IMODE(path.stat().st_mode) for path in root.rglob("*") if path.is_file()}
    folders = {stat.S_IMODE(path.stat().st_mode) for path in root.rglob("*") if path.is_dir()}
    return files, folders


def _generate(out: Path, env: dict[str, str]) -> tuple[set[int], set[int]]:
    """`countylines generate` into `out`; the modes of what it wrote."""
    result = CliRunner().invoke(
        app,
        ["generate", "--scale", "small", "--seed", "3", "--out", str(out / "raw")]
        + ["--truth", str(out / "truth")],
        env=env,
    )
    assert result.exit_code == 0, result.output
    return _modes(out)


def test_written_files_are_the_owners_only(tmp_path: Path, restore_umask) -> None:
    os.umask(0o022)  # a permissive shell
    assert _generate(tmp_path / "extract", {}) == ({0o600}, {0o700})


def test_the_umask_setting_widens_it(tmp_path: Path, restore_umask) -> None:
    files, folders = _generate(tmp_path / "extract", {"COUNTYLINES_UMASK": "027"})
    assert (files, folders) == ({0o640}, {0o750})


def test_a_malformed_umask_is_refused(tmp_path: Path, restore_umask) -> None:
    result = CliRunner().invoke(app, ["summary"], env={"COUNTYLINES_UMASK": "rw-"})
    assert result.exit_code == 2
    assert "must be octal" in result.output
