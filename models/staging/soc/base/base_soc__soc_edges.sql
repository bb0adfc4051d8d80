{#- Every raw row of the SOC network edges, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. Key: (wmp_nominal_id_a, wmp_nominal_id_b, edge_type). The pair is
    kept in the order recorded (downstream orders it). The joins to
    stg_nominal__nominals are validation only (ORPHAN_LINK when an end is
    nowhere in the extract, PARENT_QUARANTINED when every end it lacks is in
    the extract but was quarantined), not business logic. The weight is cast
    only when it is number-shaped (a plain cast fails on text). -#}
{%- set decimal_pattern = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)' %}

with source as (
    select * from {{ source('soc', 'soc_edges') }}
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
        columns=['wmp_nominal_id_a', 'wmp_nominal_id_b', 'edge_type', 'weight'],
        key_columns=['wmp_nominal_id_a', 'wmp_nominal_id_b', 'edge_type'],
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
        {{ normalise_code('read.wmp_nominal_id_a') }} as wmp_nominal_id_a,
        {{ normalise_code('read.wmp_nominal_id_b') }} as wmp_nominal_id_b,
        {{ normalise_code('read.edge_type') }} as edge_type,
        case
            when {{ regex_full_match('trim(read.weight)', decimal_pattern) }}
                then {{ parse_decimal('read.weight') }}
        end as weight,
        {{ clean_text('read.weight') }} is not null
        and not coalesce(
            {{ regex_full_match('trim(read.weight)', decimal_pattern) }}, false
        ) as has_invalid_number
    from read
),

nominals_in_extract as (
    -- Every nominal id of the extract, usable or quarantined.
    select distinct base_nominals.wmp_nominal_id
    from base_nominals
),

validated as (
    select
        normalised.*,
        case
            when
                normalised.wmp_nominal_id_a is null
                or normalised.wmp_nominal_id_b is null
                then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when normalised.has_invalid_number then 'INVALID_CODE'
            when
                extracted_a.wmp_nominal_id is null
                or extracted_b.wmp_nominal_id is null
                then 'ORPHAN_LINK'
            when
                nominals_a.wmp_nominal_id is null
                or nominals_b.wmp_nominal_id is null
                then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from normalised
    left join nominals as nominals_a
        on normalised.wmp_nominal_id_a = nominals_a.wmp_nominal_id
    left join nominals as nominals_b
        on normalised.wmp_nominal_id_b = nominals_b.wmp_nominal_id
    left join nominals_in_extract as extracted_a
        on normalised.wmp_nominal_id_a = extracted_a.wmp_nominal_id
    left join nominals_in_extract as extracted_b
        on normalised.wmp_nominal_id_b = extracted_b.wmp_nominal_id
),

final as (
    select * from validated
)

select * from final
