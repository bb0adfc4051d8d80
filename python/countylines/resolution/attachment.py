"""Attaching weakly identified records to the one person they can only mean.

Prison contacts and missing-episode associates are people named in someone else's record:
often a name with no date of birth, a forename with a date of birth, or only a phone
number. Pair scores cannot link them (a name alone is never enough evidence against a
force-sized population), but an analyst would: if the resolved people of the extract hold
exactly one person with that full name, that record means that person.

After a first clustering, each weak record is tried against the resolved people in this
order, and matched when exactly one person fits:

1. `unique_full_name`: every name token equal, in any order;
2. `unique_surname_forename`: surname and first forename equal;
3. `unique_forename_dob`: first forename and date of birth equal (no surname recorded);
4. `unique_phone_user`: a record with only a phone, and one named person recorded with it.

Measured on the synthetic force-scale extract, the last two are right about 99% and 90% of
the time and are applied (AUTO_ATTACH_RULES); a name alone is right only 56-83% of the time
(the people a prisoner or a missing child names are often unknown to police), so the first
two are offered to analysts in the clerical review instead of being merged.

"Person" means a first-pass cluster holding at least one record with a surname and a date
of birth or PNC id, so two records of one person with a transposed date of birth count once.
"""

from __future__ import annotations

import pandas as pd

#: the rules precise enough to merge on; the others become suggestions for review
AUTO_ATTACH_RULES = ("unique_forename_dob", "unique_phone_user")


def attachment_links(records: pd.DataFrame, assignments: pd.DataFrame) -> pd.DataFrame:
    """Links attaching weak records to the one person they fit.

    records: int_person_records columns (record_id, source_system, surname_std,
        forenames_std, forename1, name_key, date_of_birth, pnc_id, phone).
    assignments: record_id, cluster_id from a first clustering.
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
    no_dob = weak[weak["dob"].isna()]
    for keys, rows, rule in (
        (["name_key"], no_dob, "unique_full_name"),
        (["surname_std", "forename1"], no_dob, "unique_surname_forename"),
        (["forename1", "dob"], weak[weak["surname_std"].isna()], "unique_forename_dob"),
    ):
        done = set().union(*(set(links["record_id_r"]) for links in found)) if found else set()
        found.append(_unique_person(frame, keys, rows, rule, done))
    # a phone's user: once named records are attached, their phones name their person
    attached = pd.concat(found, ignore_index=True)
    target = dict(zip(attached["record_id_r"], attached["target_cluster"], strict=True))
    frame["cluster_id"] = [
        target.get(r, c) for r, c in zip(frame["record_id"], frame["cluster_id"], strict=True)
    ]
    phone_only = weak[
        weak["surname_std"].isna() & weak["forenames_std"].isna() & ~weak["record_id"].isin(target)
    ]
    found.append(_unique_person(frame, ["phone"], phone_only, "unique_phone_user", set()))
    links = pd.concat(found, ignore_index=True).drop(columns="target_cluster")
    return links.sort_values(["record_id_r", "record_id_l"], ignore_index=True)


def _unique_person(
    frame: pd.DataFrame,
    keys: list[str],
    weak_rows: pd.DataFrame,
    rule: str,
    already: set[str],
) -> pd.DataFrame:
    """Weak rows whose key values are carried by exactly one person: a link to that person."""
    people = frame[frame["is_person"]]
    anchor_of = people.groupby("cluster_id")["record_id"].min()
    candidates = people.dropna(subset=keys)[[*keys, "cluster_id"]].drop_duplicates()
    counts = candidates.groupby(keys)["cluster_id"].agg(["nunique", "min"])
    unique = counts[counts["nunique"] == 1]["min"].rename("target_cluster").reset_index()
    rows = weak_rows[~weak_rows["record_id"].isin(already)].dropna(subset=keys)
    matched = rows[[*keys, "record_id"]].merge(unique, on=keys)
    return pd.DataFrame(
        {
            "record_id_l": matched["target_cluster"].map(anchor_of).to_numpy(),
            "record_id_r": matched["record_id"].to_numpy(),
            "link_rule": rule,
            "target_cluster": matched["target_cluster"].to_numpy(),
        }
    )
