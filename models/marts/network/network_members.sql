{#- One row per (network, person): the members of each immediate network
    (Leiden community of the county-lines network), the core flag and the SOC
    groups that hold the person. -#}
with communities as (
    select * from {{ ref('int_network_communities') }}
),

county_lines as (
    select * from {{ ref('nominal_county_lines') }}
),

member_soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

soc_groups_per_member as (
    select
        member_soc_groups.nominal_id,
        {{ dbt.listagg('member_soc_groups.soc_group_id', "';'",
            'order by member_soc_groups.soc_group_id') }} as soc_group_ids
    from member_soc_groups
    group by 1
),

final as (
    select
        cast(communities.network_id as varchar) as network_id,
        cast(communities.nominal_id as varchar) as nominal_id,
        cast(soc_groups_per_member.soc_group_ids as varchar) as soc_group_ids,
        cast(communities.coreness_in_community as integer) as coreness,
        cast(communities.is_core as boolean) as is_core,
        coalesce(county_lines.is_county_lines, false) as is_county_lines
    from communities
    left join county_lines
        on communities.nominal_id = county_lines.nominal_id
    left join soc_groups_per_member
        on communities.nominal_id = soc_groups_per_member.nominal_id
)

select * from final
