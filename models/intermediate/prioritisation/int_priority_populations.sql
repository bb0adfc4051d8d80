{{ config(materialized='table') }}
{#- One row per (population, person): the people a priority factor is
    counted over. NETWORK: the members of an immediate network
    (network_members). LINE: the people of a deal line (deal_line_nominals)
    and the people safeguarding_referrals names as exploited by it. -#}
with members as (
    select * from {{ ref('int_network_communities') }}
),

line_nominals as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

referrals as (
    select * from {{ ref('int_safeguarding_referrals_linked') }}
),

all_rows as (
    select
        'NETWORK' as population_kind,
        members.network_id as population_id,
        members.nominal_id
    from members
    union all
    select
        'LINE' as population_kind,
        line_nominals.line_id as population_id,
        line_nominals.nominal_id
    from line_nominals
    union all
    select
        'LINE' as population_kind,
        referrals.line_id as population_id,
        referrals.nominal_id
    from referrals
    where referrals.line_id is not null
),

final as (
    select distinct
        all_rows.population_kind,
        all_rows.population_id,
        all_rows.nominal_id
    from all_rows
    where all_rows.nominal_id is not null
)

select * from final
