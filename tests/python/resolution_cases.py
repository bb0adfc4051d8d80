"""Hand-made hard cases of identity resolution, added to a generated extract as further
files of its tables (the union of `<table>*.csv` is the table)."""

from __future__ import annotations

import csv
from pathlib import Path

# (wmp_nominal_id, surname, forenames, date_of_birth, sex, pnc_id, home_postcode)
NOMINALS = [
    ("N9900001", "Okafor", "Chidi", "2009-04-12", "M", "", "B12 9AA"),  # twins
    ("N9900002", "Okafor", "Emeka", "2009-04-12", "M", "", "B12 9AA"),
    ("N9900003", "Whittaker", "Gary", "1970-02-03", "M", "", "WS2 8AA"),  # father and son
    ("N9900004", "Whittaker", "Gary", "1996-08-21", "M", "", "WS2 8AA"),
    ("N9900005", "Fenwick", "Lucinda", "2006-03-07", "F", "", "DY1 4AA"),  # day/month swap
    ("N9900006", "FENWICK", "lucinda", "07/07/2006", "F", "", "dy14aa"),
    ("N9900007", "Abernathy", "Quentin", "1999-05-05", "M", "", "CV1 1AA"),  # swapped names
    ("N9900008", "Quentin", "Abernathy", "1999-05-05", "M", "", "CV1 1AA"),
    ("N9900009", "Holloway", "Desmond", "1988-01-30", "M", "2011/0456789B", "B70 1AA"),
    ("N9900010", "Przybylski", "Zbigniew", "1979-11-11", "M", "", "B71 2AA"),
    # two people of one name; the second offended with the prisoner N9900009
    ("N9900011", "Featherstonehaugh", "Ignatius", "1985-06-14", "M", "", "B20 3AA"),
    ("N9900012", "Featherstonehaugh", "Ignatius", "1992-09-27", "M", "", "B21 4AA"),
]
# a crime the prisoner N9900009 and N9900012 are both suspects of
CRIME = {
    "crime_ref": "20CR/0990001/24",
    "recorded_date": "2024-05-01",
    "ho_code": "092/16",
    "offence_description": "POSSESSION WITH INTENT TO SUPPLY CLASS A",
}
CRIME_NOMINALS = [
    {"crime_ref": "20CR/0990001/24", "wmp_nominal_id": "N9900009", "role": "SUSPECT"},
    {"crime_ref": "20CR/0990001/24", "wmp_nominal_id": "N9900012", "role": "SUSPECT"},
]
# the prison release of N9900009 with a mistyped PNC id
RELEASE = {
    "pins_ref": "PR9900001",
    "prison_number": "A9900ZZ",
    "pnc_id": "2011/0456798B",
    "surname": "HOLLOWAY",
    "forenames": "Desmond",
    "date_of_birth": "1988-01-30",
    "sex": "M",
    "establishment": "HMP Birmingham",
    "release_date": "2025-03-01",
    "release_type": "LICENCE",
}
# contacts of the prisoner known only by name: the unique Zbigniew Przybylski of the index
# (no known association: suggested, not merged); the Ignatius Featherstonehaugh the
# prisoner offended with (two in the index: the known associate is the one); a visitor
# unknown to police recorded on two visits (one person: same prisoner, same name)
CONTACTS = [
    {
        "contact_id": "PC9900001",
        "pins_ref": "PR9900001",
        "contact_type": "VISITOR",
        "surname": "Przybylski",
        "forenames": "Zbigniew",
    },
    {
        "contact_id": "PC9900002",
        "pins_ref": "PR9900001",
        "contact_type": "PHONE_CONTACT",
        "surname": "Featherstonehaugh",
        "forenames": "Ignatius",
    },
    {
        "contact_id": "PC9900003",
        "pins_ref": "PR9900001",
        "contact_type": "VISITOR",
        "surname": "Olabisi-Thorne",
        "forenames": "Marguerite",
    },
    {
        "contact_id": "PC9900004",
        "pins_ref": "PR9900001",
        "contact_type": "VISITOR",
        "surname": "OLABISI THORNE",
        "forenames": "marguerite",
    },
]


def _append_file(path: Path, rows: list[dict[str, str]]) -> None:
    """Write rows as a further file of an existing table (same header)."""
    table_file = sorted(path.parent.glob(path.stem.split("_cases")[0] + "*.csv"))[0]
    with open(table_file, encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="")
        writer.writeheader()
        writer.writerows(rows)


NOMINAL_COLUMNS = [
    "wmp_nominal_id",
    "surname",
    "forenames",
    "date_of_birth",
    "sex",
    "pnc_id",
    "home_postcode",
]


def add_cases(raw: Path) -> None:
    """Add the hard cases to the extract at `raw`."""
    _append_file(
        raw / "nominal" / "nominals_cases.csv",
        [dict(zip(NOMINAL_COLUMNS, row, strict=True)) for row in NOMINALS],
    )
    _append_file(raw / "pins" / "releases_cases.csv", [RELEASE])
    _append_file(raw / "pins" / "prison_contacts_cases.csv", CONTACTS)
    _append_file(raw / "crimes" / "crimes_cases.csv", [CRIME])
    _append_file(raw / "crimes" / "crime_nominals_cases.csv", CRIME_NOMINALS)
