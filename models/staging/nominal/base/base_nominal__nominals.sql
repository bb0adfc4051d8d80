{#- Every raw row of the force nominal index, typed and normalised, with the reason it
    cannot be used (null when it can) and whether it is an exact duplicate.
    A nominal with a missing surname, or a date of birth that is not a date (1956-13-99),
    is still a person to resolve: it is kept (the date of birth null, the row flagged
    has_unparsed_date_of_birth). Only a row that identifies no one (no surname, forename,
    date of birth or PNC id) is quarantined as MISSING_REQUIRED. -#}
with source as (
    select * from {{ source('nominal', 'nominals') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'wmp_nominal_id', 'surname', 'forenames', 'date_of_birth', 'sex',
            'pnc_id', 'home_postcode', 'warning_markers', 'created_date',
        ],
        key_columns=['wmp_nominal_id'],
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
        {{ normalise_code('read.wmp_nominal_id') }} as wmp_nominal_id,
        {{ normalise_code('read.pnc_id') }} as pnc_id,
        {{ name_display('read.surname') }} as surname,
        {{ name_display('read.forenames') }} as forenames,
        {{ name_comparison('read.surname') }} as surname_std,
        {{ name_comparison('read.forenames') }} as forenames_std,
        {{ normalise_code('read.sex') }} as sex,
        {{ normalise_postcode('read.home_postcode') }} as home_postcode,
        {{ normalise_code('read.warning_markers') }} as warning_markers,
        {{ parse_date_of_birth('read.date_of_birth') }} as date_of_birth,
        {{ parse_date('read.created_date') }} as created_date,
        {{ is_invalid_date('read.date_of_birth') }} as has_unparsed_date_of_birth,
        {{ is_invalid_date('read.created_date') }} as has_invalid_date,
        {{ is_impossible_date(parse_date('read.date_of_birth'), 'extract.extract_date') }}
        or {{ is_impossible_date(parse_date('read.created_date'), 'extract.extract_date') }}
            as has_impossible_date
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
                normalised.surname is null
                and normalised.forenames is null
                and normalised.date_of_birth is null
                and normalised.pnc_id is null
                then 'MISSING_REQUIRED'
            when normalised.has_invalid_date then 'INVALID_DATE'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                normalised.sex is not null
                and normalised.sex not in ('M', 'F', 'U')
                then 'INVALID_CODE'
        end as quarantine_reason
    from normalised
),

final as (
    select * from validated
)

select * from final
