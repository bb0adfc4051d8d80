"""Identity resolution measured against the truth's identity.csv (TRUTH.md)."""

from __future__ import annotations

import duckdb
import pandas as pd

from countylines.evaluate.pairwise import pairwise_scores


def identity_measures(
    connection: duckdb.DuckDBPyConnection, truth_identity: pd.DataFrame
) -> dict[str, object]:
    """Pairwise precision, recall and F1 over source person records.

    A pair of records is predicted the same when they share a nominal_id, and is truly the
    same when they share a person_id. Records missing from either side are counted.
    """
    xref = connection.execute(
        "select source_system, source_id, nominal_id from marts.nominal_source_xref"
    ).df()
    merged = truth_identity.merge(xref, on=["source_system", "source_id"], how="inner")
    scores = pairwise_scores(merged, predicted="nominal_id", truth="person_id")
    return {
        "records_in_truth": len(truth_identity),
        "records_in_xref": len(xref),
        "records_matched": len(merged),
        "pairwise_precision": round(scores.precision, 6),
        "pairwise_recall": round(scores.recall, 6),
        "pairwise_f1": round(scores.f1, 6),
        "true_positive_pairs": scores.true_positive_pairs,
        "predicted_pairs": scores.predicted_pairs,
        "truth_pairs": scores.truth_pairs,
    }
