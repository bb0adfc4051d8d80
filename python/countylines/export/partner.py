"""The pseudonymised export for partner agencies (children's services, neighbouring forces).

People are replaced by a keyed pseudonym: HMAC-SHA256 of the nominal id under the force's
key, read from the environment (`COUNTYLINES_PSEUDONYM_KEY`) and held only in this process:
it is never written to the export, the warehouse or a log, so only the force (which holds
the key) can turn a pseudonym back into a person. Names, dates of birth, PNC ids, addresses
and phones are not exported at all. A newly found deal line's id (`NEW-` + a hash of its
phone number, which anyone can reverse by trying every mobile number) is pseudonymised the
same way; registered line refs are the team's own references and are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import duckdb
import pandas as pd

from countylines.export.common import ExportError, copy_csv, render_template

KEY_ENV = "COUNTYLINES_PSEUDONYM_KEY"
#: The shortest key accepted, in bytes (UTF-8): 32 random bytes as hex is 64 characters.
MIN_KEY_BYTES = 32
PERSON_PREFIX = "PSN-"
NEW_LINE_PREFIX = "NEW-"
PSEUDONYMOUS_LINE_PREFIX = "NEWP-"
NOTES_FILE = "partner_export_notes.md"


def key_from_environment(environ: dict[str, str] | None = None) -> bytes | None:
    """The pseudonymisation key from the environment, or None when it is not set."""
    value = (os.environ if environ is None else environ).get(KEY_ENV, "")
    return value.encode("utf-8") if value else None


def check_key(key: bytes) -> None:
    """Refuse a key too short to resist guessing (the message never shows the key)."""
    if len(key) < MIN_KEY_BYTES:
        raise ExportError(
            f"{KEY_ENV} is {len(key)} bytes long; use at least {MIN_KEY_BYTES} random bytes, "
            'e.g. python -c "import secrets; print(secrets.token_hex(32))", kept by the force.'
        )


def pseudonym(key: bytes, identifier: str, prefix: str = PERSON_PREFIX, digits: int = 20) -> str:
    """Keyed pseudonym of an id: prefix + the first digits hex of HMAC-SHA256(key, id)."""
    digest = hmac.new(key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()
    return prefix + digest[:digits].upper()


def partner_line_id(key: bytes, line_id: str) -> str:
    """A line id partners may see: registered refs as they are, new lines pseudonymised."""
    if line_id.startswith(NEW_LINE_PREFIX):
        return pseudonym(key, line_id, PSEUDONYMOUS_LINE_PREFIX, digits=12)
    return line_id


def _mapping(pairs: list[tuple[str, str]], what: str) -> pd.DataFrame:
    """A two-column id -> pseudonym frame, refusing a collision (two ids, one pseudonym)."""
    frame = pd.DataFrame(pairs, columns=["source_id", "export_id"])
    if frame["export_id"].nunique() != frame["source_id"].nunique():
        raise ExportError(f"Two {what} share a pseudonym; widen the pseudonym (digits).")
    return frame


PEOPLE_IDS_QUERY = """
    select nominal_id from marts.network_members
    union
    select nominal_id from marts.safeguarding_referrals
    union
    select nominal_id from marts.deal_line_nominals
"""

LINE_IDS_QUERY = """
    select line_id from marts.deal_lines
    union
    select line_id from marts.deal_line_nominals
    union
    select line_id from marts.safeguarding_referrals where line_id is not null
    union
    select unnest(string_split(line_ids, ';')) from marts.networks
    where line_ids is not null
"""


def _mapped_list(column: str) -> str:
    """SQL: a `;`-joined list of line ids with every id mapped to its partner id."""
    return f"""(
        select string_agg(line_map.export_id, ';' order by line_map.export_id)
        from unnest(string_split({column}, ';')) as listed (line_id)
        inner join line_map on listed.line_id = line_map.source_id
    )"""


PEOPLE_QUERY = """
    with nominals as (
        select * from marts.nominals
    ),

    members as (
        select * from marts.network_members
    ),

    referrals as (
        select * from marts.safeguarding_referrals
    ),

    line_people as (
        select * from marts.deal_line_nominals
    ),

    age_bands as (
        select * from reference.age_bands
    ),

    person_lines as (
        select
            line_people.nominal_id,
            string_agg(distinct line_people.inferred_role, ';'
                order by line_people.inferred_role) as line_roles,
            string_agg(distinct line_map.export_id, ';'
                order by line_map.export_id) as line_ids
        from line_people
        inner join line_map on line_people.line_id = line_map.source_id
        group by 1
    ),

    final as (
        select
            person_map.export_id as pseudonym,
            coalesce(age_bands.age_band, 'UNKNOWN') as age_band,
            coalesce(nominals.sex, 'U') as sex,
            case
                when referrals.nominal_id is not null then 'REFERRED'
                else 'NOT_REFERRED'
            end as safeguarding_status,
            members.network_id,
            person_lines.line_roles,
            person_lines.line_ids,
            coalesce(nominals.is_child, false) as is_child,
            coalesce(referrals.is_looked_after, false) as is_looked_after,
            coalesce(referrals.is_on_exploitation_list, false)
                as is_on_exploitation_list,
            coalesce(members.is_core, false) as is_core
        from person_map
        left join nominals on person_map.source_id = nominals.nominal_id
        left join age_bands
            on nominals.age between age_bands.min_age and age_bands.max_age
        left join referrals on person_map.source_id = referrals.nominal_id
        left join members on person_map.source_id = members.nominal_id
        left join person_lines on person_map.source_id = person_lines.nominal_id
    )

    select * from final
    order by pseudonym
