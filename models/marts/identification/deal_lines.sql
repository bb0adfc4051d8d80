{#- The public mart deal_lines (MARTS.md): int_deal_lines_found, published
    as it is. -#}
with published as (
    select * from {{ ref('int_deal_lines_found') }}
),

final as (
    select
        published.line_id,
        published.line_name,
        published.phone_numbers,
        published.register_line_ref,
        published.network_id,
        published.network_ids,
        published.phone_count,
        published.evidence_count,
        published.is_registered,
        published.first_seen_date,
        published.last_seen_date
    from published
)

select * from final
