"""Attaching contacts and associates to the person they mean: hand-made cases."""

from __future__ import annotations

import pandas as pd

from countylines.resolution.attachment import (
    RULE_PRIOR_PRECISION,
    attachment_links,
    calibrate_rules,
)

COLUMNS = [
    "record_id",
    "source_system",
    "surname_std",
    "forenames_std",
    "forename1",
    "name_key",
    "date_of_birth",
    "pnc_id",
    "phone",
    "context_record_id",
]


def _record(
    record_id: str,
    surname: str | None,
    forename: str | None,
    dob: str | None = None,
    context: str | None = None,
    phone: str | None = None,
) -> dict[str, object]:
    tokens = sorted(t for t in (surname, forename) if t)
    return {
        "record_id": record_id,
        "source_system": record_id.split(":")[0],
        "surname_std": surname,
        "forenames_std": forename,
        "forename1": forename,
        "name_key": " ".join(tokens) if len(tokens) > 1 else None,
        "date_of_birth": pd.Timestamp(dob) if dob else None,
        "pnc_id": None,
        "phone": phone,
        "context_record_id": context,
    }


def _singletons(records: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"record_id": records["record_id"], "cluster_id": records["record_id"]})


def _associations(*pairs: tuple[str, str]) -> pd.DataFrame:
    both = [*pairs, *((b, a) for a, b in pairs)]
    return pd.DataFrame(both, columns=["record_id", "associate_record_id"])


def _links(records: list[dict[str, object]], associations: pd.DataFrame) -> dict[str, tuple]:
    frame = pd.DataFrame(records, columns=COLUMNS)
    links = attachment_links(frame, _singletons(frame), associations)
    return {
        right: (left, rule)
        for left, right, rule in zip(
            links["record_id_l"], links["record_id_r"], links["link_rule"], strict=True
        )
    }


def _merged_without_evidence(rule: str) -> bool:
    """Whether the rule merges on an extract that holds nothing to learn its precision
    from (no contact or associate with a date of birth): its prior decides."""
    frame = pd.DataFrame(PEOPLE, columns=COLUMNS)
    table = calibrate_rules(frame, _singletons(frame)).set_index(["source_system", "link_rule"])
    assert (table["labelled_records"] == 0).all()
    return bool(table.loc[("PINS_CONTACT", rule), "is_applied"])


PEOPLE = [
    _record("NOMINAL:N1", "HOLLOWAY", "DESMOND", "1988-01-30"),
    _record("PINS:A1", "HOLLOWAY", "DESMOND", "1988-01-30"),
    _record("NOMINAL:N2", "SMITH", "JOHN", "1985-06-14"),
    _record("NOMINAL:N3", "SMITH", "JOHN", "1992-09-27"),
    _record("NOMINAL:N4", "SMITH", "KYLE", "2001-02-03"),
    _record("NOMINAL:N5", "JONES", "KYLE", "2003-04-05"),
]


def test_a_name_among_the_prisoners_associates_is_that_associate() -> None:
    """Two JOHN SMITHs in the index; the prisoner offended with the second: the contact
    is him, attached automatically."""
    contact = _record("PINS_CONTACT:C1", "SMITH", "JOHN", context="NOMINAL:N1")
    links = _links([*PEOPLE, contact], _associations(("NOMINAL:N1", "NOMINAL:N3")))
    assert links["PINS_CONTACT:C1"] == ("NOMINAL:N3", "known_associate_name")
    assert _merged_without_evidence("known_associate_name")


def test_two_associates_of_the_name_is_no_answer() -> None:
    """The prisoner knows both JOHN SMITHs: the contact is neither (a name among several
    is a guess), and nothing else names only one of them."""
    contact = _record("PINS_CONTACT:C1", "SMITH", "JOHN", context="NOMINAL:N1")
    associations = _associations(("NOMINAL:N1", "NOMINAL:N2"), ("NOMINAL:N1", "NOMINAL:N3"))
    assert "PINS_CONTACT:C1" not in _links([*PEOPLE, contact], associations)


def test_an_unassociated_name_is_only_suggested() -> None:
    """KYLE SMITH is the one of his name in the index but not known to the prisoner: a
    suggestion for review, never a merge."""
    contact = _record("PINS_CONTACT:C1", "SMITH", "KYLE", context="NOMINAL:N1")
    links = _links([*PEOPLE, contact], _associations(("NOMINAL:N1", "NOMINAL:N3")))
    assert links["PINS_CONTACT:C1"] == ("NOMINAL:N4", "unique_full_name")
    assert not _merged_without_evidence("unique_full_name")


