"""Where the project's files live, resolved from the installed package."""

from __future__ import annotations

from pathlib import Path

#: The repository root: holds dbt_project.yml, profiles.yml, models/ ...
PROJECT_DIR: Path = Path(__file__).resolve().parents[2]

DEFAULT_RAW_DIR: Path = PROJECT_DIR / "data" / "raw"
DEFAULT_TRUTH_DIR: Path = PROJECT_DIR / "data" / "truth"
DEFAULT_WAREHOUSE: Path = PROJECT_DIR / "data" / "countylines.duckdb"
