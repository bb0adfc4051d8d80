{{ config(materialized='table') }}
{#- One row per edge of network_edges inside the county-lines network: the
    people flagged county lines (nominal_county_lines.is_county_lines) and
    everyone within var `network_depth` links of them (default 1), with every
    edge between two of those people (the induced subgraph). -#}
{%- set depth = var('network_depth', 1) | int %}
with edges as (
    select * from {{ ref('int_network_edges_weighted') }}
),

county_lines as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

level_0 as (
    select county_lines.nominal_id
    from county_lines
    where county_lines.is_county_lines
),
{% for level in range(1, depth + 1) %}
    level_{{ level }} as (
        select level_{{ level - 1 }}.nominal_id
        from level_{{ level - 1 }}
        union
        select edges.nominal_id_b as nominal_id
        from edges
        inner join level_{{ level - 1 }}
            on edges.nominal_id_a = level_{{ level - 1 }}.nominal_id
        union
        select edges.nominal_id_a as nominal_id
        from edges
        inner join level_{{ level - 1 }}
            on edges.nominal_id_b = level_{{ level - 1 }}.nominal_id
    ),
{% endfor %}
final as (
    select
        edges.nominal_id_a,
        edges.nominal_id_b,
        edges.link_types,
        edges.weight,
        edges.evidence_count,
        edges.link_type_count,
        edges.first_seen_date,
        edges.last_seen_date
    from edges
    inner join level_{{ depth }} as level_a
        on edges.nominal_id_a = level_a.nominal_id
    inner join level_{{ depth }} as level_b
        on edges.nominal_id_b = level_b.nominal_id
)

select * from final
