{{ config(materialized='table') }}
{#- One row per immediate network: the population its priority factors are
    counted over, and their raw values. A network linked to a deal line is
    assessed as that line, counted over all the line's people
    (int_priority_populations), since a line split across networks is
    still one line, and a network that merges several lines is assessed
    on the one it mainly runs. The line: the one most of its members are
    on in deal_line_nominals (ties to the first line_id); failing any, the
    one most of its members are referred as exploited by
    (safeguarding_referrals). assessed_population says on what evidence:
    LINE (a member works the line: controller, line holder, runner or
    enforcer), LINE_VIA_CUSTOMERS (its members are on the line only as
    customers or cuckooed addresses), LINE_VIA_REFERRAL (only a referral
    names the line). A network linked to no line is assessed over its own
    members (NETWORK). -#}
with networks as (
    select * from {{ ref('int_network_profiles') }}
),

members as (
    select * from {{ ref('int_network_communities') }}
),

line_nominals as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

referrals as (
    select * from {{ ref('int_safeguarding_referrals_linked') }}
),

profiles as (
    select * from {{ ref('int_priority_profiles') }}
),

line_links as (
    -- evidence_order: 1 deal_line_nominals, 2 a referral only.
    select
        members.network_id,
        line_nominals.line_id,
        members.nominal_id,
        1 as evidence_order,
        case
            when line_nominals.inferred_role in ('USER', 'CUCKOOED') then 0
            else 1
        end as works_line
    from members
    inner join line_nominals
        on members.nominal_id = line_nominals.nominal_id
    union all
    select
        members.network_id,
        referrals.line_id,
        members.nominal_id,
        2 as evidence_order,
        0 as works_line
    from members
    inner join referrals
        on members.nominal_id = referrals.nominal_id
    where referrals.line_id is not null
),

network_lines as (
    select
        line_links.network_id,
        line_links.line_id,
        max(line_links.works_line) as works_line,
        min(line_links.evidence_order) as evidence_order,
        row_number() over (
            partition by line_links.network_id
            order by
                min(line_links.evidence_order),
                count(
                    distinct case
                        when line_links.evidence_order = 1
                            then line_links.nominal_id
                    end
                ) desc,
                count(distinct line_links.nominal_id) desc,
                line_links.line_id
        ) as line_order
    from line_links
    group by 1, 2
),

assessed as (
    select
        networks.network_id,
        network_lines.line_id as assessed_line_id,
        case
            when network_lines.line_id is null then 'NETWORK'
            when network_lines.works_line = 1 then 'LINE'
            when network_lines.evidence_order = 1 then 'LINE_VIA_CUSTOMERS'
            else 'LINE_VIA_REFERRAL'
        end as assessed_population,
        case
            when network_lines.line_id is null then 'NETWORK' else 'LINE'
        end as population_kind,
        coalesce(network_lines.line_id, networks.network_id)
            as population_id
    from networks
    left join network_lines
        on
            networks.network_id = network_lines.network_id
            and network_lines.line_order = 1
),

final as (
    select
        assessed.network_id,
        assessed.assessed_population,
        assessed.assessed_line_id,
        profiles.member_count as assessed_member_count,
        profiles.county_lines_member_count,
        profiles.county_lines_child_count,
        profiles.cl_harm_cchi,
        profiles.exploited_child_count,
        profiles.looked_after_count,
        profiles.missing_episode_count,
        profiles.violence_offence_count,
        profiles.cl_violence_offence_count,
        profiles.firearms_person_count,
        profiles.has_firearms,
        profiles.soc_group_count,
        profiles.destination_town_count
    from assessed
    inner join profiles
        on
            assessed.population_kind = profiles.population_kind
            and assessed.population_id = profiles.population_id
)

select * from final
