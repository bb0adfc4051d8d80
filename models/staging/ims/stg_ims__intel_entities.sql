{#- One row per (intel_ref, entity_type, entity_value): the usable entities
    attached to intelligence reports, with a comparison form of the value.
    Rows that cannot be used are in marts.quarantine; duplicate copies are
    dropped. -#}
with base as (
    select * from {{ ref('base_ims__intel_entities') }}
),

usable as (
    select
        base.intel_ref,
        base.entity_type,
        base.entity_value,
        base.entity_value_normalised,
        base.address_postcode,
        {{ postcode_district('base.address_postcode') }}
            as address_postcode_district,
        {{ postcode_area('base.address_postcode') }} as address_postcode_area,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
