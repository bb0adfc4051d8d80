"""County lines identification measured against the truth (TRUTH.md), with the keyword baseline.

Measures: county-lines precision / recall / F1, exploited recall / precision, victim-to-line
accuracy and unregistered-line recall / precision, for the warehouse's marts and, side by side,
for a plain keyword search of intelligence text (the team's current method: the subjects of any
report, credible or not, containing one of a few county-lines phrases).
"""

from __future__ import annotations

import duckdb
import pandas as pd

# The team's current search: phrases an analyst types into the intelligence system.
BASELINE_KEYWORDS: tuple[str, ...] = (
    "county line",
    "deal line",
    "cuckoo",
    "going country",
    "going ot",
    "trap house",
    "running a line",
)
BASELINE_EXPLOITATION_KEYWORDS: tuple[str, ...] = ("exploited", "groomed", "cuckoo")


def _prf(predicted: set[str], truth: set[str]) -> dict[str, float]:
    """Precision, recall and F1 of a predicted set against a true set."""
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def nominal_to_person(
    connection: duckdb.DuckDBPyConnection, truth_identity: pd.DataFrame
) -> dict[str, str]:
    """Each nominal mapped to the truth person most of its source records belong to."""
    xref = connection.execute(
        "select source_system, source_id, nominal_id from marts.nominal_source_xref "
        "where nominal_id is not null"
    ).df()
    merged = xref.merge(truth_identity, on=["source_system", "source_id"], how="inner")
    counts = merged.groupby(["nominal_id", "person_id"]).size().reset_index(name="n")
    counts = counts.sort_values(["nominal_id", "n", "person_id"], ascending=[True, False, True])
    best = counts.drop_duplicates("nominal_id")
    return dict(zip(best["nominal_id"], best["person_id"], strict=True))


def _phones(value: str) -> set[str]:
    """The phone numbers of a `;`-separated list."""
    return {item.strip() for item in str(value or "").split(";") if item.strip()}


def map_lines(project_lines: pd.DataFrame, truth_lines: pd.DataFrame) -> dict[str, str]:
    """Project line_id -> truth line_id: same register ref, else most shared phones, else name."""
    by_ref = {
        row.register_line_ref: row.line_id
        for row in truth_lines.itertuples()
        if row.register_line_ref
    }
    truth_phones = {row.line_id: _phones(row.phone_numbers) for row in truth_lines.itertuples()}
    by_name = {str(row.line_name).upper(): row.line_id for row in truth_lines.itertuples()}
    mapping: dict[str, str] = {}
    for row in project_lines.itertuples():
        ref = row.register_line_ref if isinstance(row.register_line_ref, str) else ""
        if ref and ref in by_ref:
            mapping[row.line_id] = by_ref[ref]
            continue
        phones = _phones(row.phone_numbers if isinstance(row.phone_numbers, str) else "")
        shared = sorted(
            ((len(phones & truth), line) for line, truth in truth_phones.items()),
            key=lambda item: (-item[0], item[1]),
        )
        if shared and shared[0][0] > 0:
            mapping[row.line_id] = shared[0][1]
            continue
        name = str(row.line_name).upper() if isinstance(row.line_name, str) else ""
        if name and name in by_name:
            mapping[row.line_id] = by_name[name]
    return mapping


