{#- One row per (network, removal rank) for the top networks: the person
    whose removal next most fragments the network, and its fragmentation
    before and after. Children and potential victims are never proposed. -#}
with disruption as (
    select * from {{ ref('int_network_disruption') }}
),

final as (
    select
        cast(disruption.network_id as varchar) as network_id,
        cast(disruption.nominal_id as varchar) as nominal_id,
        cast(disruption.removal_rank as integer) as removal_rank,
        cast(disruption.lcc_share_before as double) as lcc_share_before,
        cast(disruption.lcc_share_after as double) as lcc_share_after,
        cast(disruption.fragmentation_before as double)
            as fragmentation_before,
        cast(disruption.fragmentation_after as double) as fragmentation_after
    from disruption
)

select * from final
