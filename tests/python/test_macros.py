"""The normalisation macros, compiled by dbt and run on DuckDB against hand-checked cases.

One `dbt compile --inline` renders every case; DuckDB then evaluates the SQL. The cases
include spellings the generator never writes, so the macros are not fitted to it.
"""

from __future__ import annotations

import json

import duckdb
import pytest
from extracts import write_extract

from countylines.dbt_run import run_dbt

# (macro call template with {x} for the input literal, input, expected output)
CASES: list[tuple[str, str | None, object]] = [
    # phones: the four documented spellings and others to one canonical form
    ("normalise_phone({x})", "07700 900123", "07700900123"),
    ("normalise_phone({x})", "07700900123", "07700900123"),
    ("normalise_phone({x})", "+447700900123", "07700900123"),
    ("normalise_phone({x})", "(07700) 900-123", "07700900123"),
    ("normalise_phone({x})", "0044 7700 900 123", "07700900123"),
    ("normalise_phone({x})", "7700900123", "07700900123"),
    ("normalise_phone({x})", "+44 (0)7700 900123", "07700900123"),
    ("normalise_phone({x})", "0121 496 0000", "01214960000"),
    ("normalise_phone({x})", "999", None),
    ("normalise_phone({x})", None, None),
    # Home Office codes
    ("normalise_ho_code({x})", "92/16", "092/16"),
    ("normalise_ho_code({x})", " 092/16 ", "092/16"),
    ("normalise_ho_code({x})", "8/1", "008/01"),
    ("normalise_ho_code({x})", "092 / 16", "092/16"),
    ("normalise_ho_code({x})", "09216", None),
    ("normalise_ho_code({x})", "ABC/DE", None),
    # postcodes
    ("normalise_postcode({x})", "b974ab", "B97 4AB"),
    ("normalise_postcode({x})", " B97  4AB ", "B97 4AB"),
    ("normalise_postcode({x})", "m1 1aa", "M1 1AA"),
    ("normalise_postcode({x})", "EC1A1BB", "EC1A 1BB"),
    ("normalise_postcode({x})", "not a postcode", None),
    ("postcode_district(normalise_postcode({x}))", "ws111aa", "WS11"),
    ("postcode_area(normalise_postcode({x}))", "ws111aa", "WS"),
    ("postcode_area(normalise_postcode({x}))", "m1 1aa", "M"),
    # names
    ("name_display({x})", "  o'neil  ", "O'NEIL"),
    ("name_display({x})", "zoë   ann", "ZOË ANN"),
    ("name_comparison({x})", "o'neil", "ONEIL"),
    ("name_comparison({x})", "Smith-Jones", "SMITH JONES"),
    ("name_comparison({x})", "Zoë", "ZOE"),
    ("name_comparison({x})", "  Ní  Bhriain ", "NI BHRIAIN"),
    ("name_comparison({x})", "'", None),
    ("name_key({x}, \"'SMITH'\")", "JOHN PAUL", "JOHN PAUL SMITH"),
    ("name_key(\"'SMITH'\", {x})", "JOHN", "JOHN SMITH"),
    ('name_key({x}, "cast(null as varchar)")', "JOHN", None),
    # codes
    ("normalise_code({x})", " suspect ", "SUSPECT"),
    ("normalise_code({x})", "3x5x2", "3X5X2"),
    ("normalise_code({x})", "   ", None),
    # dates
    ("parse_date({x})", "2024-02-29", "2024-02-29"),
    ("parse_date({x})", "29/02/2024", "2024-02-29"),
    ("parse_date({x})", "31/02/2024", None),
    ("parse_date({x})", "2024-13-01", None),
    ("parse_date_of_birth({x})", "1900-01-01", None),
    ("parse_date_of_birth({x})", "01/01/1900", None),
    ("parse_date_of_birth({x})", "05/03/2008", "2008-03-05"),
    ("parse_timestamp({x})", "2025-01-02 03:04:05", "2025-01-02 03:04:05"),
    ("is_invalid_date({x})", "yesterday", True),
    ("is_invalid_date({x})", "", False),
    ("is_impossible_date(parse_date({x}), \"cast('2025-06-30' as date)\")", "2025-07-01", True),
    ("is_impossible_date(parse_date({x}), \"cast('2025-06-30' as date)\")", "1899-12-31", True),
    ("is_impossible_date(parse_date({x}), \"cast('2025-06-30' as date)\")", "1900-01-01", False),
    ("is_impossible_date(parse_date({x}), \"cast('2025-06-30' as date)\")", None, False),
    # flags
    *[("parse_flag({x})", spelling, True) for spelling in ["Y", "yes", "1", "TRUE", "t"]],
    *[("parse_flag({x})", spelling, False) for spelling in ["n", "No", "0", "false", "F"]],
    ("parse_flag({x})", "", None),
    ("parse_flag({x})", "maybe", None),
    ("is_valid_flag({x})", "maybe", False),
    ("is_valid_flag({x})", " ", True),
    # ages
    ("age_at(parse_date({x}), \"cast('2025-06-30' as date)\")", "2008-06-30", 17),
    ("age_at(parse_date({x}), \"cast('2025-06-30' as date)\")", "2008-07-01", 16),
    ("age_at(parse_date({x}), \"cast('2024-02-28' as date)\")", "2008-02-29", 15),
    # numbers
    ("parse_int({x})", " 42 ", 42),
    ("parse_int({x})", "4.2", None),
    ("parse_decimal({x})", "0.75", 0.75),
    ("parse_decimal({x})", " -2 ", -2.0),
    ("parse_decimal({x})", "heavy", None),
    ("parse_decimal({x})", "1.2.3", None),
]


def _literal(value: str | None) -> str:
    if value is None:
        return "cast(null as varchar)"
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    """Each case's macro output, in order."""
    root = tmp_path_factory.mktemp("macros")
    raw = write_extract(root / "raw")
    columns = [
        "{{ " + template.format(x=json.dumps(_literal(value))) + " }} as c" + str(i)
        for i, (template, value, _) in enumerate(CASES)
    ]
    inline = "select " + ",\n".join(columns)
    target = root / "target"
    result = run_dbt(
        ["compile", "--inline", inline, "--output", "json", "--quiet"],
        raw,
        root / "wh.duckdb",
        target_path=target,
    )
    assert result.success, result.log[-3000:]
    compiled = json.loads(result.log[result.log.index("{") :])["compiled"]
    row = duckdb.connect().execute(compiled).fetchone()
    assert row is not None
    return list(row)


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=lambda v: str(v)[:50])
def test_macro_case(evaluated: list[object], index: int, case: tuple) -> None:
    _, value, expected = case
    actual = evaluated[index]
    if actual is not None and not isinstance(actual, (bool, int, float, str)):
        actual = str(actual)
    assert actual == expected, f"input {value!r}"


def test_cases_are_all_rendered(evaluated: list[object]) -> None:
    assert len(evaluated) == len(CASES)
