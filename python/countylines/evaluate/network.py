"""Immediate networks measured against the truth (TRUTH.md): the network ARI.

The adjusted Rand index between the warehouse's `network_members` (which network a person is
in) and the truth's line (else group) of each person, over the truth county-lines persons that
appear in `network_members`. A nominal is mapped to the truth person most of its source
records belong to; a person split over several nominals in different networks takes the
network of the most of them (ties: the smallest network_id).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import comb

import duckdb
import pandas as pd

from countylines.evaluate.identification import nominal_to_person


def adjusted_rand_index(labels_true: Sequence[object], labels_pred: Sequence[object]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings of the same items.

    From the contingency table n_ij (items in true class i and predicted cluster j), with row
    sums a_i, column sums b_j and n items: index = sum C(n_ij, 2), expected = sum C(a_i, 2) *
    sum C(b_j, 2) / C(n, 2), maximum = (sum C(a_i, 2) + sum C(b_j, 2)) / 2, and
    ARI = (index - expected) / (maximum - expected). 1 for identical partitions (also when
    both put every item alone or all together, where the formula is 0/0), about 0 for chance.
    """
    if len(labels_true) != len(labels_pred):
        raise ValueError("the two labellings must label the same items")
    n = len(labels_true)
    if n < 2:
        return 1.0
    table = pd.crosstab(pd.Series(list(labels_true)), pd.Series(list(labels_pred)))
    index = sum(comb(int(value), 2) for value in table.to_numpy().ravel())
    rows = sum(comb(int(value), 2) for value in table.sum(axis=1))
    columns = sum(comb(int(value), 2) for value in table.sum(axis=0))
    expected = rows * columns / comb(n, 2)
    maximum = (rows + columns) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


def network_measures(
    connection: duckdb.DuckDBPyConnection,
    truth_persons: pd.DataFrame,
    truth_identity: pd.DataFrame,
) -> dict[str, object]:
    """Network ARI over the truth county-lines persons present in `network_members`."""
    members = connection.execute("select network_id, nominal_id from marts.network_members").df()
    person_of = nominal_to_person(connection, truth_identity)
    members["person_id"] = members["nominal_id"].map(person_of)
    members = members.dropna(subset=["person_id"])
    counts = members.groupby(["person_id", "network_id"]).size().reset_index(name="n")
    counts = counts.sort_values(["person_id", "n", "network_id"], ascending=[True, False, True])
    network_of = counts.drop_duplicates("person_id").set_index("person_id")["network_id"]

    county_lines = truth_persons[truth_persons["is_county_lines"] == "Y"].copy()
    county_lines["truth_label"] = county_lines["line_id"].where(
        county_lines["line_id"] != "", county_lines["group_id"]
    )
    county_lines["truth_label"] = county_lines["truth_label"].where(
        county_lines["truth_label"] != "", "alone:" + county_lines["person_id"]
    )
    present = county_lines[county_lines["person_id"].isin(network_of.index)]
    predicted = present["person_id"].map(network_of)
    return {
        "truth_county_lines_persons": len(county_lines),
        "persons_in_networks": len(present),
        "network_count": int(members["network_id"].nunique()),
        "networks_holding_them": int(predicted.nunique()),
        "truth_labels_present": int(present["truth_label"].nunique()),
        "network_ari": round(
            adjusted_rand_index(present["truth_label"].tolist(), predicted.tolist()), 4
        ),
    }
