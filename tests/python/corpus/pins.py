"""Corpus rows for PINS prisoner intelligence (pins/releases, pins/prison_contacts)."""

from __future__ import annotations

# Hostile free text: quotes, commas, newlines, an SQL-like string, non-Latin script,
# leading and trailing spaces, and a 20,000-character field. Each must round-trip.
NOTES_HOSTILE = 'He said "no comment", then: \'; drop table x; --\nline two\n  indented, "quoted"  '
NOTES_LONG = 'ab,"c\n' * 3333 + "xy"
OFFENCE_NON_LATIN = "Хранение наркотиков — 販売目的の所持"

_RELEASE = {
    "pins_ref": "PR0001",
    "prison_number": " a1234bc ",
    "pnc_id": "2015/0123456b",
    "surname": "  mc'donald-SMITH ",
    "forenames": "josé  luis",
    "date_of_birth": "05/03/1990",
    "sex": " m ",
    "establishment": "  HMP Birmingham ",
    "release_date": "2026-01-15",  # after the extract date: a forthcoming release
    "release_type": " licence",
    "index_ho_code": "92/16",
    "index_offence": "Possession with intent, class A (crack, heroin)",
    "sentence_days": " 730 ",
    "release_postcode": "b974ab",
    "notes": NOTES_HOSTILE,
}


def _release(pins_ref: str, **overrides: str) -> dict[str, str]:
    """A valid minimal release notification with some fields overridden."""
    row = {
        "pins_ref": pins_ref,
        "prison_number": "B2345CD",
        "surname": "Bad",
        "release_date": "2024-06-01",
    }
    row.update(overrides)
    return row


def _contact(contact_id: str, **overrides: str) -> dict[str, str]:
    """A valid minimal prison contact with some fields overridden."""
    row = {"contact_id": contact_id, "pins_ref": "PR0001", "contact_type": "VISITOR"}
    row.update(overrides)
    return row


ROWS = {
    "pins/releases": [
        _RELEASE,
        dict(_RELEASE),  # exact duplicate (overlapping extract periods)
        {
            # forenames and surname look swapped; unknown date-of-birth marker
            "pins_ref": "PR0002",
            "prison_number": "C3456DE",
            "surname": "JAMES",
            "forenames": "SMITH",
            "date_of_birth": "1900-01-01",
            "sex": "U",
            "release_date": "2025-03-01",
            "release_type": "HDC",
            "index_ho_code": " 092/16 ",
            "index_offence": OFFENCE_NON_LATIN,
            "release_postcode": "WS11 1AA",
            "notes": NOTES_LONG,
        },
        {
            "pins_ref": "PR0003",
            "prison_number": "D4567EF",
            "surname": "Ηλίας",
            "forenames": "Zoë",
            "date_of_birth": "2001-12-31",
            "release_date": "2025-06-30",
            "release_type": "Sentence_Expiry ",
            "release_postcode": "not a postcode",
        },
        # bad rows
        _release("", surname="Nokey"),
        _release("PR0010", prison_number=""),
        _release("PR0011", surname="  "),
        _release("PR0012", release_date=""),
        _release("PR0013", release_date="31/31/2025"),
        _release("PR0014", date_of_birth="2030-01-01"),
        _release("PR0015", date_of_birth="1850-06-01"),
        _release("PR0016", release_date="1899-12-31"),
        _release("PR0017", sex="X"),
        _release("PR0018", release_type="PAROLE"),
        _release("PR0019", index_ho_code="ABC"),
        _release("PR0020", sentence_days="two years"),
        _release("PR0021", sentence_days="10"),
        _release("PR0021", sentence_days="11"),
    ],
    "pins/prison_contacts": [
        _contact(
            "C0001",
            surname="o'brien",
            forenames="  Siobhán ",
            date_of_birth="1995-07-14",
            pnc_id=" 2010/0000001z",
            phone="07700 900123",
        ),
        _contact(
            "C0001",
            surname="o'brien",
            forenames="  Siobhán ",
            date_of_birth="1995-07-14",
            pnc_id=" 2010/0000001z",
            phone="07700 900123",
        ),  # exact duplicate
        _contact("C0002", contact_type=" phone_contact ", phone="07700900123"),
        _contact("C0003", pins_ref="PR0002", contact_type="Cellmate", phone="+447700900123"),
        _contact("C0004", pins_ref="pr0002", contact_type="co_defendant", phone="(07700) 900-123"),
        _contact("C0005", phone="12345", date_of_birth="1900-01-01"),
        # bad rows
        _contact("", surname="Nokey"),
        _contact("C0010", pins_ref=""),
        _contact("C0011", contact_type=""),
        _contact("C0012", date_of_birth="2001-02-30"),
        _contact("C0013", date_of_birth="2099-01-01"),
        _contact("C0014", contact_type="FRIEND"),
        _contact("C0015", pins_ref="PR9999"),  # a release that exists nowhere
        _contact("C0015", pins_ref="PR9999"),  # ... and its exact duplicate
        _contact("C0016", pins_ref="PR0013"),  # a release that was quarantined
        _contact("C0017", phone="07700900001"),
        _contact("C0017", phone="07700900002"),
    ],
}

