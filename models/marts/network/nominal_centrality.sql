{#- One row per person in the full network (linked to anyone in the
    analysis window): centrality over the whole network and within their
    immediate network (null outside every immediate network). -#}
with centrality as (
    select * from {{ ref('int_network_centrality') }}
),

final as (
    select
        cast(centrality.nominal_id as varchar) as nominal_id,
        cast(centrality.network_id as varchar) as network_id,
        cast(centrality.degree as bigint) as degree,
        cast(centrality.degree_centrality as double) as degree_centrality,
        cast(centrality.weighted_degree as double) as weighted_degree,
        cast(centrality.betweenness as double) as betweenness,
        cast(centrality.pagerank as double) as pagerank,
        cast(centrality.degree_in_network as bigint) as degree_in_network,
        cast(centrality.betweenness_in_network as double)
            as betweenness_in_network,
        cast(centrality.is_approximate as boolean) as is_approximate
    from centrality
)

select * from final
