"""Attaching weakly identified records to the one person they can only mean.

Prison contacts and missing-episode associates are people named in someone else's record:
often a name with no date of birth, a forename with a date of birth, or only a phone
number. Pair scores cannot link them (a name alone is never enough evidence against a
force-sized population), but an analyst would, when the context leaves one candidate: the
prisoner (or missing person) who names JOHN SMITH is known to offend with exactly one
JOHN SMITH; or the resolved people of the extract hold exactly one person with that name.

After a first clustering, each weak record is tried against the resolved people in this
order, and matched when exactly one person fits:

1. `known_associate_name`: surname and first forename equal, among the people the force's
   systems put with the record's context person (co-suspects and co-offenders of a crime,
   people of one intelligence report, co-arrested, SOC group or edge:
   int_person_record_associations);
2. `unique_full_name`: every name token equal, in any order;
3. `unique_surname_forename`: surname and first forename equal;
4. `unique_forename_dob`: first forename and date of birth equal (no surname recorded);
5. `known_associate_forename`: a forename alone, among the context person's associates;
6. `unique_phone_user`: a record with only a phone, and one named person recorded with it.

Whether a rule merges or only suggests is learnt from each extract (`calibrate_rules`):
the contacts and associates that carry a surname and a date of birth are labels. Each is
shown to the rule without the fields the rule's records lack (its date of birth for the
name rules, its names for the phone rule), and the field the rule never saw judges its
answer: the person it named carries that date of birth (or surname), or carries others.
The estimate starts from a prior (`RULE_PRIOR_PRECISION`, measured on the synthetic
force-scale extract, seed 42, worth `prior_strength` labelled records), so a small extract
keeps the prior and a large one speaks for itself. A rule merges for a system when its
estimated precision reaches `min_precision`; otherwise its links are offered to analysts
in the clerical review.

"Person" means a first-pass cluster holding at least one record with a surname and a date
of birth or PNC id, so two records of one person with a transposed date of birth count once.
"""

from __future__ import annotations

import pandas as pd

#: The attachment rules in the order they are tried, with the precision each showed on the
#: synthetic force-scale extract (seed 42): the prior of `calibrate_rules`. A name alone is
#: often someone unknown to police (the people a prisoner or a missing child names), so the
#: name-only rules start low.
RULE_PRIOR_PRECISION = {
    "known_associate_name": 0.985,
    "unique_full_name": 0.8,
    "unique_surname_forename": 0.65,
    "unique_forename_dob": 0.996,
    "known_associate_forename": 0.8,
    "unique_phone_user": 0.9,
}

#: How each rule is calibrated: the fields a labelled record must hold, the fields it is
#: shown without so that it looks like the records the rule is for, and the hidden field
#: that says whether the rule's answer was right.
_CALIBRATIONS = (
    (
        ("known_associate_name", "unique_full_name", "unique_surname_forename"),
        ("surname_std", "forename1", "date_of_birth"),
        ("date_of_birth", "pnc_id"),
        "date_of_birth",
    ),
    (
        ("unique_forename_dob",),
        ("surname_std", "forename1", "date_of_birth"),
        ("surname_std", "name_key", "pnc_id"),
        "surname_std",
    ),
    (
        ("known_associate_forename",),
        ("surname_std", "forename1", "date_of_birth"),
        ("surname_std", "name_key", "date_of_birth", "pnc_id"),
        "date_of_birth",
    ),
    (
        ("unique_phone_user",),
        ("surname_std", "date_of_birth", "phone"),
        ("surname_std", "forenames_std", "forename1", "name_key", "date_of_birth", "pnc_id"),
        "date_of_birth",
    ),
)

WEAK_SYSTEMS = ("PINS_CONTACT", "COMPACT_ASSOCIATE")


