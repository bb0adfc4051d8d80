{#- One row per wmp_nominal_id of the force nominal index: the usable rows, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are dropped. -#}
with base as (
    select * from {{ ref('base_nominal__nominals') }}
),

usable as (
    select
        base.wmp_nominal_id,
        base.pnc_id,
        base.surname,
        base.forenames,
        base.surname_std,
        base.forenames_std,
        base.sex,
        base.home_postcode,
        {{ postcode_district('base.home_postcode') }} as home_postcode_district,
        {{ postcode_area('base.home_postcode') }} as home_postcode_area,
        base.warning_markers,
        base.date_of_birth,
        base.created_date,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
