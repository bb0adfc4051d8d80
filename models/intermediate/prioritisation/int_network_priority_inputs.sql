{{ config(materialized='table') }}
{#- One row per immediate network: the population its priority factors are
    counted over, and their raw values. A network that runs a deal line is
    assessed as that line: the line most of its members are on
    (deal_line_nominals; ties to the first line_id), counted over all the
    line's people (int_priority_populations), since a line split across
    networks is still one line, and a network that merges several lines
    is assessed on the one it mainly runs. A network on no line is assessed
    over its own members. -#}
with networks as (
    select * from {{ ref('int_network_profiles') }}
),

members as (
    select * from {{ ref('network_members') }}
),

line_nominals as (
    select * from {{ ref('deal_line_nominals') }}
),

profiles as (
    select * from {{ ref('int_priority_profiles') }}
),

network_lines as (
    select
        members.network_id,
        line_nominals.line_id,
        row_number() over (
            partition by members.network_id
            order by count(*) desc, line_nominals.line_id
        ) as line_order
    from members
    inner join line_nominals
        on members.nominal_id = line_nominals.nominal_id
    group by 1, 2
),

assessed as (
    select
        networks.network_id,
        network_lines.line_id as assessed_line_id,
        case
            when network_lines.line_id is not null then 'LINE' else 'NETWORK'
        end as assessed_population,
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
        profiles.firearms_person_count,
        profiles.has_firearms,
        profiles.soc_group_count,
        profiles.destination_town_count
    from assessed
    inner join profiles
        on
            assessed.assessed_population = profiles.population_kind
            and assessed.population_id = profiles.population_id
)

select * from final
