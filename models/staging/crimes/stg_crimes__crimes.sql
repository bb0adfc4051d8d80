{#- One row per crime_ref of the recorded crimes: the usable rows, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are
    dropped. -#}
with base as (
    select * from {{ ref('base_crimes__crimes') }}
),

usable as (
    select
        base.crime_ref,
        base.ho_code,
        base.npu,
        base.lsoa_code,
        base.postcode,
        {{ postcode_district('base.postcode') }} as postcode_district,
        {{ postcode_area('base.postcode') }} as postcode_area,
        base.markers,
        base.offence_description,
        base.mo_text,
        base.outcome_code,
        base.recorded_date,
        base.offence_date,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
