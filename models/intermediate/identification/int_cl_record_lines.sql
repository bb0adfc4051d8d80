{{ config(materialized='table') }}
{#- One row per (source_system, record_ref, line_id): a record (outside the
    register) that writes a phone number or name of a deal line, with how
    many of the line's phones / names it writes and its date. -#}
with line_nodes as (
    select * from {{ ref('int_deal_line_phones') }}
),

phone_mentions as (
    select * from {{ ref('int_cl_phone_mentions') }}
),

name_mentions as (
    select * from {{ ref('int_cl_line_name_mentions') }}
),

mentions as (
    select
        'PHONE' as node_type,
        phone_mentions.phone as node_value,
        phone_mentions.source_system,
        phone_mentions.record_ref,
        phone_mentions.mention_kind,
        phone_mentions.event_date
    from phone_mentions
    union all
    select
        'NAME' as node_type,
        name_mentions.line_name_key as node_value,
        name_mentions.source_system,
        name_mentions.record_ref,
        name_mentions.mention_kind,
        name_mentions.event_date
    from name_mentions
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
