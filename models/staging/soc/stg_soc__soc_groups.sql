{#- One row per soc_group_id: the usable SOC network groups, cleaned. Rows that
    cannot be used are in marts.quarantine; exact duplicates are dropped. -#}
with base as (
    select * from {{ ref('base_soc__soc_groups') }}
),

usable as (
    select
        base.soc_group_id,
        base.group_name,
        base.group_type,
        base.primary_activity,
        base.mapped_date,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
