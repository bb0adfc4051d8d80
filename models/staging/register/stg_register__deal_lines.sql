{#- One row per line_ref: the usable deal lines of the county lines team's
    register, cleaned. Rows that cannot be used are in marts.quarantine; exact
    duplicates are dropped. One row per phone and per destination town:
    stg_register__deal_line_phones, stg_register__deal_line_destinations. -#}
with base as (
    select * from {{ ref('base_register__deal_lines') }}
),

usable as (
    select
        base.line_ref,
        base.line_name,
        base.line_name_match_key,
        base.phone_numbers,
        base.phone_numbers_raw,
        base.origin_npu,
        base.destination_towns,
        base.status,
        base.has_unparsed_phone,
        base.first_reported_date,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
