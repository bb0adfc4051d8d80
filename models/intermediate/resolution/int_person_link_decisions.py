"""Every link considered between person records, with the clustering's decision.

A thin wrapper over python/countylines/resolution/clustering.py: analyst SAME overrides,
exact keys and probabilistic scores are clustered strongest first under the constraints
of what is truly exclusive (analyst DIFFERENT, two different PNC ids, twins, a generation,
weak bridges); then contacts and associates that identify no one on their own are
attached to the one person they fit (python/countylines/resolution/attachment.py: among
the people their prisoner or missing person is known to associate with, or the one person
of the extract) and the clustering is redone with those links; name-only matches are kept
as `suggested` links for the clerical review. One row per link, with the final cluster of
each side.
"""

import pandas as pd

from countylines.resolution.attachment import attachment_links, calibrate_rules
from countylines.resolution.clustering import ClusteringConfig, cluster_records

#: The record columns clustering.py and attachment.py read.
RECORD_COLUMNS = (
    "record_id",
    "source_system",
    "context_record_id",
    "pnc_id",
    "surname_std",
    "forenames_std",
    "forename1",
    "name_key",
    "sex",
    "phone",
    "postcode",
    "date_of_birth",
)


def model(dbt, session):
    dbt.config(materialized="table")
    config = ClusteringConfig(
        link_probability=float(dbt.config.get("link_probability", 0.95)),
        strong_probability=float(dbt.config.get("strong_probability", 0.999)),
    )
    # Only the columns the clustering and the attachment read come into pandas (DuckDB
    # projects them): at force scale the records are over a million rows.
    records = dbt.ref("int_person_records").project(", ".join(RECORD_COLUMNS)).df()
    exact = dbt.ref("int_person_links_exact").project("record_id_l, record_id_r, link_rule").df()
    scored = (
        dbt.ref("int_person_pairs_scored")
        .project("record_id_l, record_id_r, match_probability, match_weight")
        .df()
    )
    overrides = dbt.ref("int_resolution_overrides").filter("is_applicable").df()
    associations = dbt.ref("int_person_record_associations").df()

    same = overrides[overrides["decision"] == "SAME"]
    links = pd.concat(
        [
            pd.DataFrame(
                {
                    "record_id_l": same["record_id_l"],
                    "record_id_r": same["record_id_r"],
                    "method": "analyst_override",
                    "link_rule": "analyst_same",
                    "probability": 1.0,
                    "match_weight": None,
                }
            ),
            pd.DataFrame(
                {
                    "record_id_l": exact["record_id_l"],
                    "record_id_r": exact["record_id_r"],
                    "method": "exact_key",
                    "link_rule": exact["link_rule"],
                    "probability": 1.0,
                    "match_weight": None,
                }
            ),
            pd.DataFrame(
                {
                    "record_id_l": scored["record_id_l"],
                    "record_id_r": scored["record_id_r"],
                    "method": "probabilistic",
                    "link_rule": "splink",
                    "probability": scored["match_probability"],
                    "match_weight": scored["match_weight"],
                }
            ),
        ],
        ignore_index=True,
    )
    different = overrides[overrides["decision"] == "DIFFERENT"]
    cannot_link = list(zip(different["record_id_l"], different["record_id_r"], strict=True))
    first_pass, _ = cluster_records(records, links, cannot_link, config)
    # which attachment rules merge is learnt from this extract: each rule's precision on
    # the contacts and associates the scores resolved (attachment.calibrate_rules)
    rules = calibrate_rules(
        records,
        first_pass,
        associations,
        min_precision=float(dbt.config.get("attach_min_precision", 0.9)),
        prior_strength=float(dbt.config.get("attach_prior_strength", 20)),
    )
    system_of = records.set_index("record_id")["source_system"]
    matched = attachment_links(records, first_pass, associations)
    matched = matched.assign(
        method="exact_key",
        probability=1.0,
        match_weight=None,
        source_system=matched["record_id_r"].map(system_of),
    ).merge(
        rules[
            ["source_system", "link_rule", "labelled_records", "estimated_precision", "is_applied"]
        ].rename(
            columns={
                "labelled_records": "rule_labelled_records",
                "estimated_precision": "rule_estimated_precision",
            }
        ),
        on=["source_system", "link_rule"],
        how="left",
    )
    automatic = matched["is_applied"].fillna(False).astype(bool)
    matched = matched.drop(columns=["source_system", "is_applied"])
    links = pd.concat([links, matched[automatic]], ignore_index=True)
    assignments, decisions = cluster_records(records, links, cannot_link, config)
    suggested = matched[~automatic].assign(decision="suggested", probability=None)
    decisions = pd.concat([decisions, suggested], ignore_index=True)
    cluster_of = assignments.set_index("record_id")["cluster_id"]
    decisions["cluster_id_l"] = decisions["record_id_l"].map(cluster_of)
    decisions["cluster_id_r"] = decisions["record_id_r"].map(cluster_of)
    return decisions.rename(columns={"probability": "match_probability"})
