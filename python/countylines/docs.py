"""The dbt docs site as one self-contained HTML file.

`dbt docs generate --static` writes `static_index.html`: the docs app with the manifest
and catalog inlined, so it opens from disk (file://) without a server or network. dbt runs
the project's on-run-start hook for it (the raw views) and reads the catalog from the
warehouse, so it never runs on the live warehouse: either on a private copy (`countylines
docs`) or on the new file of a build before it is swapped in (`countylines build --docs`).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from countylines.dbt_run import BuildResult, run_dbt

#: The name of the docs page written into the output folder.
DOCS_PAGE = "index.html"


@dataclass
class DocsResult:
    """Where the page went, and the dbt run that made it."""

    page: Path | None
    result: BuildResult

    @property
    def success(self) -> bool:
        """True when dbt succeeded and the page was written."""
        return self.result.success and self.page is not None


def generate_docs_on(
    database: Path, raw_dir: Path, out_dir: Path, target_path: Path | None = None
) -> DocsResult:
    """Run `dbt docs generate --static` against `database` and copy the page to `out_dir`.

    `database` is written to (the raw views of the on-run-start hook): pass a copy or a
    file nobody reads yet.
    """
    with tempfile.TemporaryDirectory(prefix="countylines-docs-") as scratch:
        target = Path(target_path) if target_path else Path(scratch) / "target"
        result = run_dbt(["docs", "generate", "--static"], raw_dir, database, target_path=target)
        static = target / "static_index.html"
        if not result.success or not static.exists():
            return DocsResult(None, result)
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        page = out_dir / DOCS_PAGE
        shutil.copyfile(static, page)
        return DocsResult(page, result)


def generate_docs(
    warehouse: Path, raw_dir: Path, out_dir: Path, target_path: Path | None = None
) -> DocsResult:
    """The docs of a built warehouse, generated on a private copy of it.

    The copy keeps the warehouse's file name (so its DuckDB catalog name), and analysts
    reading the warehouse are not disturbed. A missing warehouse gives docs without a
    catalog (no column types or row counts).
    """
    warehouse = Path(warehouse)
    with tempfile.TemporaryDirectory(prefix="countylines-docs-wh-") as scratch:
        copy = Path(scratch) / warehouse.name
        if warehouse.exists():
            shutil.copyfile(warehouse, copy)
        return generate_docs_on(copy, raw_dir, out_dir, target_path)
