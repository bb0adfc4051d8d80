{#- One row per (network, county-lines nominal) the SOC network output does
    not hold in any group: what this project adds to the SOC picture. -#}
with members as (
    select * from {{ ref('network_members') }}
),

xref as (
    select * from {{ ref('nominal_source_xref') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

county_lines as (
    select * from {{ ref('nominal_county_lines') }}
),

in_soc as (
    select distinct xref.nominal_id
    from xref
    inner join soc_members
        on
            xref.source_system = 'NOMINAL'
            and xref.source_id = soc_members.wmp_nominal_id
    where xref.nominal_id is not null
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
