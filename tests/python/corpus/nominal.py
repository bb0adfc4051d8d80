"""Corpus rows for the force nominal index (nominal/nominals)."""

from __future__ import annotations

_GOOD = {
    "wmp_nominal_id": "N100001",
    "surname": "  o'neil ",
    "forenames": "zoë   ann",
    "date_of_birth": "05/03/2008",
    "sex": "f",
    "pnc_id": "2019/0012345a",
    "home_postcode": "b974ab",
    "warning_markers": "drugs; self_harm",
    "created_date": "2020-01-01",
}

ROWS = {
    "nominal/nominals": [
        _GOOD,
        dict(_GOOD),  # exact duplicate (overlapping extract periods)
        {
            "wmp_nominal_id": "N100002",
            "surname": "SMITH-JONES",
            "forenames": "Kai",
            "date_of_birth": "1900-01-01",
            "sex": " M ",
            "home_postcode": "WS11 1AA",
        },
        {
            "wmp_nominal_id": "N100003",
            "surname": "Ηλίας 李",
            "forenames": "Δημήτρης",
            "date_of_birth": "2001-12-31",
            "sex": "U",
        },
        {
            "wmp_nominal_id": "N100004",
            "surname": "Khan",
            "forenames": "Amir",
            "date_of_birth": "1990-01-01",
            "sex": "M",
            "home_postcode": "not a postcode",
        },
        # bad rows
        {"wmp_nominal_id": "", "surname": "Nokey"},
        {"wmp_nominal_id": "N100010", "surname": ""},
        {"wmp_nominal_id": "N100011", "surname": "Future", "date_of_birth": "2031-01-01"},
        {"wmp_nominal_id": "N100012", "surname": "Ancient", "date_of_birth": "1850-06-01"},
        {"wmp_nominal_id": "N100013", "surname": "Garbage", "date_of_birth": "31/31/2001"},
        {"wmp_nominal_id": "N100014", "surname": "Sexless", "sex": "X"},
        {"wmp_nominal_id": "N100015", "surname": "Twice", "date_of_birth": "1990-01-01"},
        {"wmp_nominal_id": "N100015", "surname": "Twice", "date_of_birth": "1990-01-02"},
    ],
}

EXPECTED_QUARANTINE = [
    ("nominal/nominals", "row:*", "MISSING_KEY"),
    ("nominal/nominals", "N100010", "MISSING_REQUIRED"),
    ("nominal/nominals", "N100011", "IMPOSSIBLE_DATE"),
    ("nominal/nominals", "N100012", "IMPOSSIBLE_DATE"),
    ("nominal/nominals", "N100014", "INVALID_CODE"),
    ("nominal/nominals", "N100015", "DUPLICATE_KEY_CONFLICT"),
    ("nominal/nominals", "N100015", "DUPLICATE_KEY_CONFLICT"),
]

EXPECTED_VALUES = [
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "surname", "O'NEIL"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "surname_std", "ONEIL"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "forenames", "ZOË ANN"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "forenames_std", "ZOE ANN"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "date_of_birth", "2008-03-05"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "sex", "F"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "pnc_id", "2019/0012345A"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "home_postcode", "B97 4AB"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "home_postcode_district", "B97"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "home_postcode_area", "B"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100001", "warning_markers", "DRUGS;SELF_HARM"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100002", "surname_std", "SMITH JONES"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100002", "date_of_birth", None),
    # a date of birth that is no date: the person is kept, the date of birth unknown
    ("stg_nominal__nominals", "wmp_nominal_id", "N100013", "surname", "GARBAGE"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100013", "date_of_birth", None),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100002", "sex", "M"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100002", "home_postcode_district", "WS11"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100003", "surname", "ΗΛΊΑΣ 李"),
    ("stg_nominal__nominals", "wmp_nominal_id", "N100004", "home_postcode", None),
]
