{#- MARTS.md: a child, or anyone flagged as a potential victim (or referred
    for safeguarding), is never routed ENFORCEMENT; nor, while the seed
    safeguarding_route_rules keeps POSSIBLE_DUPLICATE active, is a nominal
    with a pair waiting in nominal_clerical_review whose other side is one of
    them. Checked against the source marts, not only the flags
    nominal_priority carries. Returns the offending rows. -#}
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

clerical_review as (
    select * from {{ ref('nominal_clerical_review') }}
),

route_rules as (
    select * from {{ ref('safeguarding_route_rules') }}
),

protected as (
    select
        nominals.nominal_id,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim,
        referrals.nominal_id is not null as is_referred
    from nominals
    left join county_lines
        on nominals.nominal_id = county_lines.nominal_id
    left join referrals
        on nominals.nominal_id = referrals.nominal_id
    where
        coalesce(nominals.is_child, false)
        or coalesce(county_lines.is_potential_victim, false)
        or referrals.nominal_id is not null
),

review_pairs as (
    select
        clerical_review.nominal_id_l as nominal_id,
        clerical_review.nominal_id_r as other_nominal_id
    from clerical_review
    union all
    select
        clerical_review.nominal_id_r as nominal_id,
        clerical_review.nominal_id_l as other_nominal_id
    from clerical_review
),

duplicate_rule as (
    select
        not coalesce(bool_or(
            route_rules.safeguarding_reason = 'POSSIBLE_DUPLICATE'
            and not route_rules.is_active
        ), false) as is_active
    from route_rules
),

possible_duplicates as (
    select distinct review_pairs.nominal_id
    from review_pairs
    inner join protected
        on review_pairs.other_nominal_id = protected.nominal_id
    cross join duplicate_rule
    where
        duplicate_rule.is_active
        and review_pairs.nominal_id != review_pairs.other_nominal_id
),

violations as (
    select
        priority.nominal_id,
        priority.route,
        coalesce(protected.is_child, false) as is_child,
        coalesce(protected.is_potential_victim, false) as is_potential_victim,
        coalesce(protected.is_referred, false) as is_referred,
        possible_duplicates.nominal_id is not null as is_possible_duplicate
    from priority
    left join protected
        on priority.nominal_id = protected.nominal_id
    left join possible_duplicates
        on priority.nominal_id = possible_duplicates.nominal_id
    where
        priority.route = 'ENFORCEMENT'
        and (
            protected.nominal_id is not null
            or possible_duplicates.nominal_id is not null
        )
)

select * from violations
