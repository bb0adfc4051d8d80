"""Corpus rows for ICIS custody (icis/custody_records)."""

from __future__ import annotations

_HOSTILE_REASON = "Arrested for PWITS; said \"it's not mine, officer\",\nthen: 'no comment'."
_SQL_LIKE = "'; drop table x; --"
_LONG_PROPERTY = ("£1,250 cash; 2 phones (\"burner\"); 14 wraps, 'deal' list\n" * 400)[:20_000]
_NON_LATIN = "Задержанный: «не моё» — 我不知道 — لا تعليق"


def _custody(ref: str, **extra: str) -> dict[str, str]:
    """A usable custody record (overridable by extra columns)."""
    row = {
        "custody_ref": ref,
        "wmp_nominal_id": "N100004",
        "arrested_at": "2024-04-01 09:15:00",
        "arresting_force": "West Midlands Police",
        "outcome": "NFA",
    }
    row.update(extra)
    return row


_GOOD = _custody(
    " cu/0000001 ",
    wmp_nominal_id=" n100001",
    pnc_id=" 2019/0012345a ",
    arrested_at="01/03/2024 14:30:00",
    occurrence_ref=" oc/24/1 ",
    arrest_ho_code=" 92/16",
    arrest_reason=_HOSTILE_REASON,
    arrest_postcode="b974ab",
    arresting_force="  West Midlands Police ",
    age_at_arrest=" 16 ",
    appropriate_adult="Y",
    property_text=_LONG_PROPERTY,
    detainee_comments=_SQL_LIKE,
    outcome=" charged ",
)

ROWS = {
    "icis/custody_records": [
        _GOOD,
        dict(_GOOD),  # exact duplicate (overlapping extract periods)
        _custody(
            "CU/0000002",
            wmp_nominal_id="N100002",
            appropriate_adult="yes",
            arresting_force="West Mercia Police",
            arrest_postcode="WR1 1AA",
            detainee_comments=_NON_LATIN,
            outcome=" bail ",
        ),
        _custody(
            "CU/0000003",
            appropriate_adult="1",
            arresting_force="WEST-MERCIA  police.",
            outcome="rui",
        ),
        _custody("CU/0000004", appropriate_adult="TRUE", outcome="Caution"),
        _custody("CU/0000005", appropriate_adult="N", outcome="REMAND"),
        _custody("CU/0000006", appropriate_adult="No"),
        _custody("CU/0000007", appropriate_adult="0"),
        _custody("CU/0000008", appropriate_adult="false"),
        _custody("CU/0000009", appropriate_adult="", outcome="", arresting_force=""),
        _custody("CU/0000010", appropriate_adult="T", arrested_at="2025-06-30 23:59:59"),
        _custody("CU/0000011", appropriate_adult="f", age_at_arrest="-0", arrest_postcode="xyz"),
        # bad rows
        _custody(""),
        _custody("CU/0000020", age_at_arrest="15"),
        _custody("CU/0000020", age_at_arrest="16"),
        _custody("CU/0000021", wmp_nominal_id=" "),
        # a missing nominal wins over a bad timestamp (first reason that applies)
        _custody("CU/0000022", wmp_nominal_id="", arrested_at="yesterday"),
        _custody("CU/0000023", arrested_at=""),
        _custody("CU/0000024", arrested_at="2024-02-30 10:00:00"),
        _custody("CU/0000025", arrested_at="2025-07-01 00:00:01"),
        _custody("CU/0000026", arrested_at="31/12/1899 23:59:59"),
        _custody("CU/0000027", arrest_ho_code="XX/YY"),
        _custody("CU/0000028", outcome="RELEASED"),
        _custody("CU/0000029", appropriate_adult="maybe"),
        _custody("CU/0000030", age_at_arrest="sixteen"),
        _custody("CU/0000031", age_at_arrest="16.5"),
        _custody("CU/0000032", wmp_nominal_id="N999999"),
        # the nominal exists in the extract but was quarantined (impossible date of birth)
        _custody("CU/0000033", wmp_nominal_id="N100011"),
    ],
}

