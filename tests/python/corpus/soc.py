"""Corpus rows for the SOC network output (soc/soc_groups, soc/soc_members,
soc/soc_edges). Members and edges link to nominal ids N100001..N100004 (nominal.py)."""

from __future__ import annotations

GROUP_NAME_HOSTILE = 'The "Firm", Ltd \'; drop table x; --'

_GROUP = {
    "soc_group_id": "OCG0001",
    "group_name": f"  {GROUP_NAME_HOSTILE}  ",
    "group_type": " ocg",
    "primary_activity": "Drugs supply (class A)",
    "mapped_date": "2023-04-01",
}


def _group(group_id: str, **overrides: str) -> dict[str, str]:
    """A valid minimal SOC group with some fields overridden."""
    row = {"soc_group_id": group_id, "group_type": "OCG"}
    row.update(overrides)
    return row


def _edge(id_a: str, id_b: str, edge_type: str = "ASSOCIATE", weight: str = "") -> dict:
    """One SOC edge row."""
    return {
        "wmp_nominal_id_a": id_a,
        "wmp_nominal_id_b": id_b,
        "edge_type": edge_type,
        "weight": weight,
    }


ROWS = {
    "soc/soc_groups": [
        _GROUP,
        dict(_GROUP),  # exact duplicate
        _group("USG0002", group_type="usg", group_name="Σπείρα 帮", mapped_date="01/02/2022"),
        # bad rows
        _group("", group_name="Nokey"),
        _group("OCG0010", group_type=""),
        _group("OCG0011", mapped_date="2023-13-01"),
        _group("OCG0012", mapped_date="2026-01-01"),
        _group("OCG0013", group_type="GANG"),
        _group("OCG0014", group_name="One"),
        _group("OCG0014", group_name="Two"),
    ],
    "soc/soc_members": [
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "N100001", "member_role": " principal "},
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "N100001", "member_role": " principal "},
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "N100002", "member_role": "Significant"},
        {"soc_group_id": "USG0002", "wmp_nominal_id": "N100003", "member_role": "peripheral"},
        {"soc_group_id": "USG0002", "wmp_nominal_id": "N100004", "member_role": ""},
        # bad rows
        {"soc_group_id": "", "wmp_nominal_id": "N100001", "member_role": "PRINCIPAL"},
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "", "member_role": "PRINCIPAL"},
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "N100003", "member_role": "PRINCIPAL"},
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "N100003", "member_role": "PERIPHERAL"},
        {"soc_group_id": "USG0002", "wmp_nominal_id": "N100002", "member_role": "BOSS"},
        {"soc_group_id": "OCG0099", "wmp_nominal_id": "N100004", "member_role": ""},
        {"soc_group_id": "OCG0001", "wmp_nominal_id": "N999999", "member_role": ""},
        {"soc_group_id": "OCG0010", "wmp_nominal_id": "N100001", "member_role": ""},
    ],
    "soc/soc_edges": [
        _edge("N100001", "N100002", "associate", "0.75"),
        _edge("N100001", "N100002", "associate", "0.75"),  # exact duplicate
        _edge("N100002", "N100001", "ASSOCIATE", "1"),  # reversed pair: kept as recorded
        _edge("N100003", "N100004", "", ""),
        _edge("n100001", "N100003", " family ", " 2.5 "),
        # bad rows
        _edge("", "N100002", "X", "1"),
        _edge("N100001", "", "X", "1"),
        _edge("N100001", "N100004", "PHONE", "1"),
        _edge("N100001", "N100004", "PHONE", "2"),
        _edge("N100002", "N100003", "PHONE", "heavy"),
        _edge("N100001", "N999999", "PHONE", "1"),
        _edge("N999998", "N100001", "PHONE", "1"),
        # N100010 exists in the extract but was quarantined (nominal.py): fixing it restores
        # the first edge; the second also names a nominal that exists nowhere
        _edge("N100010", "N100001", "PHONE", "1"),
        _edge("N100010", "N999999", "PHONE", "1"),
    ],
}

