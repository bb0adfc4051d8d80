"""Identity resolution measured against the truth's identity.csv (TRUTH.md).

`identity_measures` gives the pairwise precision, recall and F1 that `countylines evaluate`
prints. `identity_breakdown` says where the misses and the false merges are: every pair of
source records that is the same person in the truth or in the warehouse, labelled by the
two records' systems and by what the two records share (PNC id, surname, forename, date of
birth, phone, postcode, being named in the records of one person) or contradict. It reads
the warehouse's person records (`intermediate.int_person_records`) and staging, so it is an
evaluation tool, never part of the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from countylines.evaluate.pairwise import pairwise_scores

if TYPE_CHECKING:
    from rich.console import Console

#: the fields a pair is compared on, in the order they are named in the `shared` label;
#: `context`: both named in the records of one person (one prisoner's contacts);
#: `associate`: one is named by a person the force's systems put with the other
FIELDS = ("pnc", "surname", "forename", "dob", "phone", "postcode", "context", "associate")

#: evidence that identifies a person without guessing: a shared strong key (PNC id, or a
#: phone when one side carries nothing else), or a name corroborated by a date of birth, a
#: phone, a postcode or a shared context. A name alone, a forename alone, or a surname with
#: a postcode is not: thousands of people share them.
IDENTIFYING = (
    ("pnc",),
    ("surname", "forename", "dob"),
    ("surname", "dob"),
    ("forename", "dob"),
    ("surname", "forename", "phone"),
    ("forename", "phone"),
    ("surname", "forename", "postcode"),
    ("surname", "forename", "context"),
    ("surname", "forename", "associate"),
    ("phone_only",),
)


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


_PAIRS_SQL = """
with records as (
    select
        records.record_id,
        records.source_system,
        records.surname_std,
        records.forename1,
        records.name_key,
        records.date_of_birth,
        records.pnc_id,
        records.phone,
        records.postcode_district,
        truth.person_id,
        xref.nominal_id
    from intermediate.int_person_records as records
    inner join truth_identity as truth
        on records.source_system = truth.source_system
        and records.source_id = truth.source_id
    left join predicted_xref as xref
        on records.source_system = xref.source_system
        and records.source_id = xref.source_id
),

-- the person in whose record a contact or associate is named (int_person_records'
-- context_record_id: the prisoner of the release, the missing person of the episode), as
-- their nominal, so a prisoner also known to COMPACT is one context
contexts as (
    select
        records.record_id,
        records.context_record_id,
        coalesce(xref.nominal_id, records.context_record_id) as context_id
    from intermediate.int_person_records as records
    left join predicted_xref as xref
        on records.context_record_id = xref.source_system || ':' || xref.source_id
    where records.context_record_id is not null
),

person_of as (
    select truth.source_system || ':' || truth.source_id as record_id, truth.person_id
    from truth_identity as truth
),

-- people the force's own systems put together (crime, report, arrest, SOC), as truth
-- persons: what the extract says about who knows whom, whatever the resolution did
associated_people as (
    select distinct left_person.person_id as person_a, right_person.person_id as person_b
    from {associations} as associations
    inner join person_of as left_person on associations.record_id = left_person.record_id
    inner join person_of as right_person
        on associations.associate_record_id = right_person.record_id
),

context_people as (
    select contexts.record_id, contexts.context_id, person_of.person_id as context_person_id
    from contexts
    left join person_of on contexts.context_record_id = person_of.record_id
),

pairs as (
    select left_record.record_id as record_id_l, right_record.record_id as record_id_r
    from records as left_record
    inner join records as right_record
        on left_record.person_id = right_record.person_id
        and left_record.record_id < right_record.record_id
    union
    select left_record.record_id, right_record.record_id
    from records as left_record
    inner join records as right_record
        on left_record.nominal_id = right_record.nominal_id
        and left_record.record_id < right_record.record_id
)

