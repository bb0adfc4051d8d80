{{ config(materialized='table') }}
{#- One row per county-lines-linked person (flagged county lines in
    nominal_county_lines, on a deal line in deal_line_nominals, or in
    safeguarding_referrals): the raw inputs of nominal_priority (harm,
    centrality, exploitation of others, last activity) and the facts that
    decide the route, among them a possible duplicate awaiting clerical
    review that is a child, referred or a potential victim. -#}
{%- set command_listed = dbt.concat([
    "case when command_evidence.has_directing_evidence then 'directing; ' else '' end",
    "case when command_evidence.has_recruiting_evidence"
    ~ " then 'recruiting or holding others; ' else '' end",
    "case when command_evidence.has_violence_evidence then 'violence; ' else '' end",
]) %}
with county_lines as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

line_nominals as (
    select * from {{ ref('int_deal_line_nominals_inferred') }}
),

referrals as (
    select * from {{ ref('int_safeguarding_referrals_linked') }}
),

nominals as (
    select * from {{ ref('int_nominals_resolved') }}
),

harm as (
    select * from {{ ref('int_nominal_harm_summed') }}
),

centrality as (
    select * from {{ ref('int_network_centrality') }}
),

indicators as (
    select * from {{ ref('int_cl_indicators_combined') }}
),

safeguarding_indicators as (
    select * from {{ ref('safeguarding_indicators') }}
),

nominal_offences as (
    select * from {{ ref('int_nominal_offences') }}
),

crime_harm as (
    select * from {{ ref('int_crime_harm') }}
),

crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

xref as (
    select * from {{ ref('int_person_clusters') }}
),

index_records as (
    select * from {{ ref('stg_nominal__nominals') }}
),

vulnerability as (
    select * from {{ ref('int_nominal_vulnerability') }}
),

command_evidence as (
    select * from {{ ref('int_nominal_command_evidence') }}
),

districts as (
    select * from {{ ref('stg_reference__postcode_districts') }}
),

clerical_review as (
    select * from {{ ref('int_nominal_pairs_for_review') }}
),

areas as (
    select * from {{ ref('stg_reference__postcode_areas') }}
),

linked as (
    select county_lines.nominal_id from county_lines
    where county_lines.is_county_lines
    union
    select line_nominals.nominal_id from line_nominals
    union
    select referrals.nominal_id from referrals
),

line_roles as (
    select
        line_nominals.nominal_id,
        {{ dbt.listagg('distinct line_nominals.inferred_role', "';'") }}
            as line_roles,
        bool_or(line_nominals.inferred_role in ('RUNNER', 'CUCKOOED'))
            as is_exploited_on_line,
        bool_and(line_nominals.inferred_role = 'USER') as is_line_user_only
    from line_nominals
    group by 1
),

exploitation_suspects as (
    -- Suspect or offender of modern slavery, kidnap or false imprisonment.
    select distinct indicators.nominal_id
    from indicators
    where indicators.indicator = 'CRIME_EXPLOITATION_SUSPECT'
),

protected_nominals as (
    -- The people who are never routed ENFORCEMENT (MARTS.md), in words.
    select
        nominals.nominal_id,
        'a child' as protected_as
    from nominals
    where nominals.is_child
    union all
    select
        referrals.nominal_id,
        'referred for safeguarding' as protected_as
    from referrals
    union all
    select
        county_lines.nominal_id,
        'a potential victim' as protected_as
    from county_lines
    where county_lines.is_potential_victim
),

review_pairs as (
    -- Both directions of every pair waiting in nominal_clerical_review.
    select
        clerical_review.nominal_id_l as nominal_id,
        clerical_review.nominal_id_r as other_nominal_id,
        clerical_review.link_rule
    from clerical_review
    union all
    select
        clerical_review.nominal_id_r as nominal_id,
        clerical_review.nominal_id_l as other_nominal_id,
        clerical_review.link_rule
    from clerical_review
),

