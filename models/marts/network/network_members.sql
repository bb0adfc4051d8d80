{#- One row per (network, person): the members of each immediate network
    (Leiden community of the county-lines network) and the core flag. -#}
with communities as (
    select * from {{ ref('int_network_communities') }}
),

county_lines as (
    select * from {{ ref('nominal_county_lines') }}
),

final as (
    select
        cast(communities.network_id as varchar) as network_id,
        cast(communities.nominal_id as varchar) as nominal_id,
        cast(communities.coreness_in_community as integer) as coreness,
        cast(communities.is_core as boolean) as is_core,
        coalesce(county_lines.is_county_lines, false) as is_county_lines
    from communities
    left join county_lines
        on communities.nominal_id = county_lines.nominal_id
)

select * from final
