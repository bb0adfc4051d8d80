{{ config(materialized='table') }}
{#- One row per (source_system, record_ref, line_id): a record (outside the
    register) that writes a phone number or name of a deal line, with how
    many of the line's phones / names it writes and its date. -#}
with line_nodes as (
    select * from {{ ref('int_deal_line_phones') }}
),

mentions as (
    select * from {{ ref('int_cl_line_node_mentions') }}
),

final as (
    select
        mentions.source_system,
        mentions.record_ref,
        line_nodes.line_id,
        count(*) as mention_count,
        max(case when mentions.node_type = 'PHONE' then 1 else 0 end) = 1
            as has_phone,
        min(mentions.event_date) as event_date
    from mentions
    inner join line_nodes
        on
            mentions.node_type = line_nodes.node_type
            and mentions.node_value = line_nodes.node_value
    where mentions.mention_kind != 'REGISTER'
    group by 1, 2, 3
)

select * from final
