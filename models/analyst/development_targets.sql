{#- Who to develop next and why: one row per person routed ENFORCEMENT, in
    enforcement_rank order, with their name, age, network and lines, the
    four score components and the evidence of running others in words. -#}
with priority as (
    select * from {{ ref('nominal_priority') }}
),

nominals as (
    select * from {{ ref('nominals') }}
),

final as (
    select
        priority.enforcement_rank,
        priority.nominal_id,
        nominals.display_name,
        nominals.age,
        priority.network_id,
        priority.line_roles,
        priority.priority_score,
        priority.harm_component,
        priority.centrality_component,
        priority.exploitation_component,
        priority.recency_component,
        priority.command_evidence,
        priority.last_activity_date
    from priority
    inner join nominals
        on priority.nominal_id = nominals.nominal_id
    where priority.route = 'ENFORCEMENT'
)

select * from final
