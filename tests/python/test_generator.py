"""The synthetic generator: contract shape, identity truth, determinism, dirt and bad rows.

One `small` extract is generated per module (a few seconds) and every test reads it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from countylines.contract import EXTRACT_DATE_FILE, TABLES, TABLES_BY_KEY
from countylines.generator import generate_extract
from countylines.generator.dirt import BAD_KINDS
from countylines.paths import PROJECT_DIR

SEED = 7
EXTRACT_DATE = "2025-06-30"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DMY_DATE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
NOMINAL_ID = re.compile(r"^N\d+$")
PNC = re.compile(r"^\d{4}/\d{7}[A-Z]$")
PRISON_NUMBER = re.compile(r"^[A-Z]\d{4}[A-Z]{2}$")
HO_CODE = re.compile(r"^\d{1,3}/\d{2}$")
PHONE_FORMATS = {
    "spaced": re.compile(r"^07\d{3} \d{6}$"),
    "plain": re.compile(r"^07\d{9}$"),
    "international": re.compile(r"^\+447\d{9}$"),
    "brackets": re.compile(r"^\(07\d{3}\) \d{3}-\d{3}$"),
}
FLAG_SPELLINGS = {"Y", "N", "YES", "NO", "1", "0", "TRUE", "FALSE", ""}
DATE_COLUMNS = {
    "nominal/nominals": ("date_of_birth", "created_date"),
    "crimes/crimes": ("recorded_date", "offence_date"),
    "ims/intel_reports": ("submitted_date",),
    "pins/releases": ("date_of_birth", "release_date"),
    "pins/prison_contacts": ("date_of_birth",),
    "compact/missing_persons": ("date_of_birth",),
    "compact/episode_associates": ("date_of_birth",),
    "soc/soc_groups": ("mapped_date",),
    "register/deal_lines": ("first_reported_date",),
    "register/exploitation_list": ("date_added",),
}
TIMESTAMP_COLUMNS = {
    "icis/custody_records": ("arrested_at",),
    "compact/missing_episodes": ("reported_at", "found_at"),
}
CODE_SETS = {
    ("nominal/nominals", "sex"): {"M", "F", "U"},
    ("crimes/crime_nominals", "role"): {"SUSPECT", "OFFENDER", "VICTIM", "WITNESS", "OTHER"},
    ("ims/intel_reports", "grading_scheme"): {"5x5x5", "3x5x2"},
    ("ims/intel_reports", "origin"): {"OFFICER", "PUBLIC", "CRIMESTOPPERS", "PARTNER", "PINS"},
    ("ims/intel_nominals", "link_type"): {"SUBJECT", "ASSOCIATE", "MENTIONED"},
    ("ims/intel_entities", "entity_type"): {"PHONE", "LINE_NAME", "VEHICLE", "ADDRESS"},
    ("icis/custody_records", "outcome"): {"CHARGED", "BAIL", "RUI", "NFA", "CAUTION", "REMAND"},
    ("pins/releases", "release_type"): {"LICENCE", "SENTENCE_EXPIRY", "HDC", "REMAND"},
    ("pins/prison_contacts", "contact_type"): {
        "VISITOR",
        "CELLMATE",
        "PHONE_CONTACT",
        "CO_DEFENDANT",
    },
    ("compact/missing_episodes", "risk_level"): {"HIGH", "MEDIUM", "LOW", "NO_APPARENT_RISK"},
    ("compact/episode_associates", "association"): {
        "FOUND_WITH",
        "BELIEVED_WITH",
        "REPORTED_CONTACT",
    },
    ("soc/soc_groups", "group_type"): {"OCG", "USG"},
    ("soc/soc_members", "member_role"): {"PRINCIPAL", "SIGNIFICANT", "PERIPHERAL", ""},
    ("register/deal_lines", "status"): {"ACTIVE", "CLOSED"},
}


def _generate(root: Path, seed: int) -> tuple[Path, Path]:
    raw, truth = root / "raw", root / "truth"
    generate_extract(scale="small", seed=seed, out_dir=raw, truth_dir=truth)
    return raw, truth


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(raw, truth) folders of one small extract."""
    return _generate(tmp_path_factory.mktemp("generated"), SEED)


@pytest.fixture(scope="module")
def raw(extract: tuple[Path, Path]) -> Path:
    return extract[0]


