{{ config(materialized='table') }}
{#- One row per (source_system, record_ref, nominal_id, person_role): the
    resolved people of every source record that identification reads, with
    their role in it. Roles: crimes SUSPECT / OFFENDER / VICTIM / WITNESS /
    OTHER; intelligence SUBJECT / ASSOCIATE / MENTIONED (credible reports
    only); custody DETAINEE; prison releases PRISONER and the contacts
    (VISITOR, CELLMATE, PHONE_CONTACT, CO_DEFENDANT); missing episodes
    MISSING_PERSON and the associates (FOUND_WITH, BELIEVED_WITH,
    REPORTED_CONTACT). People the resolution could not identify are left
    out. -#}
with xref as (
    select * from {{ ref('int_person_clusters') }}
),

crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

intel_nominals as (
    select * from {{ ref('stg_ims__intel_nominals') }}
),

credible_intel as (
    select * from {{ ref('int_intel_reports_credible') }}
),

custody as (
    select * from {{ ref('stg_icis__custody_records') }}
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

nominal_ids as (
    select
        xref.source_system,
        xref.source_id,
        xref.nominal_id
    from xref
    where xref.nominal_id is not null
),

people as (
    select
        'CRIMES' as source_system,
        crime_nominals.crime_ref as record_ref,
        nominal_ids.nominal_id,
        crime_nominals.role as person_role,
        coalesce(crimes.offence_date, crimes.recorded_date) as event_date
    from crime_nominals
    inner join crimes
        on crime_nominals.crime_ref = crimes.crime_ref
    inner join nominal_ids
        on
            nominal_ids.source_system = 'NOMINAL'
            and crime_nominals.wmp_nominal_id = nominal_ids.source_id
    union all
    select
        'IMS' as source_system,
        intel_nominals.intel_ref as record_ref,
        nominal_ids.nominal_id,
        intel_nominals.link_type as person_role,
        credible_intel.submitted_date as event_date
    from intel_nominals
    inner join credible_intel
        on intel_nominals.intel_ref = credible_intel.intel_ref
    inner join nominal_ids
        on
            nominal_ids.source_system = 'NOMINAL'
            and intel_nominals.wmp_nominal_id = nominal_ids.source_id
    union all
    select
        'ICIS' as source_system,
        custody.custody_ref as record_ref,
        nominal_ids.nominal_id,
        'DETAINEE' as person_role,
        cast(custody.arrested_at as date) as event_date
    from custody
    inner join nominal_ids
        on
            nominal_ids.source_system = 'NOMINAL'
            and custody.wmp_nominal_id = nominal_ids.source_id
    union all
    select
        'PINS' as source_system,
        releases.pins_ref as record_ref,
        nominal_ids.nominal_id,
        'PRISONER' as person_role,
        releases.activity_date as event_date
    from releases
    inner join nominal_ids
        on
            nominal_ids.source_system = 'PINS'
            and releases.prison_number = nominal_ids.source_id
    union all
    select
        'PINS' as source_system,
        prison_contacts.pins_ref as record_ref,
        nominal_ids.nominal_id,
        prison_contacts.contact_type as person_role,
        releases.activity_date as event_date
    from prison_contacts
    inner join releases
        on prison_contacts.pins_ref = releases.pins_ref
    inner join nominal_ids
        on
            nominal_ids.source_system = 'PINS_CONTACT'
            and prison_contacts.contact_id = nominal_ids.source_id
    union all
    select
        'COMPACT' as source_system,
        episodes.episode_ref as record_ref,
        nominal_ids.nominal_id,
        'MISSING_PERSON' as person_role,
        cast(episodes.reported_at as date) as event_date
    from episodes
    inner join nominal_ids
        on
            nominal_ids.source_system = 'COMPACT'
            and episodes.compact_person_id = nominal_ids.source_id
    union all
    select
        'COMPACT' as source_system,
        episode_associates.episode_ref as record_ref,
        nominal_ids.nominal_id,
        episode_associates.association as person_role,
        cast(episodes.reported_at as date) as event_date
    from episode_associates
    inner join episodes
        on episode_associates.episode_ref = episodes.episode_ref
    inner join nominal_ids
        on
            nominal_ids.source_system = 'COMPACT_ASSOCIATE'
            and episode_associates.associate_id = nominal_ids.source_id
),

final as (
    select distinct
        people.source_system,
        people.record_ref,
        people.nominal_id,
        people.person_role,
        people.event_date
    from people
)

select * from final
