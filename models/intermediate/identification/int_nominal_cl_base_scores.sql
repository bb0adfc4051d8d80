{{ config(materialized='table') }}
{#- One row per nominal with any source indicator: the base county-lines
    score, the sum over indicators of their decayed weights, each indicator
    capped at its seed `cap` (so one kind of evidence repeated cannot make a
    person county lines alone), before network context. is_base_flagged:
    base score at least the var `cl_score_threshold` (default 4) and, with
    the var `cl_require_specific_evidence` (default true), at least
    `cl_min_specific_indicators` (default 2) indicators the seed marks
    `is_specific` (evidence of a deal line's operation, not of drug crime or
    vulnerability in general) of different `evidence_kind`s (corroborated by
    a second kind, not the same fact recorded twice). -#}
with indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

weights as (
    select * from {{ ref('cl_indicator_weights') }}
),

per_indicator as (
    select
        indicators.nominal_id,
        indicators.indicator,
        weights.category as indicator_category,
        weights.cap as indicator_cap,
        weights.is_specific,
        coalesce(weights.evidence_kind, indicators.indicator) as evidence_kind,
        count(*) as occurrence_count,
        least(
            {{ exact_sum('indicators.weight') }}, weights.cap
        ) as capped_weight
    from indicators
    inner join weights
        on indicators.indicator = weights.indicator
    group by 1, 2, 3, 4, 5, 6
),

final as (
    select
        per_indicator.nominal_id,
        {{ exact_sum('per_indicator.capped_weight') }} as base_score,
        {{ exact_sum(
            "case when per_indicator.indicator_category = 'EXPLOITATION'"
            ~ " then per_indicator.capped_weight else 0 end"
        ) }} as exploitation_score,
        sum(per_indicator.occurrence_count) as indicator_count,
        max(case
            when per_indicator.is_specific then 1 else 0
        end) = 1 as has_specific_evidence,
        {{ exact_sum('per_indicator.capped_weight') }}
        >= {{ var('cl_score_threshold', 4) }}
        {%- if var('cl_require_specific_evidence', true) %}
            and count(distinct case
                when per_indicator.is_specific then per_indicator.evidence_kind
            end)
            >= {{ var('cl_min_specific_indicators', 2) }}
        {%- endif %} as is_base_flagged
    from per_indicator
    group by 1
)

select * from final
