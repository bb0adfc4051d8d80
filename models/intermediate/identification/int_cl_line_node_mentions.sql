{#- One row per mention of a deal-line node in a record: a phone number
    (node_type PHONE) or a line name key (NAME), with where and how the
    record holds it. The nodes the line clustering links (int_deal_line_phones)
    and the records tied to a line (int_cl_record_lines) both read it. -#}
with phone_mentions as (
    select * from {{ ref('int_cl_phone_mentions') }}
),

name_mentions as (
    select * from {{ ref('int_cl_line_name_mentions') }}
),

final as (
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
)

select * from final
