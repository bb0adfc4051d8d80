{#- One row per compact_person_id: the usable COMPACT missing persons, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are
    dropped. -#}
with base as (
    select * from {{ ref('base_compact__missing_persons') }}
),

usable as (
    select
        base.compact_person_id,
        base.wmp_nominal_id,
        base.wmp_nominal_id_recorded,
        base.surname,
        base.forenames,
        base.surname_std,
        base.forenames_std,
        base.sex,
        base.home_postcode,
        {{ postcode_district('base.home_postcode') }} as home_postcode_district,
        {{ postcode_area('base.home_postcode') }} as home_postcode_area,
        base.local_authority,
        base.is_looked_after,
        base.has_unknown_wmp_nominal_id,
        base.date_of_birth,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
