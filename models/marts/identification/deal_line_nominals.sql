{#- The public mart deal_line_nominals (MARTS.md):
    int_deal_line_nominals_inferred, published as it is. -#}
with published as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

final as (
    select
        published.line_id,
        published.nominal_id,
        published.inferred_role,
        published.evidence_count
    from published
)

select * from final
