{#- The public mart county_lines_indicators (MARTS.md):
    int_cl_indicators_combined, published as it is. -#}
with published as (
    select * from {{ ref('int_cl_indicators_combined') }}
),

final as (
    select
        published.indicator_id,
        published.nominal_id,
        published.indicator,
        published.source_system,
        published.record_ref,
        published.line_id,
        published.indicator_category,
        published.indicator_description,
        published.base_weight,
        published.strength,
        published.weight,
        published.event_date
    from published
)

select * from final
