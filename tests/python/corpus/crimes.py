"""Corpus rows for the force crime system (crimes/crimes, crimes/crime_nominals)."""

from __future__ import annotations

_HOSTILE_DESCRIPTION = 'He said "give me the phone, now", then left\nwith £20, a knife\r\nand a bag'
_SQL_LIKE = "'; drop table x; --"
_LONG_TEXT = ("county lines, 'wraps' \"burner\"\n" * 700)[:20_000]
_NON_LATIN = "Кража телефона: 偷窃手机 — سرقة"

_GOOD = {
    "crime_ref": " 20cr/0000001/24 ",
    "recorded_date": "2024-03-01",
    "offence_date": "28/02/2024",
    "ho_code": " 92/16 ",
    "offence_description": _HOSTILE_DESCRIPTION,
    "npu": " bw ",
    "lsoa_code": "e01009999",
    "postcode": "b974ab",
    "markers": "drugs; county_lines ;Cce",
    "mo_text": _SQL_LIKE,
    "outcome_code": " 1 ",
}

ROWS = {
    "crimes/crimes": [
        _GOOD,
        dict(_GOOD),  # exact duplicate (overlapping extract periods)
        {
            "crime_ref": "20CR/0000002/24",
            "recorded_date": "2024-05-10",
            "ho_code": "092/16",
            "offence_description": _NON_LATIN,
            "postcode": "WS11 1AA",
            "mo_text": _LONG_TEXT,
            "outcome_code": "22",
        },
        {
            "crime_ref": "20CR/0000003/24",
            "recorded_date": "2025-06-30",
            "offence_date": "2025-06-29",
            "ho_code": "8/1",
            "postcode": "not a postcode",
            "markers": "",
        },
        # bad rows
        {"crime_ref": "", "recorded_date": "2024-01-01", "ho_code": "092/16"},
        {"crime_ref": "20CR/0000010/24", "recorded_date": "2024-01-01", "ho_code": "092/16"},
        {"crime_ref": "20CR/0000010/24", "recorded_date": "2024-01-02", "ho_code": "092/16"},
        {"crime_ref": "20CR/0000011/24", "recorded_date": "2024-01-01", "ho_code": " "},
        # a missing ho_code wins over a bad date (first reason that applies)
        {"crime_ref": "20CR/0000012/24", "recorded_date": "garbage", "ho_code": ""},
        {"crime_ref": "20CR/0000013/24", "recorded_date": "", "ho_code": "092/16"},
        {"crime_ref": "20CR/0000014/24", "recorded_date": "31/02/2024", "ho_code": "092/16"},
        {
            "crime_ref": "20CR/0000015/24",
            "recorded_date": "2024-01-01",
            "offence_date": "2024-13-01",
            "ho_code": "092/16",
        },
        {"crime_ref": "20CR/0000016/24", "recorded_date": "2025-07-01", "ho_code": "092/16"},
        {
            "crime_ref": "20CR/0000017/24",
            "recorded_date": "2024-01-01",
            "offence_date": "1899-12-31",
            "ho_code": "092/16",
        },
        {"crime_ref": "20CR/0000018/24", "recorded_date": "2024-01-01", "ho_code": "92-16"},
        {
            "crime_ref": "20CR/0000019/24",
            "recorded_date": "2024-01-01",
            "ho_code": "092/16",
            "outcome_code": "23",
        },
        {
            "crime_ref": "20CR/0000020/24",
            "recorded_date": "2024-01-01",
            "ho_code": "092/16",
            "outcome_code": "0",
        },
        {
            "crime_ref": "20CR/0000021/24",
            "recorded_date": "2024-01-01",
            "ho_code": "092/16",
            "outcome_code": "4.5",
        },
    ],
    "crimes/crime_nominals": [
        {"crime_ref": "20CR/0000001/24", "wmp_nominal_id": "N100001", "role": "suspect"},
        {"crime_ref": "20CR/0000001/24", "wmp_nominal_id": "N100001", "role": "suspect"},
        # the same link with other case and spaces: a duplicate copy too
        {"crime_ref": "20cr/0000001/24", "wmp_nominal_id": " n100001", "role": "SUSPECT "},
        {"crime_ref": " 20cr/0000001/24 ", "wmp_nominal_id": "n100002", "role": " Victim "},
        {"crime_ref": "20CR/0000002/24", "wmp_nominal_id": "N100003", "role": "WITNESS"},
        {"crime_ref": "20CR/0000002/24", "wmp_nominal_id": "N100001", "role": "offender"},
        # bad rows
        {"crime_ref": "", "wmp_nominal_id": "N100001", "role": "SUSPECT"},
        {"crime_ref": "20CR/0000003/24", "wmp_nominal_id": "", "role": "SUSPECT"},
        {"crime_ref": "20CR/0000003/24", "wmp_nominal_id": "N100004", "role": ""},
        {"crime_ref": "20CR/0000003/24", "wmp_nominal_id": "N100004", "role": "BYSTANDER"},
        {"crime_ref": "20CR/9999999/24", "wmp_nominal_id": "N100004", "role": "SUSPECT"},
        {"crime_ref": "20CR/0000003/24", "wmp_nominal_id": "N999999", "role": "VICTIM"},
        # links to rows that exist in the extract but were quarantined
        {"crime_ref": "20CR/0000016/24", "wmp_nominal_id": "N100004", "role": "SUSPECT"},
        {"crime_ref": "20CR/0000003/24", "wmp_nominal_id": "N100010", "role": "SUSPECT"},
        # a quarantined crime, but a nominal that exists nowhere: still an orphan
        {"crime_ref": "20CR/0000016/24", "wmp_nominal_id": "N999999", "role": "WITNESS"},
    ],
}

