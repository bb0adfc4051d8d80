{{ config(materialized='table') }}
{#- One row per indicator found in one source record for one person (and one
    row per network indicator: a link to a flagged nominal, source_system
    NETWORK, record_ref = that nominal). -#}
with indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

network_indicators as (
    select * from {{ ref('int_cl_indicators_network') }}
),

unioned as (
    select
        indicators.nominal_id,
        indicators.indicator,
        indicators.source_system,
        indicators.record_ref,
        indicators.line_id,
        indicators.indicator_category,
        indicators.indicator_description,
        indicators.base_weight,
        indicators.strength,
        indicators.weight,
        indicators.event_date
    from indicators
    union all
    select
        network_indicators.nominal_id,
        network_indicators.indicator,
        network_indicators.source_system,
        network_indicators.record_ref,
        network_indicators.line_id,
        network_indicators.indicator_category,
        network_indicators.indicator_description,
        network_indicators.base_weight,
        network_indicators.strength,
        network_indicators.weight,
        network_indicators.event_date
    from network_indicators
),

final as (
    select
        {{ dbt.hash(dbt.concat(['unioned.nominal_id', "'|'",
            'unioned.indicator', "'|'", 'unioned.source_system', "'|'",
            'unioned.record_ref'])) }} as indicator_id,
        unioned.nominal_id,
        unioned.indicator,
        unioned.source_system,
        unioned.record_ref,
        unioned.line_id,
        unioned.indicator_category,
        unioned.indicator_description,
        cast(unioned.base_weight as double) as base_weight,
        cast(unioned.strength as double) as strength,
        cast(unioned.weight as double) as weight,
        unioned.event_date
    from unioned
)

select * from final
