{#- One row per associate_id: the usable COMPACT episode associates, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are
    dropped. -#}
with base as (
    select * from {{ ref('base_compact__episode_associates') }}
),

usable as (
    select
        base.associate_id,
        base.episode_ref,
        base.association,
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