select
    pairs.record_id_l,
    pairs.record_id_r,
    least(l.source_system, r.source_system) || '-'
        || greatest(l.source_system, r.source_system) as system_pair,
    l.person_id = r.person_id as is_truth_pair,
    coalesce(l.nominal_id = r.nominal_id, false) as is_predicted_pair,
    case
        when l.pnc_id is null or r.pnc_id is null then 'missing'
        when l.pnc_id = r.pnc_id then 'same'
        when damerau_levenshtein(l.pnc_id, r.pnc_id) <= 1 then 'near'
        else 'differ'
    end as pnc,
    case
        when l.surname_std is null or r.surname_std is null then 'missing'
        when l.surname_std = r.surname_std then 'same'
        when l.name_key = r.name_key then 'near'
        when jaro_winkler_similarity(l.surname_std, r.surname_std) >= 0.9 then 'near'
        else 'differ'
    end as surname,
    case
        when l.forename1 is null or r.forename1 is null then 'missing'
        when l.forename1 = r.forename1 then 'same'
        when l.name_key = r.name_key then 'near'
        when starts_with(l.forename1, r.forename1)
            or starts_with(r.forename1, l.forename1) then 'near'
        when jaro_winkler_similarity(l.forename1, r.forename1) >= 0.9 then 'near'
        else 'differ'
    end as forename,
    case
        when l.date_of_birth is null or r.date_of_birth is null then 'missing'
        when l.date_of_birth = r.date_of_birth then 'same'
        when (year(l.date_of_birth) = year(r.date_of_birth))::int
            + (month(l.date_of_birth) = month(r.date_of_birth))::int
            + (day(l.date_of_birth) = day(r.date_of_birth))::int >= 2 then 'near'
        when year(l.date_of_birth) = year(r.date_of_birth)
            and month(l.date_of_birth) = day(r.date_of_birth)
            and day(l.date_of_birth) = month(r.date_of_birth) then 'near'
        else 'differ'
    end as dob,
    case
        when l.phone is null or r.phone is null then 'missing'
        when l.phone = r.phone then 'same'
        else 'differ'
    end as phone,
    case
        when l.postcode_district is null or r.postcode_district is null then 'missing'
        when l.postcode_district = r.postcode_district then 'same'
        else 'differ'
    end as postcode,
    case
        when lc.context_id is null or rc.context_id is null then 'missing'
        when lc.context_id = rc.context_id then 'same'
        else 'differ'
    end as context,
    case
        when lc.context_person_id is null and rc.context_person_id is null then 'missing'
        when exists (
            select 1 from associated_people
            where (associated_people.person_a = lc.context_person_id
                    and associated_people.person_b = r.person_id)
                or (associated_people.person_a = rc.context_person_id
                    and associated_people.person_b = l.person_id)
        ) then 'same'
        else 'differ'
    end as associate,
    (l.surname_std is null and l.forename1 is null)
        or (r.surname_std is null and r.forename1 is null) as is_unnamed_side
from pairs
inner join records as l on pairs.record_id_l = l.record_id
inner join records as r on pairs.record_id_r = r.record_id
left join context_people as lc on pairs.record_id_l = lc.record_id
left join context_people as rc on pairs.record_id_r = rc.record_id
"""

_NO_ASSOCIATIONS = (
    "(select cast(null as varchar) as record_id, cast(null as varchar) as associate_record_id"
    " where false)"
)


def _shared_label(row: pd.Series) -> str:
    """What the two records agree on (near spellings and dates count, marked `~`)."""
    parts = []
    for name in FIELDS:
        if row[name] == "same":
            parts.append(name)
        elif row[name] == "near":
            parts.append(f"{name}~")
    return "+".join(parts) or "nothing"


def _conflict_label(row: pd.Series) -> str:
    """What the two records contradict each other on (a context or an association differing
    is no conflict: one person is named by many)."""
    parts = [
        name for name in FIELDS if name not in ("context", "associate") and row[name] == "differ"
    ]
    return "+".join(parts) or "-"


def is_identifying(row: pd.Series) -> bool:
    """True when the pair's shared evidence identifies a person without guessing
    (IDENTIFYING) and nothing strong contradicts it (a different date of birth or PNC)."""
    if row["dob"] == "differ" or row["pnc"] == "differ":
        return False
    agreed = {name for name in FIELDS if row[name] in ("same", "near")}
    if row["phone"] == "same" and row["is_unnamed_side"]:
        agreed.add("phone_only")
    return any(set(rule) <= agreed for rule in IDENTIFYING)


def identity_pairs(
    connection: duckdb.DuckDBPyConnection,
    truth_identity: pd.DataFrame,
    predicted: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every pair of records that is one person in the truth or in the warehouse, with its
    systems, comparison of each field (same / near / differ / missing), `shared` and
    `conflicts` labels, and whether the evidence identifies without guessing.

    predicted: source_system, source_id, nominal_id to measure instead of the warehouse's
    marts.nominal_source_xref (e.g. a clustering tried outside the build).
    """
    if predicted is None:
        predicted = connection.execute(
            "select source_system, source_id, nominal_id from marts.nominal_source_xref"
        ).df()
    has_associations = connection.execute(
        "select count(*) from information_schema.tables where table_schema = 'intermediate'"
        " and table_name = 'int_person_record_associations'"
    ).fetchall()[0][0]
    associations = (
        "intermediate.int_person_record_associations" if has_associations else _NO_ASSOCIATIONS
    )
    connection.register("truth_identity", truth_identity)
    connection.register("predicted_xref", predicted)
    try:
        pairs = connection.execute(_PAIRS_SQL.format(associations=associations)).df()
    finally:
        connection.unregister("truth_identity")
        connection.unregister("predicted_xref")
    if pairs.empty:
        return pairs.assign(shared=[], conflicts=[], is_identifying=[])
    pairs["shared"] = pairs.apply(_shared_label, axis=1)
    pairs["conflicts"] = pairs.apply(_conflict_label, axis=1)
    pairs["is_identifying"] = pairs.apply(is_identifying, axis=1)
    return pairs.sort_values(["record_id_l", "record_id_r"], ignore_index=True)


