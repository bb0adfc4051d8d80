"""The hand-made bad-input corpus builds, quarantines exactly the bad rows, and keeps
every other value as the contract says (normalised dirt, hostile text unchanged)."""

from __future__ import annotations

import json
from collections import Counter

import duckdb
import pytest
from corpus import Corpus, load

from countylines.evaluate import read_truth

# The source tables whose base model checks a required link to a parent.
_LINK_TABLES = (
    "compact/episode_associates",
    "compact/missing_episodes",
    "crimes/crime_nominals",
    "icis/custody_records",
    "ims/intel_entities",
    "ims/intel_nominals",
    "pins/prison_contacts",
    "register/exploitation_list",
    "soc/soc_edges",
    "soc/soc_members",
)


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


def test_orphan_link_is_only_what_the_generator_orphaned(small_extract, small_warehouse) -> None:
    """The generator points some links at ids that exist nowhere (truth `bad_rows`, kind
    ORPHAN_LINK); its other bad rows quarantine parents that links still point at. Only the
    former may be ORPHAN_LINK; the links to a quarantined parent are PARENT_QUARANTINED."""
    manifest = read_truth(small_extract / "truth", "bad_rows")
    generated = Counter(manifest.loc[manifest["kind"] == "ORPHAN_LINK", "table"])
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    try:
        rows = connection.execute(
            "select source_table, reason, count(*) from marts.quarantine "
            "where reason in ('ORPHAN_LINK', 'PARENT_QUARANTINED') group by 1, 2"
        ).fetchall()
    finally:
        connection.close()
    counts = {(table, reason): count for table, reason, count in rows}
    assert {table for table, _ in counts} <= set(_LINK_TABLES)
    for table in _LINK_TABLES:
        assert counts.get((table, "ORPHAN_LINK"), 0) == generated[table], table
    assert sum(counts.get((table, "PARENT_QUARANTINED"), 0) for table in _LINK_TABLES) > 0


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