def _measure_set(
    persons: pd.DataFrame,
    predicted_cl: set[str],
    predicted_exploited: set[str],
    person_line: dict[str, str],
) -> dict[str, object]:
    """County-lines and exploitation measures of predicted person sets."""
    seen = persons[persons["has_records"]]
    truth_cl = set(seen.loc[seen["is_county_lines"] == "Y", "person_id"])
    truth_all_cl = set(persons.loc[persons["is_county_lines"] == "Y", "person_id"])
    truth_exploited = set(seen.loc[seen["is_exploited"] == "Y", "person_id"])
    cl = _prf(predicted_cl, truth_cl)
    exploited = _prf(predicted_exploited, truth_exploited)
    with_line = seen[(seen["is_exploited"] == "Y") & (seen["line_id"] != "")]
    correct = sum(
        1 for row in with_line.itertuples() if person_line.get(row.person_id) == row.line_id
    )
    return {
        "county_lines_precision": cl["precision"],
        "county_lines_recall": cl["recall"],
        "county_lines_f1": cl["f1"],
        "county_lines_recall_all_truth": round(
            len(predicted_cl & truth_all_cl) / len(truth_all_cl), 4
        )
        if truth_all_cl
        else 0.0,
        "county_lines_predicted": len(predicted_cl),
        "county_lines_truth_with_records": len(truth_cl),
        "exploited_precision": exploited["precision"],
        "exploited_recall": exploited["recall"],
        "exploited_predicted": len(predicted_exploited),
        "exploited_truth_with_records": len(truth_exploited),
        "victim_to_line_accuracy": round(correct / len(with_line), 4) if len(with_line) else 0.0,
    }


def _unregistered(
    project_lines: pd.DataFrame, truth_lines: pd.DataFrame, mapping: dict[str, str]
) -> dict[str, object]:
    """Unregistered-line recall and precision (TRUTH.md)."""
    new_rows = project_lines[~project_lines["is_registered"].astype(bool)]
    truth_new = set(truth_lines.loc[truth_lines["register_line_ref"] == "", "line_id"])
    mapped = {mapping.get(line_id) for line_id in new_rows["line_id"]} - {None}
    mapped_rows = sum(1 for line_id in new_rows["line_id"] if line_id in mapping)
    mapped_new_rows = sum(1 for line_id in new_rows["line_id"] if mapping.get(line_id) in truth_new)
    return {
        "unregistered_line_recall": round(len(mapped & truth_new) / len(truth_new), 4)
        if truth_new
        else 0.0,
        "unregistered_line_precision": round(mapped_rows / len(new_rows), 4)
        if len(new_rows)
        else 0.0,
        "unregistered_line_precision_strict": round(mapped_new_rows / len(new_rows), 4)
        if len(new_rows)
        else 0.0,
        "unregistered_lines_found": len(new_rows),
        "unregistered_lines_truth": len(truth_new),
    }


def _persons_table(persons: pd.DataFrame, identity: pd.DataFrame) -> pd.DataFrame:
    """Truth persons with whether any source record of theirs is in the extract."""
    table = persons.copy()
    table["has_records"] = table["person_id"].isin(set(identity["person_id"]))
    return table


def model_measures(
    connection: duckdb.DuckDBPyConnection,
    persons: pd.DataFrame,
    identity: pd.DataFrame,
    truth_lines: pd.DataFrame,
) -> dict[str, object]:
    """The warehouse's measures: flags, referrals, referral lines and new lines."""
    person_of = nominal_to_person(connection, identity)
    flag_mart = (
        "nominal_priority" if _exists(connection, "nominal_priority") else "nominal_county_lines"
    )
    flagged = connection.execute(
        f"select nominal_id from marts.{flag_mart} where is_county_lines"
    ).df()
    referrals = connection.execute(
        # a person referred as several nominals: the first nominal_id's line counts, so
        # the measure is the same on every run
        "select nominal_id, line_id from marts.safeguarding_referrals order by nominal_id"
    ).df()
    project_lines = connection.execute(
        "select line_id, line_name, phone_numbers, is_registered, register_line_ref "
        "from marts.deal_lines"
    ).df()
    mapping = map_lines(project_lines, truth_lines)
    predicted_cl = {person_of[n] for n in flagged["nominal_id"] if n in person_of}
    predicted_exploited = {person_of[n] for n in referrals["nominal_id"] if n in person_of}
    person_line: dict[str, str] = {}
    for row in referrals.itertuples():
        if row.nominal_id in person_of and isinstance(row.line_id, str):
            line = mapping.get(row.line_id)
            if line:
                person_line.setdefault(person_of[row.nominal_id], line)
    table = _persons_table(persons, identity)
    result = {"flag_mart": flag_mart}
    result.update(_measure_set(table, predicted_cl, predicted_exploited, person_line))
    result.update(_unregistered(project_lines, truth_lines, mapping))
    return result