"""

SAFEGUARDING_QUERY = """
    with referrals as (
        select * from marts.safeguarding_referrals
    ),

    members as (
        select * from marts.network_members
    ),

    final as (
        select
            person_map.export_id as pseudonym,
            line_map.export_id as line_id,
            members.network_id,
            referrals.reasons,
            referrals.missing_episode_count,
            referrals.found_out_of_force_count,
            referrals.is_child,
            referrals.is_looked_after,
            referrals.is_on_exploitation_list,
            referrals.appears_as_offender
        from referrals
        inner join person_map on referrals.nominal_id = person_map.source_id
        left join line_map on referrals.line_id = line_map.source_id
        left join members on referrals.nominal_id = members.nominal_id
    )

    select * from final
    order by pseudonym
"""

NETWORK_MEMBERS_QUERY = """
    with members as (
        select * from marts.network_members
    ),

    final as (
        select
            members.network_id,
            person_map.export_id as pseudonym,
            members.is_core,
            members.is_county_lines
        from members
        inner join person_map on members.nominal_id = person_map.source_id
    )

    select * from final
    order by network_id, pseudonym
"""

LINE_MEMBERS_QUERY = """
    with line_people as (
        select * from marts.deal_line_nominals
    ),

    final as (
        select
            line_map.export_id as line_id,
            person_map.export_id as pseudonym,
            line_people.inferred_role,
            line_people.evidence_count
        from line_people
        inner join person_map on line_people.nominal_id = person_map.source_id
        inner join line_map on line_people.line_id = line_map.source_id
    )

    select * from final
    order by line_id, pseudonym
"""

NETWORKS_QUERY = f"""
    with networks as (
        select * from marts.networks
    ),

    final as (
        select
            networks.network_id,
            {_mapped_list("networks.line_ids")} as line_ids,
            networks.priority_band,
            networks.priority_rank,
            networks.member_count,
            networks.county_lines_member_count,
            networks.child_count,
            networks.exploited_count,
            networks.exploited_child_count,
            networks.looked_after_count,
            networks.missing_episode_count,
            networks.has_firearms
        from networks
    )

    select * from final
    order by priority_rank, network_id
"""

LINES_QUERY = """
    with lines as (
        select * from marts.deal_lines
    ),

    networks as (
        select * from marts.networks
    ),

    line_networks as (
        select
            listed.line_id,
            string_agg(distinct listed.network_id, ';'
                order by listed.network_id) as network_ids
        from (
            select
                networks.network_id,
                unnest(string_split(networks.line_ids, ';')) as line_id
            from networks
            where networks.line_ids is not null
        ) as listed
        group by 1
    ),

    final as (
        select
            line_map.export_id as line_id,
            line_networks.network_ids,
            lines.phone_count,
            lines.evidence_count,
            lines.is_registered,
            lines.first_seen_date,
            lines.last_seen_date
        from lines
        inner join line_map on lines.line_id = line_map.source_id
        left join line_networks on lines.line_id = line_networks.line_id
    )

    select * from final
    order by line_id
"""

#: File name -> query, in the order they are written.
FILES = {
    "people.csv": PEOPLE_QUERY,
    "safeguarding.csv": SAFEGUARDING_QUERY,
    "network_members.csv": NETWORK_MEMBERS_QUERY,
    "line_members.csv": LINE_MEMBERS_QUERY,
    "networks.csv": NETWORKS_QUERY,
    "lines.csv": LINES_QUERY,
}


def write_partner(
    connection: duckdb.DuckDBPyConnection,
    folder: Path,
    key: bytes,
    provenance: dict[str, object],
) -> list[Path]:
    """Write the pseudonymised partner files and their notes into folder.

    The key stays in Python: DuckDB sees only the finished id -> pseudonym tables
    (registered on this connection, in memory), never the key.
    """
    check_key(key)
    people = [row[0] for row in connection.execute(PEOPLE_IDS_QUERY).fetchall()]
    lines = [row[0] for row in connection.execute(LINE_IDS_QUERY).fetchall()]
    connection.register("person_map", _mapping([(i, pseudonym(key, i)) for i in people], "people"))
    connection.register(
        "line_map", _mapping([(i, partner_line_id(key, i)) for i in lines], "lines")
    )
    try:
        written = []
        counts = {}
        for name, query in FILES.items():
            path = folder / name
            counts[name] = copy_csv(connection, query, path)
            written.append(path)
    finally:
        connection.unregister("person_map")
        connection.unregister("line_map")
    notes = folder / NOTES_FILE
    notes.write_text(
        render_template(
            NOTES_FILE,
            created_at=provenance.get("created_at", ""),
            build_run_id=provenance.get("build_run_id", "(not recorded)"),
            extract_date=provenance.get("extract_date", "(not recorded)"),
            people_count=f"{counts['people.csv']:,}",
            referral_count=f"{counts['safeguarding.csv']:,}",
            key_env=KEY_ENV,
        ),
        encoding="utf-8",
    )
    return [*written, notes]
