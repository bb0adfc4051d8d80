"""The dbt docs site: one offline HTML file, generated on a copy of the warehouse, that
renders in a real headless browser (Debian's chromium) with the project's models and
exposures in its navigation."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from countylines.cli import app

CHROMIUM = Path("/usr/bin/chromium")


def _without_scripts(html: str) -> str:
    """The page without <script> and <style> bodies (the inlined manifest lives there)."""
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
    return re.sub(r"<style\b.*?</style>", "", html, flags=re.S | re.I)


@pytest.fixture(scope="module")
def docs_page(small_extract: Path, small_warehouse: Path, tmp_path_factory) -> Path:
    """`countylines docs` on the small warehouse; the warehouse must be left untouched."""
    out = tmp_path_factory.mktemp("docs")
    before = hashlib.sha256(small_warehouse.read_bytes()).hexdigest()
    result = CliRunner().invoke(
        app,
        [
            "docs",
            "--warehouse",
            str(small_warehouse),
            "--raw",
            str(small_extract / "raw"),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(small_warehouse.read_bytes()).hexdigest() == before
    return out / "index.html"


def test_docs_page_is_one_offline_file(docs_page: Path) -> None:
    html = docs_page.read_text()
    external = re.findall(r"<(?:script|link)\b[^>]*(?:src|href)=\"https?://", html, flags=re.I)
    assert external == [], "the page must not load scripts or styles from the network"
    assert '"briefing_report"' in html  # the exposures are in the inlined manifest
    assert '"nominals"' in html


def test_docs_render_in_headless_chromium(docs_page: Path, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip(
            "no /usr/bin/chromium: install Debian's chromium (.ci/run does) to check "
            "that the docs render in a real browser"
        )
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=20000",
        "--dump-dom",
        docs_page.resolve().as_uri(),
    ]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout
    rendered = _without_scripts(dom)
    # Before the app runs, the page holds none of this outside its scripts ...
    assert 'data-nav-unique-id="model.countylines.nominals"' not in _without_scripts(
        docs_page.read_text()
    )
    # ... after it ran, the navigation lists the project, its models and its exposures.
    assert re.search(r"ng-binding\">\s*countylines\s*<", rendered), "project name not rendered"
    assert 'data-nav-unique-id="model.countylines.nominals"' in rendered
    assert 'data-nav-unique-id="model.countylines.networks"' in rendered
    assert 'data-nav-unique-id="exposure.countylines.briefing_report"' in rendered