EXPECTED_QUARANTINE = [
    ("icis/custody_records", "row:*", "MISSING_KEY"),
    ("icis/custody_records", "CU/0000020", "DUPLICATE_KEY_CONFLICT"),
    ("icis/custody_records", "CU/0000020", "DUPLICATE_KEY_CONFLICT"),
    ("icis/custody_records", "CU/0000021", "MISSING_REQUIRED"),
    ("icis/custody_records", "CU/0000022", "MISSING_REQUIRED"),
    ("icis/custody_records", "CU/0000023", "INVALID_DATE"),
    ("icis/custody_records", "CU/0000024", "INVALID_DATE"),
    ("icis/custody_records", "CU/0000025", "IMPOSSIBLE_DATE"),
    ("icis/custody_records", "CU/0000026", "IMPOSSIBLE_DATE"),
    ("icis/custody_records", "CU/0000027", "INVALID_CODE"),
    ("icis/custody_records", "CU/0000028", "INVALID_CODE"),
    ("icis/custody_records", "CU/0000029", "INVALID_CODE"),
    ("icis/custody_records", "CU/0000030", "INVALID_CODE"),
    ("icis/custody_records", "CU/0000031", "INVALID_CODE"),
    ("icis/custody_records", "CU/0000032", "ORPHAN_LINK"),
    ("icis/custody_records", "CU/0000033", "PARENT_QUARANTINED"),
]

_CUSTODY = "stg_icis__custody_records"
_CU1 = "CU/0000001"


def _flag(ref: str, expected: bool | None) -> tuple[str, str, str, str, bool | None]:
    return (_CUSTODY, "custody_ref", ref, "has_appropriate_adult", expected)


EXPECTED_VALUES = [
    (_CUSTODY, "custody_ref", _CU1, "wmp_nominal_id", "N100001"),
    (_CUSTODY, "custody_ref", _CU1, "pnc_id", "2019/0012345A"),
    (_CUSTODY, "custody_ref", _CU1, "arrested_at", "2024-03-01 14:30:00"),
    (_CUSTODY, "custody_ref", _CU1, "occurrence_ref", "OC/24/1"),
    (_CUSTODY, "custody_ref", _CU1, "arrest_ho_code", "092/16"),
    (_CUSTODY, "custody_ref", _CU1, "arrest_reason", _HOSTILE_REASON),
    (_CUSTODY, "custody_ref", _CU1, "arrest_postcode", "B97 4AB"),
    (_CUSTODY, "custody_ref", _CU1, "arrest_postcode_district", "B97"),
    (_CUSTODY, "custody_ref", _CU1, "arrest_postcode_area", "B"),
    (_CUSTODY, "custody_ref", _CU1, "arresting_force", "West Midlands Police"),
    (_CUSTODY, "custody_ref", _CU1, "arresting_force_match_key", "WEST MIDLANDS POLICE"),
    (_CUSTODY, "custody_ref", _CU1, "age_at_arrest", 16),
    (_CUSTODY, "custody_ref", _CU1, "property_text", _LONG_PROPERTY),
    (_CUSTODY, "custody_ref", _CU1, "detainee_comments", _SQL_LIKE),
    (_CUSTODY, "custody_ref", _CU1, "outcome", "CHARGED"),
    (_CUSTODY, "custody_ref", "CU/0000002", "detainee_comments", _NON_LATIN),
    (_CUSTODY, "custody_ref", "CU/0000002", "outcome", "BAIL"),
    (_CUSTODY, "custody_ref", "CU/0000002", "arrest_postcode_area", "WR"),
    (_CUSTODY, "custody_ref", "CU/0000003", "arresting_force", "WEST-MERCIA  police."),
    (_CUSTODY, "custody_ref", "CU/0000003", "arresting_force_match_key", "WEST MERCIA POLICE"),
    (_CUSTODY, "custody_ref", "CU/0000003", "outcome", "RUI"),
    (_CUSTODY, "custody_ref", "CU/0000004", "outcome", "CAUTION"),
    (_CUSTODY, "custody_ref", "CU/0000009", "outcome", None),
    (_CUSTODY, "custody_ref", "CU/0000009", "arresting_force", None),
    (_CUSTODY, "custody_ref", "CU/0000010", "arrested_at", "2025-06-30 23:59:59"),
    (_CUSTODY, "custody_ref", "CU/0000011", "age_at_arrest", 0),
    (_CUSTODY, "custody_ref", "CU/0000011", "arrest_postcode", None),
    _flag(_CU1, True),
    _flag("CU/0000002", True),
    _flag("CU/0000003", True),
    _flag("CU/0000004", True),
    _flag("CU/0000005", False),
    _flag("CU/0000006", False),
    _flag("CU/0000007", False),
    _flag("CU/0000008", False),
    _flag("CU/0000009", None),
    _flag("CU/0000010", True),
    _flag("CU/0000011", False),
]
