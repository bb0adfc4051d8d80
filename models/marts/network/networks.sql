{#- One row per immediate network: its size, county-lines members, lines,
    exploitation, missing episodes, firearms, violence and SOC groups. The
    harm and priority columns are typed nulls until the harm and
    prioritisation issue fills them. -#}
with members as (
    select * from {{ ref('network_members') }}
),

nominals as (
    select * from {{ ref('nominals') }}
),

county_lines as (
    select * from {{ ref('nominal_county_lines') }}
),

line_nominals as (
    select * from {{ ref('deal_line_nominals') }}
),

xref as (
    select * from {{ ref('nominal_source_xref') }}
),

index_records as (
    select * from {{ ref('stg_nominal__nominals') }}
),

episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

member_offences as (
    select * from {{ ref('int_network_member_offences') }}
),

people as (
    select
        members.network_id,
        members.nominal_id,
        coalesce(county_lines.is_county_lines, false) as is_county_lines,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim,
        coalesce(nominals.is_child, false) as is_child
    from members
    left join county_lines
        on members.nominal_id = county_lines.nominal_id
    left join nominals
        on members.nominal_id = nominals.nominal_id
),

people_counts as (
    select
        people.network_id,
        count(*) as member_count,
        sum(case when people.is_county_lines then 1 else 0 end)
            as county_lines_member_count,
        sum(case when people.is_potential_victim then 1 else 0 end)
            as exploited_count,
        sum(case when people.is_child then 1 else 0 end) as child_count
    from people
    group by 1
),

lines as (
    select
        network_lines.network_id,
        {{ dbt.listagg('network_lines.line_id', "';'",
            'order by network_lines.line_id') }} as line_ids
    from (
        select distinct
            members.network_id,
            line_nominals.line_id
        from members
        inner join line_nominals
            on members.nominal_id = line_nominals.nominal_id
    ) as network_lines
    group by 1
),

missing as (
    select
        members.network_id,
        count(distinct episodes.episode_ref) as missing_episode_count
    from members
    inner join xref
        on
            members.nominal_id = xref.nominal_id
            and xref.source_system = 'COMPACT'
    inner join episodes
        on xref.source_id = episodes.compact_person_id
    group by 1
),

firearm_markers as (
    select distinct members.network_id
    from members
    inner join xref
        on
            members.nominal_id = xref.nominal_id
            and xref.source_system = 'NOMINAL'
    inner join index_records
        on xref.source_id = index_records.wmp_nominal_id
    where ';' || index_records.warning_markers || ';' like '%;FIREARMS;%'
),

offences as (
    select
        members.network_id,
        count(
            distinct case
                when member_offences.is_violence then member_offences.crime_ref
            end
        ) as violence_offence_count,
        bool_or(member_offences.is_firearms) as has_firearms_offence
    from members
    inner join member_offences
        on members.nominal_id = member_offences.nominal_id
    group by 1
),

soc_groups as (
    select
        network_groups.network_id,
        {{ dbt.listagg('network_groups.soc_group_id', "';'",
            'order by network_groups.soc_group_id') }} as soc_group_ids
    from (
        select distinct
            members.network_id,
            soc_members.soc_group_id
        from members
        inner join xref
            on
                members.nominal_id = xref.nominal_id
                and xref.source_system = 'NOMINAL'
        inner join soc_members
            on xref.source_id = soc_members.wmp_nominal_id
    ) as network_groups
    group by 1
),

final as (
    select
        people_counts.network_id,
        lines.line_ids,
        soc_groups.soc_group_ids,
        cast(people_counts.member_count as bigint) as member_count,
        cast(people_counts.county_lines_member_count as bigint)
            as county_lines_member_count,
        cast(null as double) as harm_cchi,
        cast(null as double) as harm_ons,
        cast(null as double) as cl_harm_cchi,
        cast(null as double) as cl_harm_ons,
        cast(people_counts.exploited_count as bigint) as exploited_count,
        cast(people_counts.child_count as bigint) as child_count,
        cast(coalesce(missing.missing_episode_count, 0) as bigint)
            as missing_episode_count,
        cast(coalesce(offences.violence_offence_count, 0) as bigint)
            as violence_offence_count,
        cast(null as double) as priority_score,
        cast(null as bigint) as priority_rank,
        (
            firearm_markers.network_id is not null
            or coalesce(offences.has_firearms_offence, false)
        ) as has_firearms
    from people_counts
    left join lines
        on people_counts.network_id = lines.network_id
    left join soc_groups
        on people_counts.network_id = soc_groups.network_id
    left join missing
        on people_counts.network_id = missing.network_id
    left join firearm_markers
        on people_counts.network_id = firearm_markers.network_id
    left join offences
        on people_counts.network_id = offences.network_id
)

select * from final
