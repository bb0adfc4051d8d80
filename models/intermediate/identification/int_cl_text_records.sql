{#- One row per (source_system, record_ref, text_field) with text: every free
    text that county-lines identification reads. Intelligence: credible
    reports only. -#}
with credible_intel as (
    select * from {{ ref('int_intel_reports_credible') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

custody as (
    select * from {{ ref('stg_icis__custody_records') }}
),

releases as (
    select * from {{ ref('stg_pins__releases') }}
),

episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

text_rows as (
    select
        'IMS' as source_system,
        credible_intel.intel_ref as record_ref,
        'report_text' as text_field,
        credible_intel.report_text as text_value,
        credible_intel.submitted_date as event_date
    from credible_intel
    union all
    select
        'CRIMES' as source_system,
        crimes.crime_ref as record_ref,
        'mo_text' as text_field,
        crimes.mo_text as text_value,
        coalesce(crimes.offence_date, crimes.recorded_date) as event_date
    from crimes
    union all
    select
        'ICIS' as source_system,
        custody.custody_ref as record_ref,
        'arrest_reason' as text_field,
        custody.arrest_reason as text_value,
        cast(custody.arrested_at as date) as event_date
    from custody
    union all
    select
        'ICIS' as source_system,
        custody.custody_ref as record_ref,
        'property_text' as text_field,
        custody.property_text as text_value,
        cast(custody.arrested_at as date) as event_date
    from custody
    union all
    select
        'ICIS' as source_system,
        custody.custody_ref as record_ref,
        'detainee_comments' as text_field,
        custody.detainee_comments as text_value,
        cast(custody.arrested_at as date) as event_date
    from custody
    union all
    select
        'PINS' as source_system,
        releases.pins_ref as record_ref,
        'notes' as text_field,
        releases.notes as text_value,
        releases.activity_date as event_date
    from releases
    union all
    select
        'COMPACT' as source_system,
        episodes.episode_ref as record_ref,
        'circumstances_text' as text_field,
        episodes.circumstances_text as text_value,
        cast(episodes.reported_at as date) as event_date
    from episodes
    union all
    select
        'COMPACT' as source_system,
        episodes.episode_ref as record_ref,
        'found_location_text' as text_field,
        episodes.found_location_text as text_value,
        cast(episodes.reported_at as date) as event_date
    from episodes
    union all
    select
        'COMPACT' as source_system,
        episodes.episode_ref as record_ref,
        'return_interview_text' as text_field,
        episodes.return_interview_text as text_value,
        cast(episodes.reported_at as date) as event_date
    from episodes
),

final as (
    select
        text_rows.source_system,
        text_rows.record_ref,
        text_rows.text_field,
        text_rows.text_value,
        text_rows.event_date
    from text_rows
    where text_rows.text_value is not null
)

select * from final
