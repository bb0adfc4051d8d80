{{ config(materialized='table') }}
{#- One row per person who may be exploited: every nominal flagged as a
    potential victim (children and vulnerable adults with exploitation
    indicators, including those who appear only as offenders) and everyone on
    the exploitation list, with the line they are most strongly linked to,
    the evidence for it, their network and the reasons in words.

    The line, by the strongest kind of evidence first (line_basis):
    OWN_RECORDS - their own records name the line (deal_line_nominals,
    2 per record); SECOND_HAND - associates on the line (1 per shared
    record) and the line of the suspects or offenders of a crime against
    them (1 per crime), added up; IMMEDIATE_NETWORK - the line their
    immediate network mainly runs (int_deal_line_networks), when nothing
    closer names one; else LINE_UNKNOWN and no line: better said than
    guessed. Own evidence comes before second-hand links however many of
    those (they add up across a busy network, the person's own evidence
    does not); within a kind the strongest link wins, then the line of
    their network, then the smallest line_id.

    network_id: their immediate network, else the network of record of
    their line (deal_lines.network_id). -#}
with scores as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

line_people as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

associations as (
    select * from {{ ref('int_nominal_associations') }}
),

people as (
    select * from {{ ref('int_cl_record_people') }}
),

xref as (
    select * from {{ ref('int_person_clusters') }}
),

missing_persons as (
    select * from {{ ref('stg_compact__missing_persons') }}
),

communities as (
    select * from {{ ref('int_network_communities') }}
),

line_networks as (
    select * from {{ ref('int_deal_line_networks') }}
),

listed as (
    select distinct indicators.nominal_id
    from indicators
    where indicators.indicator = 'EXPLOITATION_LIST'
),

referred as (
    select
        scores.nominal_id,
        scores.is_child,
        case
            when scores.victim_reason = 'CHILD_AT_THE_TIME'
                then
                    'Under 18 at the date of a county-lines record of theirs; '
                    || scores.top_indicators
            else scores.top_indicators
        end as top_indicators,
        scores.last_indicator_date
    from scores
    where
        scores.is_potential_victim
        or scores.nominal_id in (select listed.nominal_id from listed)
),

missing_counts as (
    select
        indicators.nominal_id,
        count(distinct case
            when indicators.source_system = 'COMPACT'
                then indicators.record_ref
        end) as indicator_episode_count,
        count(distinct case
            when indicators.indicator = 'MISSING_FOUND_OUT_OF_FORCE'
                then indicators.record_ref
        end) as found_out_of_force_count
    from indicators
    group by 1
),

episode_counts as (
    select
        people.nominal_id,
        count(distinct people.record_ref) as missing_episode_count
    from people
    where people.person_role = 'MISSING_PERSON'
    group by 1
),

offender_flags as (
    select distinct people.nominal_id
    from people
    where people.person_role in ('SUSPECT', 'OFFENDER', 'DETAINEE', 'PRISONER')
),

looked_after as (
    select
        xref.nominal_id,
        max(case when missing_persons.is_looked_after then 1 else 0 end)
            as is_looked_after
    from missing_persons
    inner join xref
        on
            xref.source_system = 'COMPACT'
            and missing_persons.compact_person_id = xref.source_id
    group by 1
),

direct_lines as (
    select
        line_people.nominal_id,
        line_people.line_id,
        line_people.evidence_count * 2.0 as link_strength,
        1 as evidence_level
    from line_people
),

associate_lines as (
    select
        associations.nominal_id_a as nominal_id,
        line_people.line_id,
        sum(associations.evidence_count) * 1.0 as link_strength,
        2 as evidence_level
    from associations
    inner join line_people
        on associations.nominal_id_b = line_people.nominal_id
    group by 1, 2
    union all
    select
        associations.nominal_id_b as nominal_id,
        line_people.line_id,
        sum(associations.evidence_count) * 1.0 as link_strength,
        2 as evidence_level
    from associations
    inner join line_people
        on associations.nominal_id_a = line_people.nominal_id
    group by 1, 2
),

offended_against as (
    -- the victim of a crime and its suspects / offenders (the network never
    -- links victims to offenders, so the line of the people who offended
    -- against them is found here)
    select distinct
        victims.nominal_id,
        offenders.nominal_id as offender_nominal_id,
        victims.record_ref
    from people as victims
    inner join people as offenders
        on
            victims.source_system = offenders.source_system
            and victims.record_ref = offenders.record_ref
    where
        victims.source_system = 'CRIMES'
        and victims.person_role = 'VICTIM'
        and offenders.person_role in ('SUSPECT', 'OFFENDER')
        and victims.nominal_id != offenders.nominal_id
),

offender_lines as (
    select
        offended_against.nominal_id,
        line_people.line_id,
        count(distinct offended_against.record_ref) * 1.0 as link_strength,
        2 as evidence_level
    from offended_against
    inner join line_people
        on offended_against.offender_nominal_id = line_people.nominal_id
    where offended_against.nominal_id in (select referred.nominal_id from referred)
    group by 1, 2
),

network_lines as (
    -- the line the person's immediate network mainly runs
    select
        communities.nominal_id,
        line_networks.line_id,
        line_networks.working_member_count * 1.0 as link_strength,
        3 as evidence_level
    from communities
    inner join line_networks
        on
            communities.network_id = line_networks.network_id
            and line_networks.network_line_rank = 1
    where communities.nominal_id in (select referred.nominal_id from referred)
),

candidate_lines as (
    select
        all_lines.nominal_id,
        all_lines.line_id,
        min(all_lines.evidence_level) as evidence_level,
        {{ exact_sum(
            'case when all_lines.evidence_level < 3'
            ~ ' then all_lines.link_strength else 0 end') }} as link_strength,
        max(case when all_lines.evidence_level = 3 then 1 else 0 end)
            as is_network_line
    from (
        select * from direct_lines
        union all
        select * from associate_lines
        union all
        select * from offender_lines
        union all
        select * from network_lines
    ) as all_lines
    group by 1, 2
),

best_lines as (
    select
        candidate_lines.nominal_id,
        candidate_lines.line_id,
        candidate_lines.evidence_level,
        candidate_lines.link_strength,
        row_number() over (
            partition by candidate_lines.nominal_id
            order by
                candidate_lines.evidence_level asc,
                candidate_lines.link_strength desc,
                candidate_lines.is_network_line desc,
                candidate_lines.line_id asc
        ) as line_rank
    from candidate_lines
),

final as (
    select
        referred.nominal_id,
        best_lines.line_id,
        case best_lines.evidence_level
            when 1 then 'OWN_RECORDS'
            when 2 then 'SECOND_HAND'
            when 3 then 'IMMEDIATE_NETWORK'
            else 'LINE_UNKNOWN'
        end as line_basis,
        best_lines.link_strength as line_link_strength,
        coalesce(communities.network_id, line_homes.network_id) as network_id,
        referred.top_indicators as reasons,
        cast(coalesce(episode_counts.missing_episode_count, 0) as integer)
            as missing_episode_count,
        cast(coalesce(missing_counts.found_out_of_force_count, 0) as integer)
            as found_out_of_force_count,
        referred.is_child,
        coalesce(looked_after.is_looked_after, 0) = 1 as is_looked_after,
        offender_flags.nominal_id is not null as appears_as_offender,
        referred.nominal_id in (select listed.nominal_id from listed)
            as is_on_exploitation_list,
        referred.last_indicator_date
    from referred
    left join best_lines
        on referred.nominal_id = best_lines.nominal_id and best_lines.line_rank = 1
    left join communities
        on referred.nominal_id = communities.nominal_id
    left join line_networks as line_homes
        on
            best_lines.line_id = line_homes.line_id
            and line_homes.line_network_rank = 1
    left join missing_counts
        on referred.nominal_id = missing_counts.nominal_id
    left join episode_counts
        on referred.nominal_id = episode_counts.nominal_id
    left join offender_flags
        on referred.nominal_id = offender_flags.nominal_id
    left join looked_after
        on referred.nominal_id = looked_after.nominal_id
)

select * from final
