{{ config(materialized='table') }}
{#- One row per (resolved person, SOC group) the SOC network output holds them
    in: the SOC members matched to nominals through their force nominal
    records. network_members, soc_overlap, network_nominals_not_in_soc and
    the network profiles all read SOC membership from here. -#}
with xref as (
    select * from {{ ref('nominal_source_xref') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

final as (
    select distinct
        xref.nominal_id,
        soc_members.soc_group_id
    from xref
    inner join soc_members
        on
            xref.source_system = 'NOMINAL'
            and xref.source_id = soc_members.wmp_nominal_id
    where xref.nominal_id is not null
)

select * from final
