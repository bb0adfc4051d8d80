{#- Every raw row of the SOC network edges, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. Key: (wmp_nominal_id_a, wmp_nominal_id_b, edge_type). The pair is
    kept in the order recorded (downstream orders it). The joins to
    stg_nominal__nominals are validation only (ORPHAN_LINK), not business
    logic. The weight is cast only when it is number-shaped (a plain cast
    fails on text). -#}
{%- set decimal_pattern = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)' %}

with source as (
    select * from {{ source('soc', 'soc_edges') }}
),

nominals as (
    select * from {{ ref('stg_nominal__nominals') }}
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
                nominals_a.wmp_nominal_id is null
                or nominals_b.wmp_nominal_id is null
                then 'ORPHAN_LINK'
        end as quarantine_reason
    from normalised
    left join nominals as nominals_a
        on normalised.wmp_nominal_id_a = nominals_a.wmp_nominal_id
    left join nominals as nominals_b
        on normalised.wmp_nominal_id_b = nominals_b.wmp_nominal_id
),

final as (
    select * from validated
)

select * from final
