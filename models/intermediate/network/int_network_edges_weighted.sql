{{ config(materialized='table') }}
{#- One row per linked pair (nominal_id_a < nominal_id_b) with evidence in
    the analysis window: its link types and weight (formula in the YAML). -#}
with evidence as (
    select * from {{ ref('int_network_edge_evidence') }}
),

link_types as (
    select * from {{ ref('network_link_types') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

in_window as (
    select evidence.*
    from evidence
    cross join extract_dates
    where
        evidence.event_date is null
        or evidence.event_date >= {{ dbt.dateadd('day',
            -1 * var('network_window_days', 1095),
            'extract_dates.analysis_date') }}
),

per_type as (
    select
        in_window.nominal_id_a,
        in_window.nominal_id_b,
        in_window.link_type,
        count(*) as evidence_count,
        {{ exact_avg('in_window.grade_factor') }} as grade_factor,
        min(in_window.event_date) as first_seen_date,
        max(in_window.event_date) as last_seen_date
    from in_window
    group by 1, 2, 3
),

type_weights as (
    select
        per_type.*,
        link_types.strength
        * (1 + ln(per_type.evidence_count))
        * per_type.grade_factor
        * {{ cl_decay(
            dbt.datediff('per_type.last_seen_date',
                'extract_dates.analysis_date', 'day'),
            var('network_half_life_days', 365)) }} as type_weight
    from per_type
    inner join link_types
        on per_type.link_type = link_types.link_type
    cross join extract_dates
),

final as (
    select
        type_weights.nominal_id_a,
        type_weights.nominal_id_b,
        {{ dbt.listagg('type_weights.link_type', "';'",
            'order by type_weights.link_type') }} as link_types,
        {{ exact_sum('type_weights.type_weight') }} as weight,
        cast(sum(type_weights.evidence_count) as bigint) as evidence_count,
        cast(count(*) as bigint) as link_type_count,
        min(type_weights.first_seen_date) as first_seen_date,
        max(type_weights.last_seen_date) as last_seen_date
    from type_weights
    group by 1, 2
)

select * from final
