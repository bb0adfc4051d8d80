{{ config(materialized='table') }}
{#- One row per deal line: every registered line of the register, and every
    new line found by clustering recurring phones and names
    (int_deal_line_phones), with its network of record (int_deal_line_networks)
    and every immediate network holding one of its people. -#}
with line_nodes as (
    select * from {{ ref('int_deal_line_phones') }}
),

record_lines as (
    select * from {{ ref('int_cl_record_lines') }}
),

register_lines as (
    select * from {{ ref('stg_register__deal_lines') }}
),

name_mentions as (
    select * from {{ ref('int_cl_line_name_mentions') }}
),

line_networks as (
    select * from {{ ref('int_deal_line_networks') }}
),

networks_per_line as (
    select
        line_networks.line_id,
        {{ dbt.listagg('line_networks.network_id', "';'",
            'order by line_networks.network_id') }} as network_ids
    from line_networks
    group by 1
),

line_ids as (
    select distinct line_nodes.line_id
    from line_nodes
    union
    select register_lines.line_ref as line_id
    from register_lines
),

phones as (
    select
        line_nodes.line_id,
        {{ dbt.listagg('line_nodes.node_value', "';'",
            'order by line_nodes.node_value') }} as phone_numbers,
        count(*) as phone_count
    from line_nodes
    where line_nodes.node_type = 'PHONE'
    group by 1
),

names_ranked as (
    select
        line_nodes.line_id,
        line_nodes.node_value as line_name,
        row_number() over (
            partition by line_nodes.line_id
            order by count(name_mentions.record_ref) desc, line_nodes.node_value
        ) as name_rank
    from line_nodes
    left join name_mentions
        on line_nodes.node_value = name_mentions.line_name_key
    where line_nodes.node_type = 'NAME'
    group by 1, 2
),

evidence as (
    select
        record_lines.line_id,
        count(*) as evidence_count,
        min(record_lines.event_date) as first_seen_date,
        max(record_lines.event_date) as last_seen_date
    from record_lines
    group by 1
),

final as (
    select
        line_ids.line_id,
        coalesce(register_lines.line_name, names_ranked.line_name)
            as line_name,
        phones.phone_numbers,
        register_lines.line_ref as register_line_ref,
        home_networks.network_id,
        networks_per_line.network_ids,
        coalesce(phones.phone_count, 0) as phone_count,
        coalesce(evidence.evidence_count, 0) as evidence_count,
        register_lines.line_ref is not null as is_registered,
        case
            when register_lines.first_reported_date is null
                then evidence.first_seen_date
            when evidence.first_seen_date is null
                then register_lines.first_reported_date
            else least(
                register_lines.first_reported_date, evidence.first_seen_date
            )
        end as first_seen_date,
        evidence.last_seen_date
    from line_ids
    left join register_lines
        on line_ids.line_id = register_lines.line_ref
    left join phones
        on line_ids.line_id = phones.line_id
    left join names_ranked
        on line_ids.line_id = names_ranked.line_id and names_ranked.name_rank = 1
    left join evidence
        on line_ids.line_id = evidence.line_id
    left join line_networks as home_networks
        on
            line_ids.line_id = home_networks.line_id
            and home_networks.line_network_rank = 1
    left join networks_per_line
        on line_ids.line_id = networks_per_line.line_id
)

select * from final
