{{ config(materialized='table') }}
{#- One row per (resolved person, SOC group) the SOC network output holds them
    in: the SOC members matched to nominals through their force nominal
    records, and whether any of those records is a group principal.
    network_members, soc_overlap, network_nominals_not_in_soc, the network
    profiles, the SOC indicator and deal_line_nominals' principals all read
    SOC membership from here. -#}
with xref as (
    select * from {{ ref('int_person_clusters') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

final as (
    select
        xref.nominal_id,
        soc_members.soc_group_id,
        coalesce(
            bool_or(soc_members.member_role = 'PRINCIPAL'), false
        ) as is_principal
    from xref
    inner join soc_members
        on
            xref.source_system = 'NOMINAL'
            and xref.source_id = soc_members.wmp_nominal_id
    where xref.nominal_id is not null
    group by 1, 2
)

select * from final
