{#- Who is on line X: one row per (deal line, person), with the line's name
    and network and the person's name, age, role, network, route and ranks. -#}
with line_people as (
    select * from {{ ref('deal_line_nominals') }}
),

lines as (
    select * from {{ ref('deal_lines') }}
),

nominals as (
    select * from {{ ref('nominals') }}
),

members as (
    select * from {{ ref('network_members') }}
),

priority as (
    select * from {{ ref('nominal_priority') }}
),

referrals as (
    select * from {{ ref('safeguarding_referrals') }}
),

final as (
    select
        lines.line_id,
        lines.line_name,
        lines.is_registered,
        lines.network_id as line_network_id,
        line_people.nominal_id,
        nominals.display_name,
        nominals.age,
        nominals.is_child,
        line_people.inferred_role,
        line_people.evidence_count,
        members.network_id,
        priority.route,
        referrals.nominal_id is not null as is_referred,
        priority.enforcement_rank,
        priority.safeguarding_rank
    from line_people
    inner join lines
        on line_people.line_id = lines.line_id
    inner join nominals
        on line_people.nominal_id = nominals.nominal_id
    left join members
        on line_people.nominal_id = members.nominal_id
    left join priority
        on line_people.nominal_id = priority.nominal_id
    left join referrals
        on line_people.nominal_id = referrals.nominal_id
)

select * from final
