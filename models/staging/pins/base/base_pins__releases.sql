{#- Every raw row of the PINS release notifications, typed and normalised, with
    the reason it cannot be used (null when it can) and whether it is an exact
    duplicate. release_date may lie in the future (a forthcoming release). -#}
with source as (
    select * from {{ source('pins', 'releases') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'pins_ref', 'prison_number', 'pnc_id', 'surname', 'forenames',
            'date_of_birth', 'sex', 'establishment', 'release_date',
            'release_type', 'index_ho_code', 'index_offence', 'sentence_days',
            'release_postcode', 'notes',
        ],
        key_columns=['pins_ref'],
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
        {{ normalise_code('read.pins_ref') }} as pins_ref,
        {{ normalise_code('read.prison_number') }} as prison_number,
        {{ normalise_code('read.pnc_id') }} as pnc_id,
        {{ name_display('read.surname') }} as surname,
        {{ name_display('read.forenames') }} as forenames,
        {{ name_comparison('read.surname') }} as surname_std,
        {{ name_comparison('read.forenames') }} as forenames_std,
        {{ normalise_code('read.sex') }} as sex,
        {{ clean_text('read.establishment') }} as establishment,
        {{ normalise_code('read.release_type') }} as release_type,
        {{ normalise_ho_code('read.index_ho_code') }} as index_ho_code,
        {{ free_text('read.index_offence') }} as index_offence,
        {{ normalise_postcode('read.release_postcode') }} as release_postcode,
        {{ free_text('read.notes') }} as notes,
        {{ parse_int('read.sentence_days') }} as sentence_days,
        {{ parse_date_of_birth('read.date_of_birth') }} as date_of_birth,
        {{ parse_date('read.release_date') }} as release_date,
        {{ clean_text('read.index_ho_code') }} is not null
        and {{ normalise_ho_code('read.index_ho_code') }} is null
            as has_invalid_ho_code,
        {{ clean_text('read.sentence_days') }} is not null
        and {{ parse_int('read.sentence_days') }} is null
            as has_invalid_number,
        {{ is_invalid_date('read.date_of_birth') }} as has_unparsed_date_of_birth,
        {{ parse_date('read.release_date') }} is null as has_invalid_date,
        {{ is_impossible_date(
            parse_date('read.date_of_birth'), 'extract.extract_date') }}
        or {{ is_impossible_date(
            parse_date('read.release_date'), 'extract.extract_date',
            allow_future=true) }} as has_impossible_date
    from read
    cross join extract
),

validated as (
    select
        normalised.*,
        case
            when normalised.record_key is null then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when
                normalised.prison_number is null
                or normalised.surname is null
                then 'MISSING_REQUIRED'
            when normalised.has_invalid_date then 'INVALID_DATE'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                normalised.sex is not null
                and normalised.sex not in ('M', 'F', 'U')
                then 'INVALID_CODE'
            when
                normalised.release_type is not null
                and normalised.release_type not in (
                    'LICENCE', 'SENTENCE_EXPIRY', 'HDC', 'REMAND'
                )
                then 'INVALID_CODE'
            when normalised.has_invalid_ho_code then 'INVALID_CODE'
            when normalised.has_invalid_number then 'INVALID_CODE'
        end as quarantine_reason
    from normalised
),

final as (
    select * from validated
)

select * from final
