{#- Every raw row of the COMPACT missing persons, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. wmp_nominal_id is an optional link: an id that exists nowhere is
    kept as recorded (wmp_nominal_id_recorded) and never quarantined; the join to
    stg_nominal__nominals only decides whether wmp_nominal_id is set. -#}
with source as (
    select * from {{ source('compact', 'missing_persons') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

nominals as (
    select * from {{ ref('stg_nominal__nominals') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'compact_person_id', 'surname', 'forenames', 'date_of_birth', 'sex',
            'home_postcode', 'local_authority', 'is_looked_after',
            'wmp_nominal_id',
        ],
        key_columns=['compact_person_id'],
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
        {{ normalise_code('read.compact_person_id') }} as compact_person_id,
        {{ normalise_code('read.wmp_nominal_id') }} as wmp_nominal_id_recorded,
        {{ name_display('read.surname') }} as surname,
        {{ name_display('read.forenames') }} as forenames,
        {{ name_comparison('read.surname') }} as surname_std,
        {{ name_comparison('read.forenames') }} as forenames_std,
        {{ normalise_code('read.sex') }} as sex,
        {{ normalise_postcode('read.home_postcode') }} as home_postcode,
        {{ clean_text('read.local_authority') }} as local_authority,
        {{ parse_flag('read.is_looked_after') }} as is_looked_after,
        {{ parse_date_of_birth('read.date_of_birth') }} as date_of_birth,
        {{ is_valid_flag('read.is_looked_after') }} = false as has_invalid_flag,
        {{ is_invalid_date('read.date_of_birth') }} as has_unparsed_date_of_birth,
        {{ is_impossible_date(
            parse_date('read.date_of_birth'), 'extract.extract_date') }}
            as has_impossible_date
    from read
    cross join extract
),

linked as (
    select
        normalised.*,
        nominals.wmp_nominal_id,
        normalised.wmp_nominal_id_recorded is not null
        and nominals.wmp_nominal_id is null as has_unknown_wmp_nominal_id
    from normalised
    left join nominals
        on normalised.wmp_nominal_id_recorded = nominals.wmp_nominal_id
),

validated as (
    select
        linked.*,
        case
            when linked.record_key is null then 'MISSING_KEY'
            when linked.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when
                linked.surname is null
                and linked.forenames is null
                and linked.date_of_birth is null
                then 'MISSING_REQUIRED'
            when linked.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                linked.sex is not null
                and linked.sex not in ('M', 'F', 'U')
                then 'INVALID_CODE'
            when linked.has_invalid_flag then 'INVALID_CODE'
        end as quarantine_reason
    from linked
),

final as (
    select * from validated
)

select * from final
