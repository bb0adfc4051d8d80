{{ config(materialized='table') }}
{#- One row per (line, person): people linked to a deal line by a record that
    writes the line's phone or name (crimes: suspects, offenders, victims;
    intelligence: subjects, associates, mentioned; custody; prison releases
    and their contacts; missing episodes and their associates), with the
    evidence count and an inferred role (rules in the YAML). -#}
with record_lines as (
    select * from {{ ref('int_cl_record_lines') }}
),

people as (
    select * from {{ ref('int_cl_record_people') }}
),

scores as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

text_signals as (
    select * from {{ ref('int_cl_text_signals') }}
),

nominal_soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

principals as (
    select distinct nominal_soc_groups.nominal_id
    from nominal_soc_groups
    where nominal_soc_groups.is_principal
),

links as (
    select
        record_lines.line_id,
        people.nominal_id,
        people.person_role,
        people.source_system,
        people.record_ref,
        coalesce(text_signals.cuckooing_strength, 0) as cuckooing_strength
    from record_lines
    inner join people
        on
            record_lines.source_system = people.source_system
            and record_lines.record_ref = people.record_ref
    left join text_signals
        on
            record_lines.source_system = text_signals.source_system
            and record_lines.record_ref = text_signals.record_ref
    where people.person_role not in ('WITNESS', 'OTHER')
),

person_indicators as (
    select
        indicators.nominal_id,
        max(case when indicators.indicator in (
            'CRIME_CLASS_A_SUPPLY', 'CUSTODY_CLASS_A_SUPPLY',
            'PINS_SUPPLY_OFFENCE', 'CRIME_MARKER_COUNTY_LINES'
        ) then 1 else 0 end) as has_supply,
        max(case when indicators.indicator in (
            'CRIME_CLASS_A_POSSESSION'
        ) then 1 else 0 end) as has_possession
    from indicators
    group by 1
),

per_pair as (
    select
        links.line_id,
        links.nominal_id,
        count(distinct {{ dbt.concat(['links.source_system', "'|'",
            'links.record_ref']) }}) as evidence_count,
        max(case
            when
                links.person_role in (
                    'SUBJECT', 'SUSPECT', 'OFFENDER',
                    'DETAINEE', 'PRISONER', 'PHONE_CONTACT'
                )
                then 1
            else 0
        end) as is_principal_party,
        max(case
            when
                links.person_role in ('VICTIM', 'MENTIONED')
                and links.cuckooing_strength > 0
                then 1
            else 0
        end) as is_cuckooing_victim,
        sum(case when links.person_role = 'SUBJECT' then 1 else 0 end)
            as subject_count,
        max(case
            when links.person_role in ('VICTIM', 'MENTIONED') then 1 else 0
        end) as is_victim_or_mentioned
    from links
    group by 1, 2
),

final as (
    select
        per_pair.line_id,
        per_pair.nominal_id,
        case
            when principals.nominal_id is not null then 'CONTROLLER'
            when
                per_pair.is_cuckooing_victim = 1
                and not coalesce(scores.is_child, false)
                then 'CUCKOOED'
            when
                coalesce(scores.is_child, false)
                or coalesce(scores.is_potential_victim, false)
                then 'RUNNER'
            when
                per_pair.subject_count >= 1
                and coalesce(person_indicators.has_supply, 0) = 1
                then 'LINE_HOLDER'
            when
                coalesce(person_indicators.has_possession, 0) = 1
                or per_pair.is_principal_party = 0
                then 'USER'
            else 'LINE_HOLDER'
        end as inferred_role,
        per_pair.evidence_count
    from per_pair
    left join scores
        on per_pair.nominal_id = scores.nominal_id
    left join person_indicators
        on per_pair.nominal_id = person_indicators.nominal_id
    left join principals
        on per_pair.nominal_id = principals.nominal_id
)

select * from final
