"""Refreshing the pair scores: score again only the pairs a new day can change.

With a saved linkage model the score of a pair depends only on its two records (the
parameters and the term-frequency lookups are frozen), so the scores of a build equal
those of the previous build for every pair of unchanged records. `refresh_scores` keeps
those and scores only the pairs that touch a record that is new or whose compared columns
changed; pairs of a removed or changed record are dropped first.

What it needs from the previous build is kept next to the scores, in the table
`<scores>_state`: one row per record scored (its id, a hash of its compared columns and
whether this build scored its pairs again, `rescored`) and the scoring fingerprint (the
model, the scoring settings and code, the library versions). When the fingerprint
differs, or there is no previous build in the file (a fresh build), everything is scored:
the result is the same, only slower.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

import pandas as pd

from countylines.resolution import scoring
from countylines.resolution.scoring import RECORD_COLUMNS, ScoringConfig, score_pairs

#: Bump when what the state holds, or how it is read, changes.
STATE_VERSION = 1

#: The state table is the scores table's name with this suffix, in the same schema.
STATE_SUFFIX = "_state"


def scoring_fingerprint(model: dict, config: ScoringConfig) -> str:
    """What the scores of a pair depend on besides its two records: equal fingerprints
    give equal scores for equal records."""
    parts = {
        "state_version": STATE_VERSION,
        "model": scoring.model_digest(model),
        "min_probability": config.min_probability,
        "record_columns": RECORD_COLUMNS,
        "scoring_code": hashlib.sha256(Path(scoring.__file__).read_bytes()).hexdigest(),
        "versions": {name: metadata.version(name) for name in ("splink", "duckdb", "pandas")},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def record_hashes(records: pd.DataFrame) -> pd.DataFrame:
    """One row per record: its id and a 64-bit hash of the columns the scoring compares."""
    frame = records[RECORD_COLUMNS].reset_index(drop=True)
    return pd.DataFrame(
        {
            "record_id": frame["record_id"].astype(str),
            "record_hash": pd.util.hash_pandas_object(frame, index=False).to_numpy(),
        }
    )


def records_to_rescore(current: pd.DataFrame, previous: pd.DataFrame) -> tuple[set, set]:
    """(records new or changed since the previous state, records it held that are gone)."""
    both = current.merge(
        previous, on="record_id", how="outer", suffixes=("", "_previous"), indicator=True
    )
    gone = set(both.loc[both["_merge"] == "right_only", "record_id"])
    changed = both["_merge"] == "left_only"
    changed |= (both["_merge"] == "both") & (both["record_hash"] != both["record_hash_previous"])
    return set(both.loc[changed, "record_id"]), gone


def merge_scores(
    previous_pairs: pd.DataFrame, rescored: pd.DataFrame, touched: set[str]
) -> pd.DataFrame:
    """The previous pairs of untouched records, plus the pairs scored again; sorted."""
    kept = previous_pairs[
        ~previous_pairs["record_id_l"].isin(touched) & ~previous_pairs["record_id_r"].isin(touched)
    ]
    parts = [frame for frame in (kept, rescored) if len(frame)]
    if not parts:
        return rescored
    merged = pd.concat(parts, ignore_index=True)
    return merged.sort_values(["record_id_l", "record_id_r"], ignore_index=True)


def _relation(this, identifier: str) -> str:
    return f'"{this.database}"."{this.schema}"."{identifier}"'


def _exists(session, this, identifier: str) -> bool:
    # fetchall drains the result: DuckDB refuses other work on a connection with one pending
    found = session.execute(
        "select count(*) from information_schema.tables"
        " where table_catalog = ? and table_schema = ? and table_name = ?",
        [this.database, this.schema, identifier],
    ).fetchall()
    return bool(found[0][0])


def _previous_build(session, this, fingerprint: str) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The previous build's scores and record state, when they were made the same way."""
    state_name = this.identifier + STATE_SUFFIX
    if not (_exists(session, this, this.identifier) and _exists(session, this, state_name)):
        return None
    state = session.execute(
        f"select record_id, record_hash, scoring_fingerprint from {_relation(this, state_name)}"
    ).df()
    if len(state) == 0 or set(state["scoring_fingerprint"]) != {fingerprint}:
        return None
    pairs = session.execute(f"select * from {_relation(this, this.identifier)}").df()
    return pairs, state[["record_id", "record_hash"]]


def _write_state(
    session, this, state: pd.DataFrame, fingerprint: str, rescored: set[str] | None
) -> None:
    """rescored: the records whose pairs this build scored (None: every record)."""
    frame = state.assign(
        rescored=True if rescored is None else state["record_id"].isin(rescored),
        scoring_fingerprint=fingerprint,
    )
    session.register("countylines_scoring_state", frame)
    try:
        session.execute(
            f"create or replace table {_relation(this, this.identifier + STATE_SUFFIX)} as"
            " select record_id, record_hash, rescored, scoring_fingerprint"
            " from countylines_scoring_state"
        )
    finally:
        session.unregister("countylines_scoring_state")


def refresh_scores(
    session, this, records: pd.DataFrame, config: ScoringConfig, model: dict
) -> pd.DataFrame:
    """The pair scores of `records` under a saved model, reusing the previous build's.

    session: the DuckDB connection of the dbt Python model; this: its relation (dbt.this).
    Writes the new record state next to the scores.
    """
    fingerprint = scoring_fingerprint(model, config)
    state = record_hashes(records)
    previous = _previous_build(session, this, fingerprint)
    changed = None
    if previous is None:
        pairs = score_pairs(records, config, model)
    else:
        previous_pairs, previous_state = previous
        changed, gone = records_to_rescore(state, previous_state)
        rescored = score_pairs(records, config, model, only=changed) if changed else None
        if rescored is None:
            rescored = previous_pairs.iloc[0:0]
        pairs = merge_scores(previous_pairs, rescored, changed | gone)
    _write_state(session, this, state, fingerprint, changed)
    return pairs
