{{ config(materialized='table') }}
{#- One row per source record (source_system, record_ref) whose free text
    holds county-lines language: the strongest term of each category and the
    record's lexicon strength, 0-1: the sum of the per-category strongest
    terms times `cl_text_strength_scale` (var, default 0.6), at most 1. One
    very specific term gives 0.6; two categories of language give 1. -#}
with matches as (
    select * from {{ ref('int_cl_text_lexicon_matches') }}
),

per_category as (
    select
        matches.source_system,
        matches.record_ref,
        matches.category,
        max(matches.strength) as category_strength,
        min(matches.event_date) as event_date
    from matches
    group by 1, 2, 3
),

per_record as (
    select
        per_category.source_system,
        per_category.record_ref,
        {{ dbt.listagg('per_category.category', "', '",
            'order by per_category.category') }} as categories,
        least(
            1.0,
            {{ exact_sum('per_category.category_strength') }}
            * {{ var('cl_text_strength_scale', 0.6) }}
        ) as text_strength,
        max(case
            when per_category.category = 'supply'
                then per_category.category_strength
            else 0
        end) as supply_strength,
        max(case
            when per_category.category = 'travel'
                then per_category.category_strength
            else 0
        end) as travel_strength,
        max(case
            when per_category.category = 'cuckooing'
                then per_category.category_strength
            else 0
        end)
            as cuckooing_strength,
        max(case
            when per_category.category = 'debt'
                then per_category.category_strength
            else 0
        end) as debt_strength,
        max(case
            when per_category.category = 'exploitation'
                then per_category.category_strength
            else 0
        end)
            as exploitation_strength,
        min(per_category.event_date) as event_date
    from per_category
    group by 1, 2
),

final as (
    select * from per_record
)

select * from final
