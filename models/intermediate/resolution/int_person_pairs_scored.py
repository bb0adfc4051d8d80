"""Probabilistic pair scores of person records (Splink on DuckDB).

A thin wrapper: the model lives in python/countylines/resolution/scoring.py. One row per
candidate pair scoring at or above `min_probability`, with per-comparison levels
(gamma_*) and Bayes factors (bf_*) that explain the score.
"""

from countylines.resolution.scoring import RECORD_COLUMNS, ScoringConfig, score_pairs


def model(dbt, session):
    dbt.config(materialized="table")
    config = ScoringConfig(
        min_probability=float(dbt.config.get("min_probability", 0.01)),
        u_sample_pairs=float(dbt.config.get("u_sample_pairs", 2e6)),
        seed=int(dbt.config.get("seed", 20240601)),
    )
    # Only the columns the comparisons read come into pandas (DuckDB projects them).
    records = dbt.ref("int_person_records").project(", ".join(RECORD_COLUMNS)).df()
    return score_pairs(records, config)
