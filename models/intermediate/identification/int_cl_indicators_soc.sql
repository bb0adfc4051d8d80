{#- One row per (person, SOC group) for members of a SOC group whose primary
    activity is drug supply or county lines (SOC_CL_GROUP, record_ref = the
    soc_group_id, dated when mapped), before weighting. SOC edges count
    through the association links (NETWORK_SOC). -#}
with soc_groups as (
    select * from {{ ref('stg_soc__soc_groups') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

xref as (
    select * from {{ ref('nominal_source_xref') }}
),

final as (
    select distinct
        xref.nominal_id,
        'SOC_CL_GROUP' as indicator,
        'SOC' as source_system,
        soc_groups.soc_group_id as record_ref,
        cast(null as {{ dbt.type_string() }}) as line_id,
        1.0 as strength,
        soc_groups.mapped_date as event_date
    from soc_members
    inner join soc_groups
        on soc_members.soc_group_id = soc_groups.soc_group_id
    inner join xref
        on
            xref.source_system = 'NOMINAL'
            and soc_members.wmp_nominal_id = xref.source_id
    where
        xref.nominal_id is not null
        and (
            upper(soc_groups.primary_activity) like '%DRUG%SUPPLY%'
            or upper(soc_groups.primary_activity) like '%COUNTY%'
            or upper(soc_groups.primary_activity) like '%CLASS A%'
        )
)

select * from final
