{#- Every raw row of the SOC network groups, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. -#}
with source as (
    select * from {{ source('soc', 'soc_groups') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'soc_group_id', 'group_name', 'group_type', 'primary_activity',
            'mapped_date',
        ],
        key_columns=['soc_group_id'],
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
        {{ normalise_code('read.soc_group_id') }} as soc_group_id,
        {{ clean_text('read.group_name') }} as group_name,
        {{ normalise_code('read.group_type') }} as group_type,
        {{ clean_text('read.primary_activity') }} as primary_activity,
        {{ parse_date('read.mapped_date') }} as mapped_date,
        {{ is_invalid_date('read.mapped_date') }} as has_invalid_date,
        {{ is_impossible_date(
            parse_date('read.mapped_date'), 'extract.extract_date') }}
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
            when normalised.group_type is null then 'MISSING_REQUIRED'
            when normalised.has_invalid_date then 'INVALID_DATE'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when normalised.group_type not in ('OCG', 'USG') then 'INVALID_CODE'
        end as quarantine_reason
    from normalised
),

final as (
    select * from validated
)

select * from final
