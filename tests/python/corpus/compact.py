"""Corpus rows for COMPACT missing persons (compact/missing_persons,
compact/missing_episodes, compact/episode_associates)."""

from __future__ import annotations

LOCATION_HOSTILE = 'Found at "the trap", flat 3, 12 High St,\nRedditch; said: \'; drop table x; --'
CIRCUMSTANCES_LONG = "Left placement at 22:00, phone off.\n" * 560
INTERVIEW_NON_LATIN = "Отказался говорить. 他说他在伯明翰。 قال إنه كان مع أصدقاء"

_PERSON = {
    "compact_person_id": "CP0001",
    "surname": "  o'neil ",
    "forenames": "zoë   ann",
    "date_of_birth": "05/03/2008",
    "sex": "f",
    "home_postcode": "b97 4ab",
    "local_authority": "  Worcestershire  ",
    "is_looked_after": "Y",
    "wmp_nominal_id": " n100001 ",
}

_EPISODE = {
    "episode_ref": "ME0001",
    "compact_person_id": "CP0001",
    "reported_at": "2025-01-10 22:15:00",
    "found_at": "2025-01-12 08:00:00",
    "risk_level": " high",
    "age_at_report": " 16 ",
    "found_force": " west-mercia  police. ",
    "found_postcode": "dy101aa",
    "found_location_text": LOCATION_HOSTILE,
    "circumstances_text": CIRCUMSTANCES_LONG,
    "return_interview_text": "",
    "cce_concern": "Yes",
}

_ASSOCIATE = {
    "associate_id": "MA0001",
    "episode_ref": "ME0001",
    "association": "found_with",
    "surname": "SMITH-JONES",
    "forenames": "kai",
    "date_of_birth": "1999-12-01",
    "phone": "07700 900123",
}


def _person(person_id: str, **overrides: str) -> dict[str, str]:
    """A valid minimal missing person with some fields overridden."""
    row = {"compact_person_id": person_id, "surname": "Bad"}
    row.update(overrides)
    return row


def _episode(episode_ref: str, **overrides: str) -> dict[str, str]:
    """A valid minimal missing episode with some fields overridden."""
    row = {
        "episode_ref": episode_ref,
        "compact_person_id": "CP0001",
        "reported_at": "2025-03-01 12:00:00",
    }
    row.update(overrides)
    return row


def _associate(associate_id: str, **overrides: str) -> dict[str, str]:
    """A valid minimal episode associate with some fields overridden."""
    row = {"associate_id": associate_id, "episode_ref": "ME0001", "association": "FOUND_WITH"}
    row.update(overrides)
    return row


ROWS = {
    "compact/missing_persons": [
        _PERSON,
        dict(_PERSON),  # exact duplicate
        _person("CP0002", is_looked_after="No", wmp_nominal_id="N999999", sex=" M "),
        _person("CP0003", is_looked_after="1", date_of_birth="1900-01-01", home_postcode="WS111AA"),
        _person("CP0004", is_looked_after="0", surname="Ηλίας 李", forenames="Δημήτρης"),
        _person("CP0005", is_looked_after="TRUE"),
        _person("CP0006", is_looked_after="false"),
        _person("CP0007", is_looked_after=""),
        _person("CP0008", is_looked_after="yes", wmp_nominal_id="N100014"),  # quarantined nominal
        # bad rows
        _person("", surname="Nokey"),
        _person("CP0010", surname=""),
        _person("CP0011", date_of_birth="2001/13/45"),
        _person("CP0012", date_of_birth="2030-01-01"),
        _person("CP0013", sex="Female"),
        _person("CP0014", is_looked_after="maybe"),
        _person("CP0015", forenames="A"),
        _person("CP0015", forenames="B"),
    ],
    "compact/missing_episodes": [
        _EPISODE,
        dict(_EPISODE),  # exact duplicate
        _episode(
            "ME0002",
            compact_person_id="CP0002",
            reported_at="10/02/2025 09:30:00",
            found_at="",
            risk_level="no_apparent_risk",
            found_force="West Midlands Police",
            cce_concern="N",
        ),
        _episode(
            "ME0003",
            compact_person_id="cp0003",
            risk_level="Medium",
            cce_concern="TRUE",
            return_interview_text=INTERVIEW_NON_LATIN,
        ),
        _episode("ME0004", risk_level="LOW", cce_concern="0", age_at_report="15"),
        _episode("ME0005", cce_concern="1", found_force="Avon & Somerset Constabulary"),
        _episode("ME0006", cce_concern="f"),
        # bad rows
        _episode(""),
        _episode("ME0010", compact_person_id=""),
        _episode("ME0011", reported_at=""),
        _episode("ME0012", reported_at="yesterday"),
        _episode("ME0013", found_at="2025-02-30 10:00:00"),
        _episode("ME0014", reported_at="2025-07-01 00:00:00"),
        _episode("ME0015", found_at="2026-01-01 10:00:00"),
        _episode("ME0016", risk_level="EXTREME"),
        _episode("ME0017", age_at_report="sixteen"),
        _episode("ME0018", cce_concern="unknown"),
        _episode("ME0019", compact_person_id="CP9999"),  # a person who exists nowhere
        _episode("ME0020", compact_person_id="CP0010"),  # a person who was quarantined
        _episode("ME0021", risk_level="LOW"),
        _episode("ME0021", risk_level="HIGH"),
    ],
    "compact/episode_associates": [
        _ASSOCIATE,
        dict(_ASSOCIATE),  # exact duplicate
        _associate("MA0002", association="Believed_With", phone="+447700900456"),
        _associate(
            "MA0003",
            episode_ref="ME0002",
            association="REPORTED_CONTACT",
            phone="(07700) 900-789",
            date_of_birth="1900-01-01",
        ),
        _associate(
            "MA0004",
            episode_ref="ME0003",
            association=" reported_contact ",
            surname="d'souza",
            forenames="  Renée ",
            phone="07700900321",
        ),
        # bad rows
        _associate(""),
        _associate("MA0010", episode_ref=""),
        _associate("MA0011", association=""),
        _associate("MA0012", date_of_birth="13/13/2000"),
        _associate("MA0013", date_of_birth="1800-01-01"),
        _associate("MA0014", association="SEEN_WITH"),
        _associate("MA0015", episode_ref="ME9999"),  # an episode that exists nowhere
        _associate("MA0016", episode_ref="ME0011"),  # an episode that was quarantined
        _associate("MA0017", phone="07700900001"),
        _associate("MA0017", phone="07700900002"),
    ],
}

