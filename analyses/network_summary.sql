{#- The immediate networks side by side: size, county-lines members, lines,
    SOC groups, the core members and who to remove first. -#}
with networks as (
    select * from {{ ref('networks') }}
),

members as (
    select * from {{ ref('network_members') }}
),

disruption as (
    select * from {{ ref('network_disruption') }}
),

core as (
    select
        members.network_id,
        count(*) as core_member_count
    from members
    where members.is_core
    group by 1
),

first_removal as (
    select
        disruption.network_id,
        disruption.nominal_id as remove_first_nominal_id,
        disruption.fragmentation_after as fragmentation_after_first
    from disruption
    where disruption.removal_rank = 1
),

final as (
    select
        networks.network_id,
        networks.line_ids,
        networks.soc_group_ids,
        first_removal.remove_first_nominal_id,
        networks.member_count,
        networks.county_lines_member_count,
        core.core_member_count,
        networks.exploited_count,
        networks.child_count,
        first_removal.fragmentation_after_first,
        networks.has_firearms
    from networks
    left join core
        on networks.network_id = core.network_id
    left join first_removal
        on networks.network_id = first_removal.network_id
)

select * from final
order by 6 desc, 1 asc
