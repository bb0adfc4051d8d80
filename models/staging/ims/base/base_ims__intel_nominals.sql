{#- Every raw row of the people linked to intelligence reports, normalised,
    with the reason it cannot be used (null when it can) and whether it is a
    duplicate. A link has no key of its own: all its columns are its record
    key, so the only duplicates are copies of the same link. The joins to the
    reports and the nominal index are validation (ORPHAN_LINK when a parent is
    nowhere in the extract, PARENT_QUARANTINED when it is but was
    quarantined), not business logic. -#}
with source as (
    select * from {{ source('ims', 'intel_nominals') }}
),

intel_reports as (
    select * from {{ ref('stg_ims__intel_reports') }}
),

base_intel_reports as (
    select * from {{ ref('base_ims__intel_reports') }}
),

nominals as (
    select * from {{ ref('stg_nominal__nominals') }}
),

base_nominals as (
    select * from {{ ref('base_nominal__nominals') }}
),

read as (
    {{ staging_read(
        'source',
        columns=['intel_ref', 'wmp_nominal_id', 'link_type'],
        key_columns=['intel_ref', 'wmp_nominal_id', 'link_type'],
    ) }}
),

normalised as (
    select
        read.record_key,
        read.source_file,
        read.raw_row,
        read.row_hash,
        {{ normalise_code('read.intel_ref') }} as intel_ref,
        {{ normalise_code('read.wmp_nominal_id') }} as wmp_nominal_id,
        {{ normalise_code('read.link_type') }} as link_type
    from read
),

numbered as (
    -- Copies of one link that differ only in case or spaces are duplicates
    -- too: number the copies of each normalised link.
    select
        normalised.*,
        row_number() over (
            partition by
                normalised.intel_ref,
                normalised.wmp_nominal_id,
                normalised.link_type
            order by normalised.source_file, normalised.row_hash
        ) as copy_number
    from normalised
),

intel_reports_in_extract as (
    -- Every report reference of the extract, usable or quarantined.
    select distinct base_intel_reports.intel_ref
    from base_intel_reports
),

nominals_in_extract as (
    -- Every nominal id of the extract, usable or quarantined.
    select distinct base_nominals.wmp_nominal_id
    from base_nominals
),

linked as (
    select
        numbered.*,
        intel_reports.intel_ref is not null as has_known_report,
        nominals.wmp_nominal_id is not null as has_known_nominal,
        intel_reports_in_extract.intel_ref is not null
            as has_report_in_extract,
        nominals_in_extract.wmp_nominal_id is not null
            as has_nominal_in_extract
    from numbered
    left join intel_reports
        on numbered.intel_ref = intel_reports.intel_ref
    left join nominals
        on numbered.wmp_nominal_id = nominals.wmp_nominal_id
    left join intel_reports_in_extract
        on numbered.intel_ref = intel_reports_in_extract.intel_ref
    left join nominals_in_extract
        on numbered.wmp_nominal_id = nominals_in_extract.wmp_nominal_id
),

validated as (
    select
        linked.*,
        case
            when
                linked.intel_ref is null
                or linked.wmp_nominal_id is null
                or linked.link_type is null
                then 'MISSING_KEY'
            when
                linked.link_type not in ('SUBJECT', 'ASSOCIATE', 'MENTIONED')
                then 'INVALID_CODE'
            when
                not linked.has_report_in_extract
                or not linked.has_nominal_in_extract
                then 'ORPHAN_LINK'
            when
                not linked.has_known_report or not linked.has_known_nominal
                then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from linked
),

final as (
    select * from validated
)

select * from final
