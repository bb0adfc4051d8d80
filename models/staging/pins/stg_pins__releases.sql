{#- One row per pins_ref: the usable PINS release notifications, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are
    dropped. -#}
with base as (
    select * from {{ ref('base_pins__releases') }}
),

usable as (
    select
        base.pins_ref,
        base.prison_number,
        base.pnc_id,
        base.surname,
        base.forenames,
        base.surname_std,
        base.forenames_std,
        base.sex,
        base.establishment,
        base.release_type,
        base.index_ho_code,
        base.index_offence,
        base.release_postcode,
        {{ postcode_district('base.release_postcode') }}
            as release_postcode_district,
        {{ postcode_area('base.release_postcode') }} as release_postcode_area,
        base.notes,
        base.sentence_days,
        base.date_of_birth,
        base.release_date,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
