"""The Fellegi-Sunter model that scores this build's record pairs, as a table.

One row per comparison level (and a first row for the prior): its condition in words and
SQL, its m and u probabilities, Bayes factor and match weight. Without a saved linkage
model (var `linkage_model`) the model is trained here on this extract's records, without
labels (python/countylines/resolution/scoring.py: u from random pairs, m by expectation
maximisation, the prior re-estimated from the scores), and int_person_pairs_scored scores
with exactly these weights; with one, these are the saved model's weights.
"""

from countylines.resolution.scoring import (
    RECORD_COLUMNS,
    load_model,
    match_weights,
    scoring_config,
    train_model,
)


def model(dbt, session):
    dbt.config(materialized="table")
    model_path = dbt.config.get("linkage_model", "") or ""
    if model_path:
        return match_weights(load_model(model_path))
    config = scoring_config(dbt.config.get)
    records = dbt.ref("int_person_records").project(", ".join(RECORD_COLUMNS)).df()
    return match_weights(train_model(records, config, term_frequencies=False))