EXPECTED_QUARANTINE = [
    ("compact/missing_persons", "row:*", "MISSING_KEY"),
    ("compact/missing_persons", "CP0010", "MISSING_REQUIRED"),
    ("compact/missing_persons", "CP0012", "IMPOSSIBLE_DATE"),
    ("compact/missing_persons", "CP0013", "INVALID_CODE"),
    ("compact/missing_persons", "CP0014", "INVALID_CODE"),
    ("compact/missing_persons", "CP0015", "DUPLICATE_KEY_CONFLICT"),
    ("compact/missing_persons", "CP0015", "DUPLICATE_KEY_CONFLICT"),
    ("compact/missing_episodes", "row:*", "MISSING_KEY"),
    ("compact/missing_episodes", "ME0010", "MISSING_REQUIRED"),
    ("compact/missing_episodes", "ME0011", "INVALID_DATE"),
    ("compact/missing_episodes", "ME0012", "INVALID_DATE"),
    ("compact/missing_episodes", "ME0013", "INVALID_DATE"),
    ("compact/missing_episodes", "ME0014", "IMPOSSIBLE_DATE"),
    ("compact/missing_episodes", "ME0015", "IMPOSSIBLE_DATE"),
    ("compact/missing_episodes", "ME0016", "INVALID_CODE"),
    ("compact/missing_episodes", "ME0017", "INVALID_CODE"),
    ("compact/missing_episodes", "ME0018", "INVALID_CODE"),
    ("compact/missing_episodes", "ME0019", "ORPHAN_LINK"),
    ("compact/missing_episodes", "ME0020", "PARENT_QUARANTINED"),
    ("compact/missing_episodes", "ME0021", "DUPLICATE_KEY_CONFLICT"),
    ("compact/missing_episodes", "ME0021", "DUPLICATE_KEY_CONFLICT"),
    ("compact/episode_associates", "row:*", "MISSING_KEY"),
    ("compact/episode_associates", "MA0010", "MISSING_REQUIRED"),
    ("compact/episode_associates", "MA0011", "MISSING_REQUIRED"),
    ("compact/episode_associates", "MA0013", "IMPOSSIBLE_DATE"),
    ("compact/episode_associates", "MA0014", "INVALID_CODE"),
    ("compact/episode_associates", "MA0015", "ORPHAN_LINK"),
    ("compact/episode_associates", "MA0016", "PARENT_QUARANTINED"),
    ("compact/episode_associates", "MA0017", "DUPLICATE_KEY_CONFLICT"),
    ("compact/episode_associates", "MA0017", "DUPLICATE_KEY_CONFLICT"),
]

_P = ("stg_compact__missing_persons", "compact_person_id")
_E = ("stg_compact__missing_episodes", "episode_ref")
_A = ("stg_compact__episode_associates", "associate_id")

