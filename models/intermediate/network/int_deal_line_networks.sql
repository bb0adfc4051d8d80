{#- One row per (deal line, immediate network) sharing a person: how many of
    the line's people (deal_line_nominals) are members of the network, and
    how many of them work the line (any role but USER: a line's customers
    scatter over the networks of the towns it supplies). line_network_rank 1
    is the line's own network: the most working members, then the most
    members, then the smallest network_id, so a line split across networks
    has one network of record and the others still listed. network_line_rank
    1 is, the same way, the line a network mainly runs. -#}
with line_people as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

communities as (
    select * from {{ ref('int_network_communities') }}
),

shared as (
    select
        line_people.line_id,
        communities.network_id,
        count(distinct line_people.nominal_id) as shared_member_count,
        count(distinct case
            when line_people.inferred_role != 'USER'
                then line_people.nominal_id
        end) as working_member_count
    from line_people
    inner join communities
        on line_people.nominal_id = communities.nominal_id
    group by 1, 2
),

final as (
    select
        shared.line_id,
        shared.network_id,
        shared.shared_member_count,
        shared.working_member_count,
        row_number() over (
            partition by shared.line_id
            order by
                shared.working_member_count desc,
                shared.shared_member_count desc,
                shared.network_id asc
        ) as line_network_rank,
        row_number() over (
            partition by shared.network_id
            order by
                shared.working_member_count desc,
                shared.shared_member_count desc,
                shared.line_id asc
        ) as network_line_rank
    from shared
)

select * from final
