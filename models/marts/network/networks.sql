{#- One row per immediate network: its size, county-lines members, lines,
    exploitation, missing episodes, firearms, violence and SOC groups
    (counted in int_network_profiles), harm of members' crimes on both
    indices, and the priority score, rank and band explained factor by
    factor in network_priority_factors. has_firearms is the firearms factor's
    flag (the people the priority is assessed over), so the flag and
    firearms_points always agree; member_has_firearms counts the network's
    own members. -#}
with profiles as (
    select * from {{ ref('int_network_profiles') }}
),

factors as (
    select * from {{ ref('network_priority_factors') }}
),

final as (
    select
        profiles.network_id,
        profiles.line_ids,
        profiles.soc_group_ids,
        factors.priority_band,
        profiles.member_count,
        profiles.county_lines_member_count,
        profiles.harm_cchi,
        profiles.harm_ons,
        profiles.cl_harm_cchi,
        profiles.cl_harm_ons,
        profiles.offences_without_ons_weight,
        profiles.exploited_count,
        profiles.exploited_child_count,
        profiles.looked_after_count,
        profiles.child_count,
        profiles.missing_episode_count,
        profiles.violence_offence_count,
        profiles.destination_town_count,
        factors.priority_score,
        factors.priority_rank,
        coalesce(factors.firearms_value, 0) > 0 as has_firearms,
        profiles.has_firearms as member_has_firearms
    from profiles
    left join factors
        on profiles.network_id = factors.network_id
)

select * from final
