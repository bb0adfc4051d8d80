{#- One row per person on the county lines team's exploitation list
    (EXPLOITATION_LIST, record_ref = their wmp_nominal_id, dated when added),
    before weighting. Registered lines and their phones reach people through
    the LINE indicators of every other source. -#}
with exploitation_list as (
    select * from {{ ref('stg_register__exploitation_list') }}
),

xref as (
    select * from {{ ref('int_person_clusters') }}
),

final as (
    select
        xref.nominal_id,
        'EXPLOITATION_LIST' as indicator,
        'REGISTER' as source_system,
        exploitation_list.wmp_nominal_id as record_ref,
        cast(null as {{ dbt.type_string() }}) as line_id,
        1.0 as strength,
        exploitation_list.added_date as event_date
    from exploitation_list
    inner join xref
        on
            xref.source_system = 'NOMINAL'
            and exploitation_list.wmp_nominal_id = xref.source_id
    where xref.nominal_id is not null
)

select * from final
