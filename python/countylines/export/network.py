"""The network as the charting exports see it: members with their attributes, links among them.

People are the members of the immediate networks (`marts.network_members`); links are the
edges of `marts.network_edges` whose two ends are both members (an edge to someone outside
every immediate network has no entity to attach to in i2 or Gephi; it stays in the marts).
Both queries return typed columns; i2 and GraphML format them each their own way.
"""

from __future__ import annotations

#: Line roles from most to least responsible: a person's `role` is the first they hold.
ROLE_ORDER = ["CONTROLLER", "LINE_HOLDER", "RUNNER", "CUCKOOED", "USER"]

_ROLE_RANK = "\n".join(
    f"                when '{role}' then {rank}" for rank, role in enumerate(ROLE_ORDER, 1)
)
_RANK_ROLE = "\n".join(
    f"                when {rank} then '{role}'" for rank, role in enumerate(ROLE_ORDER, 1)
)

MEMBERS_QUERY = f"""
    with members as (
        select * from marts.network_members
    ),

    nominals as (
        select * from marts.nominals
    ),

    centrality as (
        select * from marts.nominal_centrality
    ),

    priority as (
        select * from marts.nominal_priority
    ),

    referrals as (
        select * from marts.safeguarding_referrals
    ),

    line_people as (
        select * from marts.deal_line_nominals
    ),

    person_lines as (
        select
            line_people.nominal_id,
            string_agg(distinct line_people.inferred_role, ';'
                order by line_people.inferred_role) as line_roles,
            string_agg(distinct line_people.line_id, ';'
                order by line_people.line_id) as line_ids,
            min(case line_people.inferred_role
{_ROLE_RANK}
            end) as role_rank
        from line_people
        group by 1
    ),

    people as (
        select
            members.nominal_id,
            coalesce(nominals.display_name, members.nominal_id) as label,
            nominals.display_name,
            nominals.sex,
            case person_lines.role_rank
{_RANK_ROLE}
            end as line_role,
            person_lines.line_roles,
            person_lines.line_ids,
            members.network_id,
            priority.route,
            nominals.age,
            priority.priority_rank,
            centrality.degree,
            centrality.weighted_degree,
            centrality.betweenness,
            centrality.pagerank,
            centrality.degree_in_network,
            centrality.betweenness_in_network,
            coalesce(nominals.is_child, false) as is_child,
            members.is_core,
            members.is_county_lines,
            coalesce(priority.is_potential_victim, false) as is_potential_victim,
            referrals.nominal_id is not null as is_referred,
            coalesce(referrals.is_looked_after, false) as is_looked_after,
            nominals.date_of_birth
        from members
        left join nominals on members.nominal_id = nominals.nominal_id
        left join centrality on members.nominal_id = centrality.nominal_id
        left join priority on members.nominal_id = priority.nominal_id
        left join referrals on members.nominal_id = referrals.nominal_id
        left join person_lines on members.nominal_id = person_lines.nominal_id
    ),

    final as (
        select
            people.nominal_id,
            people.label,
            people.display_name,
            people.sex,
            coalesce(
                people.line_role,
                case
                    when people.is_county_lines then 'COUNTY_LINES_NOMINAL'
                    else 'ASSOCIATE'
                end
            ) as role,
            people.line_roles,
            people.line_ids,
            people.network_id,
            people.route,
            nullif(concat_ws(';',
                case when people.is_child then 'CHILD' end,
                case when people.is_potential_victim then 'POTENTIAL_VICTIM' end,
                case when people.is_referred then 'REFERRED' end,
                case when people.is_looked_after then 'LOOKED_AFTER' end,
                case when people.is_county_lines then 'COUNTY_LINES' end,
                case when people.is_core then 'CORE' end
            ), '') as flags,
            people.age,
            people.priority_rank,
            people.degree,
            people.weighted_degree,
            people.betweenness,
            people.pagerank,
            people.degree_in_network,
            people.betweenness_in_network,
            people.is_child,
            people.is_core,
            people.is_county_lines,
            people.is_potential_victim,
            people.is_referred,
            people.is_looked_after,
            people.date_of_birth
        from people
    )

    select * from final
    order by network_id, nominal_id
"""

LINKS_QUERY = """
    with edges as (
        select * from marts.network_edges
    ),

    members as (
        select * from marts.network_members
    ),

    link_types as (
        select * from reference.network_link_types
    ),

    member_edges as (
        select
            edges.*,
            members_a.network_id as network_id_a,
            members_b.network_id as network_id_b
        from edges
        inner join members as members_a
            on edges.nominal_id_a = members_a.nominal_id
        inner join members as members_b
            on edges.nominal_id_b = members_b.nominal_id
    ),

    edge_types as (
        select
            member_edges.nominal_id_a,
            member_edges.nominal_id_b,
            unnest(string_split(member_edges.link_types, ';')) as link_type
        from member_edges
    ),

    strongest_type as (
        select
            edge_types.nominal_id_a,
            edge_types.nominal_id_b,
            edge_types.link_type,
            row_number() over (
                partition by edge_types.nominal_id_a, edge_types.nominal_id_b
                order by coalesce(link_types.strength, 0) desc, edge_types.link_type
            ) as type_rank
        from edge_types
        left join link_types on edge_types.link_type = link_types.link_type
    ),

    final as (
        select
            member_edges.nominal_id_a || '|' || member_edges.nominal_id_b as link_id,
            member_edges.nominal_id_a,
            member_edges.nominal_id_b,
            strongest_type.link_type,
            member_edges.link_types,
            case
                when member_edges.network_id_a = member_edges.network_id_b
                    then member_edges.network_id_a
            end as network_id,
            member_edges.weight,
            member_edges.evidence_count,
            member_edges.link_type_count,
            member_edges.network_id_a = member_edges.network_id_b as is_within_network,
            member_edges.first_seen_date,
            member_edges.last_seen_date
        from member_edges
        left join strongest_type
            on member_edges.nominal_id_a = strongest_type.nominal_id_a
            and member_edges.nominal_id_b = strongest_type.nominal_id_b
            and strongest_type.type_rank = 1
    )

    select * from final
    order by nominal_id_a, nominal_id_b
"""
