{#- One row per (line_name_key, source_system, record_ref, mention_kind): a
    deal-line name seen in a record. ENTITY: an intelligence LINE_NAME entity
    (credible reports), reduced to its key (upper case, quotes and a leading
    THE dropped, a trailing LINE / NUMBER / PHONE dropped: `'Jay line'` ->
    `JAY`). TEXT: a registered line's name written in free text as a line
    (`the JAY line`, `JAY number`, `JAY phone`, or quoted `'JAY'`).
    REGISTER: the register's own name (record_ref = line_ref). -#}
with credible_intel as (
    select * from {{ ref('int_intel_reports_credible') }}
),

intel_entities as (
    select * from {{ ref('stg_ims__intel_entities') }}
),

text_records as (
    select * from {{ ref('int_cl_text_records') }}
),

register_lines as (
    select * from {{ ref('stg_register__deal_lines') }}
),

entity_names as (
    select
        intel_entities.intel_ref as record_ref,
        credible_intel.submitted_date as event_date,
        trim({{ regex_replace_all(
            regex_replace_all(
                "replace(replace(upper(intel_entities.entity_value), '''', ' '), "
                ~ "'\"', ' ')",
                '^\\s*THE\\s+', ''),
            '\\s+(LINE|NUMBER|PHONE|DEAL LINE)\\s*$', '') }}) as line_name_key
    from intel_entities
    inner join credible_intel
        on intel_entities.intel_ref = credible_intel.intel_ref
    where intel_entities.entity_type = 'LINE_NAME'
),

register_names as (
    select
        register_lines.line_ref,
        upper(trim(register_lines.line_name)) as line_name_key,
        register_lines.first_reported_date
    from register_lines
),

text_names as (
    select
        register_names.line_name_key,
        text_records.source_system,
        text_records.record_ref,
        text_records.event_date
    from text_records
    inner join register_names
        on
            upper(text_records.text_value) like {{ dbt.concat([
                "'% '", 'register_names.line_name_key', "' LINE%'"]) }}
            or upper(text_records.text_value) like {{ dbt.concat([
                "'% '", 'register_names.line_name_key', "' NUMBER%'"]) }}
            or upper(text_records.text_value) like {{ dbt.concat([
                "'% '", 'register_names.line_name_key', "' PHONE%'"]) }}
            or upper(text_records.text_value) like {{ dbt.concat([
                "'%'''", 'register_names.line_name_key', "'''%'"]) }}
            or upper(text_records.text_value) like {{ dbt.concat([
                "'%\"'", 'register_names.line_name_key', "'\"%'"]) }}
),

mentions as (
    select
        entity_names.line_name_key,
        'IMS' as source_system,
        entity_names.record_ref,
        'ENTITY' as mention_kind,
        entity_names.event_date
    from entity_names
    union all
    select
        text_names.line_name_key,
        text_names.source_system,
        text_names.record_ref,
        'TEXT' as mention_kind,
        text_names.event_date
    from text_names
    union all
    select
        register_names.line_name_key,
        'REGISTER' as source_system,
        register_names.line_ref as record_ref,
        'REGISTER' as mention_kind,
        register_names.first_reported_date as event_date
    from register_names
),

final as (
    select
        mentions.line_name_key,
        mentions.source_system,
        mentions.record_ref,
        mentions.mention_kind,
        min(mentions.event_date) as event_date
    from mentions
    where {{ dbt.length('mentions.line_name_key') }} >= 2
    group by 1, 2, 3, 4
)

select * from final
