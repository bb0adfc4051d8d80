{#- One row per (network, SOC group) sharing at least one member: how many
    of the network's members the SOC network already holds in that group. -#}
with members as (
    select * from {{ ref('network_members') }}
),

xref as (
    select * from {{ ref('nominal_source_xref') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

shared as (
    select distinct
        members.network_id,
        soc_members.soc_group_id,
        members.nominal_id,
        members.is_county_lines
    from members
    inner join xref
        on
            members.nominal_id = xref.nominal_id
            and xref.source_system = 'NOMINAL'
    inner join soc_members
        on xref.source_id = soc_members.wmp_nominal_id
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