@pytest.fixture(scope="module")
def truth(extract: tuple[Path, Path]) -> Path:
    return extract[1]


def table_files(raw: Path, key: str) -> list[Path]:
    table = TABLES_BY_KEY[key]
    return sorted((raw / table.system).glob(f"{table.name}*.csv"))


def read_table(raw: Path, key: str) -> pd.DataFrame:
    """The union of a table's files, every value a string ('' for empty)."""
    frames = [
        pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for path in table_files(raw, key)
    ]
    return pd.concat(frames, ignore_index=True)


def read_truth(truth: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(truth / f"{name}.csv", dtype=str, keep_default_na=False)


def bad_rows(truth: Path, key: str, kind: str | None = None) -> set[str]:
    manifest = read_truth(truth, "bad_rows")
    manifest = manifest[manifest["table"] == key]
    if kind:
        manifest = manifest[manifest["kind"] == kind]
    return set(manifest["record_key"])


def row_keys(df: pd.DataFrame, key: str) -> pd.Series:
    """The manifest record key of each row: the primary key, or the required columns joined."""
    table = TABLES_BY_KEY[key]
    first = table.columns[0].name
    if key in PK_TABLES:
        return df[first]
    return df[table.required_columns].astype(str).agg("|".join, axis=1)


PK_TABLES = {
    "nominal/nominals",
    "crimes/crimes",
    "ims/intel_reports",
    "icis/custody_records",
    "pins/releases",
    "pins/prison_contacts",
    "compact/missing_persons",
    "compact/missing_episodes",
    "compact/episode_associates",
    "soc/soc_groups",
    "register/deal_lines",
    "register/exploitation_list",
}


# --- shape -------------------------------------------------------------------------------


def test_extract_date_file(raw: Path) -> None:
    assert (raw / EXTRACT_DATE_FILE).read_text().strip() == EXTRACT_DATE


@pytest.mark.parametrize("key", [table.key for table in TABLES])
def test_every_table_has_exactly_the_contract_columns(raw: Path, key: str) -> None:
    files = table_files(raw, key)
    assert files, f"no file for {key}"
    headers = []
    for path in files:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            headers.append(next(csv.reader(handle)))
    assert all(header == headers[0] for header in headers), "files of one table differ"
    expected = TABLES_BY_KEY[key].column_names
    assert sorted(headers[0]) == sorted(expected)
    assert len(headers[0]) == len(expected)


@pytest.mark.parametrize("key", [table.key for table in TABLES])
def test_every_row_has_every_field_and_the_table_is_not_empty(raw: Path, key: str) -> None:
    for path in table_files(raw, key):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert all(len(row) == len(rows[0]) for row in rows), path
    assert len(read_table(raw, key)) > 0


def test_messy_files_bom_crlf_shuffled_and_split(raw: Path) -> None:
    files = sorted(raw.rglob("*.csv"))
    starts = {path: path.read_bytes()[:3] for path in files}
    assert any(start == b"\xef\xbb\xbf" for start in starts.values()), "no BOM file"
    assert any(b"\r\n" in path.read_bytes()[:2000] for path in files), "no CRLF file"
    shuffled = []
    for table in TABLES:
        with open(table_files(raw, table.key)[0], encoding="utf-8-sig", newline="") as handle:
            shuffled.append(next(csv.reader(handle)) != table.column_names)
    assert any(shuffled), "no table with a shuffled column order"
    assert [p.name for p in table_files(raw, "crimes/crimes")] == [
        "crimes_2024.csv",
        "crimes_2025.csv",
    ]


def test_free_text_needs_rfc4180_quoting(raw: Path) -> None:
    texts = pd.concat(
        [
            read_table(raw, "crimes/crimes")["mo_text"],
            read_table(raw, "ims/intel_reports")["report_text"],
            read_table(raw, "compact/missing_episodes")["return_interview_text"],
        ]
    )
    assert texts.str.contains(",", regex=False).any()
    assert texts.str.contains('"', regex=False).any()
    assert texts.str.contains("\n", regex=False).any()


# --- values ------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(DATE_COLUMNS))
def test_dates_parse(raw: Path, key: str) -> None:
    df = read_table(raw, key)
    for column in DATE_COLUMNS[key]:
        values = df[column]
        ok = values.eq("") | values.str.match(ISO_DATE)
        if column == "date_of_birth":
            ok |= values.str.match(DMY_DATE)
        assert ok.all(), values[~ok].head().tolist()
        iso = values[values.str.match(ISO_DATE)]
        pd.to_datetime(iso, format="%Y-%m-%d")  # raises if a date does not exist


@pytest.mark.parametrize("key", sorted(TIMESTAMP_COLUMNS))
def test_timestamps_parse(raw: Path, key: str) -> None:
    df = read_table(raw, key)
    for column in TIMESTAMP_COLUMNS[key]:
        values = df[column]
        assert (values.eq("") | values.str.match(TIMESTAMP)).all()


def test_ids_in_documented_forms(raw: Path, truth: Path) -> None:
    nominal_columns = {
        "nominal/nominals": "wmp_nominal_id",
        "crimes/crime_nominals": "wmp_nominal_id",
        "ims/intel_nominals": "wmp_nominal_id",
        "icis/custody_records": "wmp_nominal_id",
        "compact/missing_persons": "wmp_nominal_id",
        "soc/soc_members": "wmp_nominal_id",
        "register/exploitation_list": "wmp_nominal_id",
    }
    for key, column in nominal_columns.items():
        values = read_table(raw, key)[column]
        assert (values.eq("") | values.str.match(NOMINAL_ID)).all(), key
    for key in ("nominal/nominals", "icis/custody_records", "pins/releases"):
        values = read_table(raw, key)["pnc_id"]
        assert (values.eq("") | values.str.match(PNC)).all(), key
    releases = read_table(raw, "pins/releases")
    numbers = releases["prison_number"]
    assert numbers.str.match(PRISON_NUMBER).all()
    crimes = read_table(raw, "crimes/crimes")
    assert crimes["ho_code"].str.strip().str.match(HO_CODE).all()


def test_codes_in_documented_sets_except_bad_rows(raw: Path, truth: Path) -> None:
    for (key, column), allowed in CODE_SETS.items():
        df = read_table(raw, key)
        normalised = df[column].str.strip().str.upper()
        allowed_upper = {value.upper() for value in allowed}
        outside = df[~normalised.isin(allowed_upper)]
        keys = set(row_keys(outside, key))
        assert keys <= bad_rows(truth, key, "BAD_CODE") | bad_rows(truth, key, "BAD_GRADE"), (
            key,
            column,
            sorted(keys)[:5],
        )


def test_flags_in_documented_spellings(raw: Path) -> None:
    for key, column in (
        ("icis/custody_records", "appropriate_adult"),
        ("compact/missing_persons", "is_looked_after"),
        ("compact/missing_episodes", "cce_concern"),
    ):
        spellings = set(read_table(raw, key)[column].str.upper())
        assert spellings <= FLAG_SPELLINGS, (key, spellings - FLAG_SPELLINGS)


def test_phones_in_the_four_formats(raw: Path) -> None:
    entities = read_table(raw, "ims/intel_entities")
    phones = pd.concat(
        [
            entities.loc[entities["entity_type"] == "PHONE", "entity_value"],
            read_table(raw, "pins/prison_contacts")["phone"],
            read_table(raw, "compact/episode_associates")["phone"],
            read_table(raw, "register/deal_lines")["phone_numbers"].str.split(";").explode(),
        ]
    )
    phones = phones[phones != ""]
    seen = {name for name, pattern in PHONE_FORMATS.items() if phones.str.match(pattern).any()}
    assert seen == set(PHONE_FORMATS)
    matched = pd.concat([phones.str.match(p) for p in PHONE_FORMATS.values()], axis=1).any(axis=1)
    assert matched.all(), phones[~matched].head().tolist()


def test_ho_codes_are_real_home_office_codes(raw: Path, truth: Path) -> None:
    candidates = [
        PROJECT_DIR.parent / "shared" / "reference" / "cchi_2020.csv",
        *sorted((PROJECT_DIR / "seeds").rglob("*cchi*.csv")),
    ]
    reference = next((path for path in candidates if path.exists()), None)
    if reference is None:
        pytest.skip("CCHI reference not available")
    codes = set(pd.read_csv(reference, dtype=str)["ho_offence_code"])
    crimes = read_table(raw, "crimes/crimes")
    normalised = (
        crimes["ho_code"]
        .str.strip()
        .str.split("/")
        .map(lambda parts: f"{int(parts[0]):03d}/{parts[1]}")
    )
    unknown = crimes[~normalised.isin(codes)]
    assert set(unknown["crime_ref"]) <= bad_rows(truth, "crimes/crimes", "BAD_CODE")


# --- truth -------------------------------------------------------------------------------

IDENTITY_SOURCES = {
    "NOMINAL": ("nominal/nominals", "wmp_nominal_id"),
    "PINS": ("pins/releases", "prison_number"),
    "COMPACT": ("compact/missing_persons", "compact_person_id"),
    "PINS_CONTACT": ("pins/prison_contacts", "contact_id"),
    "COMPACT_ASSOCIATE": ("compact/episode_associates", "associate_id"),
}


def test_every_source_person_record_appears_once_in_identity(raw: Path, truth: Path) -> None:
    identity = read_truth(truth, "identity")
    assert not identity.duplicated(["source_system", "source_id"]).any()
    assert set(identity["source_system"]) == set(IDENTITY_SOURCES)
    persons = set(read_truth(truth, "persons")["person_id"])
    assert set(identity["person_id"]) <= persons
    for system, (key, column) in IDENTITY_SOURCES.items():
        ids = set(read_table(raw, key)[column]) - {""}
        listed = set(identity.loc[identity["source_system"] == system, "source_id"])
        assert ids == listed, (system, len(ids ^ listed))


def test_truth_files_have_the_contract_columns(truth: Path) -> None:
    expected = {
        "persons": [
            "person_id",
            "date_of_birth",
            "sex",
            "is_county_lines",
            "cl_role",
            "is_exploited",
            "line_id",
            "group_id",
        ],
        "identity": ["source_system", "source_id", "person_id"],
        "lines": [
            "line_id",
            "line_name",
            "phone_numbers",
            "group_id",
            "register_line_ref",
            "threat",
        ],
        "groups": ["group_id", "group_type", "soc_group_id"],
        "bad_rows": ["table", "record_key", "kind"],
    }
    for name, columns in expected.items():
        assert list(read_truth(truth, name).columns) == columns


def test_county_lines_people_are_a_small_minority_of_nominals(truth: Path) -> None:
    persons = read_truth(truth, "persons")
    identity = read_truth(truth, "identity")
    nominal_people = set(identity.loc[identity["source_system"] == "NOMINAL", "person_id"])
    cl = set(persons.loc[persons["is_county_lines"] == "Y", "person_id"])
    share = len(cl & nominal_people) / len(nominal_people)
    assert 0.01 <= share <= 0.03, share
    exploited = persons[persons["is_exploited"] == "Y"]
    assert set(exploited["cl_role"]) <= {"RUNNER", "CUCKOOED"}


def test_lines_and_register(raw: Path, truth: Path) -> None:
    lines = read_truth(truth, "lines")
    assert len(lines) >= 6
    registered = lines[lines["register_line_ref"] != ""]
    assert 0.55 <= len(registered) / len(lines) <= 0.75
    deal_lines = read_table(raw, "register/deal_lines")
    assert set(registered["register_line_ref"]) == set(deal_lines["line_ref"]) - {""}
    assert pd.to_numeric(lines["threat"]).gt(0).all()
    groups = read_truth(truth, "groups")
    in_soc = groups[groups["soc_group_id"] != ""]
    assert 0 < len(in_soc) < len(groups)
    assert set(in_soc["soc_group_id"]) == set(read_table(raw, "soc/soc_groups")["soc_group_id"])


def test_exploited_runners_go_missing_and_are_found_out_of_force(raw: Path, truth: Path) -> None:
    persons = read_truth(truth, "persons")
    identity = read_truth(truth, "identity")
    compact = identity[identity["source_system"] == "COMPACT"].merge(persons, on="person_id")
    runners = set(compact.loc[compact["cl_role"] == "RUNNER", "source_id"])
    episodes = read_table(raw, "compact/missing_episodes")
    runner_episodes = episodes[episodes["compact_person_id"].isin(runners)]
    other_episodes = episodes[~episodes["compact_person_id"].isin(runners)]
    away = runner_episodes["found_force"].ne("West Midlands Police") & runner_episodes[
        "found_force"
    ].ne("")
    assert away.mean() > 0.3
    assert runner_episodes.groupby("compact_person_id").size().mean() > 1.5
    assert len(other_episodes) > 0


def test_identity_hard_cases_present(raw: Path, truth: Path) -> None:
    nominals = read_table(raw, "nominal/nominals")
    identity = read_truth(truth, "identity")
    person_of = dict(zip(identity["source_id"], identity["person_id"], strict=True))
    nominals = nominals[nominals["wmp_nominal_id"].isin(person_of)].copy()
    nominals["person_id"] = nominals["wmp_nominal_id"].map(person_of)
    # duplicate ids: some people hold more than one nominal id
    per_person = nominals.groupby("person_id")["wmp_nominal_id"].nunique()
    assert 0.03 <= (per_person > 1).mean() <= 0.10
    # common names: many distinct people share a surname
    surnames = nominals.assign(s=nominals["surname"].str.strip().str.upper())
    assert surnames.groupby("s")["person_id"].nunique().max() > 50
    # twins and father/son: distinct people with the same surname and (dob or forenames)
    key = nominals.assign(
        s=nominals["surname"].str.strip().str.upper(),
        f=nominals["forenames"].str.strip().str.upper(),
    )
    same_dob = key.groupby(["s", "date_of_birth", "home_postcode"])["person_id"].nunique()
    same_name = key.groupby(["s", "f", "home_postcode"])["person_id"].nunique()
    assert (same_dob > 1).any()
    assert (same_name > 1).any()


# --- dirt and bad rows ---------------------------------------------------------------------


def test_every_dirt_kind_present(raw: Path, truth: Path) -> None:
    nominals = read_table(raw, "nominal/nominals")
    names = pd.concat([nominals["surname"], nominals["forenames"]])
    assert names.str.fullmatch(r"[^a-z]*[A-Z]{3,}[^a-z]*").any(), "no upper-case names"
    assert names.str.fullmatch(r"[^A-Z]*[a-z]{3,}[^A-Z]*").any(), "no lower-case names"
    assert names.str.match(r"^\s|.*\s$").any(), "no stray spaces"
    assert names.str.contains("'", regex=False).any(), "no apostrophes"
    assert names.str.contains("-", regex=False).any(), "no hyphens"
    assert names.str.contains(r"[ëéśłŁâ]", regex=True).any(), "no accents"
    dobs = nominals["date_of_birth"]
    assert dobs.str.match(DMY_DATE).any()
    assert dobs.eq("1900-01-01").any()
    postcodes = nominals["home_postcode"]
    assert postcodes.str.match(r"^[a-z]").any()
    assert postcodes.str.match(r"^[A-Za-z]{1,2}\d{1,2}[A-Za-z]?\d[A-Za-z]{2}$").any()
    roles = read_table(raw, "crimes/crime_nominals")["role"]
    assert (roles != roles.str.strip().str.upper()).any(), "no messy codes"
    ho = read_table(raw, "crimes/crimes")["ho_code"]
    assert ho.str.match(r"^\d{2}/\d{2}$").any(), "no short ho codes"
    flags = set(read_table(raw, "icis/custody_records")["appropriate_adult"].str.upper())
    assert {"Y", "N", "YES", "NO", "1", "0", "TRUE", "FALSE", ""} <= flags
    for key in ("nominal/nominals", "crimes/crimes", "crimes/crime_nominals"):
        assert read_table(raw, key).duplicated().any(), f"no exact duplicates in {key}"


def test_every_bad_row_kind_present(raw: Path, truth: Path) -> None:
    manifest = read_truth(truth, "bad_rows")
    assert set(BAD_KINDS) <= set(manifest["kind"])
    nominals = read_table(raw, "nominal/nominals")
    assert nominals["wmp_nominal_id"].eq("").any()  # missing key
    keyed = nominals[nominals["wmp_nominal_id"] != ""]
    dup = keyed[keyed.duplicated("wmp_nominal_id", keep=False)].drop_duplicates()
    assert dup.duplicated("wmp_nominal_id").any()  # duplicate key, different content
    crimes = read_table(raw, "crimes/crimes")
    dates = crimes["recorded_date"]
    assert ((dates > EXTRACT_DATE) | (dates < "1900-01-01")).any()  # impossible date
    links = read_table(raw, "crimes/crime_nominals")
    known = set(nominals["wmp_nominal_id"])
    assert (~links["wmp_nominal_id"].isin(known) & links["wmp_nominal_id"].ne("")).any()
    assert (~links["crime_ref"].isin(set(crimes["crime_ref"]))).any()
    reports = read_table(raw, "ims/intel_reports")
    old = reports["grading_scheme"].str.strip() == "5x5x5"
    assert reports.loc[old, "source_grade"].str.strip().str.match(r"^\d$").any()
    assert reports["grading_scheme"].eq("4x4x4").any()
    releases = read_table(raw, "pins/releases")
    assert releases["release_date"].gt(EXTRACT_DATE).any()  # forthcoming release: legal


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_manifest_rows_exist_in_the_extract(raw: Path, truth: Path, kind: str) -> None:
    manifest = read_truth(truth, "bad_rows")
    manifest = manifest[manifest["kind"] == kind]
    for key, group in manifest.groupby("table"):
        keys = set(row_keys(read_table(raw, key), key))
        assert set(group["record_key"]) <= keys, (key, kind)


def test_county_lines_text_is_not_one_keyword(raw: Path, truth: Path) -> None:
    crimes = read_table(raw, "crimes/crimes")
    reports = read_table(raw, "ims/intel_reports")
    text = pd.concat([crimes["mo_text"], reports["report_text"]]).str.lower()
    for word in ("county lines", "going ot", "bando", "cuckoo", "graft", "trap", "nitt"):
        assert text.str.contains(word, regex=False).any(), word
    background_drugs = crimes["markers"].eq("") & crimes["mo_text"].str.contains("cannabis")
    assert background_drugs.any()
    marked = crimes["markers"].str.contains("COUNTY_LINES")
    assert 0 < marked.mean() < 0.2


# --- determinism ---------------------------------------------------------------------------


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_seed_same_bytes_and_different_seed_different_bytes(
    extract: tuple[Path, Path], tmp_path: Path
) -> None:
    raw, truth = extract
    again_raw, again_truth = _generate(tmp_path / "again", SEED)
    assert _digest(raw) == _digest(again_raw)
    assert _digest(truth) == _digest(again_truth)
    other_raw, _ = _generate(tmp_path / "other", SEED + 1)
    first, other = _digest(raw), _digest(other_raw)
    assert first.keys() == other.keys()
    assert all(first[name] != other[name] for name in first if name != EXTRACT_DATE_FILE)


def test_unknown_scale_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown scale"):
        generate_extract(scale="huge", seed=1, out_dir=tmp_path / "r", truth_dir=tmp_path / "t")


# --- observations of the world -----------------------------------------------------------


def test_custody_co_arrests_transfers_and_appropriate_adults(raw: Path) -> None:
    custody = read_table(raw, "icis/custody_records")
    shared = custody.loc[custody["occurrence_ref"] != "", "occurrence_ref"].value_counts()
    assert (shared > 1).any(), "no co-arrests"
    forces = set(custody["arresting_force"])
    assert "West Midlands Police" in forces and len(forces) > 1
    ages = pd.to_numeric(custody["age_at_arrest"], errors="coerce")
    children = custody[ages < 18]
    yes = children["appropriate_adult"].str.strip().str.upper().isin({"Y", "YES", "1", "TRUE"})
    assert yes.mean() > 0.8


def test_exploited_people_appear_as_suspects(raw: Path, truth: Path) -> None:
    persons = read_truth(truth, "persons")
    identity = read_truth(truth, "identity")
    nominal = identity[identity["source_system"] == "NOMINAL"].merge(persons, on="person_id")
    exploited_ids = set(nominal.loc[nominal["is_exploited"] == "Y", "source_id"])
    links = read_table(raw, "crimes/crime_nominals")
    role = links["role"].str.strip().str.upper()
    as_suspect = links[
        role.isin({"SUSPECT", "OFFENDER"}) & links["wmp_nominal_id"].isin(exploited_ids)
    ]
    assert len(as_suspect) > 0


def test_intel_gradings_in_both_schemes_with_low_grades(raw: Path) -> None:
    reports = read_table(raw, "ims/intel_reports")
    scheme = reports["grading_scheme"].str.strip()
    assert {"5x5x5", "3x5x2"} <= set(scheme)
    new = reports[scheme == "3x5x2"]
    assert new["intel_grade"].str.strip().str.upper().isin({"D", "E"}).any()
    assert new["source_grade"].str.strip().eq("3").any()
    old_dates = reports.loc[scheme == "5x5x5", "submitted_date"]
    assert old_dates[old_dates.str.match(ISO_DATE)].lt("2016-01-01").mean() > 0.9
