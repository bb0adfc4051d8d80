{#- Every raw row of the ICIS custody records, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. The join to the nominal index is validation (ORPHAN_LINK when
    the nominal is nowhere in the extract, PARENT_QUARANTINED when it is but
    was quarantined), not business logic. -#}
with source as (
    select * from {{ source('icis', 'custody_records') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
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
        columns=[
            'custody_ref', 'wmp_nominal_id', 'pnc_id', 'arrested_at',
            'occurrence_ref', 'arrest_ho_code', 'arrest_reason',
            'arrest_postcode', 'arresting_force', 'age_at_arrest',
            'appropriate_adult', 'property_text', 'detainee_comments',
            'outcome',
        ],
        key_columns=['custody_ref'],
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
        {{ normalise_code('read.custody_ref') }} as custody_ref,
        {{ normalise_code('read.wmp_nominal_id') }} as wmp_nominal_id,
        {{ normalise_code('read.pnc_id') }} as pnc_id,
        {{ normalise_code('read.occurrence_ref') }} as occurrence_ref,
        {{ normalise_ho_code('read.arrest_ho_code') }} as arrest_ho_code,
        {{ normalise_postcode('read.arrest_postcode') }} as arrest_postcode,
        {{ clean_text('read.arresting_force') }} as arresting_force,
        {{ match_key('read.arresting_force') }} as arresting_force_match_key,
        {{ normalise_code('read.outcome') }} as outcome,
        {{ free_text('read.arrest_reason') }} as arrest_reason,
        {{ free_text('read.property_text') }} as property_text,
        {{ free_text('read.detainee_comments') }} as detainee_comments,
        {{ parse_int('read.age_at_arrest') }} as age_at_arrest,
        {{ parse_flag('read.appropriate_adult') }} as has_appropriate_adult,
        {{ parse_timestamp('read.arrested_at') }} as arrested_at,
        {{ clean_text('read.arrested_at') }} is null
        or {{ is_invalid_date('read.arrested_at', timestamp=true) }}
            as has_invalid_date,
        {{ is_impossible_date(
            parse_timestamp('read.arrested_at'), 'extract.extract_date') }}
            as has_impossible_date,
        (
            {{ clean_text('read.arrest_ho_code') }} is not null
            and {{ normalise_ho_code('read.arrest_ho_code') }} is null
        )
        or (
            {{ clean_text('read.age_at_arrest') }} is not null
            and {{ parse_int('read.age_at_arrest') }} is null
        )
        or not {{ is_valid_flag('read.appropriate_adult') }}
            as has_invalid_value
    from read
    cross join extract
),

nominals_in_extract as (
    -- Every nominal id of the extract, usable or quarantined.
    select distinct base_nominals.wmp_nominal_id
    from base_nominals
),

linked as (
    select
        normalised.*,
        nominals.wmp_nominal_id is not null as has_known_nominal,
        nominals_in_extract.wmp_nominal_id is not null
            as has_nominal_in_extract
    from normalised
    left join nominals
        on normalised.wmp_nominal_id = nominals.wmp_nominal_id
    left join nominals_in_extract
        on normalised.wmp_nominal_id = nominals_in_extract.wmp_nominal_id
),

validated as (
    select
        linked.*,
        case
            when linked.record_key is null then 'MISSING_KEY'
            when linked.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when linked.wmp_nominal_id is null then 'MISSING_REQUIRED'
            when linked.has_invalid_date then 'INVALID_DATE'
            when linked.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                linked.has_invalid_value
                or linked.outcome not in (
                    'CHARGED', 'BAIL', 'RUI', 'NFA', 'CAUTION', 'REMAND'
                )
                then 'INVALID_CODE'
            when not linked.has_nominal_in_extract then 'ORPHAN_LINK'
            when not linked.has_known_nominal then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from linked
),

final as (
    select * from validated
)

select * from final
