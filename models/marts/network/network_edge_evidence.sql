{#- One row per (pair, link type, source record) linking two resolved
    people: the provenance of every edge of network_edges. -#}
with evidence as (
    select * from {{ ref('int_network_edge_evidence') }}
),

final as (
    select
        evidence.nominal_id_a,
        evidence.nominal_id_b,
        evidence.link_type,
        evidence.source_system,
        evidence.record_ref,
        cast(evidence.grade_factor as double) as grade_factor,
        evidence.event_date
    from evidence
)

select * from final
