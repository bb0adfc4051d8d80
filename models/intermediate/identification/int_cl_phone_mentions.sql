{{ config(materialized='table') }}
{#- One row per (phone, source_system, record_ref, mention_kind): every
    normalised UK mobile number seen in a record identification reads.
    mention_kind: ENTITY (intelligence PHONE entity), TEXT (found in free text
    by the phone pattern, then normalised), CONTACT_PHONE (a prison contact's
    phone), ASSOCIATE_PHONE (a missing-episode associate's phone) and REGISTER
    (a registered line's phone, record_ref = line_ref). Intelligence counts
    only when credible. -#}
with credible_intel as (
    select * from {{ ref('int_intel_reports_credible') }}
),

intel_entities as (
    select * from {{ ref('stg_ims__intel_entities') }}
),

text_records as (
    select * from {{ ref('int_cl_text_records') }}
),

prison_contacts as (
    select * from {{ ref('stg_pins__prison_contacts') }}
),

releases as (
    select * from {{ ref('stg_pins__releases') }}
),

episode_associates as (
    select * from {{ ref('stg_compact__episode_associates') }}
),

episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

register_phones as (
    select * from {{ ref('stg_register__deal_line_phones') }}
),

register_lines as (
    select * from {{ ref('stg_register__deal_lines') }}
),

text_matches as (
    {{ cl_regex_match_rows(
        'text_records', 'text_value', cl_phone_pattern(),
        ['source_system', 'record_ref', 'event_date']) }}
),

mentions as (
    select
        intel_entities.entity_value_normalised as phone,
        'IMS' as source_system,
        intel_entities.intel_ref as record_ref,
        'ENTITY' as mention_kind,
        credible_intel.submitted_date as event_date
    from intel_entities
    inner join credible_intel
        on intel_entities.intel_ref = credible_intel.intel_ref
    where intel_entities.entity_type = 'PHONE'
    union all
    select
        {{ normalise_phone('text_matches.matched_text') }} as phone,
        text_matches.source_system,
        text_matches.record_ref,
        'TEXT' as mention_kind,
        text_matches.event_date
    from text_matches
    union all
    select
        prison_contacts.phone,
        'PINS' as source_system,
        prison_contacts.pins_ref as record_ref,
        'CONTACT_PHONE' as mention_kind,
        releases.activity_date as event_date
    from prison_contacts
    inner join releases
        on prison_contacts.pins_ref = releases.pins_ref
    union all
    select
        episode_associates.phone,
        'COMPACT' as source_system,
        episode_associates.episode_ref as record_ref,
        'ASSOCIATE_PHONE' as mention_kind,
        cast(episodes.reported_at as date) as event_date
    from episode_associates
    inner join episodes
        on episode_associates.episode_ref = episodes.episode_ref
    union all
    select
        register_phones.phone,
        'REGISTER' as source_system,
        register_phones.line_ref as record_ref,
        'REGISTER' as mention_kind,
        register_lines.first_reported_date as event_date
    from register_phones
    inner join register_lines
        on register_phones.line_ref = register_lines.line_ref
),

final as (
    select
        mentions.phone,
        mentions.source_system,
        mentions.record_ref,
        mentions.mention_kind,
        min(mentions.event_date) as event_date
    from mentions
    where
        mentions.phone is not null
        and {{ dbt.length('mentions.phone') }} = 11
        and mentions.phone like '07%'
    group by 1, 2, 3, 4
)

select * from final
