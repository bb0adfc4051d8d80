{#- One row per (intel_ref, wmp_nominal_id, link_type): the usable links
    between intelligence reports and people of the nominal index. Rows that
    cannot be used are in marts.quarantine; duplicate copies are dropped. -#}
with base as (
    select * from {{ ref('base_ims__intel_nominals') }}
),

usable as (
    select
        base.intel_ref,
        base.wmp_nominal_id,
        base.link_type,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
