{{ config(materialized='table') }}
{#- One row per (nominal_id_a, nominal_id_b, link_type), nominal_id_a <
    nominal_id_b: typed association links between resolved people.
    CO_OFFENDING: suspects / offenders of one crime (victims and witnesses
    are never linked to offenders); CO_ARREST: custody records sharing an
    occurrence_ref; INTEL: named together in a credible intelligence report;
    FOUND_WITH: a missing person and an associate they were found with or
    believed to be with; MISSING_CONTACT: a reported contact of a missing
    person; PRISON_CONTACT: a prisoner and a contact; SHARED_PHONE: two people
    recorded with the same phone number (contact / associate phones); SOC: an
    edge of the SOC network output. The network issue publishes and extends
    these links. -#}
with people as (
    select * from {{ ref('int_cl_record_people') }}
),

custody as (
    select * from {{ ref('stg_icis__custody_records') }}
),

xref as (
    select * from {{ ref('nominal_source_xref') }}
),

soc_edges as (
    select * from {{ ref('stg_soc__soc_edges') }}
),

prison_contacts as (
    select * from {{ ref('stg_pins__prison_contacts') }}
),

episode_associates as (
    select * from {{ ref('stg_compact__episode_associates') }}
),

nominal_keys as (
    select
        xref.source_id as wmp_nominal_id,
        xref.nominal_id
    from xref
    where xref.source_system = 'NOMINAL' and xref.nominal_id is not null
),

record_pairs as (
    select
        person_a.nominal_id as nominal_id_a,
        person_b.nominal_id as nominal_id_b,
        case
            when person_a.source_system = 'CRIMES' then 'CO_OFFENDING'
            when person_a.source_system = 'IMS' then 'INTEL'
            when
                person_a.source_system = 'PINS'
                and (
                    person_a.person_role = 'PRISONER'
                    or person_b.person_role = 'PRISONER'
                )
                then 'PRISON_CONTACT'
            when
                person_a.source_system = 'COMPACT'
                and (
                    person_a.person_role in ('FOUND_WITH', 'BELIEVED_WITH')
                    or person_b.person_role in ('FOUND_WITH', 'BELIEVED_WITH')
                )
                then 'FOUND_WITH'
            when person_a.source_system = 'COMPACT' then 'MISSING_CONTACT'
        end as link_type,
        person_a.source_system,
        person_a.record_ref,
        person_a.event_date
    from people as person_a
    inner join people as person_b
        on
            person_a.source_system = person_b.source_system
            and person_a.record_ref = person_b.record_ref
            and person_a.nominal_id < person_b.nominal_id
    where
        (
            person_a.source_system = 'CRIMES'
            and person_a.person_role in ('SUSPECT', 'OFFENDER')
            and person_b.person_role in ('SUSPECT', 'OFFENDER')
        )
        or person_a.source_system = 'IMS'
        or (
            person_a.source_system = 'PINS'
            and 'PRISONER' in (person_a.person_role, person_b.person_role)
        )
        or (
            person_a.source_system = 'COMPACT'
            and 'MISSING_PERSON' in (person_a.person_role, person_b.person_role)
        )
),

arrests as (
    select
        people.nominal_id,
        custody.occurrence_ref,
        people.record_ref,
        people.event_date
    from people
    inner join custody
        on people.record_ref = custody.custody_ref
    where people.source_system = 'ICIS' and custody.occurrence_ref is not null
),

co_arrests as (
    select
        arrest_a.nominal_id as nominal_id_a,
        arrest_b.nominal_id as nominal_id_b,
        'CO_ARREST' as link_type,
        'ICIS' as source_system,
        arrest_a.record_ref,
        arrest_a.event_date
    from arrests as arrest_a
    inner join arrests as arrest_b
        on
            arrest_a.occurrence_ref = arrest_b.occurrence_ref
            and arrest_a.nominal_id < arrest_b.nominal_id
),

person_phones as (
    select
        xref.nominal_id,
        prison_contacts.phone,
        'PINS' as source_system,
        prison_contacts.pins_ref as record_ref
    from prison_contacts
    inner join xref
        on
            xref.source_system = 'PINS_CONTACT'
            and prison_contacts.contact_id = xref.source_id
    where prison_contacts.phone is not null and xref.nominal_id is not null
    union all
    select
        xref.nominal_id,
        episode_associates.phone,
        'COMPACT' as source_system,
        episode_associates.episode_ref as record_ref
    from episode_associates
    inner join xref
        on
            xref.source_system = 'COMPACT_ASSOCIATE'
            and episode_associates.associate_id = xref.source_id
    where episode_associates.phone is not null and xref.nominal_id is not null
),

shared_phones as (
    select
        phone_a.nominal_id as nominal_id_a,
        phone_b.nominal_id as nominal_id_b,
        'SHARED_PHONE' as link_type,
        phone_a.source_system,
        phone_a.record_ref,
        cast(null as date) as event_date
    from person_phones as phone_a
    inner join person_phones as phone_b
        on
            phone_a.phone = phone_b.phone
            and phone_a.nominal_id < phone_b.nominal_id
),

soc_links as (
    select
        least(key_a.nominal_id, key_b.nominal_id) as nominal_id_a,
        greatest(key_a.nominal_id, key_b.nominal_id) as nominal_id_b,
        'SOC' as link_type,
        'SOC' as source_system,
        {{ dbt.concat(['soc_edges.wmp_nominal_id_a', "'|'",
            'soc_edges.wmp_nominal_id_b']) }} as record_ref,
        cast(null as date) as event_date
    from soc_edges
    inner join nominal_keys as key_a
        on soc_edges.wmp_nominal_id_a = key_a.wmp_nominal_id
    inner join nominal_keys as key_b
        on soc_edges.wmp_nominal_id_b = key_b.wmp_nominal_id
    where key_a.nominal_id != key_b.nominal_id
),

evidence as (
    select * from record_pairs
    union all
    select * from co_arrests
    union all
    select * from shared_phones
    union all
    select * from soc_links
),

final as (
    select
        evidence.nominal_id_a,
        evidence.nominal_id_b,
        evidence.link_type,
        count(distinct {{ dbt.concat(['evidence.source_system', "'|'",
            'evidence.record_ref']) }}) as evidence_count,
        max(evidence.record_ref) as last_record_ref,
        min(evidence.event_date) as first_seen_date,
        max(evidence.event_date) as last_seen_date
    from evidence
    where evidence.nominal_id_a != evidence.nominal_id_b
    group by 1, 2, 3
)

select * from final
