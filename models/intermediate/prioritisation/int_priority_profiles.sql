{{ config(materialized='table') }}
{%- set violent_harm_categories = ['VIOLENCE', 'WEAPONS', 'KIDNAP'] %}
{#- One row per population of int_priority_populations (an immediate
    network's members, or a deal line's people): what the force weighs when
    it assesses a line, counted over that population: size, county-lines
    people and their age, lines, exploitation (potential victims, children
    among them, looked-after children), missing episodes, firearms,
    violence, SOC groups, reach (out-of-force towns) and harm (distinct
    crimes of the people in the harm window, so a crime two of them
    committed together counts once). The line's violence is counted the
    same way: crimes in the harm window whose county-lines harm category
    (seed cl_harm_offence_groups) is violence, weapons or kidnap. int_network_profiles reads the network
    rows, int_network_priority_inputs both kinds. -#}
with populations as (
    select * from {{ ref('int_priority_populations') }}
),

nominals as (
    select * from {{ ref('int_nominals_resolved') }}
),

county_lines as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

referrals as (
    select * from {{ ref('int_safeguarding_referrals_linked') }}
),

line_nominals as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

deal_lines as (
    select * from {{ ref('int_deal_lines_found') }}
),

destinations as (
    select * from {{ ref('stg_register__deal_line_destinations') }}
),

