"""The raw extract interface of shared/contract/SOURCES.md (v1), as data.

One entry per table: its folder/table name and its columns in contract order, with
whether each is required. The generator writes exactly these headers; the dbt sources
(models/staging/<system>/_<system>__sources.yml) declare the same columns, and a test
keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a source table."""

    name: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    """One source table: `<system>/<name>*.csv` under the extract root."""

    system: str
    name: str
    columns: tuple[Column, ...]

    @property
    def key(self) -> str:
        """`system/name`, e.g. `crimes/crime_nominals`."""
        return f"{self.system}/{self.name}"

    @property
    def column_names(self) -> list[str]:
        """Column names in contract order."""
        return [column.name for column in self.columns]

    @property
    def required_columns(self) -> list[str]:
        """Names of the required columns."""
        return [column.name for column in self.columns if column.required]


def _table(system: str, name: str, *columns: str) -> Table:
    """Build a Table from column names; a trailing `*` marks a required column."""
    return Table(
        system,
        name,
        tuple(Column(col.rstrip("*"), col.endswith("*")) for col in columns),
    )


TABLES: tuple[Table, ...] = (
    _table(
        "nominal",
        "nominals",
        "wmp_nominal_id*",
        "surname*",
        "forenames",
        "date_of_birth",
        "sex",
        "pnc_id",
        "home_postcode",
        "warning_markers",
        "created_date",
    ),
    _table(
        "crimes",
        "crimes",
        "crime_ref*",
        "recorded_date*",
        "offence_date",
        "ho_code*",
        "offence_description",
        "npu",
        "lsoa_code",
        "postcode",
        "markers",
        "mo_text",
        "outcome_code",
    ),
    _table(
        "crimes",
        "crime_nominals",
        "crime_ref*",
        "wmp_nominal_id*",
        "role*",
    ),
    _table(
        "ims",
        "intel_reports",
        "intel_ref*",
        "submitted_date*",
        "grading_scheme*",
        "source_grade",
        "intel_grade",
        "handling_code",
        "origin",
        "pins_ref",
        "npu",
        "report_text*",
    ),
    _table(
        "ims",
        "intel_nominals",
        "intel_ref*",
        "wmp_nominal_id*",
        "link_type*",
    ),
    _table(
        "ims",
        "intel_entities",
        "intel_ref*",
        "entity_type*",
        "entity_value*",
    ),
    _table(
        "icis",
        "custody_records",
        "custody_ref*",
        "wmp_nominal_id*",
        "pnc_id",
        "arrested_at*",
        "occurrence_ref",
        "arrest_ho_code",
        "arrest_reason",
        "arrest_postcode",
        "arresting_force",
        "age_at_arrest",
        "appropriate_adult",
        "property_text",
        "detainee_comments",
        "outcome",
    ),
    _table(
        "pins",
        "releases",
        "pins_ref*",
        "prison_number*",
        "pnc_id",
        "surname*",
        "forenames",
        "date_of_birth",
        "sex",
        "establishment",
        "release_date*",
        "release_type",
        "index_ho_code",
        "index_offence",
        "sentence_days",
        "release_postcode",
        "notes",
    ),
    _table(
        "pins",
        "prison_contacts",
        "contact_id*",
        "pins_ref*",
        "contact_type*",
        "surname",
        "forenames",
        "date_of_birth",
        "pnc_id",
        "phone",
    ),
    _table(
        "compact",
        "missing_persons",
        "compact_person_id*",
        "surname*",
        "forenames",
        "date_of_birth",
        "sex",
        "home_postcode",
        "local_authority",
        "is_looked_after",
        "wmp_nominal_id",
    ),
    _table(
        "compact",
        "missing_episodes",
        "episode_ref*",
        "compact_person_id*",
        "reported_at*",
        "found_at",
        "risk_level",
        "age_at_report",
        "found_force",
        "found_postcode",
        "found_location_text",
        "circumstances_text",
        "return_interview_text",
        "cce_concern",
    ),
    _table(
        "compact",
        "episode_associates",
        "associate_id*",
        "episode_ref*",
        "association*",
        "surname",
        "forenames",
        "date_of_birth",
        "phone",
    ),
    _table(
        "soc",
        "soc_groups",
        "soc_group_id*",
        "group_name",
        "group_type*",
        "primary_activity",
        "mapped_date",
    ),
    _table(
        "soc",
        "soc_members",
        "soc_group_id*",
        "wmp_nominal_id*",
        "member_role",
    ),
    _table(
        "soc",
        "soc_edges",
        "wmp_nominal_id_a*",
        "wmp_nominal_id_b*",
        "edge_type",
        "weight",
    ),
    _table(
        "register",
        "deal_lines",
        "line_ref*",
        "line_name*",
        "phone_numbers",
        "origin_npu",
        "destination_towns",
        "first_reported_date",
        "status",
    ),
    _table(
        "register",
        "exploitation_list",
        "wmp_nominal_id*",
        "date_added",
        "notes",
    ),
)

TABLES_BY_KEY: dict[str, Table] = {table.key: table for table in TABLES}

SYSTEMS: tuple[str, ...] = tuple(dict.fromkeys(table.system for table in TABLES))

EXTRACT_DATE_FILE = "extract_date.txt"
