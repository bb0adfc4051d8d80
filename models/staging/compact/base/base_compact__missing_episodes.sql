{#- Every raw row of the COMPACT missing episodes, typed and normalised, with
    the reason it cannot be used (null when it can) and whether it is an exact
    duplicate. The join to stg_compact__missing_persons is validation only
    (ORPHAN_LINK when the person is nowhere in the extract, PARENT_QUARANTINED
    when the person is but was quarantined), not business logic. -#}
with source as (
    select * from {{ source('compact', 'missing_episodes') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

missing_persons as (
    select * from {{ ref('stg_compact__missing_persons') }}
),

base_missing_persons as (
    select * from {{ ref('base_compact__missing_persons') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'episode_ref', 'compact_person_id', 'reported_at', 'found_at',
            'risk_level', 'age_at_report', 'found_force', 'found_postcode',
            'found_location_text', 'circumstances_text',
            'return_interview_text', 'cce_concern',
        ],
        key_columns=['episode_ref'],
    ) }}
),

normalised as (
    select
        read.record_key,
        read.source_file,
        read.raw_row,
        read.row_hash,
        read.copy_number,
        read.key_version_count,
        {{ normalise_code('read.episode_ref') }} as episode_ref,
        {{ normalise_code('read.compact_person_id') }} as compact_person_id,
        {{ normalise_code('read.risk_level') }} as risk_level,
        {{ clean_text('read.found_force') }} as found_force,
        {{ match_key(clean_text('read.found_force')) }}
            as found_force_match_key,
        {{ normalise_postcode('read.found_postcode') }} as found_postcode,
        {{ free_text('read.found_location_text') }} as found_location_text,
        {{ free_text('read.circumstances_text') }} as circumstances_text,
        {{ free_text('read.return_interview_text') }}
            as return_interview_text,
        {{ parse_int('read.age_at_report') }} as age_at_report,
        {{ parse_flag('read.cce_concern') }} as has_cce_concern,
        {{ parse_timestamp('read.reported_at') }} as reported_at,
        {{ parse_timestamp('read.found_at') }} as found_at,
        {{ clean_text('read.age_at_report') }} is not null
        and {{ parse_int('read.age_at_report') }} is null
            as has_invalid_number,
        {{ is_valid_flag('read.cce_concern') }} = false as has_invalid_flag,
        {{ parse_timestamp('read.reported_at') }} is null
        or {{ is_invalid_date('read.found_at', timestamp=true) }}
            as has_invalid_date,
        {{ is_impossible_date(
            parse_timestamp('read.reported_at'), 'extract.extract_date') }}
        or {{ is_impossible_date(
            parse_timestamp('read.found_at'), 'extract.extract_date') }}
            as has_impossible_date
    from read
    cross join extract
),

missing_persons_in_extract as (
    -- Every COMPACT person id of the extract, usable or quarantined.
    select distinct base_missing_persons.compact_person_id
    from base_missing_persons
),

validated as (
    select
        normalised.*,
        case
            when normalised.record_key is null then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when normalised.compact_person_id is null then 'MISSING_REQUIRED'
            when normalised.has_invalid_date then 'INVALID_DATE'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                normalised.risk_level is not null
                and normalised.risk_level not in (
                    'HIGH', 'MEDIUM', 'LOW', 'NO_APPARENT_RISK'
                )
                then 'INVALID_CODE'
            when normalised.has_invalid_number then 'INVALID_CODE'
            when normalised.has_invalid_flag then 'INVALID_CODE'
            when
                missing_persons_in_extract.compact_person_id is null
                then 'ORPHAN_LINK'
            when
                missing_persons.compact_person_id is null
                then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from normalised
    left join missing_persons
        on normalised.compact_person_id = missing_persons.compact_person_id
    left join missing_persons_in_extract
        on
            normalised.compact_person_id
            = missing_persons_in_extract.compact_person_id
),

final as (
    select * from validated
)

select * from final
