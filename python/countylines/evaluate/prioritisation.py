"""Harm and prioritisation measured against the truth (TRUTH.md).

- network priority Spearman: each network with county-lines members is mapped to the truth
  line most of its county-lines members (mapped to truth persons) hold; the rank correlation
  between `networks.priority_score` and that line's truth threat. Reported over every mapped
  network (the TRUTH.md measure: fragments of a line count, each with its line's threat) and,
  alongside, over one network per line (the one holding most of the line's members) and over
  the mapped networks the warehouse assesses as a deal line (`network_priority_factors.
  assessed_population` LINE, LINE_VIA_CUSTOMERS or LINE_VIA_REFERRAL). A mapped network
  linked to no deal line is typically a group of local people holding one line customer; it
  is scored on its own members, so it ranks low while the measure gives it the line's threat:
  `networks_mapped_on_no_line` counts them, `networks_mapped_by_assessed_population` counts
  the mapped networks by the evidence they are assessed on.
  `network_priority_factor_spearman` gives, per factor of `network_priority_factors`, the
  Spearman of its points vs the threat over the same mapped networks (which factors carry
  the ranking; None where a factor's points are all equal).
- enforcement precision@20: of the top 20 `ENFORCEMENT` persons of `nominal_priority` (by
  priority_rank, then nominal_id), the share whose truth role is CONTROLLER, LINE_HOLDER or
  ENFORCER.
- victims routed to enforcement: truth exploited persons with any nominal routed
  `ENFORCEMENT` (target 0).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from countylines.evaluate.identification import nominal_to_person

ENFORCEMENT_ROLES: frozenset[str] = frozenset({"CONTROLLER", "LINE_HOLDER", "ENFORCER"})


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks 1..n of the values, ties given the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda index: values[index])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        mean_rank = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = mean_rank
        start = end + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rank correlation: Pearson's r of the average ranks (ties handled).

    None when fewer than two pairs or when either side is constant (undefined).
    """
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    n = len(x)
    if n < 2:
        return None
    rank_x, rank_y = average_ranks(list(x)), average_ranks(list(y))
    mean_x, mean_y = sum(rank_x) / n, sum(rank_y) / n
    cov = sum((a - mean_x) * (b - mean_y) for a, b in zip(rank_x, rank_y, strict=True))
    var_x = sum((a - mean_x) ** 2 for a in rank_x)
    var_y = sum((b - mean_y) ** 2 for b in rank_y)
    if var_x == 0 or var_y == 0:
        return None
    return cov / (var_x * var_y) ** 0.5


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def priority_factors(connection: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The rows of `network_priority_factors`; for a warehouse built before it recorded
    `assessed_population`, no rows (network_id and assessed_population columns only)."""
    columns = {
        row[0]
        for row in connection.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'marts' and table_name = 'network_priority_factors'"
        ).fetchall()
    }
    if "assessed_population" not in columns:
        return pd.DataFrame({"network_id": [], "assessed_population": []}, dtype=object)
    return connection.execute("select * from marts.network_priority_factors").df()


def is_assessed_as_a_line(assessed_population: pd.Series) -> pd.Series:
    """True where a network is assessed as a deal line (LINE, LINE_VIA_CUSTOMERS, ...)."""
    return assessed_population.fillna("").str.startswith("LINE")


def spearman_on_a_line(mapped: pd.DataFrame) -> float | None:
    """Spearman of priority_score vs threat over the mapped networks assessed as a deal line."""
    on_line = mapped[is_assessed_as_a_line(mapped["assessed_population"])]
    return spearman(on_line["priority_score"].tolist(), on_line["threat"].tolist())


def factor_spearmans(mapped: pd.DataFrame, factors: pd.DataFrame) -> dict[str, float | None]:
    """Per factor (`<factor>_points` columns of factors), Spearman of its points vs the threat
    of the mapped networks (joined on network_id)."""
    points = [column for column in factors.columns if column.endswith("_points")]
    joined = mapped[["network_id", "threat"]].merge(
        factors[["network_id", *points]], on="network_id"
    )
    return {
        column.removesuffix("_points"): _round(
            spearman(joined[column].tolist(), joined["threat"].tolist())
        )
        for column in points
    }


def network_lines(
    connection: duckdb.DuckDBPyConnection,
    person_of: dict[str, str],
    truth_persons: pd.DataFrame,
    truth_lines: pd.DataFrame,
    factors: pd.DataFrame,
) -> pd.DataFrame:
    """Networks mapped to the truth line most of their county-lines members hold (`factors`:
    the rows of network_priority_factors, see priority_factors).

    One row per mapped network: network_id, priority_score, assessed_population (LINE,
    LINE_VIA_CUSTOMERS, LINE_VIA_REFERRAL, NETWORK, or None for a warehouse without it),
    line_id, members (county-lines members on that line), threat.
    """
    members = connection.execute(
        "select network_id, nominal_id from marts.network_members where is_county_lines"
    ).df()
    members["person_id"] = members["nominal_id"].map(person_of)
    members = members.merge(truth_persons[["person_id", "line_id"]], on="person_id")
    members = members[members["line_id"] != ""]
    counts = members.groupby(["network_id", "line_id"]).size().reset_index(name="members")
    counts = counts.sort_values(
        ["network_id", "members", "line_id"], ascending=[True, False, True]
    ).drop_duplicates("network_id")
    scores = connection.execute("select network_id, priority_score from marts.networks").df()
    scores = scores.merge(
        factors[["network_id", "assessed_population"]], on="network_id", how="left"
    )
    threat = truth_lines[["line_id", "threat"]].assign(threat=lambda df: df["threat"].astype(float))
    return counts.merge(scores, on="network_id").merge(threat, on="line_id")


def prioritisation_measures(
    connection: duckdb.DuckDBPyConnection,
    truth_persons: pd.DataFrame,
    truth_identity: pd.DataFrame,
    truth_lines: pd.DataFrame,
) -> dict[str, object]:
    """Network priority Spearman, enforcement precision@20, victims routed to enforcement."""
    person_of = nominal_to_person(connection, truth_identity)
    factors = priority_factors(connection)
    mapped = network_lines(connection, person_of, truth_persons, truth_lines, factors)
    main = mapped.sort_values(
        ["line_id", "members", "priority_score"], ascending=[True, False, False]
    ).drop_duplicates("line_id")

    priority = connection.execute(
        "select nominal_id, priority_rank, route from marts.nominal_priority"
    ).df()
    priority["person_id"] = priority["nominal_id"].map(person_of)
    role = truth_persons.set_index("person_id")["cl_role"]
    exploited = set(truth_persons.loc[truth_persons["is_exploited"] == "Y", "person_id"])

    enforcement = priority[priority["route"] == "ENFORCEMENT"].sort_values(
        ["priority_rank", "nominal_id"]
    )
    top = enforcement.head(20)
    top_roles = top["person_id"].map(role).fillna("UNMAPPED")
    hits = int(top_roles.isin(ENFORCEMENT_ROLES).sum())
    victims = enforcement[enforcement["person_id"].isin(exploited)]
    return {
        "networks_mapped_to_lines": len(mapped),
        "lines_with_a_network": int(mapped["line_id"].nunique()),
        "network_priority_spearman": _round(
            spearman(mapped["priority_score"].tolist(), mapped["threat"].tolist())
        ),
        "network_priority_spearman_one_per_line": _round(
            spearman(main["priority_score"].tolist(), main["threat"].tolist())
        ),
        "networks_mapped_on_no_line": int((mapped["assessed_population"] == "NETWORK").sum()),
        "networks_mapped_by_assessed_population": {
            str(kind): int(count)
            for kind, count in mapped["assessed_population"].value_counts().sort_index().items()
        },
        "network_priority_spearman_on_a_line": _round(spearman_on_a_line(mapped)),
        "network_priority_factor_spearman": factor_spearmans(mapped, factors),
        "enforcement_persons": len(enforcement),
        "safeguarding_persons": int((priority["route"] == "SAFEGUARDING").sum()),
        "enforcement_precision_at_20": round(hits / len(top), 4) if len(top) else None,
        "enforcement_top20_roles": top_roles.value_counts().to_dict(),
        "victims_routed_to_enforcement": int(victims["person_id"].nunique()),
    }
