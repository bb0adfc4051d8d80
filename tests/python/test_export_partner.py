"""The partner export: keyed pseudonyms, nothing identifying, the key written nowhere."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from rich.console import Console

from countylines.export import ExportError, write_exports
from countylines.export.partner import FILES, KEY_ENV, NOTES_FILE, pseudonym

KEY = "k3y-0f-the-f0rce-" + "9f1c2b7a" * 6
OTHER_KEY = "another-partner-agency-key-" + "44" * 16


def _export(warehouse: Path, out: Path, key: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(KEY_ENV, key)
    write_exports(warehouse, out, kinds=["partner"], console=Console(file=io.StringIO()))
    return out / "partner"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def exports(small_warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    """The partner export twice with the force's key and once with another key."""
    root = tmp_path_factory.mktemp("export_partner")
    with pytest.MonkeyPatch.context() as monkeypatch:
        first = _export(small_warehouse, root / "first", KEY, monkeypatch)
        again = _export(small_warehouse, root / "again", KEY, monkeypatch)
        other = _export(small_warehouse, root / "other", OTHER_KEY, monkeypatch)
    return first, again, other


@pytest.fixture(scope="module")
def db(small_warehouse: Path):
    connection = duckdb.connect(str(small_warehouse), read_only=True)
    yield connection
    connection.close()


def test_people_are_pseudonymised_with_the_key(exports, db) -> None:
    first, _, _ = exports
    people = _rows(first / "people.csv")
    expected = {
        pseudonym(KEY.encode(), row[0])
        for row in db.execute(
            "select nominal_id from marts.network_members union "
            "select nominal_id from marts.safeguarding_referrals union "
            "select nominal_id from marts.deal_line_nominals"
        ).fetchall()
    }
    assert {row["pseudonym"] for row in people} == expected
    assert len(people) == len(expected) > 0


def test_pseudonyms_are_stable_for_a_key_and_differ_across_keys(exports) -> None:
    first, again, other = exports
    for name in FILES:
        assert (first / name).read_bytes() == (again / name).read_bytes()
    mine = {row["pseudonym"] for row in _rows(first / "people.csv")}
    theirs = {row["pseudonym"] for row in _rows(other / "people.csv")}
    assert len(mine) == len(theirs) and not mine & theirs


def test_one_person_one_pseudonym_across_files(exports, db) -> None:
    first, _, _ = exports
    people = {row["pseudonym"]: row for row in _rows(first / "people.csv")}
    members = _rows(first / "network_members.csv")
    assert members and all(
        people[row["pseudonym"]]["network_id"] == row["network_id"] for row in members
    )
    referred = _rows(first / "safeguarding.csv")
    assert (
        len(referred)
        == db.execute("select count(*) from marts.safeguarding_referrals").fetchone()[0]
    )
    assert all(people[row["pseudonym"]]["safeguarding_status"] == "REFERRED" for row in referred)
    on_lines = _rows(first / "line_members.csv")
    assert on_lines
    for row in on_lines:
        assert row["line_id"] in people[row["pseudonym"]]["line_ids"].split(";")
    roles = {
        (pseudonym(KEY.encode(), nominal_id), role)
        for nominal_id, role in db.execute(
            "select nominal_id, inferred_role from marts.deal_line_nominals"
        ).fetchall()
    }
    assert {(row["pseudonym"], row["inferred_role"]) for row in on_lines} == roles


def test_nothing_identifying_is_exported(exports, db) -> None:
    first, _, _ = exports
    text = "\n".join((first / name).read_text(encoding="utf-8") for name in FILES)
    header_words = {
        column for name in FILES for column in (first / name).read_text().splitlines()[0].split(",")
    }
    assert not header_words & {
        "display_name",
        "date_of_birth",
        "pnc_id",
        "nominal_id",
        "phone_numbers",
        "line_name",
    }
    nominal_ids, names, pnc_ids = zip(
        *db.execute("select nominal_id, display_name, pnc_id from marts.nominals").fetchall(),
        strict=True,
    )
    assert not [value for value in nominal_ids if value in text]
    assert not [value for value in names if value and len(value) > 6 and value in text]
    assert not [value for value in pnc_ids if value and value in text]
    for phones, line_name, line_id in db.execute(
        "select phone_numbers, line_name, line_id from marts.deal_lines"
    ).fetchall():
        assert not [phone for phone in (phones or "").split(";") if phone and phone in text]
        assert not (line_name and f",{line_name}," in text)
        if line_id.startswith("NEW-"):
            assert line_id not in text
        else:
            assert line_id in text
    dates_of_birth = {
        str(row[0])
        for row in db.execute(
            "select date_of_birth from marts.nominals where date_of_birth is not null"
        ).fetchall()
    }
    assert not [value for value in dates_of_birth if value in text]


def test_key_is_written_nowhere(exports, small_warehouse: Path) -> None:
    key = KEY.encode()
    for folder in exports:
        for path in folder.iterdir():
            assert key not in path.read_bytes(), path
    assert key not in small_warehouse.read_bytes()
    assert OTHER_KEY.encode() not in small_warehouse.read_bytes()


def test_notes_say_what_was_removed_and_who_can_reidentify(exports) -> None:
    notes = (exports[0] / NOTES_FILE).read_text(encoding="utf-8")
    assert "What was removed" in notes and "Only the force can re-identify" in notes
    assert KEY_ENV in notes and "$" not in notes


def test_partner_without_a_key_is_refused(
    small_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(ExportError, match=KEY_ENV):
        write_exports(small_warehouse, tmp_path, kinds=["partner"], console=Console())
    assert not (tmp_path / "partner").exists()


def test_a_short_key_is_refused_without_echoing_it(
    small_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "secret123")
    with pytest.raises(ExportError) as raised:
        write_exports(small_warehouse, tmp_path, kinds=["partner"], console=Console())
    assert "secret123" not in str(raised.value) and "at least 32" in str(raised.value)


def test_default_kinds_skip_partner_without_a_key_and_say_why(
    small_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    console = Console(file=io.StringIO(), width=200)
    written = write_exports(small_warehouse, tmp_path, kinds=None, console=console)
    assert "Skipping the partner export" in console.file.getvalue()
    assert {path.parent.name for path in written} == {"i2", "graphml", "public"}
    assert not (tmp_path / "partner").exists()
