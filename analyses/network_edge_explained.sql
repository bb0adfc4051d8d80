{#- Why two people are linked: every piece of evidence behind one edge of
    network_edges, with the link type's strength and the record's date. Set
    the two nominal ids below (either order). -#}
{%- set nominal_id_1 = 'NM000000000000' %}
{%- set nominal_id_2 = 'NM000000000001' %}
with evidence as (
    select * from {{ ref('network_edge_evidence') }}
),

link_types as (
    select * from {{ ref('network_link_types') }}
),

final as (
    select
        evidence.link_type,
        evidence.source_system,
        evidence.record_ref,
        link_types.description as link_description,
        link_types.strength,
        evidence.grade_factor,
        evidence.event_date
    from evidence
    left join link_types
        on evidence.link_type = link_types.link_type
    where
        evidence.nominal_id_a
        = least('{{ nominal_id_1 }}', '{{ nominal_id_2 }}')
        and evidence.nominal_id_b
        = greatest('{{ nominal_id_1 }}', '{{ nominal_id_2 }}')
)

select * from final
order by 7 desc, 1 asc
