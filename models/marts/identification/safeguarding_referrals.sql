{#- One row per person who may be exploited: every nominal flagged as a
    potential victim (children and vulnerable adults with exploitation
    indicators, including those who appear only as offenders) and everyone on
    the exploitation list, with the line they are most strongly linked to
    and the reasons in words. Line strength: their own records naming the
    line (2 per record), associates on the line (1 per shared record) and
    the line of the suspects or offenders of a crime against them (1 per
    crime). A line the person is on by their own records (deal_line_nominals)
    comes before lines known only through other people, however many of
    those: second-hand links add up across a busy network, the person's own
    evidence does not. -#}
with scores as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

line_people as (
    select * from {{ ref('deal_line_nominals') }}
),

associations as (
    select * from {{ ref('int_nominal_associations') }}
),

people as (
    select * from {{ ref('int_cl_record_people') }}
),

xref as (
    select * from {{ ref('nominal_source_xref') }}
),

missing_persons as (
    select * from {{ ref('stg_compact__missing_persons') }}
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
        1 as is_direct
    from line_people
),

associate_lines as (
    select
        associations.nominal_id_a as nominal_id,
        line_people.line_id,
        sum(associations.evidence_count) * 1.0 as link_strength,
        0 as is_direct
    from associations
    inner join line_people
        on associations.nominal_id_b = line_people.nominal_id
    group by 1, 2
    union all
    select
        associations.nominal_id_b as nominal_id,
        line_people.line_id,
        sum(associations.evidence_count) * 1.0 as link_strength,
        0 as is_direct
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
        0 as is_direct
    from offended_against
    inner join line_people
        on offended_against.offender_nominal_id = line_people.nominal_id
    where offended_against.nominal_id in (select referred.nominal_id from referred)
    group by 1, 2
),

candidate_lines as (
    select
        all_lines.nominal_id,
        all_lines.line_id,
        {{ exact_sum('all_lines.link_strength') }} as link_strength,
        max(all_lines.is_direct) as is_direct
    from (
        select * from direct_lines
        union all
        select * from associate_lines
        union all
        select * from offender_lines
    ) as all_lines
    group by 1, 2
),

best_lines as (
    select
        candidate_lines.nominal_id,
        candidate_lines.line_id,
        row_number() over (
            partition by candidate_lines.nominal_id
            order by
                candidate_lines.is_direct desc,
                candidate_lines.link_strength desc,
                candidate_lines.line_id asc
        ) as line_rank
    from candidate_lines
),

final as (
    select
        referred.nominal_id,
        best_lines.line_id,
        cast(null as {{ dbt.type_string() }}) as network_id,
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
