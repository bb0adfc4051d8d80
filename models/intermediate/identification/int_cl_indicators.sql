{{ config(materialized='table') }}
{#- One row per indicator found in one source record for one person: the
    union of the per-source models, with the indicator's weight decayed by
    age: weight = seed weight * strength * 0.5 ^ (age_days / half-life),
    half-life the var `cl_half_life_days` (default 365), age counted to the
    analysis date (future or undated events do not decay). -#}
{%- set sources = ['crimes', 'intel', 'custody', 'pins', 'compact',
    'register', 'soc'] %}
with
{%- for source_name in sources %}
    indicators_{{ source_name }} as (
        select * from {{ ref('int_cl_indicators_' ~ source_name) }}
    ),
{%- endfor %}

weights as (
    select * from {{ ref('cl_indicator_weights') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

found as (
    {%- for source_name in sources %}
        select
            indicators_{{ source_name }}.nominal_id,
            indicators_{{ source_name }}.indicator,
            indicators_{{ source_name }}.source_system,
            indicators_{{ source_name }}.record_ref,
            indicators_{{ source_name }}.line_id,
            indicators_{{ source_name }}.strength,
            indicators_{{ source_name }}.event_date
        from indicators_{{ source_name }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

deduplicated as (
    select
        found.nominal_id,
        found.indicator,
        found.source_system,
        found.record_ref,
        min(found.line_id) as line_id,
        max(found.strength) as strength,
        min(found.event_date) as event_date
    from found
    where found.nominal_id is not null and found.strength > 0
    group by 1, 2, 3, 4
),

final as (
    select
        deduplicated.nominal_id,
        deduplicated.indicator,
        deduplicated.source_system,
        deduplicated.record_ref,
        deduplicated.line_id,
        weights.category as indicator_category,
        weights.description as indicator_description,
        weights.weight as base_weight,
        deduplicated.strength,
        weights.weight * deduplicated.strength * {{ cl_decay(
            dbt.datediff('deduplicated.event_date',
                'extract_dates.analysis_date', 'day'),
            var('cl_half_life_days', 365)) }} as weight,
        deduplicated.event_date
    from deduplicated
    inner join weights
        on deduplicated.indicator = weights.indicator
    cross join extract_dates
)

select * from final
