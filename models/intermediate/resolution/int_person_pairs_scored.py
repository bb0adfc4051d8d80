"""Probabilistic pair scores of person records (Splink on DuckDB).

A thin wrapper: the model lives in python/countylines/resolution/scoring.py. One row per
candidate pair scoring at or above `min_probability`, with per-comparison levels
(gamma_*) and Bayes factors (bf_*) that explain the score.

Without a saved linkage model (config `linkage_model`, var `linkage_model`) the pairs are
scored with the weights int_person_match_weights trained on this extract. With one, its
frozen parameters score the pairs, and when this file already holds the scores of a build
with the same model and scoring (python/countylines/resolution/refresh.py), only the pairs
that touch a new, changed or removed record are scored again; the others are kept. The
result equals a full scoring.
"""

from countylines.resolution.refresh import refresh_scores
from countylines.resolution.scoring import (
    RECORD_COLUMNS,
    load_model,
    model_from_weights,
    score_pairs,
    scoring_config,
)


def model(dbt, session):
    dbt.config(materialized="table")
    config = scoring_config(dbt.config.get)
    # Only the columns the comparisons read come into pandas (DuckDB projects them).
    records = dbt.ref("int_person_records").project(", ".join(RECORD_COLUMNS)).df()
    model_path = dbt.config.get("linkage_model", "") or ""
    if not model_path:
        weights = dbt.ref("int_person_match_weights").df()
        return score_pairs(records, config, model_from_weights(weights, config))
    return refresh_scores(session, dbt.this, records, config, load_model(model_path))
