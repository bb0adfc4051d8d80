{{ config(materialized='table') }}
{#- One row per (nominal_id_a, nominal_id_b, link_type, source_system,
    record_ref), nominal_id_a < nominal_id_b: each source record that links
    two resolved people, with the grade factor of the record (intelligence
    grading; 1 otherwise). Link types and sources are in the YAML. -#}
with xref as (
    select * from {{ ref('int_person_clusters') }}
),

crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

custody as (
    select * from {{ ref('stg_icis__custody_records') }}
),

intel_nominals as (
    select * from {{ ref('stg_ims__intel_nominals') }}
),

credible_intel as (
    select * from {{ ref('int_intel_reports_credible') }}
),

grade_factors as (
    select * from {{ ref('network_intel_grade_factors') }}
),

releases as (
    select * from {{ ref('stg_pins__releases') }}
),

prison_contacts as (
    select * from {{ ref('stg_pins__prison_contacts') }}
),

episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

episode_associates as (
    select * from {{ ref('stg_compact__episode_associates') }}
),

soc_edges as (
    select * from {{ ref('stg_soc__soc_edges') }}
),

resolved as (
    select
        xref.source_system,
        xref.source_id,
        xref.nominal_id
    from xref
    where xref.nominal_id is not null
),

offenders as (
    select
        resolved.nominal_id,
        crime_nominals.crime_ref,
        coalesce(crimes.offence_date, crimes.recorded_date) as event_date
    from crime_nominals
    inner join crimes
        on crime_nominals.crime_ref = crimes.crime_ref
    inner join resolved
        on
            resolved.source_system = 'NOMINAL'
            and crime_nominals.wmp_nominal_id = resolved.source_id
    where crime_nominals.role in ('SUSPECT', 'OFFENDER')
),

co_offending as (
    select
        offender_a.nominal_id as nominal_id_a,
        offender_b.nominal_id as nominal_id_b,
        'CO_OFFENDING' as link_type,
        'CRIMES' as source_system,
        offender_a.crime_ref as record_ref,
        offender_a.event_date,
        1.0 as grade_factor
    from offenders as offender_a
    inner join offenders as offender_b
        on
            offender_a.crime_ref = offender_b.crime_ref
            and offender_a.nominal_id < offender_b.nominal_id
),

arrests as (
    select
        resolved.nominal_id,
        custody.occurrence_ref,
        cast(custody.arrested_at as date) as event_date
    from custody
    inner join resolved
        on
            resolved.source_system = 'NOMINAL'
            and custody.wmp_nominal_id = resolved.source_id
    where custody.occurrence_ref is not null
),

co_arrest as (
    select
        arrest_a.nominal_id as nominal_id_a,
        arrest_b.nominal_id as nominal_id_b,
        'CO_ARREST' as link_type,
        'ICIS' as source_system,
        arrest_a.occurrence_ref as record_ref,
        least(arrest_a.event_date, arrest_b.event_date) as event_date,
        1.0 as grade_factor
    from arrests as arrest_a
    inner join arrests as arrest_b
        on
            arrest_a.occurrence_ref = arrest_b.occurrence_ref
            and arrest_a.nominal_id < arrest_b.nominal_id
),

report_grades as (
    select
        credible_intel.intel_ref,
        credible_intel.submitted_date,
        coalesce(source_factor.factor, 1.0)
        * coalesce(information_factor.factor, 1.0) as grade_factor
    from credible_intel
    left join grade_factors as source_factor
        on
            credible_intel.grading_scheme = source_factor.grading_scheme
            and source_factor.grade_kind = 'SOURCE'
            and credible_intel.source_grade = source_factor.grade
    left join grade_factors as information_factor
        on
            credible_intel.grading_scheme = information_factor.grading_scheme
            and information_factor.grade_kind = 'INFORMATION'
            and credible_intel.intel_grade = information_factor.grade
),

{# SUBJECT and ASSOCIATE only: a MENTIONED person (a victim, an address
    occupant, someone in passing) is not an associate of the subjects. #}
intel_people as (
    select
        resolved.nominal_id,
        intel_nominals.intel_ref,
        report_grades.submitted_date as event_date,
        report_grades.grade_factor
    from intel_nominals
    inner join report_grades
        on intel_nominals.intel_ref = report_grades.intel_ref
    inner join resolved
        on
            resolved.source_system = 'NOMINAL'
            and intel_nominals.wmp_nominal_id = resolved.source_id
    where intel_nominals.link_type in ('SUBJECT', 'ASSOCIATE')
),

intel as (
    select
        person_a.nominal_id as nominal_id_a,
        person_b.nominal_id as nominal_id_b,
        'INTEL' as link_type,
        'IMS' as source_system,
        person_a.intel_ref as record_ref,
        person_a.event_date,
        person_a.grade_factor
    from intel_people as person_a
    inner join intel_people as person_b
        on
            person_a.intel_ref = person_b.intel_ref
            and person_a.nominal_id < person_b.nominal_id
),

missing_people as (
    select
        resolved.nominal_id,
        episodes.episode_ref,
        cast(episodes.reported_at as date) as event_date
    from episodes
    inner join resolved
        on
            resolved.source_system = 'COMPACT'
            and episodes.compact_person_id = resolved.source_id
),

associates as (
    select
        resolved.nominal_id,
        episode_associates.episode_ref,
        episode_associates.association
    from episode_associates
    inner join resolved
        on
            resolved.source_system = 'COMPACT_ASSOCIATE'
            and episode_associates.associate_id = resolved.source_id
),

