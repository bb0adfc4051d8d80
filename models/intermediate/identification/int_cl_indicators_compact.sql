{#- One row per (missing person, episode, indicator) found in COMPACT, before
    weighting: found outside the force area (found force or found postcode);
    CCE concern recorded; county-lines language or disclosures in the
    circumstances, found-location or return-interview text; a deal-line phone
    on the episode (an associate's phone or in its text). Once per person
    (record_ref = their latest episode): three or more episodes
    (MISSING_REPEAT) and a looked-after child with episodes
    (MISSING_LOOKED_AFTER). Found with a county-lines nominal counts through
    the association links (NETWORK_FOUND_WITH). -#}
with episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

missing_persons as (
    select * from {{ ref('stg_compact__missing_persons') }}
),

people as (
    select * from {{ ref('int_cl_record_people') }}
    where source_system = 'COMPACT' and person_role = 'MISSING_PERSON'
),

police_forces as (
    select * from {{ ref('stg_reference__police_forces') }}
),

districts as (
    select * from {{ ref('stg_reference__postcode_districts') }}
),

areas as (
    select * from {{ ref('stg_reference__postcode_areas') }}
),

text_signals as (
    select * from {{ ref('int_cl_text_signals') }}
    where source_system = 'COMPACT'
),

line_choice as (
    select * from {{ ref('int_cl_record_line_choice') }}
    where source_system = 'COMPACT'
),

home_forces as (
    select police_forces.force_match_key
    from police_forces
    where police_forces.is_home_force
),

person_facts as (
    select
        people.nominal_id,
        episodes.episode_ref,
        cast(episodes.reported_at as date) as event_date,
        coalesce(episodes.has_cce_concern, false) as has_cce_concern,
        coalesce(missing_persons.is_looked_after, false) as is_looked_after,
        coalesce(text_signals.text_strength, 0) as text_strength,
        line_choice.line_id,
        (
            episodes.found_force_match_key is not null
            and episodes.found_force_match_key not in (
                select home_forces.force_match_key from home_forces
            )
        )
        or {{ is_out_of_force('districts', 'areas') }} as is_found_out_of_force,
        count(*) over (partition by people.nominal_id) as episode_count,
        row_number() over (
            partition by people.nominal_id
            order by episodes.reported_at desc, episodes.episode_ref desc
        ) as recency_rank
    from people
    inner join episodes
        on people.record_ref = episodes.episode_ref
    inner join missing_persons
        on episodes.compact_person_id = missing_persons.compact_person_id
    left join districts
        on episodes.found_postcode_district = districts.postcode_district
    left join areas
        on episodes.found_postcode_area = areas.postcode_area
    left join text_signals
        on episodes.episode_ref = text_signals.record_ref
    left join line_choice
        on episodes.episode_ref = line_choice.record_ref
),

found as (
    select
        person_facts.nominal_id,
        'MISSING_FOUND_OUT_OF_FORCE' as indicator,
        person_facts.episode_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.is_found_out_of_force
    union all
    select
        person_facts.nominal_id,
        'MISSING_CCE_CONCERN' as indicator,
        person_facts.episode_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.has_cce_concern
    union all
    select
        person_facts.nominal_id,
        'MISSING_TEXT' as indicator,
        person_facts.episode_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        person_facts.text_strength as strength
    from person_facts
    where person_facts.text_strength > 0
    union all
    select
        person_facts.nominal_id,
        'MISSING_LINE_PHONE' as indicator,
        person_facts.episode_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.line_id is not null
    union all
    select
        person_facts.nominal_id,
        'MISSING_REPEAT' as indicator,
        person_facts.episode_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.recency_rank = 1
        and person_facts.episode_count
        >= {{ var('cl_repeat_missing_min_episodes', 3) }}
    union all
    select
        person_facts.nominal_id,
        'MISSING_LOOKED_AFTER' as indicator,
        person_facts.episode_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.recency_rank = 1 and person_facts.is_looked_after
),

final as (
    select
        found.nominal_id,
        found.indicator,
        'COMPACT' as source_system,
        found.record_ref,
        found.line_id,
        found.strength,
        found.event_date
    from found
)

select * from final
