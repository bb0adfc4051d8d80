{{ config(materialized='table') }}
{#- One row per nominal with any indicator (source or network): the
    county-lines score = the capped source indicators + the capped network
    indicators (the network part itself at most `cl_network_cap`, default 4),
    the flag (score at least `cl_score_threshold`, default 4, with at least
    `cl_min_specific_indicators` (default 2) indicators the seed marks
    `is_specific`, of different `evidence_kind`s, when the var
    `cl_require_specific_evidence` is true, the default: two kinds of
    county-lines evidence corroborate each other, one fact recorded twice
    (travel on a crime and on its custody record) does not;
    or tied to a deal
    line by a record of theirs that writes its phone or name: a LINE
    indicator; var `cl_line_evidence_flags`, default true; or an indicator
    the seed marks `flags_alone`: the victim of a crime whose narrative
    describes county-lines activity or of an exploitation offence marked
    county lines; and, for a child or a person of unknown age, found with a
    person flagged on their own records while missing: an adult known only
    through that link stays unflagged unless the var
    `cl_association_flags_adults` (default false) is set, since nothing on
    record says whether they exploit or are exploited, and a flag without a
    victim rule would route a possibly exploited adult to enforcement) and
    whether the
    person may be a victim of exploitation, with the rule that says so
    (victim_reason, first that applies): on the exploitation list; a flagged
    child; flagged and under 18 at the date of a county-lines record of their
    own (CHILD_AT_THE_TIME: the law judges a child's exploitation, and the
    Modern Slavery Act s45(4) defence, by their age when the act was done,
    not by their age at the extract date); a disclosure about them (indicators of the var
    `cl_victim_disclosure_indicators`); the victim of a crime recorded as
    the cuckooing of their address (`cl_victim_cuckooing_indicators`);
    flagged and vulnerable at a supply
    arrest (`cl_victim_vulnerability_indicators`); flagged and vulnerable
    by the force's own records (VULNERABLE_ADULT_ON_LINE: a vulnerability
    warning marker, or an appropriate adult at an adult custody:
    int_nominal_vulnerability; an adult with care and support needs at risk
    of exploitation is an adult at risk, Care Act 2014 s42, and lines seek out
    such adults to cuckoo and use); flagged and reported
    missing themselves, at any age (an indicator of the var
    `cl_victim_missing_indicators` on an episode of theirs: someone was
    concerned enough to report them missing, and going missing while
    working a line is how runners are found); flagged and the victim of
    an exploitation offence (kidnap, false imprisonment, slavery:
    `cl_victim_offence_indicators`); flagged, dealing (`cl_supply_indicators`)
    and the victim of a county-lines crime (`cl_victim_crime_indicators`):
    the line's own dealer robbed, assaulted or held by it is working under
    threat, not running it; found with a county-lines nominal while missing,
    of unknown age and not county lines by their own records (var
    `cl_victim_found_with_unknown_age`, default true: an unidentified person
    found with a missing child is treated as possibly a child). -#}
with indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

network_indicators as (
    select * from {{ ref('int_cl_indicators_network') }}
),

weights as (
    select * from {{ ref('cl_indicator_weights') }}
),

nominals as (
    select * from {{ ref('int_nominals_resolved') }}
),

vulnerability as (
    select * from {{ ref('int_nominal_vulnerability') }}
),

all_indicators as (
    select
        indicators.nominal_id,
        indicators.indicator,
        indicators.weight,
        indicators.event_date
    from indicators
    union all
    select
        network_indicators.nominal_id,
        network_indicators.indicator,
        network_indicators.weight,
        network_indicators.event_date
    from network_indicators
),

per_indicator as (
    select
        all_indicators.nominal_id,
        all_indicators.indicator,
        weights.category as indicator_category,
        weights.description as indicator_description,
        weights.cap as indicator_cap,
        weights.is_specific,
        coalesce(weights.flags_alone, false) as flags_alone,
        coalesce(weights.evidence_kind, all_indicators.indicator)
            as evidence_kind,
        count(*) as occurrence_count,
        least(
            {{ exact_sum('all_indicators.weight') }}, weights.cap
        ) as capped_weight,
        min(all_indicators.event_date) as first_date,
        max(all_indicators.event_date) as last_date
    from all_indicators
    inner join weights
        on all_indicators.indicator = weights.indicator
    group by 1, 2, 3, 4, 5, 6, 7, 8
),

ranked as (
    select
        per_indicator.*,
        row_number() over (
            partition by per_indicator.nominal_id
            order by per_indicator.capped_weight desc, per_indicator.indicator asc
        ) as indicator_rank
    from per_indicator
),

