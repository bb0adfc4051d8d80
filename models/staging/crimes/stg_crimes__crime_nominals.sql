{#- One row per (crime_ref, wmp_nominal_id, role): the usable links between
    crimes and people of the nominal index. Rows that cannot be used are in
    marts.quarantine; duplicate copies are dropped. -#}
with base as (
    select * from {{ ref('base_crimes__crime_nominals') }}
),

usable as (
    select
        base.crime_ref,
        base.wmp_nominal_id,
        base.role,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