duplicate_candidates as (
    -- One row per (nominal, protected nominal it may be the same person as).
    select
        review_pairs.nominal_id,
        review_pairs.other_nominal_id,
        {{ dbt.listagg('distinct protected_nominals.protected_as', "', '",
            'order by protected_nominals.protected_as') }} as protected_as,
        {{ dbt.listagg('distinct review_pairs.link_rule', "', '",
            'order by review_pairs.link_rule') }} as link_rules
    from review_pairs
    inner join protected_nominals
        on review_pairs.other_nominal_id = protected_nominals.nominal_id
    where review_pairs.nominal_id != review_pairs.other_nominal_id
    group by 1, 2
),

possible_duplicates as (
    -- The first such nominal by id, and how many there are.
    select
        duplicate_candidates.nominal_id,
        duplicate_candidates.other_nominal_id
            as possible_duplicate_nominal_id,
        duplicate_candidates.protected_as as possible_duplicate_of,
        duplicate_candidates.link_rules as possible_duplicate_link_rules,
        count(*) over (partition by duplicate_candidates.nominal_id)
            as possible_duplicate_count,
        row_number() over (
            partition by duplicate_candidates.nominal_id
            order by duplicate_candidates.other_nominal_id
        ) as candidate_order
    from duplicate_candidates
),

exploited_people as (
    -- Runners who are children or potential victims, and cuckooed adults.
    select
        line_nominals.line_id,
        line_nominals.nominal_id,
        line_nominals.inferred_role
    from line_nominals
    left join nominals
        on line_nominals.nominal_id = nominals.nominal_id
    left join county_lines
        on line_nominals.nominal_id = county_lines.nominal_id
    where
        line_nominals.inferred_role = 'CUCKOOED'
        or (
            line_nominals.inferred_role = 'RUNNER'
            and (
                coalesce(nominals.is_child, false)
                or coalesce(county_lines.is_potential_victim, false)
            )
        )
),

exploitation as (
    -- People who run a line (CONTROLLER, LINE_HOLDER) and the exploited
    -- people of the same lines.
    select
        runs.nominal_id,
        count(distinct case
            when exploited_people.inferred_role = 'RUNNER'
                then exploited_people.nominal_id
        end) as exploited_runner_count,
        count(distinct case
            when exploited_people.inferred_role = 'CUCKOOED'
                then exploited_people.nominal_id
        end) as cuckooed_count
    from line_nominals as runs
    inner join exploited_people
        on
            runs.line_id = exploited_people.line_id
            and runs.nominal_id != exploited_people.nominal_id
    where runs.inferred_role in ('CONTROLLER', 'LINE_HOLDER')
    group by 1
),

indicator_evidence as (
    select distinct indicators.nominal_id
    from indicators
    inner join safeguarding_indicators
        on indicators.indicator = safeguarding_indicators.indicator
),

victim_evidence as (
    -- Victim of a crime marked county lines / CCE, or of kidnap,
    -- exploitation or robbery.
    select distinct xref.nominal_id
    from crime_nominals
    inner join xref
        on
            xref.source_system = 'NOMINAL'
            and crime_nominals.wmp_nominal_id = xref.source_id
    inner join crime_harm
        on crime_nominals.crime_ref = crime_harm.crime_ref
    where
        crime_nominals.role = 'VICTIM'
        and xref.nominal_id is not null
        and (
            crime_harm.cl_markers is not null
            or crime_harm.cl_harm_category in (
                'KIDNAP', 'EXPLOITATION', 'ROBBERY'
            )
        )
),

record_facts as (
    -- From the person's force nominal records: whether every known home
    -- address is outside the force area.
    select
        xref.nominal_id,
        bool_and(
            not coalesce(districts.is_in_force_area, areas.is_in_force_area)
        ) as lives_out_of_force
    from xref
    inner join index_records
        on
            xref.source_system = 'NOMINAL'
            and xref.source_id = index_records.wmp_nominal_id
    left join districts
        on index_records.home_postcode_district = districts.postcode_district
    left join areas
        on index_records.home_postcode_area = areas.postcode_area
    where xref.nominal_id is not null
    group by 1
),