per_nominal as (
    select
        ranked.nominal_id,
        {{ dbt.listagg(
            "case when ranked.indicator_rank <= 3 then "
            ~ "ranked.indicator_description end",
            "'; '", 'order by ranked.indicator_rank') }} as top_indicators,
        {{ exact_sum(
            "case when ranked.indicator_category != 'NETWORK' then ranked.capped_weight else 0 end"
        ) }} as source_score,
        least(
            {{ exact_sum(
                "case when ranked.indicator_category = 'NETWORK' then ranked.capped_weight else 0 end"
            ) }},
            {{ var('cl_network_cap', 4) }}
        ) as network_score,
        {{ exact_sum(
            "case when ranked.indicator_category = 'EXPLOITATION' then ranked.capped_weight else 0 end"
        ) }} as exploitation_score,
        min(case
            when ranked.indicator_category != 'NETWORK' then ranked.first_date
        end) as first_source_date,
        max(case
            when ranked.indicator = 'EXPLOITATION_LIST' then 1 else 0
        end) = 1 as is_listed,
        max(case
            when ranked.indicator_category = 'LINE' then 1 else 0
        end) = 1 as has_line_evidence,
        count(distinct case
            when ranked.is_specific then ranked.evidence_kind
        end) as specific_indicator_count,
        max(case
            when
                ranked.flags_alone and ranked.indicator_category != 'NETWORK'
                then 1
            else 0
        end) = 1 as has_flag_alone_evidence,
        max(case
            when
                ranked.flags_alone and ranked.indicator_category = 'NETWORK'
                then 1
            else 0
        end) = 1 as has_flag_alone_association,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_victim_disclosure_indicators',
            ['MISSING_TEXT', 'MISSING_LINE_PHONE']
        )) }} as has_disclosure,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_victim_vulnerability_indicators',
            ['CUSTODY_APPROPRIATE_ADULT_SUPPLY']
        )) }} as has_vulnerability,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_victim_cuckooing_indicators',
            ['CRIME_CUCKOOING_VICTIM']
        )) }} as is_cuckooing_victim,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_victim_missing_indicators',
            ['MISSING_REPEAT', 'MISSING_FOUND_OUT_OF_FORCE', 'MISSING_LINE_PHONE',
             'MISSING_TEXT', 'MISSING_CCE_CONCERN', 'MISSING_LOOKED_AFTER']
        )) }} as is_reported_missing,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_victim_offence_indicators',
            ['CRIME_EXPLOITATION_VICTIM']
        )) }} as is_exploitation_offence_victim,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_victim_crime_indicators',
            ['CRIME_EXPLOITATION_VICTIM', 'CRIME_CL_VICTIM']
        )) }} as is_line_crime_victim,
        {{ any_indicator_in('ranked.indicator', var(
            'cl_supply_indicators',
            ['CRIME_CLASS_A_SUPPLY', 'CUSTODY_CLASS_A_SUPPLY', 'PINS_SUPPLY_OFFENCE']
        )) }} as has_supply,
        max(case
            when ranked.indicator = 'NETWORK_FOUND_WITH' then 1 else 0
        end) = 1 as is_found_with_flagged,
        sum(ranked.occurrence_count) as indicator_count,
        max(ranked.last_date) as last_indicator_date
    from ranked
    group by 1
),

flagged as (
    select
        per_nominal.*,
        per_nominal.source_score + per_nominal.network_score as cl_score,
        (
            per_nominal.source_score + per_nominal.network_score
            >= {{ var('cl_score_threshold', 4) }}
            {%- if var('cl_require_specific_evidence', true) %}
                and per_nominal.specific_indicator_count
                >= {{ var('cl_min_specific_indicators', 2) }}
            {%- endif %}
        )
        {%- if var('cl_line_evidence_flags', true) %}
            or per_nominal.has_line_evidence
        {%- endif %}
        or per_nominal.has_flag_alone_evidence
        or (
            per_nominal.has_flag_alone_association
            {%- if not var('cl_association_flags_adults', false) %}
                and (coalesce(nominals.is_child, false) or nominals.age is null)
            {%- endif %}
        ) as is_county_lines,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(
            per_nominal.first_source_date
            < {{ dbt.dateadd('year', 18, 'nominals.date_of_birth') }},
            false
        ) as was_child_at_a_record,
        nominals.age is null as is_age_unknown,
        vulnerability.nominal_id is not null as is_vulnerable_adult
    from per_nominal
    left join nominals
        on per_nominal.nominal_id = nominals.nominal_id
    left join vulnerability
        on per_nominal.nominal_id = vulnerability.nominal_id
),

victims as (
    select
        flagged.*,
        -- the first rule that applies: evidence of exploitation about the
        -- person, not only being a flagged person
        case
            when flagged.is_listed then 'EXPLOITATION_LIST'
            when flagged.is_county_lines and flagged.is_child
                then 'COUNTY_LINES_CHILD'
            when flagged.is_county_lines and flagged.was_child_at_a_record
                then 'CHILD_AT_THE_TIME'
            when flagged.has_disclosure then 'DISCLOSURE'
            when flagged.is_cuckooing_victim then 'CUCKOOING_VICTIM'
            when flagged.is_county_lines and flagged.has_vulnerability
                then 'VULNERABLE_AT_SUPPLY_ARREST'
            when flagged.is_county_lines and flagged.is_vulnerable_adult
                then 'VULNERABLE_ADULT_ON_LINE'
            when flagged.is_county_lines and flagged.is_reported_missing
                then 'FLAGGED_AND_MISSING'
            when
                flagged.is_county_lines
                and flagged.is_exploitation_offence_victim
                then 'EXPLOITATION_OFFENCE_VICTIM'
            when
                flagged.is_county_lines
                and flagged.has_supply
                and flagged.is_line_crime_victim
                then 'DEALER_AND_VICTIM'
            {%- if var('cl_victim_found_with_unknown_age', true) %}
                when
                    flagged.is_found_with_flagged
                    and flagged.is_age_unknown
                    and flagged.source_score < {{ var('cl_score_threshold', 4) }}
                    then 'FOUND_WITH_LINE_MEMBER'
            {%- endif %}
        end as victim_reason
    from flagged
),

final as (
    select
        victims.nominal_id,
        victims.top_indicators,
        victims.cl_score,
        victims.source_score,
        victims.network_score,
        victims.exploitation_score,
        victims.indicator_count,
        victims.is_child,
        victims.is_county_lines,
        victims.victim_reason is not null as is_potential_victim,
        victims.victim_reason,
        victims.last_indicator_date
    from victims
)

select * from final