xref as (
    select * from {{ ref('int_person_clusters') }}
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

record_people as (
    select * from {{ ref('int_cl_record_people') }}
),

lexicon_matches as (
    select * from {{ ref('int_cl_text_lexicon_matches') }}
),

districts as (
    select * from {{ ref('stg_reference__postcode_districts') }}
),

areas as (
    select * from {{ ref('stg_reference__postcode_areas') }}
),

people as (
    select
        populations.population_kind,
        populations.population_id,
        populations.nominal_id,
        coalesce(county_lines.is_county_lines, false) as is_county_lines,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(referrals.is_looked_after, false) as is_looked_after
    from populations
    left join county_lines
        on populations.nominal_id = county_lines.nominal_id
    left join nominals
        on populations.nominal_id = nominals.nominal_id
    left join referrals
        on populations.nominal_id = referrals.nominal_id
),

people_counts as (
    select
        people.population_kind,
        people.population_id,
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
    group by 1, 2
),

lines as (
    select
        population_lines.population_kind,
        population_lines.population_id,
        {{ dbt.listagg('population_lines.line_id', "';'",
            'order by population_lines.line_id') }} as line_ids
    from (
        select distinct
            populations.population_kind,
            populations.population_id,
            line_nominals.line_id
        from populations
        inner join line_nominals
            on populations.nominal_id = line_nominals.nominal_id
    ) as population_lines
    group by 1, 2
),

missing as (
    select
        populations.population_kind,
        populations.population_id,
        count(distinct episodes.episode_ref) as missing_episode_count
    from populations
    inner join xref
        on
            populations.nominal_id = xref.nominal_id
            and xref.source_system = 'COMPACT'
    inner join episodes
        on xref.source_id = episodes.compact_person_id
    group by 1, 2
),

firearms_people as (
    -- Firearms capability, from every record that puts a firearm with the
    -- person: a FIREARMS warning marker on the index, a firearms offence or
    -- a FIREARM-marked crime as suspect or offender, firearm language in
    -- the MO of such a crime, or in the reason or seized property of their
    -- arrest. Intelligence that merely mentions firearms is not enough.
    select xref.nominal_id
    from xref
    inner join index_records
        on
            xref.source_system = 'NOMINAL'
            and xref.source_id = index_records.wmp_nominal_id
    where ';' || index_records.warning_markers || ';' like '%;FIREARMS;%'
    union all
    select member_offences.nominal_id
    from member_offences
    where member_offences.is_firearms
    union all
    select record_people.nominal_id
    from lexicon_matches
    inner join record_people
        on
            lexicon_matches.source_system = record_people.source_system
            and lexicon_matches.record_ref = record_people.record_ref
    where
        lexicon_matches.term_id in (
            {%- for term in var('priority_firearm_terms') %}
                '{{ term }}'{{ "," if not loop.last }}
            {%- endfor %}
        )
        and (
            (
                lexicon_matches.source_system = 'CRIMES'
                and lexicon_matches.text_field = 'mo_text'
                and record_people.person_role in ('SUSPECT', 'OFFENDER')
            )
            or (
                lexicon_matches.source_system = 'ICIS'
                and lexicon_matches.text_field in (
                    'arrest_reason', 'property_text'
                )
                and record_people.person_role = 'DETAINEE'
            )
        )
),

firearms as (
    select
        populations.population_kind,
        populations.population_id,
        count(distinct populations.nominal_id) as firearms_person_count
    from populations
    inner join firearms_people
        on populations.nominal_id = firearms_people.nominal_id
    group by 1, 2
),

offences as (
    select
        populations.population_kind,
        populations.population_id,
        count(
            distinct case
                when member_offences.is_violence then member_offences.crime_ref
            end
        ) as violence_offence_count,
        count(
            distinct case
                when member_offences.is_firearms then member_offences.crime_ref
            end
        ) as firearms_offence_count
    from populations
    inner join member_offences
        on populations.nominal_id = member_offences.nominal_id
    group by 1, 2
),

population_crimes as (
    select distinct
        populations.population_kind,
        populations.population_id,
        nominal_offences.crime_ref,
        nominal_offences.cchi_days,
        nominal_offences.ons_weight,
        nominal_offences.has_ons_weight,
        nominal_offences.is_cl_related,
        nominal_offences.cl_harm_category
    from populations
    inner join nominal_offences
        on populations.nominal_id = nominal_offences.nominal_id
    where nominal_offences.is_in_window
),

harm as (
    select
        population_crimes.population_kind,
        population_crimes.population_id,
        count(*) as offence_count,
        {{ exact_sum('population_crimes.cchi_days') }} as harm_cchi,
        {{ exact_sum('population_crimes.ons_weight') }} as harm_ons,
        {{ exact_sum(
            "case when population_crimes.is_cl_related then population_crimes.cchi_days end"
        ) }} as cl_harm_cchi,
        {{ exact_sum(
            "case when population_crimes.is_cl_related then population_crimes.ons_weight end"
        ) }} as cl_harm_ons,
        count(case when not population_crimes.has_ons_weight then 1 end)
            as offences_without_ons_weight,
        count(
            case
                when population_crimes.cl_harm_category in (
                    '{{ violent_harm_categories | join("', '") }}'
                ) then 1
            end
        ) as cl_violence_offence_count
    from population_crimes
    group by 1, 2
),

crime_towns as (
    -- Out-of-force places where the people offended (reach).
    select distinct
        populations.population_kind,
        populations.population_id,
        coalesce(
            {{ match_key('districts.place') }}, crimes.postcode_district
        ) as town_key
    from populations
    inner join nominal_offences
        on populations.nominal_id = nominal_offences.nominal_id
    inner join crimes
        on nominal_offences.crime_ref = crimes.crime_ref
    left join districts
        on crimes.postcode_district = districts.postcode_district
    left join areas
        on crimes.postcode_area = areas.postcode_area
    where
        nominal_offences.is_in_window
        and {{ is_out_of_force('districts', 'areas') }}
),

register_towns as (
    -- Destination towns the register records for the people's lines.
    select distinct
        populations.population_kind,
        populations.population_id,
        destinations.destination_town_match_key as town_key
    from populations
    inner join line_nominals
        on populations.nominal_id = line_nominals.nominal_id
    inner join deal_lines
        on line_nominals.line_id = deal_lines.line_id
    inner join destinations
        on deal_lines.register_line_ref = destinations.line_ref
),

reach as (
    select
        all_towns.population_kind,
        all_towns.population_id,
        count(distinct all_towns.town_key) as destination_town_count
    from (
        select * from crime_towns
        union all
        select * from register_towns
    ) as all_towns
    group by 1, 2
),

soc_groups as (
    select
        population_groups.population_kind,
        population_groups.population_id,
        count(*) as soc_group_count,
        {{ dbt.listagg('population_groups.soc_group_id', "';'",
            'order by population_groups.soc_group_id') }} as soc_group_ids
    from (
        select distinct
            populations.population_kind,
            populations.population_id,
            member_soc_groups.soc_group_id
        from populations
        inner join member_soc_groups
            on populations.nominal_id = member_soc_groups.nominal_id
    ) as population_groups
    group by 1, 2
),

final as (
    select
        people_counts.population_kind,
        people_counts.population_id,
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
        cast(coalesce(harm.cl_violence_offence_count, 0) as bigint)
            as cl_violence_offence_count,
        cast(coalesce(offences.firearms_offence_count, 0) as bigint)
            as firearms_offence_count,
        cast(coalesce(firearms.firearms_person_count, 0) as bigint)
            as firearms_person_count,
        cast(coalesce(soc_groups.soc_group_count, 0) as bigint)
            as soc_group_count,
        cast(coalesce(reach.destination_town_count, 0) as bigint)
            as destination_town_count,
        coalesce(firearms.firearms_person_count, 0) > 0 as has_firearms
    from people_counts
    left join lines
        on
            people_counts.population_kind = lines.population_kind
            and people_counts.population_id = lines.population_id
    left join soc_groups
        on
            people_counts.population_kind = soc_groups.population_kind
            and people_counts.population_id = soc_groups.population_id
    left join missing
        on
            people_counts.population_kind = missing.population_kind
            and people_counts.population_id = missing.population_id
    left join firearms
        on
            people_counts.population_kind = firearms.population_kind
            and people_counts.population_id = firearms.population_id
    left join offences
        on
            people_counts.population_kind = offences.population_kind
            and people_counts.population_id = offences.population_id
    left join harm
        on
            people_counts.population_kind = harm.population_kind
            and people_counts.population_id = harm.population_id
    left join reach
        on
            people_counts.population_kind = reach.population_kind
            and people_counts.population_id = reach.population_id
)

select * from final