missing_links as (
    select
        least(missing_people.nominal_id, associates.nominal_id) as nominal_id_a,
        greatest(
            missing_people.nominal_id, associates.nominal_id
        ) as nominal_id_b,
        associates.association as link_type,
        'COMPACT' as source_system,
        missing_people.episode_ref as record_ref,
        missing_people.event_date,
        1.0 as grade_factor
    from missing_people
    inner join associates
        on missing_people.episode_ref = associates.episode_ref
),

prisoners as (
    select
        resolved.nominal_id,
        releases.pins_ref,
        releases.activity_date as event_date
    from releases
    inner join resolved
        on
            resolved.source_system = 'PINS'
            and releases.prison_number = resolved.source_id
),

contacts as (
    select
        resolved.nominal_id,
        prison_contacts.pins_ref,
        case prison_contacts.contact_type
            when 'CO_DEFENDANT' then 'CO_DEFENDANT'
            else {{ dbt.concat(["'PRISON_'", 'prison_contacts.contact_type']) }}
        end as link_type
    from prison_contacts
    inner join resolved
        on
            resolved.source_system = 'PINS_CONTACT'
            and prison_contacts.contact_id = resolved.source_id
),

prison_links as (
    select
        least(prisoners.nominal_id, contacts.nominal_id) as nominal_id_a,
        greatest(prisoners.nominal_id, contacts.nominal_id) as nominal_id_b,
        contacts.link_type,
        'PINS' as source_system,
        prisoners.pins_ref as record_ref,
        prisoners.event_date,
        1.0 as grade_factor
    from prisoners
    inner join contacts
        on prisoners.pins_ref = contacts.pins_ref
),

{# People recorded with a phone: prison contacts and missing-episode
    associates (the only person records that carry one). #}
phone_records as (
    select
        resolved.nominal_id,
        prison_contacts.phone,
        'PINS' as source_system,
        prison_contacts.pins_ref as record_ref,
        releases.activity_date as event_date
    from prison_contacts
    inner join releases
        on prison_contacts.pins_ref = releases.pins_ref
    inner join resolved
        on
            resolved.source_system = 'PINS_CONTACT'
            and prison_contacts.contact_id = resolved.source_id
    where prison_contacts.phone is not null
    union all
    select
        resolved.nominal_id,
        episode_associates.phone,
        'COMPACT' as source_system,
        episode_associates.episode_ref as record_ref,
        cast(episodes.reported_at as date) as event_date
    from episode_associates
    inner join episodes
        on episode_associates.episode_ref = episodes.episode_ref
    inner join resolved
        on
            resolved.source_system = 'COMPACT_ASSOCIATE'
            and episode_associates.associate_id = resolved.source_id
    where episode_associates.phone is not null
),

phone_pairs as (
    select distinct
        phone_a.nominal_id as nominal_id_a,
        phone_b.nominal_id as nominal_id_b,
        phone_a.phone
    from phone_records as phone_a
    inner join phone_records as phone_b
        on
            phone_a.phone = phone_b.phone
            and phone_a.nominal_id < phone_b.nominal_id
),

{# Every record that puts either person of the pair on the shared phone is
    a piece of evidence of the link. #}
shared_phone as (
    select
        phone_pairs.nominal_id_a,
        phone_pairs.nominal_id_b,
        'SHARED_PHONE' as link_type,
        phone_records.source_system,
        phone_records.record_ref,
        phone_records.event_date,
        1.0 as grade_factor
    from phone_pairs
    inner join phone_records
        on
            phone_pairs.phone = phone_records.phone
            and phone_records.nominal_id in (
                phone_pairs.nominal_id_a, phone_pairs.nominal_id_b
            )
),

soc as (
    select
        least(key_a.nominal_id, key_b.nominal_id) as nominal_id_a,
        greatest(key_a.nominal_id, key_b.nominal_id) as nominal_id_b,
        'SOC' as link_type,
        'SOC' as source_system,
        {{ dbt.concat(['soc_edges.wmp_nominal_id_a', "'|'",
            'soc_edges.wmp_nominal_id_b', "'|'",
            "coalesce(soc_edges.edge_type, '')"]) }} as record_ref,
        cast(null as date) as event_date,
        1.0 as grade_factor
    from soc_edges
    inner join resolved as key_a
        on
            key_a.source_system = 'NOMINAL'
            and soc_edges.wmp_nominal_id_a = key_a.source_id
    inner join resolved as key_b
        on
            key_b.source_system = 'NOMINAL'
            and soc_edges.wmp_nominal_id_b = key_b.source_id
),

evidence as (
    select * from co_offending
    union all
    select * from co_arrest
    union all
    select * from intel
    union all
    select * from missing_links
    union all
    select * from prison_links
    union all
    select * from shared_phone
    union all
    select * from soc
),

{# One row per (pair, link type, record): a record can reach a pair twice
    (duplicate person records resolved into one nominal). #}
final as (
    select
        evidence.nominal_id_a,
        evidence.nominal_id_b,
        evidence.link_type,
        evidence.source_system,
        evidence.record_ref,
        max(evidence.grade_factor) as grade_factor,
        min(evidence.event_date) as event_date
    from evidence
    where evidence.nominal_id_a != evidence.nominal_id_b
    group by 1, 2, 3, 4, 5
)

select * from final
