{#- One row per police force of England and Wales (43 territorial forces and
    British Transport Police), with the match key of its official name. -#}
with police_forces as (
    select * from {{ ref('police_forces') }}
),

force_names as (
    select * from {{ ref('stg_reference__police_force_names') }}
),

official_keys as (
    select
        force_names.force_name,
        force_names.force_match_key
    from force_names
    where force_names.name_source = 'OFFICIAL'
),

final as (
    select
        trim(police_forces.force_name) as force_name,
        official_keys.force_match_key,
        trim(police_forces.force_country) as force_country,
        upper(trim(police_forces.force_type)) as force_type,
        police_forces.is_home_force
    from police_forces
    left join official_keys
        on trim(police_forces.force_name) = official_keys.force_name
)

select * from final