def calibrate_rules(
    records: pd.DataFrame,
    assignments: pd.DataFrame,
    associations: pd.DataFrame | None = None,
    min_precision: float = 0.9,
    prior_strength: float = 20.0,
) -> pd.DataFrame:
    """Each attachment rule's precision for each weak system, learnt from this extract.

    The labelled records are the contacts and associates holding the fields a rule's
    records lack. Each is shown to the rule without them (its own cluster set aside), and
    the field the rule never saw judges the answer: right when the person the rule named
    carries the record's date of birth (or a typing slip of it: two of day, month and year
    equal, or day and month swapped) or, for the rule that matches on a date of birth, its
    surname; wrong when that person carries dates of birth (surnames) and none fits; not
    counted when they carry none. So a rule is judged by the records themselves, not by
    whether the scores happened to link them.

    records, assignments, associations: as for `attachment_links` (assignments from the
    first clustering).
    Returns source_system, link_rule, labelled_records (answers judged), right,
    estimated_precision (the posterior mean: (right + prior * strength) / (labelled +
    strength)) and is_applied (estimated_precision >= min_precision).
    """
    cluster_of = assignments.set_index("record_id")["cluster_id"]
    clusters = records["record_id"].map(cluster_of)
    found = []
    for rules, required, hidden, judge in _CALIBRATIONS:
        labelled = records["source_system"].isin(WEAK_SYSTEMS) & records[
            list(required)
        ].notna().all(axis=1)
        if not labelled.any():
            continue
        masked = records.copy()
        masked.loc[labelled, list(hidden)] = None
        masked_assignments = pd.DataFrame(
            {
                "record_id": records["record_id"],
                "cluster_id": clusters.where(~labelled, "calibration:" + records["record_id"]),
            }
        )
        links = attachment_links(masked, masked_assignments, associations)
        links = links[links["link_rule"].isin(rules)]
        links = links[links["record_id_r"].isin(set(records.loc[labelled, "record_id"]))]
        # what the person the rule named carries of the hidden field (their records other
        # than the labelled ones)
        carried = pd.DataFrame(
            {"cluster_id": clusters[~labelled], "value": records.loc[~labelled, judge]}
        ).dropna()
        answers = pd.DataFrame(
            {
                "record_id": links["record_id_r"].to_numpy(),
                "link_rule": links["link_rule"].to_numpy(),
                "cluster_id": links["record_id_l"].map(cluster_of).to_numpy(),
            }
        ).merge(records[["record_id", "source_system", judge]], on="record_id")
        judged = answers.merge(carried, on="cluster_id")
        judged["fits"] = _fits(judged[judge], judged["value"], judge)
        verdict = judged.groupby(["record_id", "source_system", "link_rule"])["fits"].any()
        found.append(verdict.rename("is_right").reset_index())
    columns = ["record_id", "source_system", "link_rule", "is_right"]
    checked = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=columns)
    counts = checked.groupby(["source_system", "link_rule"])["is_right"].agg(["size", "sum"])
    grid = pd.MultiIndex.from_product(
        [WEAK_SYSTEMS, list(RULE_PRIOR_PRECISION)], names=["source_system", "link_rule"]
    )
    table = counts.reindex(grid, fill_value=0).reset_index()
    table = table.rename(columns={"size": "labelled_records", "sum": "right"})
    prior = table["link_rule"].map(RULE_PRIOR_PRECISION)
    table["estimated_precision"] = (table["right"] + prior * prior_strength) / (
        table["labelled_records"] + prior_strength
    )
    table["is_applied"] = table["estimated_precision"] >= min_precision
    return table.astype({"labelled_records": "int64", "right": "int64"})


def _fits(own: pd.Series, carried: pd.Series, field: str) -> pd.Series:
    """Whether a value the named person carries fits the labelled record's own: equal, or
    a typing slip (dates of birth: two of day, month and year equal, or day and month
    swapped; surnames: a near spelling)."""
    if field != "date_of_birth":
        # a surname typed with a slip: the near level of the surname comparison
        # (Jaro-Winkler 0.92, scoring.py), computed by the same DuckDB function
        import duckdb

        pairs = pd.DataFrame({"own": own.to_numpy(), "carried": carried.to_numpy()})
        with duckdb.connect() as connection:
            connection.register("pairs", pairs)
            return connection.execute(
                "select coalesce(own = carried or jaro_winkler_similarity(own, carried) >= 0.92,"
                " false) as fits from pairs"
            ).fetchnumpy()["fits"]
    a, b = pd.to_datetime(own), pd.to_datetime(carried)
    same = (
        (a.dt.year == b.dt.year).astype(int)
        + (a.dt.month == b.dt.month).astype(int)
        + (a.dt.day == b.dt.day).astype(int)
    )
    swapped = (a.dt.year == b.dt.year) & (a.dt.month == b.dt.day) & (a.dt.day == b.dt.month)
    return ((same >= 2) | swapped).to_numpy()


