{#- One row per (wmp_nominal_id_a, wmp_nominal_id_b, edge_type): the usable SOC
    network edges, cleaned, the pair in the order recorded. Rows that cannot be
    used are in marts.quarantine; exact duplicates are dropped. -#}
with base as (
    select * from {{ ref('base_soc__soc_edges') }}
),

usable as (
    select
        base.wmp_nominal_id_a,
        base.wmp_nominal_id_b,
        base.edge_type,
        base.weight,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
