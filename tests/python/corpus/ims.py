"""Corpus rows for the intelligence system (ims/intel_reports, intel_nominals,
intel_entities), including every grade kind the credibility rule reads."""

from __future__ import annotations

_HOSTILE_REPORT = (
    'Source states "Tony" runs the line, from B97; uses 2 phones,\n'
    "deals at the park ('after school').\r\nEnds."
)
_SQL_LIKE = "'; drop table x; --"
_LONG_TEXT = ("Subject seen with \"runners\", 'cuckooed' flat, cash;\n" * 400)[:20_000]
_NON_LATIN = "Источник сообщает: 线路 «Тони» — مخدرات"
_HOSTILE_ADDRESS = 'Flat 1\n2 "Quoted" Road, Walsall, ws111aa'


def _report(ref: str, scheme: str, source: str, intel: str, **extra: str) -> dict[str, str]:
    """A usable report with the given grades (overridable by extra columns)."""
    row = {
        "intel_ref": ref,
        "submitted_date": "2024-02-01",
        "grading_scheme": scheme,
        "source_grade": source,
        "intel_grade": intel,
        "handling_code": "1" if scheme == "5x5x5" else "P",
        "origin": "OFFICER",
        "report_text": f"report {ref}",
    }
    row.update(extra)
    return row


_GOOD = _report(
    " ir/0000001 ",
    " 5X5X5 ",
    " b ",
    "2",
    submitted_date="15/01/2015",
    handling_code=" 1",
    origin="officer",
    npu=" bw ",
    report_text=_HOSTILE_REPORT,
)

ROWS = {
    "ims/intel_reports": [
        _GOOD,
        dict(_GOOD),  # exact duplicate (overlapping extract periods)
        _report(
            "IR/0000002",
            "3x5x2",
            "1",
            "c",
            handling_code="p",
            origin="Pins",
            pins_ref=" pr/000123 ",
            report_text=_NON_LATIN,
        ),
        _report("IR/0000003", "5x5x5", "C", "3", report_text=_LONG_TEXT),
        _report("IR/0000004", "5x5x5", "D", "1", report_text=_SQL_LIKE),
        _report("IR/0000005", "5x5x5", "a", "4"),
        _report("IR/0000006", "3x5x2", "2", "A"),
        _report("IR/0000007", "3x5x2", "1", "d"),
        _report("IR/0000008", "3x5x2", "", "A", origin="", handling_code=""),
        _report("IR/0000009", "5x5x5", "E", "5", handling_code="5", origin="crimestoppers"),
        # bad rows
        _report("", "5x5x5", "A", "1"),
        _report("IR/0000010", "5x5x5", "A", "1"),
        _report("IR/0000010", "5x5x5", "A", "2"),
        _report("IR/0000011", "", "A", "1"),
        _report("IR/0000012", "5x5x5", "A", "1", report_text="   "),
        _report("IR/0000013", "5x5x5", "A", "1", submitted_date=""),
        _report("IR/0000014", "5x5x5", "A", "1", submitted_date="2024-02-30"),
        _report("IR/0000015", "5x5x5", "A", "1", submitted_date="2025-07-01"),
        _report("IR/0000016", "5x5x5", "A", "1", submitted_date="01/01/1899"),
        _report("IR/0000017", "4x4x4", "A", "1"),
        _report("IR/0000018", "5x5x5", "A", "1", origin="RUMOUR"),
        _report("IR/0000019", "5x5x5", "1", "1"),
        _report("IR/0000020", "3x5x2", "1", "4"),
        _report("IR/0000021", "3x5x2", "1", "A", handling_code="3"),
        _report("IR/0000022", "5x5x5", "A", "1", handling_code="P"),
        _report("IR/0000023", "3x5x2", "Z", ""),
    ],
    "ims/intel_nominals": [
        {"intel_ref": "IR/0000001", "wmp_nominal_id": "N100001", "link_type": "subject"},
        {"intel_ref": "IR/0000001", "wmp_nominal_id": "N100001", "link_type": "subject"},
        {"intel_ref": "ir/0000001", "wmp_nominal_id": "N100001 ", "link_type": "SUBJECT"},
        {"intel_ref": " ir/0000001 ", "wmp_nominal_id": "n100002", "link_type": " Associate "},
        {"intel_ref": "IR/0000002", "wmp_nominal_id": "N100003", "link_type": "MENTIONED"},
        # bad rows
        {"intel_ref": "", "wmp_nominal_id": "N100001", "link_type": "SUBJECT"},
        {"intel_ref": "IR/0000002", "wmp_nominal_id": " ", "link_type": "SUBJECT"},
        {"intel_ref": "IR/0000002", "wmp_nominal_id": "N100004", "link_type": ""},
        {"intel_ref": "IR/0000002", "wmp_nominal_id": "N100004", "link_type": "WITNESS"},
        {"intel_ref": "IR/9999999", "wmp_nominal_id": "N100004", "link_type": "SUBJECT"},
        {"intel_ref": "IR/0000002", "wmp_nominal_id": "N999999", "link_type": "SUBJECT"},
        {"intel_ref": "IR/0000015", "wmp_nominal_id": "N100004", "link_type": "SUBJECT"},
    ],
    "ims/intel_entities": [
        {"intel_ref": "IR/0000001", "entity_type": "PHONE", "entity_value": "07700 900123"},
        {"intel_ref": "IR/0000001", "entity_type": "PHONE", "entity_value": "07700 900123"},
        {"intel_ref": " ir/0000001", "entity_type": "Phone", "entity_value": " 07700 900123 "},
        {"intel_ref": "IR/0000001", "entity_type": "phone", "entity_value": "07700900124"},
        {"intel_ref": "IR/0000001", "entity_type": " PHONE ", "entity_value": "+447700900125"},
        {"intel_ref": "IR/0000001", "entity_type": "PHONE", "entity_value": "(07700) 900-126"},
        {"intel_ref": "IR/0000001", "entity_type": "PHONE", "entity_value": "12345"},
        {"intel_ref": "IR/0000001", "entity_type": "line_name", "entity_value": " the  Tony line "},
        {"intel_ref": "IR/0000001", "entity_type": "LINE_NAME", "entity_value": _SQL_LIKE},
        {"intel_ref": "IR/0000002", "entity_type": "vehicle", "entity_value": "ab12 cde"},
        {
            "intel_ref": "IR/0000002",
            "entity_type": "ADDRESS",
            "entity_value": "12 High St, Redditch b97 4ab",
        },
        {"intel_ref": "IR/0000002", "entity_type": "ADDRESS", "entity_value": "ул. Ленина 5"},
        {"intel_ref": "IR/0000003", "entity_type": "ADDRESS", "entity_value": _HOSTILE_ADDRESS},
        # bad rows
        {"intel_ref": "", "entity_type": "PHONE", "entity_value": "07700900999"},
        {"intel_ref": "IR/0000002", "entity_type": "", "entity_value": "07700900998"},
        {"intel_ref": "IR/0000002", "entity_type": "PHONE", "entity_value": "  "},
        {"intel_ref": "IR/0000002", "entity_type": "EMAIL", "entity_value": "X@EXAMPLE.COM"},
        {"intel_ref": "IR/9999999", "entity_type": "PHONE", "entity_value": "07700900997"},
        # a report that exists in the extract but was quarantined (submitted in the future)
        {"intel_ref": "IR/0000015", "entity_type": "PHONE", "entity_value": "07700900996"},
    ],
}

