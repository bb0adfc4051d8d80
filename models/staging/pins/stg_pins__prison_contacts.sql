{#- One row per contact_id: the usable PINS prison contacts, cleaned. Rows that
    cannot be used are in marts.quarantine; exact duplicates are dropped. -#}
with base as (
    select * from {{ ref('base_pins__prison_contacts') }}
),

usable as (
    select
        base.contact_id,
        base.pins_ref,
        base.pnc_id,
        base.contact_type,
        base.surname,
        base.forenames,
        base.surname_std,
        base.forenames_std,
        base.phone,
        base.phone_raw,
        base.date_of_birth,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
