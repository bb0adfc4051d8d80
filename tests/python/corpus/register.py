"""Corpus rows for the county lines team's registers (register/deal_lines,
register/exploitation_list). The exploitation list links to nominal ids N100001..N100004
(nominal.py)."""

from __future__ import annotations

NOTES_HOSTILE = 'Mum says "he\'s with Dex", phone 07700 900123,\nseen in Redditch\r\nagain.'
NOTES_SQL = "'; drop table x; --"
NOTES_NON_LATIN = "Сестра сообщает о давлении. 姐姐说有人逼他送货。"
NOTES_LONG = "County line runner; " * 1000

_LINE = {
    "line_ref": "DL001",
    "line_name": "  Jay's   Line ",
    "phone_numbers": "07700 900123;07700900456; +447700900789 ;(07700) 900-321",
    "origin_npu": " bw ",
    "destination_towns": "Redditch; Great  Malvern ;Kidderminster",
    "first_reported_date": "2024-03-01",
    "status": " active",
}


def _line(line_ref: str, **overrides: str) -> dict[str, str]:
    """A valid minimal deal line with some fields overridden."""
    row = {"line_ref": line_ref, "line_name": "Bad"}
    row.update(overrides)
    return row


def _entry(nominal_id: str, **overrides: str) -> dict[str, str]:
    """A valid minimal exploitation list entry with some fields overridden."""
    row = {"wmp_nominal_id": nominal_id}
    row.update(overrides)
    return row


ROWS = {
    "register/deal_lines": [
        _LINE,
        dict(_LINE),  # exact duplicate
        _line(
            "DL002",
            line_name="Δέλτα-line «2»",
            phone_numbers="+447700900555;07700 900555",
            destination_towns="Worcester;WORCESTER;;",
            first_reported_date="15/06/2023",
            status="Closed",
        ),
        _line("DL003", phone_numbers="", destination_towns="", status=""),
        _line("DL004", phone_numbers="not a phone;07700900999"),
        # bad rows
        _line("", line_name="Nokey"),
        _line("DL010", line_name=" "),
        _line("DL011", first_reported_date="2024-02-30"),
        _line("DL012", first_reported_date="2025-12-01"),
        _line("DL013", status="DORMANT"),
        _line("DL014", origin_npu="BW"),
        _line("DL014", origin_npu="CV"),
    ],
    "register/exploitation_list": [
        _entry("N100001", date_added="2024-05-01", notes=NOTES_HOSTILE),
        _entry("N100001", date_added="2024-05-01", notes=NOTES_HOSTILE),  # exact duplicate
        _entry(" n100002", date_added="01/06/2024", notes=NOTES_SQL),
        _entry("N100003", notes=NOTES_NON_LATIN),
        _entry("N100004", notes=NOTES_LONG),
        # bad rows
        _entry("", notes="Nokey"),
        _entry("N200001", date_added="2024-13-01"),
        _entry("N200002", date_added="2031-01-01"),
        _entry("N200003", notes="one"),
        _entry("N200003", notes="two"),
        _entry("N999999"),  # exists nowhere
        _entry("N100014"),  # a nominal that was quarantined
    ],
}

EXPECTED_QUARANTINE = [
    ("register/deal_lines", "row:*", "MISSING_KEY"),
    ("register/deal_lines", "DL010", "MISSING_REQUIRED"),
    ("register/deal_lines", "DL011", "INVALID_DATE"),
    ("register/deal_lines", "DL012", "IMPOSSIBLE_DATE"),
    ("register/deal_lines", "DL013", "INVALID_CODE"),
    ("register/deal_lines", "DL014", "DUPLICATE_KEY_CONFLICT"),
    ("register/deal_lines", "DL014", "DUPLICATE_KEY_CONFLICT"),
    ("register/exploitation_list", "row:*", "MISSING_KEY"),
    ("register/exploitation_list", "N200001", "INVALID_DATE"),
    ("register/exploitation_list", "N200002", "IMPOSSIBLE_DATE"),
    ("register/exploitation_list", "N200003", "DUPLICATE_KEY_CONFLICT"),
    ("register/exploitation_list", "N200003", "DUPLICATE_KEY_CONFLICT"),
    ("register/exploitation_list", "N999999", "ORPHAN_LINK"),
    ("register/exploitation_list", "N100014", "PARENT_QUARANTINED"),
]

_L = ("stg_register__deal_lines", "line_ref")
_P = ("stg_register__deal_line_phones", "phone")
_D = ("stg_register__deal_line_destinations", "destination_town_match_key")
_X = ("stg_register__exploitation_list", "wmp_nominal_id")

EXPECTED_VALUES = [
    (*_L, "DL001", "line_name", "Jay's   Line"),
    (*_L, "DL001", "line_name_match_key", "JAY S LINE"),
    (*_L, "DL001", "phone_numbers", "07700900123;07700900456;07700900789;07700900321"),
    (*_L, "DL001", "phone_numbers_raw", _LINE["phone_numbers"]),
    (*_L, "DL001", "has_unparsed_phone", False),
    (*_L, "DL001", "origin_npu", "BW"),
    (*_L, "DL001", "destination_towns", "Redditch;Great Malvern;Kidderminster"),
    (*_L, "DL001", "first_reported_date", "2024-03-01"),
    (*_L, "DL001", "status", "ACTIVE"),
    (*_L, "DL002", "line_name", "Δέλτα-line «2»"),
    (*_L, "DL002", "line_name_match_key", "ΔΕΛΤΑ LINE 2"),
    (*_L, "DL002", "phone_numbers", "07700900555;07700900555"),
    (*_L, "DL002", "destination_towns", "Worcester;WORCESTER"),
    (*_L, "DL002", "first_reported_date", "2023-06-15"),
    (*_L, "DL002", "status", "CLOSED"),
    (*_L, "DL003", "phone_numbers", None),
    (*_L, "DL003", "destination_towns", None),
    (*_L, "DL003", "status", None),
    (*_L, "DL004", "phone_numbers", "07700900999"),
    (*_L, "DL004", "phone_numbers_raw", "not a phone;07700900999"),
    (*_L, "DL004", "has_unparsed_phone", True),
    (*_P, "07700900456", "line_ref", "DL001"),
    (*_P, "07700900456", "phone_position", 2),
    (*_P, "07700900321", "phone_position", 4),
    (*_P, "07700900555", "line_ref", "DL002"),
    (*_P, "07700900555", "phone_position", 1),
    (*_P, "07700900999", "line_ref", "DL004"),
    (*_D, "GREAT MALVERN", "destination_town", "Great Malvern"),
    (*_D, "GREAT MALVERN", "destination_position", 2),
    (*_D, "KIDDERMINSTER", "line_ref", "DL001"),
    (*_D, "WORCESTER", "destination_town", "Worcester"),
    (*_D, "WORCESTER", "line_ref", "DL002"),
    (*_X, "N100001", "notes", NOTES_HOSTILE),
    (*_X, "N100001", "added_date", "2024-05-01"),
    (*_X, "N100002", "notes", NOTES_SQL),
    (*_X, "N100002", "added_date", "2024-06-01"),
    (*_X, "N100003", "notes", NOTES_NON_LATIN),
    (*_X, "N100003", "added_date", None),
    (*_X, "N100004", "notes", NOTES_LONG),
]
