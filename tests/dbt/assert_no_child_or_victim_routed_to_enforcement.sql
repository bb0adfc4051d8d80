{#- MARTS.md: a child, or anyone flagged as a potential victim (or referred
    for safeguarding), is never routed ENFORCEMENT. Checked against the
    source marts, not only the flags nominal_priority carries. Returns the
    offending rows. -#}
with priority as (
    select * from {{ ref('nominal_priority') }}
),

nominals as (
    select * from {{ ref('nominals') }}
),

county_lines as (
    select * from {{ ref('nominal_county_lines') }}
),

referrals as (
    select * from {{ ref('safeguarding_referrals') }}
),

violations as (
    select
        priority.nominal_id,
        priority.route,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim,
        referrals.nominal_id is not null as is_referred
    from priority
    left join nominals
        on priority.nominal_id = nominals.nominal_id
    left join county_lines
        on priority.nominal_id = county_lines.nominal_id
    left join referrals
        on priority.nominal_id = referrals.nominal_id
    where
        priority.route = 'ENFORCEMENT'
        and (
            coalesce(nominals.is_child, false)
            or coalesce(county_lines.is_potential_victim, false)
            or referrals.nominal_id is not null
        )
)

select * from violations
