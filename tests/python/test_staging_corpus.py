"""The hand-made bad-input corpus builds, quarantines exactly the bad rows, and keeps
every other value as the contract says (normalised dirt, hostile text unchanged)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from corpus import Corpus, load


def _quarantine_counter(rows: list[tuple[str, str, str]]) -> Counter:
    """Count quarantine rows, folding `row:<hash>` keys to `row:*`."""
    return Counter(
        (table, "row:*" if key.startswith("row:") else key, reason) for table, key, reason in rows
    )


def test_every_bad_row_is_quarantined_with_its_reason(corpus: Corpus, corpus_db) -> None:
    tables = sorted(corpus.rows)
    actual = corpus_db.execute(
        "select source_table, record_key, reason from marts.quarantine "
        "where source_table in (select unnest(?))",
        [tables],
    ).fetchall()
    assert _quarantine_counter(actual) == _quarantine_counter(corpus.expected_quarantine)


def test_reconciliation_accounts_for_every_row(corpus: Corpus, corpus_db) -> None:
    rows = corpus_db.execute(
        "select source_table, rows_read, rows_staged, rows_quarantined, duplicates_removed "
        "from marts.source_reconciliation"
    ).fetchall()
    by_table = {row[0]: row[1:] for row in rows}
    for table, written in corpus.rows.items():
        read, staged, quarantined, removed = by_table[table]
        assert read == len(written), table
        assert read == staged + quarantined + removed, table


def test_quarantine_keeps_the_raw_row(corpus_db) -> None:
    for (raw_row,) in corpus_db.execute("select raw_row from marts.quarantine").fetchall():
        assert isinstance(json.loads(raw_row), dict)


@pytest.mark.parametrize(
    ("model", "key_column", "key_value", "column", "expected"),
    load().expected_values,
    ids=lambda value: str(value)[:40],
)
def test_staged_value(corpus_db, model, key_column, key_value, column, expected) -> None:
    rows = corpus_db.execute(
        f"select cast({column} as varchar) from staging.{model} where {key_column} = ?",
        [key_value],
    ).fetchall()
    assert len(rows) == 1, f"{model}.{key_column} = {key_value}: {len(rows)} rows"
    expected_text = None if expected is None else str(expected)
    if isinstance(expected, bool):
        expected_text = str(expected).lower()
    assert rows[0][0] == expected_text
