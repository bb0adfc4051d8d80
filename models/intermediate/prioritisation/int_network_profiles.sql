{{ config(materialized='table') }}
{#- One row per immediate network: what the force weighs when it assesses a
    line, counted over the network's members (network_members): size,
    county-lines members and their age, lines, exploitation (potential
    victims, children among them, looked-after children), missing episodes,
    firearms, violence, SOC groups, reach (out-of-force towns) and harm
    (distinct crimes of members in the harm window, so a crime two members
    committed together counts once). networks and network_priority_factors
    both read it. -#}
with members as (
    select * from {{ ref('network_members') }}
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

line_nominals as (
    select * from {{ ref('deal_line_nominals') }}
),

deal_lines as (
    select * from {{ ref('deal_lines') }}
),

destinations as (
    select * from {{ ref('stg_register__deal_line_destinations') }}
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

member_soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

member_offences as (
    select * from {{ ref('int_network_member_offences') }}
),

nominal_offences as (
    select * from {{ ref('int_nominal_offences') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

districts as (
    select * from {{ ref('stg_reference__postcode_districts') }}
),

areas as (
    select * from {{ ref('stg_reference__postcode_areas') }}
),

people as (
    select
        members.network_id,
        members.nominal_id,
        coalesce(county_lines.is_county_lines, false) as is_county_lines,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(referrals.is_looked_after, false) as is_looked_after
    from members
    left join county_lines
        on members.nominal_id = county_lines.nominal_id
    left join nominals
        on members.nominal_id = nominals.nominal_id
    left join referrals
        on members.nominal_id = referrals.nominal_id
),

people_counts as (
    select
        people.network_id,
        count(*) as member_count,
        sum(case when people.is_county_lines then 1 else 0 end)
            as county_lines_member_count,
        sum(case when people.is_potential_victim then 1 else 0 end)
            as exploited_count,
        sum(case
            when people.is_potential_victim and people.is_child then 1
            else 0
        end) as exploited_child_count,
        sum(case
            when people.is_potential_victim and people.is_looked_after then 1
            else 0
        end) as looked_after_count,
        sum(case when people.is_child then 1 else 0 end) as child_count,
        sum(case
            when people.is_county_lines and people.is_child then 1 else 0
        end) as county_lines_child_count
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
        count(
            distinct case
                when member_offences.is_firearms then member_offences.crime_ref
            end
        ) as firearms_offence_count,
        bool_or(member_offences.is_firearms) as has_firearms_offence
    from members
    inner join member_offences
        on members.nominal_id = member_offences.nominal_id
    group by 1
),

network_crimes as (
    select distinct
        members.network_id,
        nominal_offences.crime_ref,
        nominal_offences.cchi_days,
        nominal_offences.ons_weight,
        nominal_offences.has_ons_weight,
        nominal_offences.is_cl_related
    from members
    inner join nominal_offences
        on members.nominal_id = nominal_offences.nominal_id
    where nominal_offences.is_in_window
),

harm as (
    select
        network_crimes.network_id,
        count(*) as offence_count,
        {{ exact_sum('network_crimes.cchi_days') }} as harm_cchi,
        {{ exact_sum('network_crimes.ons_weight') }} as harm_ons,
        {{ exact_sum(
            "case when network_crimes.is_cl_related then network_crimes.cchi_days end"
        ) }} as cl_harm_cchi,
        {{ exact_sum(
            "case when network_crimes.is_cl_related then network_crimes.ons_weight end"
        ) }} as cl_harm_ons,
        count(case when not network_crimes.has_ons_weight then 1 end)
            as offences_without_ons_weight
    from network_crimes
    group by 1
),

crime_towns as (
    -- Out-of-force places where members offended (reach of the network).
    select distinct
        members.network_id,
        coalesce(
            {{ match_key('districts.place') }}, crimes.postcode_district
        ) as town_key
    from members
    inner join nominal_offences
        on members.nominal_id = nominal_offences.nominal_id
    inner join crimes
        on nominal_offences.crime_ref = crimes.crime_ref
    left join districts
        on crimes.postcode_district = districts.postcode_district
    left join areas
        on crimes.postcode_area = areas.postcode_area
    where
        nominal_offences.is_in_window
        and not coalesce(districts.is_in_force_area, areas.is_in_force_area)
),

register_towns as (
    -- Destination towns the register records for the network's lines.
    select distinct
        members.network_id,
        destinations.destination_town_match_key as town_key
    from members
    inner join line_nominals
        on members.nominal_id = line_nominals.nominal_id
    inner join deal_lines
        on line_nominals.line_id = deal_lines.line_id
    inner join destinations
        on deal_lines.register_line_ref = destinations.line_ref
),

reach as (
    select
        all_towns.network_id,
        count(distinct all_towns.town_key) as destination_town_count
    from (
        select * from crime_towns
        union all
        select * from register_towns
    ) as all_towns
    group by 1
),

soc_groups as (
    select
        network_groups.network_id,
        count(*) as soc_group_count,
        {{ dbt.listagg('network_groups.soc_group_id', "';'",
            'order by network_groups.soc_group_id') }} as soc_group_ids
    from (
        select distinct
            members.network_id,
            member_soc_groups.soc_group_id
        from members
        inner join member_soc_groups
            on members.nominal_id = member_soc_groups.nominal_id
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
        cast(people_counts.county_lines_child_count as bigint)
            as county_lines_child_count,
        cast(coalesce(harm.offence_count, 0) as bigint) as offence_count,
        cast(coalesce(harm.harm_cchi, 0) as double) as harm_cchi,
        cast(coalesce(harm.harm_ons, 0) as double) as harm_ons,
        cast(coalesce(harm.cl_harm_cchi, 0) as double) as cl_harm_cchi,
        cast(coalesce(harm.cl_harm_ons, 0) as double) as cl_harm_ons,
        cast(coalesce(harm.offences_without_ons_weight, 0) as bigint)
            as offences_without_ons_weight,
        cast(people_counts.exploited_count as bigint) as exploited_count,
        cast(people_counts.exploited_child_count as bigint)
            as exploited_child_count,
        cast(people_counts.looked_after_count as bigint)
            as looked_after_count,
        cast(people_counts.child_count as bigint) as child_count,
        cast(coalesce(missing.missing_episode_count, 0) as bigint)
            as missing_episode_count,
        cast(coalesce(offences.violence_offence_count, 0) as bigint)
            as violence_offence_count,
        cast(coalesce(offences.firearms_offence_count, 0) as bigint)
            as firearms_offence_count,
        cast(coalesce(soc_groups.soc_group_count, 0) as bigint)
            as soc_group_count,
        cast(coalesce(reach.destination_town_count, 0) as bigint)
            as destination_town_count,
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
    left join harm
        on people_counts.network_id = harm.network_id
    left join reach
        on people_counts.network_id = reach.network_id
)

select * from final
