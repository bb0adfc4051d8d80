{#- Every raw row of the recorded crimes, typed and normalised, with the reason
    it cannot be used (null when it can) and whether it is an exact duplicate. -#}
with source as (
    select * from {{ source('crimes', 'crimes') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'crime_ref', 'recorded_date', 'offence_date', 'ho_code',
            'offence_description', 'npu', 'lsoa_code', 'postcode', 'markers',
            'mo_text', 'outcome_code',
        ],
        key_columns=['crime_ref'],
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
        {{ normalise_code('read.crime_ref') }} as crime_ref,
        {{ normalise_ho_code('read.ho_code') }} as ho_code,
        {{ normalise_code('read.npu') }} as npu,
        {{ normalise_code('read.lsoa_code') }} as lsoa_code,
        {{ normalise_postcode('read.postcode') }} as postcode,
        {{ normalise_code('read.markers') }} as markers,
        {{ free_text('read.offence_description') }} as offence_description,
        {{ free_text('read.mo_text') }} as mo_text,
        {{ parse_int('read.outcome_code') }} as outcome_code,
        {{ parse_date('read.recorded_date') }} as recorded_date,
        {{ parse_date('read.offence_date') }} as offence_date,
        {{ clean_text('read.ho_code') }} is null as is_missing_ho_code,
        {{ clean_text('read.recorded_date') }} is null
        or {{ is_invalid_date('read.recorded_date') }}
        or {{ is_invalid_date('read.offence_date') }} as has_invalid_date,
        {{ is_impossible_date(
            parse_date('read.recorded_date'), 'extract.extract_date') }}
        or {{ is_impossible_date(
            parse_date('read.offence_date'), 'extract.extract_date') }}
            as has_impossible_date,
        (
            {{ clean_text('read.ho_code') }} is not null
            and {{ normalise_ho_code('read.ho_code') }} is null
        ) as has_invalid_ho_code,
        (
            {{ clean_text('read.outcome_code') }} is not null
            and coalesce(
                {{ parse_int('read.outcome_code') }} not between 1 and 22,
                true
            )
        ) as has_invalid_outcome_code
    from read
    cross join extract
),

validated as (
    select
        normalised.*,
        case
            when normalised.record_key is null then 'MISSING_KEY'
            when
                normalised.key_version_count > 1
                then 'DUPLICATE_KEY_CONFLICT'
            when normalised.is_missing_ho_code then 'MISSING_REQUIRED'
            when normalised.has_invalid_date then 'INVALID_DATE'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                normalised.has_invalid_ho_code
                or normalised.has_invalid_outcome_code
                then 'INVALID_CODE'
        end as quarantine_reason
    from normalised
),

final as (
    select * from validated
)

select * from final