def attachment_links(
    records: pd.DataFrame,
    assignments: pd.DataFrame,
    associations: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Links attaching weak records to the one person they fit.

    records: int_person_records columns (record_id, source_system, surname_std,
        forenames_std, forename1, name_key, date_of_birth, pnc_id, phone, and optionally
        context_record_id).
    assignments: record_id, cluster_id from a first clustering.
    associations: record_id, associate_record_id: records the force's systems put
        together (int_person_record_associations); optional.
    Returns record_id_l (a record of the person), record_id_r (the weak record), link_rule.
    """
    columns = [
        "record_id",
        "source_system",
        "surname_std",
        "forenames_std",
        "forename1",
        "name_key",
        "date_of_birth",
        "pnc_id",
        "phone",
    ]
    frame = records[columns].merge(assignments[["record_id", "cluster_id"]], on="record_id")
    frame["dob"] = pd.to_datetime(frame["date_of_birth"]).dt.strftime("%Y-%m-%d")
    anchored = frame["surname_std"].notna() & (frame["dob"].notna() | frame["pnc_id"].notna())
    frame["is_person"] = anchored.groupby(frame["cluster_id"]).transform("any")
    # weak: a contact or associate whose first-pass cluster holds no one anchored by a
    # surname with a date of birth or PNC id (a lone record, a forename with a date of
    # birth, or a group of unnamed records of one phone)
    weak = frame[frame["source_system"].isin(WEAK_SYSTEMS) & ~frame["is_person"]]
    found: list[pd.DataFrame] = []
    has_context = associations is not None and "context_record_id" in records
    if has_context:
        context = records[["record_id", "context_record_id"]]
        weak = weak.merge(context, on="record_id")
        # unindexed: a contact or associate not (yet) resolved to anyone of the nominal
        # index, PINS or COMPACT, even if it carries a date of birth: its name among the
        # context person's associates still says who it is
        indexed = frame["source_system"].isin(["NOMINAL", "PINS", "COMPACT"])
        unindexed = frame[
            frame["source_system"].isin(WEAK_SYSTEMS)
            & ~(frame["is_person"] & indexed.groupby(frame["cluster_id"]).transform("any"))
            & frame["surname_std"].notna()
        ].merge(context, on="record_id")
        linked = _associated_clusters(frame, associations)
        found.append(
            _known_associate(frame, linked, unindexed, ["surname_std", "forename1"]).assign(
                link_rule="known_associate_name"
            )
        )
    no_dob = weak[weak["dob"].isna()]
    for keys, rows, rule in (
        (["name_key"], no_dob, "unique_full_name"),
        (["surname_std", "forename1"], no_dob, "unique_surname_forename"),
        (["forename1", "dob"], weak[weak["surname_std"].isna()], "unique_forename_dob"),
    ):
        found.append(_unique_person(frame, keys, rows, rule, _attached(found)))
    # a phone's user: once named records are attached, their phones name their person
    attached = pd.concat(found, ignore_index=True)
    target = dict(zip(attached["record_id_r"], attached["target_cluster"], strict=True))
    phone_only = weak[
        weak["surname_std"].isna() & weak["forenames_std"].isna() & ~weak["record_id"].isin(target)
    ]
    if has_context:
        # a forename alone among the context person's associates: right only about 80% of
        # the time on the synthetic force extract, so a suggestion for review
        forename_only = weak[weak["surname_std"].isna()]
        forename_only = forename_only[~forename_only["record_id"].isin(_attached(found))]
        found.append(
            _known_associate(frame, linked, forename_only, ["forename1"]).assign(
                link_rule="known_associate_forename"
            )
        )
    moved = frame["record_id"].isin(list(target))
    frame.loc[moved, "cluster_id"] = frame.loc[moved, "record_id"].map(target)
    found.append(_unique_person(frame, ["phone"], phone_only, "unique_phone_user", set()))
    links = pd.concat(found, ignore_index=True).drop(columns="target_cluster")
    return links.sort_values(["record_id_r", "record_id_l"], ignore_index=True)


def _attached(found: list[pd.DataFrame]) -> set[str]:
    """The weak records already given a link."""
    return set().union(*(set(links["record_id_r"]) for links in found)) if found else set()


def _associated_clusters(frame: pd.DataFrame, associations: pd.DataFrame) -> pd.DataFrame | None:
    """The clusters each cluster is associated with, through any of their records
    (context_cluster, target_cluster); None when there are no associations at all."""
    if associations.empty:
        return None
    cluster_of = frame.set_index("record_id")["cluster_id"]
    linked = pd.DataFrame(
        {
            "context_cluster": associations["record_id"].map(cluster_of),
            "target_cluster": associations["associate_record_id"].map(cluster_of),
        }
    ).dropna()
    return linked[linked["context_cluster"] != linked["target_cluster"]].drop_duplicates()


def _known_associate(
    frame: pd.DataFrame,
    linked: pd.DataFrame | None,
    weak_rows: pd.DataFrame,
    keys: list[str],
) -> pd.DataFrame:
    """Weak rows whose context person (the prisoner, the missing person) is known to
    associate with exactly one person carrying the row's key values: a link to them.

    linked: the clusters each cluster is associated with (_associated_clusters)."""
    columns = ["record_id_l", "record_id_r", "target_cluster"]
    cluster_of = frame.set_index("record_id")["cluster_id"]
    rows = weak_rows.dropna(subset=[*keys, "context_record_id"])
    rows = rows.assign(context_cluster=rows["context_record_id"].map(cluster_of)).dropna(
        subset=["context_cluster"]
    )
    if rows.empty or linked is None:
        return pd.DataFrame(columns=columns)
    carriers = (
        frame.loc[frame["is_person"], [*keys, "cluster_id"]]
        .dropna(subset=keys)
        .drop_duplicates()
        .rename(columns={"cluster_id": "target_cluster"})
    )
    candidates = (
        rows[["record_id", "context_cluster", *keys]]
        .merge(linked, on="context_cluster")
        .merge(carriers, on=[*keys, "target_cluster"])
    )
    counts = candidates.groupby("record_id")["target_cluster"].agg(["nunique", "min"])
    unique = counts[counts["nunique"] == 1]
    return pd.DataFrame(
        {
            "record_id_l": unique["min"].map(_anchor_of(frame, unique["min"])).to_numpy(),
            "record_id_r": unique.index.to_numpy(),
            "target_cluster": unique["min"].to_numpy(),
        }
    )


def _unique_person(
    frame: pd.DataFrame,
    keys: list[str],
    weak_rows: pd.DataFrame,
    rule: str,
    already: set[str],
) -> pd.DataFrame:
    """Weak rows whose key values are carried by exactly one person: a link to that person."""
    candidates = (
        frame.loc[frame["is_person"], [*keys, "cluster_id"]].dropna(subset=keys).drop_duplicates()
    )
    counts = candidates.groupby(keys)["cluster_id"].agg(["nunique", "min"])
    unique = counts[counts["nunique"] == 1]["min"].rename("target_cluster").reset_index()
    rows = weak_rows[~weak_rows["record_id"].isin(already)].dropna(subset=keys)
    matched = rows[[*keys, "record_id"]].merge(unique, on=keys)
    return pd.DataFrame(
        {
            "record_id_l": matched["target_cluster"]
            .map(_anchor_of(frame, matched["target_cluster"]))
            .to_numpy(),
            "record_id_r": matched["record_id"].to_numpy(),
            "link_rule": rule,
            "target_cluster": matched["target_cluster"].to_numpy(),
        }
    )


def _anchor_of(frame: pd.DataFrame, clusters: pd.Series) -> pd.Series:
    """The smallest record id of each of the given people (cluster id -> record id): a link
    to a person names this record."""
    wanted = frame["is_person"] & frame["cluster_id"].isin(set(clusters))
    return frame.loc[wanted].groupby("cluster_id")["record_id"].min()