EXPECTED_QUARANTINE = [
    ("ims/intel_reports", "row:*", "MISSING_KEY"),
    ("ims/intel_reports", "IR/0000010", "DUPLICATE_KEY_CONFLICT"),
    ("ims/intel_reports", "IR/0000010", "DUPLICATE_KEY_CONFLICT"),
    ("ims/intel_reports", "IR/0000011", "MISSING_REQUIRED"),
    ("ims/intel_reports", "IR/0000012", "MISSING_REQUIRED"),
    ("ims/intel_reports", "IR/0000013", "INVALID_DATE"),
    ("ims/intel_reports", "IR/0000014", "INVALID_DATE"),
    ("ims/intel_reports", "IR/0000015", "IMPOSSIBLE_DATE"),
    ("ims/intel_reports", "IR/0000016", "IMPOSSIBLE_DATE"),
    ("ims/intel_reports", "IR/0000017", "INVALID_CODE"),
    ("ims/intel_reports", "IR/0000018", "INVALID_CODE"),
    ("ims/intel_reports", "IR/0000019", "GRADE_SCHEME_MISMATCH"),
    ("ims/intel_reports", "IR/0000020", "GRADE_SCHEME_MISMATCH"),
    ("ims/intel_reports", "IR/0000021", "GRADE_SCHEME_MISMATCH"),
    ("ims/intel_reports", "IR/0000022", "GRADE_SCHEME_MISMATCH"),
    ("ims/intel_reports", "IR/0000023", "GRADE_SCHEME_MISMATCH"),
    ("ims/intel_nominals", "|N100001|SUBJECT", "MISSING_KEY"),
    ("ims/intel_nominals", "IR/0000002||SUBJECT", "MISSING_KEY"),
    ("ims/intel_nominals", "IR/0000002|N100004|", "MISSING_KEY"),
    ("ims/intel_nominals", "IR/0000002|N100004|WITNESS", "INVALID_CODE"),
    ("ims/intel_nominals", "IR/9999999|N100004|SUBJECT", "ORPHAN_LINK"),
    ("ims/intel_nominals", "IR/0000002|N999999|SUBJECT", "ORPHAN_LINK"),
    ("ims/intel_nominals", "IR/0000015|N100004|SUBJECT", "PARENT_QUARANTINED"),
    ("ims/intel_entities", "|PHONE|07700900999", "MISSING_KEY"),
    ("ims/intel_entities", "IR/0000002||07700900998", "MISSING_KEY"),
    ("ims/intel_entities", "IR/0000002|PHONE|", "MISSING_KEY"),
    ("ims/intel_entities", "IR/0000002|EMAIL|X@EXAMPLE.COM", "INVALID_CODE"),
    ("ims/intel_entities", "IR/9999999|PHONE|07700900997", "ORPHAN_LINK"),
    ("ims/intel_entities", "IR/0000015|PHONE|07700900996", "PARENT_QUARANTINED"),
]

