{#- While the seed safeguarding_route_rules keeps LOW_LEVEL_WORKFORCE active,
    nobody is routed ENFORCEMENT without evidence of directing, recruiting or
    holding others, or violence on others (int_nominal_command_evidence,
    checked there, not through the flag nominal_priority carries): a line's
    low-level workforce is for safeguarding review. Returns the offending
    rows. -#}
with priority as (
    select * from {{ ref('nominal_priority') }}
),

command_evidence as (
    select * from {{ ref('int_nominal_command_evidence') }}
),

route_rules as (
    select * from {{ ref('safeguarding_route_rules') }}
),

workforce_rule as (
    select
        not coalesce(bool_or(
            route_rules.safeguarding_reason = 'LOW_LEVEL_WORKFORCE'
            and not route_rules.is_active
        ), false) as is_active
    from route_rules
),

violations as (
    select priority.nominal_id
    from priority
    cross join workforce_rule
    left join command_evidence
        on priority.nominal_id = command_evidence.nominal_id
    where
        workforce_rule.is_active
        and priority.route = 'ENFORCEMENT'
        and command_evidence.nominal_id is null
)

select * from violations