EXPECTED_QUARANTINE = [
    ("pins/releases", "row:*", "MISSING_KEY"),
    ("pins/releases", "PR0010", "MISSING_REQUIRED"),
    ("pins/releases", "PR0011", "MISSING_REQUIRED"),
    ("pins/releases", "PR0012", "INVALID_DATE"),
    ("pins/releases", "PR0013", "INVALID_DATE"),
    ("pins/releases", "PR0014", "IMPOSSIBLE_DATE"),
    ("pins/releases", "PR0015", "IMPOSSIBLE_DATE"),
    ("pins/releases", "PR0016", "IMPOSSIBLE_DATE"),
    ("pins/releases", "PR0017", "INVALID_CODE"),
    ("pins/releases", "PR0018", "INVALID_CODE"),
    ("pins/releases", "PR0019", "INVALID_CODE"),
    ("pins/releases", "PR0020", "INVALID_CODE"),
    ("pins/releases", "PR0021", "DUPLICATE_KEY_CONFLICT"),
    ("pins/releases", "PR0021", "DUPLICATE_KEY_CONFLICT"),
    ("pins/prison_contacts", "row:*", "MISSING_KEY"),
    ("pins/prison_contacts", "C0010", "MISSING_REQUIRED"),
    ("pins/prison_contacts", "C0011", "MISSING_REQUIRED"),
    ("pins/prison_contacts", "C0013", "IMPOSSIBLE_DATE"),
    ("pins/prison_contacts", "C0014", "INVALID_CODE"),
    ("pins/prison_contacts", "C0015", "ORPHAN_LINK"),
    ("pins/prison_contacts", "C0016", "PARENT_QUARANTINED"),
    ("pins/prison_contacts", "C0017", "DUPLICATE_KEY_CONFLICT"),
    ("pins/prison_contacts", "C0017", "DUPLICATE_KEY_CONFLICT"),
]

_R = ("stg_pins__releases", "pins_ref")
_C = ("stg_pins__prison_contacts", "contact_id")

EXPECTED_VALUES = [
    (*_R, "PR0001", "prison_number", "A1234BC"),
    (*_C, "C0012", "date_of_birth", None),  # 2001-02-30: kept, date unknown
    (*_R, "PR0001", "pnc_id", "2015/0123456B"),
    (*_R, "PR0001", "surname", "MC'DONALD-SMITH"),
    (*_R, "PR0001", "surname_std", "MCDONALD SMITH"),
    (*_R, "PR0001", "forenames", "JOSÉ LUIS"),
    (*_R, "PR0001", "forenames_std", "JOSE LUIS"),
    (*_R, "PR0001", "date_of_birth", "1990-03-05"),
    (*_R, "PR0001", "sex", "M"),
    (*_R, "PR0001", "establishment", "HMP Birmingham"),
    (*_R, "PR0001", "release_date", "2026-01-15"),
    (*_R, "PR0001", "release_type", "LICENCE"),
    (*_R, "PR0001", "index_ho_code", "092/16"),
    (*_R, "PR0001", "sentence_days", 730),
    (*_R, "PR0001", "release_postcode", "B97 4AB"),
    (*_R, "PR0001", "release_postcode_district", "B97"),
    (*_R, "PR0001", "release_postcode_area", "B"),
    (*_R, "PR0001", "notes", NOTES_HOSTILE),
    (*_R, "PR0002", "surname", "JAMES"),
    (*_R, "PR0002", "forenames", "SMITH"),
    (*_R, "PR0002", "date_of_birth", None),
    (*_R, "PR0002", "index_ho_code", "092/16"),
    (*_R, "PR0002", "index_offence", OFFENCE_NON_LATIN),
    (*_R, "PR0002", "notes", NOTES_LONG),
    (*_R, "PR0002", "release_postcode_district", "WS11"),
    (*_R, "PR0003", "surname", "ΗΛΊΑΣ"),
    (*_R, "PR0003", "forenames_std", "ZOE"),
    (*_R, "PR0003", "release_type", "SENTENCE_EXPIRY"),
    (*_R, "PR0003", "release_postcode", None),
    (*_C, "C0001", "surname", "O'BRIEN"),
    (*_C, "C0001", "surname_std", "OBRIEN"),
    (*_C, "C0001", "forenames", "SIOBHÁN"),
    (*_C, "C0001", "forenames_std", "SIOBHAN"),
    (*_C, "C0001", "pnc_id", "2010/0000001Z"),
    (*_C, "C0001", "phone", "07700900123"),
    (*_C, "C0001", "phone_raw", "07700 900123"),
    (*_C, "C0001", "date_of_birth", "1995-07-14"),
    (*_C, "C0002", "contact_type", "PHONE_CONTACT"),
    (*_C, "C0002", "phone", "07700900123"),
    (*_C, "C0003", "contact_type", "CELLMATE"),
    (*_C, "C0003", "phone", "07700900123"),
    (*_C, "C0004", "pins_ref", "PR0002"),
    (*_C, "C0004", "contact_type", "CO_DEFENDANT"),
    (*_C, "C0004", "phone", "07700900123"),
    (*_C, "C0004", "phone_raw", "(07700) 900-123"),
    (*_C, "C0005", "phone", None),
    (*_C, "C0005", "phone_raw", "12345"),
    (*_C, "C0005", "date_of_birth", None),
]
