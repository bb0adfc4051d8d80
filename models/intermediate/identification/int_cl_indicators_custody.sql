{#- One row per (person, custody record, indicator) found in ICIS custody,
    before weighting: arrested outside the force area or transferred in from
    another force; a child arrested in the same incident (occurrence_ref) as
    an adult when the incident involves drug supply; an appropriate adult at
    a drug-supply arrest; arrest for Class A supply; several phones / wraps /
    cash-style property; county-lines language or disclosures in the arrest
    reason or detainee comments; a deal-line phone in any of its text. -#}
with custody as (
    select * from {{ ref('stg_icis__custody_records') }}
),

people as (
    select * from {{ ref('int_cl_record_people') }}
    where source_system = 'ICIS'
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

offence_codes as (
    select * from {{ ref('cl_offence_codes') }}
),

matches as (
    select * from {{ ref('int_cl_text_lexicon_matches') }}
    where source_system = 'ICIS'
),

line_choice as (
    select * from {{ ref('int_cl_record_line_choice') }}
    where source_system = 'ICIS'
),

home_forces as (
    select police_forces.force_match_key
    from police_forces
    where police_forces.is_home_force
),

field_strength as (
    select
        matches.record_ref,
        matches.text_field,
        matches.category,
        max(matches.strength) as category_strength
    from matches
    group by 1, 2, 3
),

record_text as (
    select
        field_strength.record_ref,
        max(case
            when
                field_strength.text_field = 'property_text'
                and field_strength.category = 'supply'
                then field_strength.category_strength
            else 0
        end) as property_strength,
        least(1.0, {{ exact_sum(
            "case when field_strength.text_field != 'property_text'"
            ~ " then field_strength.category_strength else 0 end"
        ) }} * {{ var('cl_text_strength_scale', 0.6) }}) as comment_strength
    from field_strength
    group by 1
),

custody_facts as (
    select
        custody.custody_ref,
        custody.occurrence_ref,
        custody.age_at_arrest,
        cast(custody.arrested_at as date) as event_date,
        coalesce(custody.has_appropriate_adult, false)
            as has_appropriate_adult,
        offence_codes.offence_kind,
        coalesce(record_text.property_strength, 0) as property_strength,
        coalesce(record_text.comment_strength, 0) as comment_strength,
        line_choice.line_id,
        (
            custody.arresting_force_match_key is not null
            and custody.arresting_force_match_key not in (
                select home_forces.force_match_key from home_forces
            )
        )
        or {{ is_out_of_force('districts', 'areas') }} as is_out_of_force,
        -- drug supply: Class A supply, or any Misuse of Drugs Act supply /
        -- intent-to-supply subclass (092/3x, 4x, 7x, 8x, 9x)
        coalesce(
            offence_codes.offence_kind = 'CLASS_A_SUPPLY'
            or (
                custody.arrest_ho_code like '092/%'
                and substring(custody.arrest_ho_code, 5, 1)
                in ('3', '4', '7', '8', '9')
            ),
            false
        ) as is_supply_arrest
    from custody
    left join offence_codes
        on custody.arrest_ho_code = offence_codes.ho_code
    left join districts
        on custody.arrest_postcode_district = districts.postcode_district
    left join areas
        on custody.arrest_postcode_area = areas.postcode_area
    left join record_text
        on custody.custody_ref = record_text.record_ref
    left join line_choice
        on custody.custody_ref = line_choice.record_ref
),

incidents as (
    select
        custody_facts.occurrence_ref,
        max(case when custody_facts.age_at_arrest >= 18 then 1 else 0 end)
            as has_adult,
        max(case when custody_facts.is_supply_arrest then 1 else 0 end)
            as has_supply
    from custody_facts
    where custody_facts.occurrence_ref is not null
    group by 1
),

person_facts as (
    select
        people.nominal_id,
        custody_facts.*,
        coalesce(incidents.has_adult, 0) as incident_has_adult,
        coalesce(incidents.has_supply, 0) as incident_has_supply
    from people
    inner join custody_facts
        on people.record_ref = custody_facts.custody_ref
    left join incidents
        on custody_facts.occurrence_ref = incidents.occurrence_ref
),

found as (
    select
        person_facts.nominal_id,
        'CUSTODY_OUT_OF_FORCE' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.is_out_of_force
    union all
    select
        person_facts.nominal_id,
        'CUSTODY_CHILD_WITH_ADULT_SUPPLY' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where
        person_facts.age_at_arrest < 18
        and person_facts.incident_has_adult = 1
        and person_facts.incident_has_supply = 1
    union all
    select
        person_facts.nominal_id,
        'CUSTODY_APPROPRIATE_ADULT_SUPPLY' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.has_appropriate_adult and person_facts.is_supply_arrest
    union all
    select
        person_facts.nominal_id,
        'CUSTODY_CLASS_A_SUPPLY' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.offence_kind = 'CLASS_A_SUPPLY'
    union all
    select
        person_facts.nominal_id,
        'CUSTODY_PROPERTY' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        person_facts.property_strength as strength
    from person_facts
    where person_facts.property_strength > 0
    union all
    select
        person_facts.nominal_id,
        'CUSTODY_TEXT' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        person_facts.comment_strength as strength
    from person_facts
    where person_facts.comment_strength > 0
    union all
    select
        person_facts.nominal_id,
        'CUSTODY_LINE_PHONE' as indicator,
        person_facts.custody_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.line_id is not null
),

final as (
    select
        found.nominal_id,
        found.indicator,
        'ICIS' as source_system,
        found.record_ref,
        found.line_id,
        found.strength,
        found.event_date
    from found
)

select * from final