EXPECTED_VALUES = [
    (*_P, "CP0001", "surname", "O'NEIL"),
    # a date of birth that is no date: the person is kept, the date of birth unknown
    (*_P, "CP0011", "date_of_birth", None),
    (*_A, "MA0012", "date_of_birth", None),
    (*_P, "CP0001", "surname_std", "ONEIL"),
    (*_P, "CP0001", "forenames", "ZOË ANN"),
    (*_P, "CP0001", "forenames_std", "ZOE ANN"),
    (*_P, "CP0001", "date_of_birth", "2008-03-05"),
    (*_P, "CP0001", "sex", "F"),
    (*_P, "CP0001", "home_postcode", "B97 4AB"),
    (*_P, "CP0001", "home_postcode_district", "B97"),
    (*_P, "CP0001", "home_postcode_area", "B"),
    (*_P, "CP0001", "local_authority", "Worcestershire"),
    (*_P, "CP0001", "is_looked_after", True),
    (*_P, "CP0001", "wmp_nominal_id", "N100001"),
    (*_P, "CP0001", "wmp_nominal_id_recorded", "N100001"),
    (*_P, "CP0001", "has_unknown_wmp_nominal_id", False),
    (*_P, "CP0002", "is_looked_after", False),
    (*_P, "CP0002", "sex", "M"),
    (*_P, "CP0002", "wmp_nominal_id", None),
    (*_P, "CP0002", "wmp_nominal_id_recorded", "N999999"),
    (*_P, "CP0002", "has_unknown_wmp_nominal_id", True),
    (*_P, "CP0003", "is_looked_after", True),
    (*_P, "CP0003", "date_of_birth", None),
    (*_P, "CP0003", "home_postcode", "WS11 1AA"),
    (*_P, "CP0003", "has_unknown_wmp_nominal_id", False),
    (*_P, "CP0004", "is_looked_after", False),
    (*_P, "CP0004", "surname", "ΗΛΊΑΣ 李"),
    (*_P, "CP0005", "is_looked_after", True),
    (*_P, "CP0006", "is_looked_after", False),
    (*_P, "CP0007", "is_looked_after", None),
    (*_P, "CP0008", "is_looked_after", True),
    (*_P, "CP0008", "wmp_nominal_id", None),
    (*_P, "CP0008", "wmp_nominal_id_recorded", "N100014"),
    (*_P, "CP0008", "has_unknown_wmp_nominal_id", True),
    (*_E, "ME0001", "risk_level", "HIGH"),
    (*_E, "ME0001", "age_at_report", 16),
    (*_E, "ME0001", "found_force", "west-mercia  police."),
    (*_E, "ME0001", "found_force_match_key", "WEST MERCIA POLICE"),
    (*_E, "ME0001", "found_postcode", "DY10 1AA"),
    (*_E, "ME0001", "found_postcode_district", "DY10"),
    (*_E, "ME0001", "found_postcode_area", "DY"),
    (*_E, "ME0001", "found_location_text", LOCATION_HOSTILE),
    (*_E, "ME0001", "circumstances_text", CIRCUMSTANCES_LONG),
    (*_E, "ME0001", "return_interview_text", None),
    (*_E, "ME0001", "has_cce_concern", True),
    (*_E, "ME0001", "reported_at", "2025-01-10 22:15:00"),
    (*_E, "ME0001", "found_at", "2025-01-12 08:00:00"),
    (*_E, "ME0002", "compact_person_id", "CP0002"),
    (*_E, "ME0002", "reported_at", "2025-02-10 09:30:00"),
    (*_E, "ME0002", "found_at", None),
    (*_E, "ME0002", "risk_level", "NO_APPARENT_RISK"),
    (*_E, "ME0002", "found_force_match_key", "WEST MIDLANDS POLICE"),
    (*_E, "ME0002", "has_cce_concern", False),
    (*_E, "ME0003", "compact_person_id", "CP0003"),
    (*_E, "ME0003", "risk_level", "MEDIUM"),
    (*_E, "ME0003", "has_cce_concern", True),
    (*_E, "ME0003", "return_interview_text", INTERVIEW_NON_LATIN),
    (*_E, "ME0004", "has_cce_concern", False),
    (*_E, "ME0005", "has_cce_concern", True),
    (*_E, "ME0005", "found_force_match_key", "AVON AND SOMERSET CONSTABULARY"),
    (*_E, "ME0006", "has_cce_concern", False),
    (*_A, "MA0001", "association", "FOUND_WITH"),
    (*_A, "MA0001", "surname", "SMITH-JONES"),
    (*_A, "MA0001", "surname_std", "SMITH JONES"),
    (*_A, "MA0001", "forenames", "KAI"),
    (*_A, "MA0001", "date_of_birth", "1999-12-01"),
    (*_A, "MA0001", "phone", "07700900123"),
    (*_A, "MA0001", "phone_raw", "07700 900123"),
    (*_A, "MA0002", "association", "BELIEVED_WITH"),
    (*_A, "MA0002", "phone", "07700900456"),
    (*_A, "MA0003", "phone", "07700900789"),
    (*_A, "MA0003", "date_of_birth", None),
    (*_A, "MA0004", "association", "REPORTED_CONTACT"),
    (*_A, "MA0004", "surname", "D'SOUZA"),
    (*_A, "MA0004", "surname_std", "DSOUZA"),
    (*_A, "MA0004", "forenames", "RENÉE"),
    (*_A, "MA0004", "forenames_std", "RENEE"),
    (*_A, "MA0004", "phone", "07700900321"),
]
