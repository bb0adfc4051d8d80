{#- One row per (network, SOC group) sharing at least one member: how many
    of the network's members the SOC network already holds in that group. -#}
with members as (
    select * from {{ ref('network_members') }}
),

soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

shared as (
    select distinct
        members.network_id,
        soc_groups.soc_group_id,
        members.nominal_id,
        members.is_county_lines
    from members
    inner join soc_groups
        on members.nominal_id = soc_groups.nominal_id
),

final as (
    select
        shared.network_id,
        shared.soc_group_id,
        cast(count(*) as bigint) as shared_member_count,
        cast(
            sum(case when shared.is_county_lines then 1 else 0 end) as bigint
        ) as shared_county_lines_member_count
    from shared
    group by 1, 2
)

select * from final
