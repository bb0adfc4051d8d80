{#- One row per (prisoner, release notification, indicator) found in PINS,
    before weighting: a Class A supply index offence, county-lines language
    in the prison notes, a deal-line phone among the prisoner's contacts or
    in the notes. Contacts who are county-lines nominals count through the
    association links (NETWORK_PRISON_CONTACT). -#}
with releases as (
    select * from {{ ref('stg_pins__releases') }}
),

people as (
    select * from {{ ref('int_cl_record_people') }}
    where source_system = 'PINS' and person_role = 'PRISONER'
),

offence_codes as (
    select * from {{ ref('cl_offence_codes') }}
),

text_signals as (
    select * from {{ ref('int_cl_text_signals') }}
    where source_system = 'PINS'
),

line_choice as (
    select * from {{ ref('int_cl_record_line_choice') }}
    where source_system = 'PINS'
),

person_facts as (
    select
        people.nominal_id,
        releases.pins_ref,
        releases.activity_date as event_date,
        offence_codes.offence_kind,
        coalesce(text_signals.text_strength, 0) as text_strength,
        line_choice.line_id
    from people
    inner join releases
        on people.record_ref = releases.pins_ref
    left join offence_codes
        on releases.index_ho_code = offence_codes.ho_code
    left join text_signals
        on releases.pins_ref = text_signals.record_ref
    left join line_choice
        on releases.pins_ref = line_choice.record_ref
),

found as (
    select
        person_facts.nominal_id,
        'PINS_SUPPLY_OFFENCE' as indicator,
        person_facts.pins_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        1.0 as strength
    from person_facts
    where person_facts.offence_kind = 'CLASS_A_SUPPLY'
    union all
    select
        person_facts.nominal_id,
        'PINS_TEXT' as indicator,
        person_facts.pins_ref as record_ref,
        person_facts.event_date,
        person_facts.line_id,
        person_facts.text_strength as strength
    from person_facts
    where person_facts.text_strength > 0
    union all
    select
        person_facts.nominal_id,
        'PINS_LINE_PHONE' as indicator,
        person_facts.pins_ref as record_ref,
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
        'PINS' as source_system,
        found.record_ref,
        found.line_id,
        found.strength,
        found.event_date
    from found
)

select * from final
