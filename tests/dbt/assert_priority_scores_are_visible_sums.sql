{#- Every priority score is the sum of the columns beside it: the network
    factor points in network_priority_factors, and the four components in
    nominal_priority. Returns the rows where the sum differs. -#}
with factors as (
    select * from {{ ref('network_priority_factors') }}
),

priority as (
    select * from {{ ref('nominal_priority') }}
),

network_gaps as (
    select
        factors.network_id as row_id,
        'network_priority_factors' as model_name
    from factors
    where abs(
        factors.priority_score
        - (
            factors.cl_harm_points
            + factors.exploited_children_points
            + factors.looked_after_points
            + factors.missing_episodes_points
            + factors.firearms_points
            + factors.violence_points
            + factors.workforce_size_points
            + factors.workforce_youth_points
            + factors.soc_link_points
            + factors.reach_points
        )
    ) > 1e-6
),

nominal_gaps as (
    select
        priority.nominal_id as row_id,
        'nominal_priority' as model_name
    from priority
    where abs(
        priority.priority_score
        - (
            priority.harm_component
            + priority.centrality_component
            + priority.exploitation_component
            + priority.recency_component
        )
    ) > 1e-6
)

select * from network_gaps
union all
select * from nominal_gaps
