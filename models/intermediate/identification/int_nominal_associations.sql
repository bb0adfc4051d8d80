{{ config(materialized='table') }}
{#- One row per (nominal_id_a, nominal_id_b, link_type), nominal_id_a <
    nominal_id_b: typed association links between resolved people, for the
    identification step. An aggregate of the network's evidence
    (int_network_edge_evidence: one row per source record linking two
    people), with its fine link types mapped to coarser association types by
    the seed network_link_types (association_type): CO_OFFENDING, CO_ARREST,
    INTEL, FOUND_WITH (found or believed with), MISSING_CONTACT (a reported
    contact), PRISON_CONTACT (any prison contact), SHARED_PHONE, SOC. Victims
    and witnesses are never linked to offenders. -#}
with evidence as (
    select * from {{ ref('int_network_edge_evidence') }}
),

link_types as (
    select * from {{ ref('network_link_types') }}
),

typed as (
    select
        evidence.nominal_id_a,
        evidence.nominal_id_b,
        link_types.association_type as link_type,
        evidence.source_system,
        evidence.record_ref,
        evidence.event_date
    from evidence
    inner join link_types
        on evidence.link_type = link_types.link_type
),

final as (
    select
        typed.nominal_id_a,
        typed.nominal_id_b,
        typed.link_type,
        count(distinct {{ dbt.concat(['typed.source_system', "'|'",
            'typed.record_ref']) }}) as evidence_count,
        max(typed.record_ref) as last_record_ref,
        min(typed.event_date) as first_seen_date,
        max(typed.event_date) as last_seen_date
    from typed
    group by 1, 2, 3
)

select * from final