def baseline_measures(
    connection: duckdb.DuckDBPyConnection,
    persons: pd.DataFrame,
    identity: pd.DataFrame,
    truth_lines: pd.DataFrame,
) -> dict[str, object]:
    """The keyword search: subjects of any report (any grading) containing a phrase.

    Exploited: the exploitation list plus subjects of reports with exploitation words. Line:
    a registered line whose name or phone the report writes. New lines: none (the team only
    knows the register).
    """
    nominal_person = identity[identity["source_system"] == "NOMINAL"]
    person_of = dict(zip(nominal_person["source_id"], nominal_person["person_id"], strict=True))
    reports = connection.execute(
        "select reports.intel_ref, lower(reports.report_text) as report_text, "
        "links.wmp_nominal_id from staging.stg_ims__intel_reports as reports "
        "inner join staging.stg_ims__intel_nominals as links "
        "on reports.intel_ref = links.intel_ref where links.link_type = 'SUBJECT' "
        # a person's first report (by reference) names their line: the same on every run
        "order by reports.intel_ref, links.wmp_nominal_id"
    ).df()
    text = reports["report_text"].fillna("")
    cl_hit = text.apply(lambda value: any(word in value for word in BASELINE_KEYWORDS))
    ex_hit = text.apply(lambda value: any(word in value for word in BASELINE_EXPLOITATION_KEYWORDS))
    listed = connection.execute(
        "select wmp_nominal_id from staging.stg_register__exploitation_list"
    ).df()
    predicted_cl = {person_of[n] for n in reports.loc[cl_hit, "wmp_nominal_id"] if n in person_of}
    predicted_exploited = {
        person_of[n] for n in reports.loc[ex_hit, "wmp_nominal_id"] if n in person_of
    } | {person_of[n] for n in listed["wmp_nominal_id"] if n in person_of}
    register = connection.execute(
        "select line_ref, upper(line_name) as line_name, phone_numbers "
        "from staging.stg_register__deal_lines"
    ).df()
    by_ref = {
        row.register_line_ref: row.line_id
        for row in truth_lines.itertuples()
        if row.register_line_ref
    }
    person_line: dict[str, str] = {}
    for row in reports.itertuples():
        person = person_of.get(row.wmp_nominal_id)
        if person is None or person in person_line:
            continue
        digits = "".join(ch for ch in row.report_text if ch.isdigit() or ch == " ")
        for line in register.itertuples():
            phones = _phones(line.phone_numbers)
            named = line.line_name.lower() in row.report_text.split()
            if named or any(phone in digits.replace(" ", "") for phone in phones):
                if line.line_ref in by_ref:
                    person_line[person] = by_ref[line.line_ref]
                break
    table = _persons_table(persons, identity)
    result: dict[str, object] = {"keywords": ", ".join(BASELINE_KEYWORDS)}
    result.update(_measure_set(table, predicted_cl, predicted_exploited, person_line))
    truth_new = truth_lines[truth_lines["register_line_ref"] == ""]
    result.update(
        {
            "unregistered_line_recall": 0.0,
            "unregistered_line_precision": 0.0,
            "unregistered_lines_found": 0,
            "unregistered_lines_truth": len(truth_new),
        }
    )
    return result


def _exists(connection: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when marts.<name> exists."""
    found = connection.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = ?",
        [name],
    ).fetchone()
    return bool(found and found[0])


def identification_measures(
    connection: duckdb.DuckDBPyConnection,
    persons: pd.DataFrame,
    identity: pd.DataFrame,
    truth_lines: pd.DataFrame,
) -> dict[str, object]:
    """Ours and the keyword baseline's measures, side by side (flat keys)."""
    ours = model_measures(connection, persons, identity, truth_lines)
    baseline = baseline_measures(connection, persons, identity, truth_lines)
    result: dict[str, object] = {}
    for key, value in ours.items():
        result[key] = value
    for key, value in baseline.items():
        result[f"baseline_{key}"] = value
    return result