EXPECTED_QUARANTINE = [
    ("crimes/crimes", "row:*", "MISSING_KEY"),
    ("crimes/crimes", "20CR/0000010/24", "DUPLICATE_KEY_CONFLICT"),
    ("crimes/crimes", "20CR/0000010/24", "DUPLICATE_KEY_CONFLICT"),
    ("crimes/crimes", "20CR/0000011/24", "MISSING_REQUIRED"),
    ("crimes/crimes", "20CR/0000012/24", "MISSING_REQUIRED"),
    ("crimes/crimes", "20CR/0000013/24", "INVALID_DATE"),
    ("crimes/crimes", "20CR/0000014/24", "INVALID_DATE"),
    ("crimes/crimes", "20CR/0000015/24", "INVALID_DATE"),
    ("crimes/crimes", "20CR/0000016/24", "IMPOSSIBLE_DATE"),
    ("crimes/crimes", "20CR/0000017/24", "IMPOSSIBLE_DATE"),
    ("crimes/crimes", "20CR/0000018/24", "INVALID_CODE"),
    ("crimes/crimes", "20CR/0000019/24", "INVALID_CODE"),
    ("crimes/crimes", "20CR/0000020/24", "INVALID_CODE"),
    ("crimes/crimes", "20CR/0000021/24", "INVALID_CODE"),
    ("crimes/crime_nominals", "|N100001|SUSPECT", "MISSING_KEY"),
    ("crimes/crime_nominals", "20CR/0000003/24||SUSPECT", "MISSING_KEY"),
    ("crimes/crime_nominals", "20CR/0000003/24|N100004|", "MISSING_KEY"),
    ("crimes/crime_nominals", "20CR/0000003/24|N100004|BYSTANDER", "INVALID_CODE"),
    ("crimes/crime_nominals", "20CR/9999999/24|N100004|SUSPECT", "ORPHAN_LINK"),
    ("crimes/crime_nominals", "20CR/0000003/24|N999999|VICTIM", "ORPHAN_LINK"),
    ("crimes/crime_nominals", "20CR/0000016/24|N100004|SUSPECT", "PARENT_QUARANTINED"),
    ("crimes/crime_nominals", "20CR/0000003/24|N100010|SUSPECT", "PARENT_QUARANTINED"),
    ("crimes/crime_nominals", "20CR/0000016/24|N999999|WITNESS", "ORPHAN_LINK"),
]

_CRIMES = "stg_crimes__crimes"
_LINKS = "stg_crimes__crime_nominals"
_C1 = "20CR/0000001/24"
_C2 = "20CR/0000002/24"
_C3 = "20CR/0000003/24"

EXPECTED_VALUES = [
    (_CRIMES, "crime_ref", _C1, "recorded_date", "2024-03-01"),
    (_CRIMES, "crime_ref", _C1, "offence_date", "2024-02-28"),
    (_CRIMES, "crime_ref", _C1, "ho_code", "092/16"),
    (_CRIMES, "crime_ref", _C1, "npu", "BW"),
    (_CRIMES, "crime_ref", _C1, "lsoa_code", "E01009999"),
    (_CRIMES, "crime_ref", _C1, "postcode", "B97 4AB"),
    (_CRIMES, "crime_ref", _C1, "postcode_district", "B97"),
    (_CRIMES, "crime_ref", _C1, "postcode_area", "B"),
    (_CRIMES, "crime_ref", _C1, "markers", "DRUGS;COUNTY_LINES;CCE"),
    (_CRIMES, "crime_ref", _C1, "offence_description", _HOSTILE_DESCRIPTION),
    (_CRIMES, "crime_ref", _C1, "mo_text", _SQL_LIKE),
    (_CRIMES, "crime_ref", _C1, "outcome_code", 1),
    (_CRIMES, "crime_ref", _C2, "offence_description", _NON_LATIN),
    (_CRIMES, "crime_ref", _C2, "mo_text", _LONG_TEXT),
    (_CRIMES, "crime_ref", _C2, "outcome_code", 22),
    (_CRIMES, "crime_ref", _C2, "offence_date", None),
    (_CRIMES, "crime_ref", _C2, "postcode_district", "WS11"),
    (_CRIMES, "crime_ref", _C3, "ho_code", "008/01"),
    (_CRIMES, "crime_ref", _C3, "postcode", None),
    (_CRIMES, "crime_ref", _C3, "markers", None),
    (_CRIMES, "crime_ref", _C3, "outcome_code", None),
    (_LINKS, "wmp_nominal_id", "N100002", "crime_ref", _C1),
    (_LINKS, "wmp_nominal_id", "N100002", "role", "VICTIM"),
    (_LINKS, "wmp_nominal_id", "N100003", "role", "WITNESS"),
    (_LINKS, "role", "SUSPECT", "wmp_nominal_id", "N100001"),
    (_LINKS, "role", "OFFENDER", "crime_ref", _C2),
]