EXPECTED_QUARANTINE = [
    ("soc/soc_groups", "row:*", "MISSING_KEY"),
    ("soc/soc_groups", "OCG0010", "MISSING_REQUIRED"),
    ("soc/soc_groups", "OCG0011", "INVALID_DATE"),
    ("soc/soc_groups", "OCG0012", "IMPOSSIBLE_DATE"),
    ("soc/soc_groups", "OCG0013", "INVALID_CODE"),
    ("soc/soc_groups", "OCG0014", "DUPLICATE_KEY_CONFLICT"),
    ("soc/soc_groups", "OCG0014", "DUPLICATE_KEY_CONFLICT"),
    ("soc/soc_members", "|N100001", "MISSING_KEY"),
    ("soc/soc_members", "OCG0001|", "MISSING_KEY"),
    ("soc/soc_members", "OCG0001|N100003", "DUPLICATE_KEY_CONFLICT"),
    ("soc/soc_members", "OCG0001|N100003", "DUPLICATE_KEY_CONFLICT"),
    ("soc/soc_members", "USG0002|N100002", "INVALID_CODE"),
    ("soc/soc_members", "OCG0099|N100004", "ORPHAN_LINK"),
    ("soc/soc_members", "OCG0001|N999999", "ORPHAN_LINK"),
    ("soc/soc_members", "OCG0010|N100001", "PARENT_QUARANTINED"),
    ("soc/soc_edges", "|N100002|X", "MISSING_KEY"),
    ("soc/soc_edges", "N100001||X", "MISSING_KEY"),
    ("soc/soc_edges", "N100001|N100004|PHONE", "DUPLICATE_KEY_CONFLICT"),
    ("soc/soc_edges", "N100001|N100004|PHONE", "DUPLICATE_KEY_CONFLICT"),
    ("soc/soc_edges", "N100002|N100003|PHONE", "INVALID_CODE"),
    ("soc/soc_edges", "N100001|N999999|PHONE", "ORPHAN_LINK"),
    ("soc/soc_edges", "N999998|N100001|PHONE", "ORPHAN_LINK"),
    ("soc/soc_edges", "N100010|N100001|PHONE", "PARENT_QUARANTINED"),
    ("soc/soc_edges", "N100010|N999999|PHONE", "ORPHAN_LINK"),
]

_G = ("stg_soc__soc_groups", "soc_group_id")
_M = ("stg_soc__soc_members", "wmp_nominal_id")
_E = ("stg_soc__soc_edges", "edge_type")

EXPECTED_VALUES = [
    (*_G, "OCG0001", "group_name", GROUP_NAME_HOSTILE),
    (*_G, "OCG0001", "group_type", "OCG"),
    (*_G, "OCG0001", "primary_activity", "Drugs supply (class A)"),
    (*_G, "OCG0001", "mapped_date", "2023-04-01"),
    (*_G, "USG0002", "group_type", "USG"),
    (*_G, "USG0002", "group_name", "Σπείρα 帮"),
    (*_G, "USG0002", "mapped_date", "2022-02-01"),
    (*_M, "N100002", "member_role", "SIGNIFICANT"),
    (*_M, "N100003", "member_role", "PERIPHERAL"),
    (*_M, "N100004", "member_role", None),
    (*_E, "FAMILY", "wmp_nominal_id_a", "N100001"),
    (*_E, "FAMILY", "wmp_nominal_id_b", "N100003"),
    (*_E, "FAMILY", "weight", 2.5),
    ("stg_soc__soc_edges", "wmp_nominal_id_a", "N100003", "edge_type", None),
    ("stg_soc__soc_edges", "wmp_nominal_id_a", "N100003", "weight", None),
    ("stg_soc__soc_edges", "wmp_nominal_id_a", "N100002", "wmp_nominal_id_b", "N100001"),
    ("stg_soc__soc_edges", "wmp_nominal_id_a", "N100002", "weight", 1.0),
]
