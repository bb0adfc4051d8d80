{#- One row per (soc_group_id, wmp_nominal_id): the usable SOC network
    memberships, cleaned. Rows that cannot be used are in marts.quarantine;
    exact duplicates are dropped. -#}
with base as (
    select * from {{ ref('base_soc__soc_members') }}
),

usable as (
    select
        base.soc_group_id,
        base.wmp_nominal_id,
        base.member_role,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
