{#- One row per (person, credible intelligence report, indicator), before
    weighting. INTEL_TEXT: subject of a report whose text holds county-lines
    language (strength = the report's lexicon strength); INTEL_TEXT_ASSOCIATE:
    an associate or mentioned person of such a report; INTEL_LINE: subject or
    associate of a report writing a deal-line phone or name (entity or
    text). Only credible intelligence is read. -#}
with people as (
    select * from {{ ref('int_cl_record_people') }}
    where source_system = 'IMS'
),

text_signals as (
    select * from {{ ref('int_cl_text_signals') }}
    where source_system = 'IMS'
),

line_choice as (
    select * from {{ ref('int_cl_record_line_choice') }}
    where source_system = 'IMS'
),

person_facts as (
    select
        people.nominal_id,
        people.person_role,
        people.record_ref,
        people.event_date,
        coalesce(text_signals.text_strength, 0) as text_strength,
        line_choice.line_id
    from people
    left join text_signals
        on people.record_ref = text_signals.record_ref
    left join line_choice
        on people.record_ref = line_choice.record_ref
),

found as (
    select
        person_facts.nominal_id,
        case
            when person_facts.person_role = 'SUBJECT' then 'INTEL_TEXT'
            else 'INTEL_TEXT_ASSOCIATE'
        end as indicator,
        person_facts.record_ref,
        person_facts.event_date,
        person_facts.line_id,
        person_facts.text_strength as strength
    from person_facts
    where person_facts.text_strength > 0
    union all
    select
        person_facts.nominal_id,
        'INTEL_LINE' as indicator,
        person_facts.record_ref,
        person_facts.event_date,
        person_facts.line_id,
        case
            when person_facts.person_role = 'MENTIONED' then 0.5 else 1.0
        end as strength
    from person_facts
    where person_facts.line_id is not null
),

final as (
    select
        found.nominal_id,
        found.indicator,
        'IMS' as source_system,
        found.record_ref,
        found.line_id,
        found.strength,
        found.event_date
    from found
)

select * from final
