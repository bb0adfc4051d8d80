{#- One row per county-lines-linked person: four components, each a weight
    (seed nominal_priority_weights) x a 0-1 normalised measure, summed into
    priority_score; priority_rank dense over the mart (1 = highest), and
    enforcement_rank / safeguarding_rank dense within each route; and the
    route: SAFEGUARDING when any rule of the seed safeguarding_route_rules
    applies (a child, a referral, a potential victim, a possible duplicate of
    one of them awaiting clerical review, a runner or cuckooed address,
    exploitation evidence, a vulnerability marker, a home out of the force
    area, no evidence of offending, a line's customer, or a line's
    low-level workforce: no evidence of directing, recruiting or using
    violence on others, int_nominal_command_evidence), whatever
    the score: children who present as offenders may be victims. Everyone
    else is routed ENFORCEMENT. A policy rule whose seed row says is_active
    false is skipped; the first three (MARTS.md) always apply.
    safeguarding_detail gives the reason in words. -#}
{%- set policy_rules = [
    'POSSIBLE_DUPLICATE', 'EXPLOITED_ON_LINE', 'EXPLOITATION_EVIDENCE',
    'VULNERABLE_ADULT', 'LIVES_OUT_OF_FORCE', 'NO_OFFENDING_EVIDENCE',
    'LINE_CUSTOMER', 'LOW_LEVEL_WORKFORCE'] %}
with inputs as (
    select * from {{ ref('int_nominal_priority_inputs') }}
),

weights as (
    select * from {{ ref('nominal_priority_weights') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

route_rules as (
    select * from {{ ref('safeguarding_route_rules') }}
),

active_rules as (
    -- One row: whether each policy rule applies (it does unless its seed
    -- row says is_active false).
    select
    {%- for rule in policy_rules %}
            not coalesce(bool_or(
                route_rules.safeguarding_reason = '{{ rule }}'
                and not route_rules.is_active
            ), false) as is_{{ rule | lower }}_active
            {{- "," if not loop.last }}
    {%- endfor %}
    from route_rules
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
            when
                active_rules.is_possible_duplicate_active
                and scored.possible_duplicate_nominal_id is not null
                then 'POSSIBLE_DUPLICATE'
            when
                active_rules.is_exploited_on_line_active
                and scored.is_exploited_on_line
                then 'EXPLOITED_ON_LINE'
            when
                active_rules.is_exploitation_evidence_active
                and scored.has_exploitation_evidence
                then 'EXPLOITATION_EVIDENCE'
            when
                active_rules.is_vulnerable_adult_active
                and (
                    scored.has_vulnerability_marker
                    or scored.needed_appropriate_adult
                )
                then 'VULNERABLE_ADULT'
            when
                active_rules.is_lives_out_of_force_active
                and scored.lives_out_of_force
                then 'LIVES_OUT_OF_FORCE'
            when
                active_rules.is_no_offending_evidence_active
                and not scored.is_county_lines
                and not scored.has_cl_offence
                then 'NO_OFFENDING_EVIDENCE'
            when
                active_rules.is_line_customer_active
                and scored.is_line_user_only
                and scored.exploited_runner_count + scored.cuckooed_count = 0
                and not scored.is_exploitation_suspect
                then 'LINE_CUSTOMER'
            when
                active_rules.is_low_level_workforce_active
                and not coalesce(scored.has_command_evidence, false)
                then 'LOW_LEVEL_WORKFORCE'
        end as safeguarding_reason
    from scored
    cross join active_rules
),

explained as (
    -- The reason in words: the rule's description, naming the other nominal
    -- for a possible duplicate.
    select
        routed.*,
        case
            when routed.safeguarding_reason = 'POSSIBLE_DUPLICATE'
                then
                    'May be the same person as '
                    || routed.possible_duplicate_nominal_id
                    || ' (' || routed.possible_duplicate_of
                    || '): the pair waits in nominal_clerical_review ('
                    || routed.possible_duplicate_link_rules
                    || '); not an enforcement target until a reviewer'
                    || ' decides'
                    || case
                        when routed.possible_duplicate_count > 1
                            then
                                ' (and '
                                || cast(
                                    routed.possible_duplicate_count - 1
                                    as {{ dbt.type_string() }}
                                )
                                || ' more such nominal(s))'
                        else ''
                    end
            when routed.safeguarding_reason is null
                then
                    'No safeguarding rule applies: an adult, not referred,'
                    || ' not a potential victim, with evidence of county-lines'
                    || ' offending and of '
                    || coalesce(routed.command_evidence, 'running others')
                    || ', and none of the rules of seed'
                    || ' safeguarding_route_rules'
            else route_rules.description
        end as safeguarding_detail
    from routed
    left join route_rules
        on routed.safeguarding_reason = route_rules.safeguarding_reason
),

final as (
    select
        explained.nominal_id,
        explained.network_id,
        case
            when explained.safeguarding_reason is null then 'ENFORCEMENT'
            else 'SAFEGUARDING'
        end as route,
        explained.safeguarding_reason,
        explained.safeguarding_detail,
        explained.possible_duplicate_nominal_id,
        explained.line_roles,
        cast(explained.priority_score as double) as priority_score,
        cast(dense_rank() over (
            order by round(explained.priority_score, 6) desc
        ) as bigint) as priority_rank,
        case
            when explained.safeguarding_reason is null
                then cast(dense_rank() over (
                    partition by explained.safeguarding_reason is null
                    order by round(explained.priority_score, 6) desc
                ) as bigint)
        end as enforcement_rank,
        case
            when explained.safeguarding_reason is not null
                then cast(dense_rank() over (
                    partition by explained.safeguarding_reason is null
                    order by round(explained.priority_score, 6) desc
                ) as bigint)
        end as safeguarding_rank,
        cast(explained.harm_component as double) as harm_component,
        cast(explained.centrality_component as double) as centrality_component,
        cast(explained.exploitation_component as double)
            as exploitation_component,
        cast(explained.recency_component as double) as recency_component,
        cast(explained.cl_harm_cchi_decayed as double) as cl_harm_cchi_decayed,
        cast(explained.cl_harm_ons as double) as cl_harm_ons,
        cast(explained.harm_norm as double) as harm_norm,
        cast(explained.centrality_full_norm as double) as centrality_full_norm,
        cast(explained.centrality_in_network_norm as double)
            as centrality_in_network_norm,
        cast(explained.exploited_runner_count as bigint)
            as exploited_runner_count,
        cast(explained.cuckooed_count as bigint) as cuckooed_count,
        cast(explained.exploitation_norm as double) as exploitation_norm,
        cast(explained.recency_norm as double) as recency_norm,
        cast(explained.cl_score as double) as cl_score,
        explained.is_county_lines,
        explained.is_child,
        explained.is_potential_victim,
        explained.is_referred,
        explained.is_exploited_on_line,
        explained.is_line_user_only,
        explained.is_exploitation_suspect,
        explained.has_exploitation_evidence,
        explained.has_cl_offence,
        explained.has_vulnerability_marker,
        explained.needed_appropriate_adult,
        explained.lives_out_of_force,
        coalesce(explained.has_command_evidence, false) as has_command_evidence,
        explained.command_evidence,
        explained.last_activity_date
    from explained
)

select * from final
