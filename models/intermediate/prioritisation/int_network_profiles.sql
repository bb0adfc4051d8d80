{{ config(materialized='table') }}
{#- One row per immediate network: the counts of int_priority_profiles over
    the network's members (network_members). networks reads it. -#}
with profiles as (
    select * from {{ ref('int_priority_profiles') }}
),

final as (
    select
        profiles.population_id as network_id,
        profiles.line_ids,
        profiles.soc_group_ids,
        profiles.member_count,
        profiles.county_lines_member_count,
        profiles.county_lines_child_count,
        profiles.offence_count,
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
        profiles.firearms_offence_count,
        profiles.firearms_person_count,
        profiles.soc_group_count,
        profiles.destination_town_count,
        profiles.has_firearms
    from profiles
    where profiles.population_kind = 'NETWORK'
)

select * from final
