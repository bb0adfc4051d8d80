{#- The public mart network_edges (MARTS.md): int_network_edges_weighted,
    published as it is. -#}
with published as (
    select * from {{ ref('int_network_edges_weighted') }}
),

final as (
    select
        published.nominal_id_a,
        published.nominal_id_b,
        published.link_types,
        published.weight,
        published.evidence_count,
        published.link_type_count,
        published.first_seen_date,
        published.last_seen_date
    from published
)

select * from final
