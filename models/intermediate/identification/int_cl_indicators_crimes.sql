{#- One row per (person, crime, indicator) found in recorded crimes, before
    weighting: markers (COUNTY_LINES, CCE), Class A supply / possession codes
    (seed `cl_offence_codes`), offences outside the force area (postcode
    reference), Class A possession outside the force area or marked county
    lines (CRIME_CL_POSSESSION: a customer of a line in the towns it
    supplies), exploitation offences, county-lines language in the MO text
    and deal-line phones or names in it. Offender indicators go to suspects
    and offenders only; victims of exploitation offences (kidnap, false
    imprisonment, slavery) get CRIME_EXPLOITATION_VICTIM, victims of other
    crimes carrying the CCE or COUNTY_LINES marker, county-lines language or
    a deal line get CRIME_CL_VICTIM (and, when the crime's own narrative
    holds that language or line, CRIME_CL_VICTIM_NARRATIVE, which the seed
    lets flag alone: a marker is also left on unrelated crimes); victims of
    an exploitation offence recorded with the COUNTY_LINES or CCE marker or
    a deal line get CRIME_CL_EXPLOITATION_VICTIM too (flags alone: slavery
    or kidnap by a line; without the marker such offences are mostly
    domestic), and victims of a crime whose MO text
    describes cuckooing (the lexicon's cuckooing terms at strength at least
    the var `cl_victim_min_cuckooing_strength`, default 0.9: cuckooed, a home
    taken over, used as a base; or weaker cuckooing wording, such as heavy
    footfall or a vulnerable occupant, on a crime that is itself about drugs
    or a line: the COUNTY_LINES, CCE or DRUGS marker, an exploitation
    offence, a deal line, or other county-lines language in the same
    narrative) CRIME_CUCKOOING_VICTIM; witnesses get nothing. `strength` (0-1)
    multiplies the indicator weight. -#}
with people as (
    select * from {{ ref('int_cl_record_people') }}
    where source_system = 'CRIMES'
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

offence_codes as (
    select * from {{ ref('cl_offence_codes') }}
),

districts as (
    select * from {{ ref('stg_reference__postcode_districts') }}
),

areas as (
    select * from {{ ref('stg_reference__postcode_areas') }}
),

text_signals as (
    select * from {{ ref('int_cl_text_signals') }}
    where source_system = 'CRIMES'
),

line_choice as (
    select * from {{ ref('int_cl_record_line_choice') }}
    where source_system = 'CRIMES'
),

crime_facts as (
    select
        crimes.crime_ref,
        coalesce(crimes.offence_date, crimes.recorded_date) as event_date,
        {{ dbt.concat(["';'", "coalesce(upper(crimes.markers), '')", "';'"]) }}
            as marker_list,
        offence_codes.offence_kind,
        coalesce(text_signals.text_strength, 0) as text_strength,
        coalesce(text_signals.cuckooing_strength, 0) as cuckooing_strength,
        coalesce(text_signals.supply_strength, 0)
        + coalesce(text_signals.travel_strength, 0)
        + coalesce(text_signals.debt_strength, 0)
        + coalesce(text_signals.exploitation_strength, 0)
        > 0 as has_other_cl_language,
        line_choice.line_id,
        {{ is_out_of_force('districts', 'areas') }} as is_out_of_force
    from crimes
    left join offence_codes
        on crimes.ho_code = offence_codes.ho_code
    left join districts
        on crimes.postcode_district = districts.postcode_district
    left join areas
        on crimes.postcode_area = areas.postcode_area
    left join text_signals
        on crimes.crime_ref = text_signals.record_ref
    left join line_choice
        on crimes.crime_ref = line_choice.record_ref
),

person_facts as (
    select
        people.nominal_id,
        people.person_role in ('SUSPECT', 'OFFENDER') as is_offender,
        people.person_role = 'VICTIM' as is_victim,
        crime_facts.marker_list like '%;COUNTY_LINES;%' as has_cl_marker,
        crime_facts.marker_list like '%;CCE;%' as has_cce_marker,
        crime_facts.marker_list like '%;DRUGS;%' as has_drugs_marker,
        -- the crime's own narrative describes county-lines activity or names
        -- a deal line
        crime_facts.text_strength
        >= {{ var('cl_victim_min_text_strength', 0.5) }}
        or crime_facts.line_id is not null as has_cl_narrative,
        crime_facts.*
    from people
    inner join crime_facts
        on people.record_ref = crime_facts.crime_ref
),

found as (
    select
        person_facts.nominal_id,
        'CRIME_MARKER_COUNTY_LINES' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.is_offender
        and person_facts.has_cl_marker
    union all
    select
        person_facts.nominal_id,
        'CRIME_MARKER_CCE' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        (person_facts.is_offender or person_facts.is_victim)
        and person_facts.has_cce_marker
    union all
    select
        person_facts.nominal_id,
        case person_facts.offence_kind
            when 'CLASS_A_SUPPLY' then 'CRIME_CLASS_A_SUPPLY'
            when 'CLASS_A_POSSESSION' then 'CRIME_CLASS_A_POSSESSION'
            else 'CRIME_EXPLOITATION_SUSPECT'
        end as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.is_offender and person_facts.offence_kind is not null
    union all
    select
        person_facts.nominal_id,
        'CRIME_CL_POSSESSION' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.is_offender
        and person_facts.offence_kind = 'CLASS_A_POSSESSION'
        and (
            person_facts.is_out_of_force
            or person_facts.has_cl_marker
        )
    union all
    select
        person_facts.nominal_id,
        'CRIME_OUT_OF_FORCE' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.is_offender and person_facts.is_out_of_force
    union all
    select
        person_facts.nominal_id,
        'CRIME_EXPLOITATION_VICTIM' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.is_victim
        and person_facts.offence_kind = 'EXPLOITATION'
    union all
    select
        person_facts.nominal_id,
        'CRIME_CL_VICTIM' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        case
            when
                person_facts.has_cce_marker
                or person_facts.has_cl_marker
                then 1.0
            else person_facts.text_strength
        end as strength
    from person_facts
    where
        person_facts.is_victim
        and coalesce(person_facts.offence_kind, '') != 'EXPLOITATION'
        and (
            person_facts.has_cce_marker
            or person_facts.has_cl_marker
            or person_facts.has_cl_narrative
        )
    union all
    select
        person_facts.nominal_id,
        'CRIME_CL_VICTIM_NARRATIVE' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        case
            when person_facts.line_id is not null then 1.0
            else person_facts.text_strength
        end as strength
    from person_facts
    where
        person_facts.is_victim
        and coalesce(person_facts.offence_kind, '') != 'EXPLOITATION'
        and person_facts.has_cl_narrative
    union all
    select
        person_facts.nominal_id,
        'CRIME_CL_EXPLOITATION_VICTIM' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.is_victim
        and person_facts.offence_kind = 'EXPLOITATION'
        and (
            person_facts.has_cce_marker
            or person_facts.has_cl_marker
            or person_facts.line_id is not null
        )
    union all
    select
        person_facts.nominal_id,
        'CRIME_CUCKOOING_VICTIM' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.is_victim
        and (
            person_facts.cuckooing_strength
            >= {{ var('cl_victim_min_cuckooing_strength', 0.9) }}
            or (
                -- weak cuckooing wording (heavy footfall, a vulnerable
                -- occupant) on a crime about drugs or a line
                person_facts.cuckooing_strength > 0
                and (
                    person_facts.has_cl_marker
                    or person_facts.has_cce_marker
                    or person_facts.has_drugs_marker
                    or person_facts.offence_kind = 'EXPLOITATION'
                    or person_facts.line_id is not null
                    or person_facts.has_other_cl_language
                )
            )
        )
    union all
    select
        person_facts.nominal_id,
        'CRIME_TEXT' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        person_facts.text_strength as strength
    from person_facts
    where person_facts.is_offender and person_facts.text_strength > 0
    union all
    select
        person_facts.nominal_id,
        'CRIME_LINE_PHONE' as indicator,
        person_facts.crime_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        (person_facts.is_offender or person_facts.is_victim)
        and person_facts.line_id is not null
),

final as (
    select
        found.nominal_id,
        found.indicator,
        'CRIMES' as source_system,
        found.record_ref,
        found.line_id,
        found.strength,
        found.event_date
    from found
)

select * from final