def test_a_forename_alone_among_associates_is_only_suggested() -> None:
    """A lad called Kyle, and the missing child is known with one Kyle: too often wrong
    to merge on."""
    child = _record("COMPACT:P1", "JONES", "AMY", "2010-01-01")
    associate = _record("COMPACT_ASSOCIATE:E1", None, "KYLE", context="COMPACT:P1")
    clusters = pd.DataFrame(
        {
            "record_id": [r["record_id"] for r in [*PEOPLE, child, associate]],
            "cluster_id": [r["record_id"] for r in [*PEOPLE, child, associate]],
        }
    )
    # the child's COMPACT record is resolved with a nominal record N6 that offended with N5
    nominal = _record("NOMINAL:N6", "JONES", "AMY", "2010-01-01")
    frame = pd.DataFrame([*PEOPLE, child, associate, nominal], columns=COLUMNS)
    clusters = pd.concat(
        [clusters, pd.DataFrame({"record_id": ["NOMINAL:N6"], "cluster_id": ["COMPACT:P1"]})]
    )
    links = attachment_links(frame, clusters, _associations(("NOMINAL:N6", "NOMINAL:N5")))
    rules = dict(zip(links["record_id_r"], links["link_rule"], strict=True))
    assert rules == {"COMPACT_ASSOCIATE:E1": "known_associate_forename"}
    assert not _merged_without_evidence("known_associate_forename")


def test_without_associations_the_rules_are_as_before() -> None:
    contact = _record("PINS_CONTACT:C1", "SMITH", "JOHN", context="NOMINAL:N1")
    frame = pd.DataFrame([*PEOPLE, contact], columns=COLUMNS)
    links = attachment_links(frame, _singletons(frame))
    assert links.empty  # two JOHN SMITHs: no unique person, no suggestion


def test_a_phone_names_the_person_its_named_contact_was_attached_to() -> None:
    """The prisoner's contact DESMOND HOLLOWAY (a date of birth no index record has) is his
    co-offender (one person of two records); another contact is only that contact's phone
    number: its user is the co-offender too, named by the smallest record id of his
    records, not the contact record."""
    named = _record(
        "PINS_CONTACT:C1", "HOLLOWAY", "DESMOND", "1988-03-01", context="NOMINAL:N2", phone="07700"
    )
    phone = _record("PINS_CONTACT:C2", None, None, context="NOMINAL:N2", phone="07700")
    frame = pd.DataFrame([*PEOPLE, named, phone], columns=COLUMNS)
    clusters = _singletons(frame)
    clusters.loc[clusters["record_id"] == "PINS:A1", "cluster_id"] = "NOMINAL:N1"
    links = attachment_links(frame, clusters, _associations(("NOMINAL:N2", "PINS:A1")))
    assert links.to_dict("list") == {
        "record_id_l": ["NOMINAL:N1", "NOMINAL:N1"],
        "record_id_r": ["PINS_CONTACT:C1", "PINS_CONTACT:C2"],
        "link_rule": ["known_associate_name", "unique_phone_user"],
    }


def _calibration_extract(contacts_resolved: bool) -> pd.DataFrame:
    """Forty people of the index, each with a unique name, and forty prison contacts
    carrying those names with a date of birth. Resolved: each contact's date of birth is
    its person's, and the scores put them together. Not resolved: every contact's date of
    birth differs, so the scores found no one (people unknown to the force who share a
    name with someone known)."""
    people = [_record(f"NOMINAL:N{i:02}", f"SURNAME{i:02}", "KAI", "1990-01-01") for i in range(40)]
    dob = "1990-01-01" if contacts_resolved else "1975-05-05"
    contacts = [
        _record(f"PINS_CONTACT:C{i:02}", f"SURNAME{i:02}", "KAI", dob, context="NOMINAL:N00")
        for i in range(40)
    ]
    return pd.DataFrame([*people, *contacts], columns=COLUMNS)


def test_a_name_rule_merges_where_this_extract_shows_it_is_right() -> None:
    """The contacts the scores resolved, shown without their dates of birth, are each named
    by the one person of their name: unique_full_name learns it is right here (above its
    prior) and merges."""
    frame = _calibration_extract(contacts_resolved=True)
    clusters = _singletons(frame)
    clusters["cluster_id"] = clusters["record_id"].str.replace("PINS_CONTACT:C", "NOMINAL:N")
    table = calibrate_rules(frame, clusters).set_index(["source_system", "link_rule"])
    row = table.loc[("PINS_CONTACT", "unique_full_name")]
    assert row["labelled_records"] == 40
    assert row["right"] == 40
    assert row["estimated_precision"] > RULE_PRIOR_PRECISION["unique_full_name"]
    assert row["is_applied"]


def test_a_name_rule_stays_a_suggestion_where_this_extract_shows_it_is_wrong() -> None:
    """Here every contact sharing a known person's name was someone else (the scores
    found no one for them): the name rule is wrong every time it is checked, so its
    links stay suggestions for review."""
    frame = _calibration_extract(contacts_resolved=False)
    table = calibrate_rules(frame, _singletons(frame)).set_index(["source_system", "link_rule"])
    row = table.loc[("PINS_CONTACT", "unique_full_name")]
    assert row["labelled_records"] == 40
    assert row["right"] == 0
    assert row["estimated_precision"] < 0.5
    assert not row["is_applied"]