_REPORTS = "stg_ims__intel_reports"
_LINKS = "stg_ims__intel_nominals"
_ENTITIES = "stg_ims__intel_entities"
_IR1 = "IR/0000001"
_IR2 = "IR/0000002"

EXPECTED_VALUES = [
    (_REPORTS, "intel_ref", _IR1, "submitted_date", "2015-01-15"),
    (_REPORTS, "intel_ref", _IR1, "grading_scheme", "5x5x5"),
    (_REPORTS, "intel_ref", _IR1, "source_grade", "B"),
    (_REPORTS, "intel_ref", _IR1, "intel_grade", "2"),
    (_REPORTS, "intel_ref", _IR1, "handling_code", "1"),
    (_REPORTS, "intel_ref", _IR1, "origin", "OFFICER"),
    (_REPORTS, "intel_ref", _IR1, "npu", "BW"),
    (_REPORTS, "intel_ref", _IR1, "pins_ref", None),
    (_REPORTS, "intel_ref", _IR1, "report_text", _HOSTILE_REPORT),
    (_REPORTS, "intel_ref", _IR2, "intel_grade", "C"),
    (_REPORTS, "intel_ref", _IR2, "handling_code", "P"),
    (_REPORTS, "intel_ref", _IR2, "origin", "PINS"),
    (_REPORTS, "intel_ref", _IR2, "pins_ref", "PR/000123"),
    (_REPORTS, "intel_ref", _IR2, "report_text", _NON_LATIN),
    (_REPORTS, "intel_ref", "IR/0000003", "report_text", _LONG_TEXT),
    (_REPORTS, "intel_ref", "IR/0000004", "report_text", _SQL_LIKE),
    (_REPORTS, "intel_ref", "IR/0000008", "source_grade", None),
    (_REPORTS, "intel_ref", "IR/0000008", "origin", None),
    (_LINKS, "wmp_nominal_id", "N100001", "link_type", "SUBJECT"),
    (_LINKS, "wmp_nominal_id", "N100002", "intel_ref", _IR1),
    (_LINKS, "wmp_nominal_id", "N100002", "link_type", "ASSOCIATE"),
    (_LINKS, "wmp_nominal_id", "N100003", "link_type", "MENTIONED"),
    (_ENTITIES, "entity_value", "07700 900123", "entity_value_normalised", "07700900123"),
    (_ENTITIES, "entity_value", "07700900124", "entity_type", "PHONE"),
    (_ENTITIES, "entity_value", "07700900124", "entity_value_normalised", "07700900124"),
    (_ENTITIES, "entity_value", "+447700900125", "entity_value_normalised", "07700900125"),
    (_ENTITIES, "entity_value", "(07700) 900-126", "entity_value_normalised", "07700900126"),
    (_ENTITIES, "entity_value", "12345", "entity_value_normalised", None),
    (_ENTITIES, "entity_value", "the  Tony line", "entity_value_normalised", "THE TONY LINE"),
    (_ENTITIES, "entity_value", _SQL_LIKE, "entity_type", "LINE_NAME"),
    (_ENTITIES, "entity_value", "ab12 cde", "entity_value_normalised", "AB12CDE"),
    (_ENTITIES, "entity_value", "12 High St, Redditch b97 4ab", "address_postcode", "B97 4AB"),
    (_ENTITIES, "entity_value", "12 High St, Redditch b97 4ab", "address_postcode_area", "B"),
    (_ENTITIES, "entity_value", "ул. Ленина 5", "address_postcode", None),
    (_ENTITIES, "entity_value", "ул. Ленина 5", "entity_value_normalised", "УЛ. ЛЕНИНА 5"),
    (_ENTITIES, "entity_value", _HOSTILE_ADDRESS, "address_postcode", "WS11 1AA"),
    (_ENTITIES, "entity_value", _HOSTILE_ADDRESS, "address_postcode_district", "WS11"),
]

# The credibility rule on the corpus reports: (intel_ref, is_credible, exclusion_reason) as
# intermediate.int_intel_reports_graded must hold them. Not read by the staging corpus test
# (which reads the staging schema); checked by hand and by the unit tests of the rule.
EXPECTED_CREDIBILITY = [
    (_IR1, True, None),
    (_IR2, True, None),
    ("IR/0000003", True, None),
    ("IR/0000004", False, "NOT_CREDIBLE_SOURCE"),
    ("IR/0000005", False, "NOT_CREDIBLE_INFORMATION"),
    ("IR/0000006", False, "NOT_CREDIBLE_SOURCE"),
    ("IR/0000007", False, "NOT_CREDIBLE_INFORMATION"),
    ("IR/0000008", False, "MISSING_GRADE"),
    ("IR/0000009", False, "NOT_CREDIBLE_SOURCE"),
]
