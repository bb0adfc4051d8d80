{#- One row per nominal with any county-lines indicator: score, flag,
    potential victim and the top indicators in words. -#}
with scores as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

final as (
    select
        scores.nominal_id,
        scores.top_indicators,
        cast(scores.cl_score as double) as cl_score,
        cast(scores.source_score as double) as source_score,
        cast(scores.network_score as double) as network_score,
        cast(scores.exploitation_score as double) as exploitation_score,
        cast(scores.indicator_count as integer) as indicator_count,
        scores.is_child,
        scores.is_county_lines,
        scores.is_potential_victim,
        scores.victim_reason,
        scores.last_indicator_date
    from scores
)

select * from final
