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

Measured on the synthetic force-scale extract (seed 42), rules 1, 4 and 6 are right about
98.5%, 99.6% and 90% of the time and are applied (AUTO_ATTACH_RULES); a name alone is right
only 50-80% of the time (the people a prisoner or a missing child names are often unknown
to police), and a forename among the associates about 80%, so rules 2, 3 and 5 are offered
to analysts in the clerical review instead of being merged.

"Person" means a first-pass cluster holding at least one record with a surname and a date
of birth or PNC id, so two records of one person with a transposed date of birth count once.
"""

from __future__ import annotations

import pandas as pd

#: the rules precise enough to merge on; the others become suggestions for review
AUTO_ATTACH_RULES = (
    "known_associate_name",
    "unique_forename_dob",
    "unique_phone_user",
)


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
    weak = frame[
        frame["source_system"].isin(["PINS_CONTACT", "COMPACT_ASSOCIATE"]) & ~frame["is_person"]
    ]
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
            frame["source_system"].isin(["PINS_CONTACT", "COMPACT_ASSOCIATE"])
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