def identity_breakdown(pairs: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Pairs counted by the columns `by` (e.g. system_pair, shared): truth pairs, found,
    missed, missed with identifying evidence, and false merges; largest misses first."""
    counted = pairs.assign(
        truth_pairs=pairs["is_truth_pair"],
        found=pairs["is_truth_pair"] & pairs["is_predicted_pair"],
        missed=pairs["is_truth_pair"] & ~pairs["is_predicted_pair"],
        missed_identifying=pairs["is_truth_pair"]
        & ~pairs["is_predicted_pair"]
        & pairs["is_identifying"],
        false_merges=~pairs["is_truth_pair"] & pairs["is_predicted_pair"],
    )
    columns = ["truth_pairs", "found", "missed", "missed_identifying", "false_merges"]
    table = counted.groupby(by, dropna=False)[columns].sum().astype(int).reset_index()
    return table.sort_values(
        ["missed", "false_merges", *by],
        ascending=[False, False, *([True] * len(by))],
        ignore_index=True,
    )


def identity_ceiling(pairs: pd.DataFrame) -> dict[str, float]:
    """The best pairwise precision / recall / F1 reachable without guessing.

    Within each truth person, records are joined only by pairs whose evidence identifies
    (is_identifying); the connected groups are the best clustering that never guesses
    (perfect precision), and its recall is the ceiling. A record joined to its person only
    by a name, a forename, or nothing stays apart.
    """
    import networkx as nx

    truth = pairs[pairs["is_truth_pair"]]
    graph = nx.Graph()
    graph.add_nodes_from(truth["record_id_l"])
    graph.add_nodes_from(truth["record_id_r"])
    identifying = truth[truth["is_identifying"]]
    graph.add_edges_from(zip(identifying["record_id_l"], identifying["record_id_r"], strict=True))
    found = sum(len(group) * (len(group) - 1) // 2 for group in nx.connected_components(graph))
    total = len(truth)
    recall = found / total if total else 1.0
    return {
        "ceiling_precision": 1.0,
        "ceiling_recall": round(recall, 6),
        "ceiling_f1": round(2 * recall / (1 + recall), 6),
        "ceiling_pairs": found,
        "truth_pairs": total,
    }


#: evidence classes whose precision `evidence_precision` measures: the record fields two
#: records must share exactly (context_record_id: named by the same person)
EVIDENCE_KEYS: dict[str, tuple[str, ...]] = {
    "pnc": ("pnc_id",),
    "surname+forename+dob": ("surname_std", "forename1", "date_of_birth"),
    "surname+dob": ("surname_std", "date_of_birth"),
    "forename+dob": ("forename1", "date_of_birth"),
    "surname+forename+postcode": ("surname_std", "forename1", "postcode"),
    "surname+forename+phone": ("surname_std", "forename1", "phone"),
    "forename+phone": ("forename1", "phone"),
    "phone": ("phone",),
    "surname+forename+context": ("surname_std", "forename1", "context_record_id"),
    "forename+context": ("forename1", "context_record_id"),
    "surname+forename": ("surname_std", "forename1"),
}


def evidence_precision(
    connection: duckdb.DuckDBPyConnection, truth_identity: pd.DataFrame
) -> pd.DataFrame:
    """For each evidence class, every pair of records sharing it exactly, and the share of
    them that are one person: how far that evidence alone identifies in this extract (a
    class under 0.99 is a guess when nothing else supports it)."""
    columns = {
        row[0]
        for row in connection.execute(
            "select column_name from information_schema.columns"
            " where table_schema = 'intermediate' and table_name = 'int_person_records'"
        ).fetchall()
    }
    connection.register("truth_identity", truth_identity)
    rows = []
    try:
        for name, keys in EVIDENCE_KEYS.items():
            if not set(keys) <= columns:
                continue
            selected = ", ".join(f"records.{key}" for key in keys)
            grouped = ", ".join(keys)
            present = " and ".join(f"records.{key} is not null" for key in keys)
            pairs, same = connection.execute(
                f"""
                with keyed as (
                    select {selected}, truth.person_id
                    from intermediate.int_person_records as records
                    inner join truth_identity as truth
                        on records.source_system = truth.source_system
                        and records.source_id = truth.source_id
                    where {present}
                ),
                by_key as (select count(*) as n from keyed group by {grouped}),
                by_person as (select count(*) as n from keyed group by {grouped}, person_id)
                select
                    (select coalesce(sum(n * (n - 1) / 2), 0) from by_key),
                    (select coalesce(sum(n * (n - 1) / 2), 0) from by_person)
                """
            ).fetchall()[0]
            rows.append((name, int(pairs), int(same), same / pairs if pairs else None))
    finally:
        connection.unregister("truth_identity")
    return pd.DataFrame(rows, columns=["evidence", "pairs", "same_person_pairs", "precision"])


def identity_report(
    connection: duckdb.DuckDBPyConnection, truth_identity: pd.DataFrame
) -> dict[str, object]:
    """The breakdown `countylines evaluate --identity-breakdown` prints: pairs by systems,
    by shared evidence and by conflicting evidence, and the ceiling without guessing."""
    pairs = identity_pairs(connection, truth_identity)
    return {
        "by_system_pair": identity_breakdown(pairs, ["system_pair"]),
        "by_shared_evidence": identity_breakdown(pairs, ["shared"]),
        "by_conflict": identity_breakdown(pairs, ["conflicts"]),
        "by_system_pair_and_evidence": identity_breakdown(pairs, ["system_pair", "shared"]),
        "evidence_precision": evidence_precision(connection, truth_identity),
        "ceiling": identity_ceiling(pairs),
    }


def print_identity_report(
    truth_dir: Path, warehouse: Path, console: Console, rows: int = 25
) -> None:
    """Print the identity breakdown tables (largest misses first, `rows` each) and the
    ceiling; read-only on the warehouse."""
    from rich.table import Table

    truth = pd.read_csv(truth_dir / "identity.csv", dtype=str, keep_default_na=False)
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        report = identity_report(connection, truth)
    finally:
        connection.close()
    for name, frame in report.items():
        if not isinstance(frame, pd.DataFrame):
            continue
        title = (
            "Evidence: pairs of records sharing it exactly, and the share that are one person"
            if name == "evidence_precision"
            else f"Identity pairs {name.replace('_', ' ')} (top {rows} by missed)"
        )
        table = Table(title=title)
        for column in frame.columns:
            numeric = frame[column].dtype.kind == "i"
            table.add_column(column, justify="right" if numeric else "left", overflow="fold")
        for values in frame.head(rows).itertuples(index=False):
            table.add_row(
                *(f"{value:.4f}" if isinstance(value, float) else str(value) for value in values)
            )
        console.print(table)
    ceiling = report["ceiling"]
    console.print(
        "Ceiling without guessing (every pair whose evidence identifies, joined through "
        f"each person): recall {ceiling['ceiling_recall']:.4f}, F1 {ceiling['ceiling_f1']:.4f} "
        f"({ceiling['ceiling_pairs']:,} of {ceiling['truth_pairs']:,} truth pairs)"
    )
