{#- One row per (person, SOC group) for members of a SOC group whose primary
    activity is drug supply or county lines (SOC_CL_GROUP, record_ref = the
    soc_group_id, dated when mapped), before weighting. SOC edges count
    through the association links (NETWORK_SOC). -#}
with soc_groups as (
    select * from {{ ref('stg_soc__soc_groups') }}
),

nominal_soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

final as (
    select
        nominal_soc_groups.nominal_id,
        'SOC_CL_GROUP' as indicator,
        'SOC' as source_system,
        soc_groups.soc_group_id as record_ref,
        cast(null as {{ dbt.type_string() }}) as line_id,
        1.0 as strength,
        soc_groups.mapped_date as event_date
    from nominal_soc_groups
    inner join soc_groups
        on nominal_soc_groups.soc_group_id = soc_groups.soc_group_id
    where
        upper(soc_groups.primary_activity) like '%DRUG%SUPPLY%'
        or upper(soc_groups.primary_activity) like '%COUNTY%'
        or upper(soc_groups.primary_activity) like '%CLASS A%'
)

select * from final
