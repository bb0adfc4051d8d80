{{ config(materialized='table') }}
{#- One row per nominal with any indicator (source or network): the
    county-lines score = the capped source indicators + the capped network
    indicators (the network part itself at most `cl_network_cap`, default 4),
    the flag (score at least `cl_score_threshold`, default 4) and whether the
    person may be a victim of exploitation: exploitation-category indicators
    weighing at least `cl_victim_threshold` (default 2), or a child who is
    flagged. -#}
with indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

network_indicators as (
    select * from {{ ref('int_cl_indicators_network') }}
),

weights as (
    select * from {{ ref('cl_indicator_weights') }}
),

nominals as (
    select * from {{ ref('nominals') }}
),

all_indicators as (
    select
        indicators.nominal_id,
        indicators.indicator,
        indicators.weight,
        indicators.event_date
    from indicators
    union all
    select
        network_indicators.nominal_id,
        network_indicators.indicator,
        network_indicators.weight,
        network_indicators.event_date
    from network_indicators
),

per_indicator as (
    select
        all_indicators.nominal_id,
        all_indicators.indicator,
        weights.category as indicator_category,
        weights.description as indicator_description,
        count(*) as occurrence_count,
        least(sum(all_indicators.weight), weights.cap) as capped_weight,
        max(all_indicators.event_date) as last_date
    from all_indicators
    inner join weights
        on all_indicators.indicator = weights.indicator
    group by 1, 2, 3, 4, weights.cap
),

ranked as (
    select
        per_indicator.*,
        row_number() over (
            partition by per_indicator.nominal_id
            order by per_indicator.capped_weight desc, per_indicator.indicator
        ) as indicator_rank
    from per_indicator
),

per_nominal as (
    select
        ranked.nominal_id,
        {{ dbt.listagg(
            "case when ranked.indicator_rank <= 3 then "
            ~ "ranked.indicator_description end",
            "'; '", 'order by ranked.indicator_rank') }} as top_indicators,
        sum(case
            when ranked.indicator_category != 'NETWORK'
                then ranked.capped_weight
            else 0
        end) as source_score,
        least(
            sum(case
                when ranked.indicator_category = 'NETWORK'
                    then ranked.capped_weight
                else 0
            end),
            {{ var('cl_network_cap', 4) }}
        ) as network_score,
        sum(case
            when ranked.indicator_category = 'EXPLOITATION'
                then ranked.capped_weight
            else 0
        end) as exploitation_score,
        sum(ranked.occurrence_count) as indicator_count,
        max(ranked.last_date) as last_indicator_date
    from ranked
    group by 1
),

final as (
    select
        per_nominal.nominal_id,
        per_nominal.top_indicators,
        per_nominal.source_score + per_nominal.network_score as cl_score,
        per_nominal.source_score,
        per_nominal.network_score,
        per_nominal.exploitation_score,
        per_nominal.indicator_count,
        coalesce(nominals.is_child, false) as is_child,
        per_nominal.source_score + per_nominal.network_score
        >= {{ var('cl_score_threshold', 4) }} as is_county_lines,
        per_nominal.exploitation_score >= {{ var('cl_victim_threshold', 2) }}
        or (
            coalesce(nominals.is_child, false)
            and per_nominal.source_score + per_nominal.network_score
            >= {{ var('cl_score_threshold', 4) }}
        ) as is_potential_victim,
        per_nominal.last_indicator_date
    from per_nominal
    left join nominals
        on per_nominal.nominal_id = nominals.nominal_id
)

select * from final
