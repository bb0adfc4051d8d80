{{ config(materialized='table') }}
{#- One row per phone number or line name that belongs to a deal line
    (node_type PHONE or NAME, node_value), with its line_id. Phones and names
    are clustered into lines: two nodes belong together when they are written
    in the same record (an intelligence report, a crime, a custody record, a
    release note, a missing episode; prison-contact and episode-associate
    phones do not join nodes, they list different people) or on the same
    register line. Connected components by min-label propagation
    (`cl_line_cluster_rounds` rounds, default 8), so one phone belongs to one
    line. A component holding a registered phone or name is that registered
    line (line_id = line_ref; a phone the register lists keeps its own line).
    Any other component is a new line when it recurs (at least
    `cl_new_line_min_records` records, default 4, that write the phone or name
    themselves: intelligence, crime, custody, prison-note or missing-episode
    text; a contact's or associate's phone alone is not enough; 2- and
    3-record candidates were mostly no line at all, 4 records was always a
    real one on the extracts measured) with
    county-lines context (a record with lexicon strength at least
    `cl_new_line_min_text_strength`, default 0.3, or a line name);
    line_id = `NEW-` + the last 10 hex digits of md5 of its smallest
    phone (or name). -#}
{%- set rounds = var('cl_line_cluster_rounds', 8) %}
with text_signals as (
    select * from {{ ref('int_cl_text_signals') }}
),

node_mentions as (
    select * from {{ ref('int_cl_line_node_mentions') }}
),

nodes as (
    select distinct
        {{ dbt.concat(['node_mentions.node_type', "':'",
            'node_mentions.node_value']) }} as node_id,
        node_mentions.node_type,
        node_mentions.node_value
    from node_mentions
),

joining_mentions as (
    select
        {{ dbt.concat(['node_mentions.node_type', "':'",
            'node_mentions.node_value']) }} as node_id,
        node_mentions.source_system,
        node_mentions.record_ref
    from node_mentions
    where
        node_mentions.mention_kind not in ('CONTACT_PHONE', 'ASSOCIATE_PHONE')
),

edges as (
    select distinct
        mention_a.node_id as node_id_a,
        mention_b.node_id as node_id_b
    from joining_mentions as mention_a
    inner join joining_mentions as mention_b
        on
            mention_a.source_system = mention_b.source_system
            and mention_a.record_ref = mention_b.record_ref
            and mention_a.node_id != mention_b.node_id
),

labels_0 as (
    select
        nodes.node_id,
        nodes.node_id as component_label
    from nodes
),
{%- for round in range(1, rounds + 1) %}

    neighbour_labels_{{ round }} as (
        select
            edges.node_id_a as node_id,
            min(labels_{{ round - 1 }}.component_label) as neighbour_label
        from edges
        inner join labels_{{ round - 1 }}
            on edges.node_id_b = labels_{{ round - 1 }}.node_id
        group by 1
    ),

    labels_{{ round }} as (
        select
            labels_{{ round - 1 }}.node_id,
            least(
                labels_{{ round - 1 }}.component_label,
                coalesce(
                    neighbour_labels_{{ round }}.neighbour_label,
                    labels_{{ round - 1 }}.component_label
                )
            ) as component_label
        from labels_{{ round - 1 }}
        left join neighbour_labels_{{ round }}
            on
                labels_{{ round - 1 }}.node_id
                = neighbour_labels_{{ round }}.node_id
    ),
{%- endfor %}

components as (
    select
        labels_{{ rounds }}.node_id,
        labels_{{ rounds }}.component_label as component_id
    from labels_{{ rounds }}
),

register_nodes as (
    select
        {{ dbt.concat(['node_mentions.node_type', "':'",
            'node_mentions.node_value']) }} as node_id,
        min(node_mentions.record_ref) as line_ref
    from node_mentions
    where node_mentions.mention_kind = 'REGISTER'
    group by 1
),

component_register as (
    select
        components.component_id,
        min(register_nodes.line_ref) as line_ref
    from components
    inner join register_nodes
        on components.node_id = register_nodes.node_id
    group by 1
),

record_context as (
    select
        node_mentions.source_system,
        node_mentions.record_ref,
        max(case when node_mentions.node_type = 'NAME' then 1 else 0 end)
            as has_line_name,
        max(coalesce(text_signals.text_strength, 0)) as text_strength
    from node_mentions
    left join text_signals
        on
            node_mentions.source_system = text_signals.source_system
            and node_mentions.record_ref = text_signals.record_ref
    where node_mentions.mention_kind != 'REGISTER'
    group by 1, 2
),

component_evidence as (
    select
        components.component_id,
        count(distinct {{ dbt.concat(['node_mentions.source_system', "'|'",
            'node_mentions.record_ref']) }}) as record_count,
        max(
            case
                when
                    record_context.has_line_name = 1
                    or record_context.text_strength
                    >= {{ var('cl_new_line_min_text_strength', 0.3) }}
                    then 1
                else 0
            end
        ) as has_context,
        min(case when nodes.node_type = 'PHONE' then nodes.node_value end)
            as min_phone,
        min(nodes.node_value) as min_value
    from components
    inner join nodes
        on components.node_id = nodes.node_id
    left join node_mentions
        on
            nodes.node_type = node_mentions.node_type
            and nodes.node_value = node_mentions.node_value
            and node_mentions.mention_kind not in (
                'REGISTER', 'CONTACT_PHONE', 'ASSOCIATE_PHONE'
            )
    left join record_context
        on
            node_mentions.source_system = record_context.source_system
            and node_mentions.record_ref = record_context.record_ref
    group by 1
),

assigned as (
    select
        nodes.node_type,
        nodes.node_value,
        case
            when register_nodes.line_ref is not null
                then register_nodes.line_ref
            when component_register.line_ref is not null
                then component_register.line_ref
            when
                component_evidence.record_count
                >= {{ var('cl_new_line_min_records', 4) }}
                and component_evidence.has_context = 1
                then {{ dbt.concat(["'NEW-'", 'upper(' ~ dbt.right(
                    dbt.hash('coalesce(component_evidence.min_phone, '
                    ~ 'component_evidence.min_value)'), '10') ~ ')']) }}
        end as line_id,
        register_nodes.line_ref is not null as is_register_listed
    from nodes
    inner join components
        on nodes.node_id = components.node_id
    left join register_nodes
        on nodes.node_id = register_nodes.node_id
    left join component_register
        on components.component_id = component_register.component_id
    inner join component_evidence
        on components.component_id = component_evidence.component_id
),

final as (
    select
        assigned.line_id,
        assigned.node_type,
        assigned.node_value,
        assigned.is_register_listed
    from assigned
    where assigned.line_id is not null
)

select * from final
