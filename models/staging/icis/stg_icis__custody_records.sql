{#- One row per custody_ref of ICIS custody: the usable detentions, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are
    dropped. -#}
with base as (
    select * from {{ ref('base_icis__custody_records') }}
),

usable as (
    select
        base.custody_ref,
        base.wmp_nominal_id,
        base.pnc_id,
        base.occurrence_ref,
        base.arrest_ho_code,
        base.arrest_postcode,
        {{ postcode_district('base.arrest_postcode') }}
            as arrest_postcode_district,
        {{ postcode_area('base.arrest_postcode') }} as arrest_postcode_area,
        base.arresting_force,
        base.arresting_force_match_key,
        base.outcome,
        base.arrest_reason,
        base.property_text,
        base.detainee_comments,
        base.age_at_arrest,
        base.has_appropriate_adult,
        base.arrested_at,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
