{#- Every raw row of the entities attached to intelligence reports (phones,
    line names, vehicles, addresses), normalised, with the reason it cannot be
    used (null when it can) and whether it is a duplicate. All its columns are
    its record key. The join to the reports is validation (ORPHAN_LINK when
    the report is nowhere in the extract, PARENT_QUARANTINED when it is but
    was quarantined), not business logic. -#}
with source as (
    select * from {{ source('ims', 'intel_entities') }}
),

intel_reports as (
    select * from {{ ref('stg_ims__intel_reports') }}
),

base_intel_reports as (
    select * from {{ ref('base_ims__intel_reports') }}
),

read as (
    {{ staging_read(
        'source',
        columns=['intel_ref', 'entity_type', 'entity_value'],
        key_columns=['intel_ref', 'entity_type', 'entity_value'],
    ) }}
),

normalised as (
    select
        read.record_key,
        read.source_file,
        read.raw_row,
        read.row_hash,
        {{ normalise_code('read.intel_ref') }} as intel_ref,
        {{ normalise_code('read.entity_type') }} as entity_type,
        {{ clean_text('read.entity_value') }} as entity_value
    from read
),

numbered as (
    -- Copies of one entity that differ only in case or spaces of the
    -- reference and type, or in spaces around the value, are duplicates too.
    select
        normalised.*,
        row_number() over (
            partition by
                normalised.intel_ref,
                normalised.entity_type,
                normalised.entity_value
            order by normalised.source_file, normalised.row_hash
        ) as copy_number
    from normalised
),

compared as (
    -- The comparison form of the value, by entity type.
    select
        numbered.*,
        case numbered.entity_type
            when 'PHONE' then {{ normalise_phone('numbered.entity_value') }}
            when 'LINE_NAME' then {{ match_key('numbered.entity_value') }}
            when 'VEHICLE' then {{ normalise_code('numbered.entity_value') }}
            when
                'ADDRESS'
                then {{ name_display('numbered.entity_value') }}
        end as entity_value_normalised,
        case
            when numbered.entity_type = 'ADDRESS'
                then {{ normalise_postcode(regex_extract(
                    'upper(numbered.entity_value)',
                    '[A-Z]{1,2}[0-9][A-Z0-9]? *[0-9][A-Z]{2}')) }}
        end as address_postcode
    from numbered
),

intel_reports_in_extract as (
    -- Every report reference of the extract, usable or quarantined.
    select distinct base_intel_reports.intel_ref
    from base_intel_reports
),

linked as (
    select
        compared.*,
        intel_reports.intel_ref is not null as has_known_report,
        intel_reports_in_extract.intel_ref is not null
            as has_report_in_extract
    from compared
    left join intel_reports
        on compared.intel_ref = intel_reports.intel_ref
    left join intel_reports_in_extract
        on compared.intel_ref = intel_reports_in_extract.intel_ref
),

validated as (
    select
        linked.*,
        case
            when
                linked.intel_ref is null
                or linked.entity_type is null
                or linked.entity_value is null
                then 'MISSING_KEY'
            when
                linked.entity_type not in (
                    'PHONE', 'LINE_NAME', 'VEHICLE', 'ADDRESS'
                )
                then 'INVALID_CODE'
            when not linked.has_report_in_extract then 'ORPHAN_LINK'
            when not linked.has_known_report then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from linked
),

final as (
    select * from validated
)

select * from final
