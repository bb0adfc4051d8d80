{#- One row per episode_ref: the usable COMPACT missing episodes, cleaned. Rows
    that cannot be used are in marts.quarantine; exact duplicates are
    dropped. -#}
with base as (
    select * from {{ ref('base_compact__missing_episodes') }}
),

usable as (
    select
        base.episode_ref,
        base.compact_person_id,
        base.risk_level,
        base.found_force,
        base.found_force_match_key,
        base.found_postcode,
        {{ postcode_district('base.found_postcode') }}
            as found_postcode_district,
        {{ postcode_area('base.found_postcode') }} as found_postcode_area,
        base.found_location_text,
        base.circumstances_text,
        base.return_interview_text,
        base.age_at_report,
        base.has_cce_concern,
        base.reported_at,
        base.found_at,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
