{#- One row per (source_system, record_ref): the one deal line a record is
    tied to (the line it mentions most, then the smallest line_id), for the
    line_id of its indicators. -#}
with record_lines as (
    select * from {{ ref('int_cl_record_lines') }}
),

ranked as (
    select
        record_lines.source_system,
        record_lines.record_ref,
        record_lines.line_id,
        row_number() over (
            partition by record_lines.source_system, record_lines.record_ref
            order by record_lines.mention_count desc, record_lines.line_id asc
        ) as line_rank
    from record_lines
),

final as (
    select
        ranked.source_system,
        ranked.record_ref,
        ranked.line_id
    from ranked
    where ranked.line_rank = 1
)

select * from final
