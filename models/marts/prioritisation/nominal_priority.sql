{#- One row per county-lines-linked person: four components, each a weight
    (seed nominal_priority_weights) x a 0-1 normalised measure, summed into
    priority_score; priority_rank dense over the mart (1 = highest); and the
    route: SAFEGUARDING when any rule of the seed safeguarding_route_rules
    applies (a child, a referral, a potential victim, a runner or cuckooed
    address, exploitation evidence, a vulnerability marker, a home out of the force
    area, or no evidence of offending), whatever
    the score: children who present as offenders may be victims. Everyone
    else is routed ENFORCEMENT. -#}
with inputs as (
    select * from {{ ref('int_nominal_priority_inputs') }}
),

weights as (
    select * from {{ ref('nominal_priority_weights') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

component_weights as (
    select
        max(case when weights.component = 'HARM' then weights.weight end)
            as harm_weight,
        max(case
            when weights.component = 'CENTRALITY' then weights.weight
        end) as centrality_weight,
        max(case
            when weights.component = 'EXPLOITATION' then weights.weight
        end) as exploitation_weight,
        max(case when weights.component = 'RECENCY' then weights.weight end)
            as recency_weight
    from weights
),

measures as (
    select
        inputs.*,
        coalesce(
            ln(1 + inputs.cl_harm_cchi_decayed)
            / nullif(ln(1 + max(inputs.cl_harm_cchi_decayed) over ()), 0),
            0.0
        ) as harm_norm,
        coalesce(
            inputs.pagerank / nullif(max(inputs.pagerank) over (), 0), 0.0
        ) as centrality_full_norm,
        coalesce(
            inputs.betweenness_in_network
            / nullif(max(inputs.betweenness_in_network) over (), 0),
            0.0
        ) as centrality_in_network_norm,
        coalesce(
            (inputs.exploited_runner_count + inputs.cuckooed_count)
            / nullif(max(
                inputs.exploited_runner_count + inputs.cuckooed_count
            ) over (), 0),
            0.0
        ) as exploitation_norm,
        coalesce({{ cl_decay(
            dbt.datediff('inputs.last_activity_date',
                'extract_dates.analysis_date', 'day'),
            var('priority_recency_half_life_days', 365)) }}, 0.0)
        * case when inputs.last_activity_date is null then 0 else 1 end
            as recency_norm
    from inputs
    cross join extract_dates
),

scored as (
    select
        measures.*,
        component_weights.harm_weight * measures.harm_norm as harm_component,
        component_weights.centrality_weight
        * (measures.centrality_full_norm + measures.centrality_in_network_norm)
        / 2 as centrality_component,
        component_weights.exploitation_weight * measures.exploitation_norm
            as exploitation_component,
        component_weights.recency_weight * measures.recency_norm
            as recency_component
    from measures
    cross join component_weights
),

routed as (
    select
        scored.*,
        scored.harm_component
        + scored.centrality_component
        + scored.exploitation_component
        + scored.recency_component as priority_score,
        case
            when scored.is_child then 'CHILD'
            when scored.is_referred then 'SAFEGUARDING_REFERRAL'
            when scored.is_potential_victim then 'POTENTIAL_VICTIM'
            when scored.is_exploited_on_line then 'EXPLOITED_ON_LINE'
            when scored.has_exploitation_evidence then 'EXPLOITATION_EVIDENCE'
            when
                scored.has_vulnerability_marker
                or scored.needed_appropriate_adult
                then 'VULNERABLE_ADULT'
            when scored.lives_out_of_force then 'LIVES_OUT_OF_FORCE'
            when not scored.is_county_lines and not scored.has_cl_offence
                then 'NO_OFFENDING_EVIDENCE'
        end as safeguarding_reason
    from scored
),

final as (
    select
        routed.nominal_id,
        routed.network_id,
        case
            when routed.safeguarding_reason is null then 'ENFORCEMENT'
            else 'SAFEGUARDING'
        end as route,
        routed.safeguarding_reason,
        routed.line_roles,
        cast(routed.priority_score as double) as priority_score,
        cast(dense_rank() over (
            order by round(routed.priority_score, 6) desc
        ) as bigint) as priority_rank,
        cast(routed.harm_component as double) as harm_component,
        cast(routed.centrality_component as double) as centrality_component,
        cast(routed.exploitation_component as double)
            as exploitation_component,
        cast(routed.recency_component as double) as recency_component,
        cast(routed.cl_harm_cchi_decayed as double) as cl_harm_cchi_decayed,
        cast(routed.cl_harm_ons as double) as cl_harm_ons,
        cast(routed.harm_norm as double) as harm_norm,
        cast(routed.centrality_full_norm as double) as centrality_full_norm,
        cast(routed.centrality_in_network_norm as double)
            as centrality_in_network_norm,
        cast(routed.exploited_runner_count as bigint)
            as exploited_runner_count,
        cast(routed.cuckooed_count as bigint) as cuckooed_count,
        cast(routed.exploitation_norm as double) as exploitation_norm,
        cast(routed.recency_norm as double) as recency_norm,
        cast(routed.cl_score as double) as cl_score,
        routed.is_county_lines,
        routed.is_child,
        routed.is_potential_victim,
        routed.is_referred,
        routed.is_exploited_on_line,
        routed.has_exploitation_evidence,
        routed.has_cl_offence,
        routed.has_vulnerability_marker,
        routed.needed_appropriate_adult,
        routed.lives_out_of_force,
        routed.last_activity_date
    from routed
)

select * from final