offending as (
    select nominal_offences.nominal_id
    from nominal_offences
    where nominal_offences.is_cl_related
    group by 1
),

final as (
    select
        linked.nominal_id,
        centrality.network_id,
        line_roles.line_roles,
        nominals.sex,
        nominals.age,
        coalesce(harm.cl_harm_cchi_decayed, 0.0) as cl_harm_cchi_decayed,
        coalesce(harm.cl_harm_cchi, 0.0) as cl_harm_cchi,
        coalesce(harm.cl_harm_ons, 0.0) as cl_harm_ons,
        coalesce(centrality.pagerank, 0.0) as pagerank,
        coalesce(centrality.betweenness_in_network, 0.0)
            as betweenness_in_network,
        coalesce(exploitation.exploited_runner_count, 0)
            as exploited_runner_count,
        coalesce(exploitation.cuckooed_count, 0) as cuckooed_count,
        coalesce(county_lines.cl_score, 0.0) as cl_score,
        coalesce(county_lines.is_county_lines, false) as is_county_lines,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim,
        referrals.nominal_id is not null as is_referred,
        coalesce(line_roles.is_exploited_on_line, false)
            as is_exploited_on_line,
        coalesce(line_roles.is_line_user_only, false) as is_line_user_only,
        exploitation_suspects.nominal_id is not null
            as is_exploitation_suspect,
        possible_duplicates.possible_duplicate_nominal_id,
        possible_duplicates.possible_duplicate_of,
        possible_duplicates.possible_duplicate_link_rules,
        coalesce(possible_duplicates.possible_duplicate_count, 0)
            as possible_duplicate_count,
        (
            indicator_evidence.nominal_id is not null
            or victim_evidence.nominal_id is not null
        ) as has_exploitation_evidence,
        offending.nominal_id is not null as has_cl_offence,
        coalesce(vulnerability.has_vulnerability_marker, false)
            as has_vulnerability_marker,
        coalesce(record_facts.lives_out_of_force, false)
            as lives_out_of_force,
        coalesce(vulnerability.needed_appropriate_adult, false)
            as needed_appropriate_adult,
        command_evidence.nominal_id is not null as has_command_evidence,
        case
            when {{ command_listed }} != ''
                then substr(
                    {{ command_listed }}, 1, length({{ command_listed }}) - 2
                )
        end as command_evidence,
        nullif(greatest(
            coalesce(county_lines.last_indicator_date, date '1900-01-01'),
            coalesce(harm.last_offence_date, date '1900-01-01'),
            coalesce(referrals.last_indicator_date, date '1900-01-01')
        ), date '1900-01-01') as last_activity_date
    from linked
    left join nominals
        on linked.nominal_id = nominals.nominal_id
    left join county_lines
        on linked.nominal_id = county_lines.nominal_id
    left join referrals
        on linked.nominal_id = referrals.nominal_id
    left join harm
        on linked.nominal_id = harm.nominal_id
    left join centrality
        on linked.nominal_id = centrality.nominal_id
    left join line_roles
        on linked.nominal_id = line_roles.nominal_id
    left join exploitation
        on linked.nominal_id = exploitation.nominal_id
    left join indicator_evidence
        on linked.nominal_id = indicator_evidence.nominal_id
    left join victim_evidence
        on linked.nominal_id = victim_evidence.nominal_id
    left join offending
        on linked.nominal_id = offending.nominal_id
    left join record_facts
        on linked.nominal_id = record_facts.nominal_id
    left join vulnerability
        on linked.nominal_id = vulnerability.nominal_id
    left join command_evidence
        on linked.nominal_id = command_evidence.nominal_id
    left join exploitation_suspects
        on linked.nominal_id = exploitation_suspects.nominal_id
    left join possible_duplicates
        on
            linked.nominal_id = possible_duplicates.nominal_id
            and possible_duplicates.candidate_order = 1
)

select * from final
