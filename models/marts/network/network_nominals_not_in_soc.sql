{#- One row per (network, county-lines nominal) the SOC network output does
    not hold in any group: what this project adds to the SOC picture. -#}
with members as (
    select * from {{ ref('network_members') }}
),

soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

county_lines as (
    select * from {{ ref('nominal_county_lines') }}
),

in_soc as (
    select distinct soc_groups.nominal_id
    from soc_groups
),

final as (
    select
        members.network_id,
        members.nominal_id,
        county_lines.top_indicators,
        county_lines.cl_score,
        members.is_core,
        county_lines.is_potential_victim
    from members
    inner join county_lines
        on members.nominal_id = county_lines.nominal_id
    left join in_soc
        on members.nominal_id = in_soc.nominal_id
    where county_lines.is_county_lines and in_soc.nominal_id is null
)

select * from final
