"""A hand-made bad-input extract: every dirt kind, every bad-row kind, hostile text.

Each module of this package covers one source system and exposes:
- ``ROWS``: ``{"system/table": [row dicts]}`` written as the extract (missing keys blank);
- ``EXPECTED_QUARANTINE``: ``[(source_table, record_key, reason)]``, every row that must be
  quarantined (and no other row of these tables may be);
- ``EXPECTED_VALUES``: ``[(model, key_column, key_value, column, expected)]``, values a
  staging model must hold after normalisation (hostile text must round-trip unchanged).

``load()`` merges the modules; tests/python/test_staging_corpus.py builds and checks it.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field


@dataclass
class Corpus:
    """The merged corpus of every system module."""

    rows: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    expected_quarantine: list[tuple[str, str, str]] = field(default_factory=list)
    expected_values: list[tuple[str, str, str, str, object]] = field(default_factory=list)


def load() -> Corpus:
    """Merge every module of this package into one corpus."""
    corpus = Corpus()
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for table, rows in getattr(module, "ROWS", {}).items():
            corpus.rows.setdefault(table, []).extend(rows)
        corpus.expected_quarantine.extend(getattr(module, "EXPECTED_QUARANTINE", []))
        corpus.expected_values.extend(getattr(module, "EXPECTED_VALUES", []))
    return corpus
