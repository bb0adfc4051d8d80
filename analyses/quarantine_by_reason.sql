-- Rows rejected by staging, by source table and reason, with one example key
-- each: the first place to look when a source system's extract changes shape.
with quarantine as (
    select * from {{ ref('quarantine') }}
),

summarised as (
    select
        quarantine.source_table,
        quarantine.reason,
        count(*) as rejected_rows,
        min(quarantine.record_key) as example_record_key
    from quarantine
    group by 1, 2
),

final as (
    select * from summarised
)

select * from final
