{#- Every raw row of the SOC network memberships, typed and normalised, with
    the reason it cannot be used (null when it can) and whether it is an exact
    duplicate. Key: (soc_group_id, wmp_nominal_id). The joins to
    stg_soc__soc_groups and stg_nominal__nominals are validation only
    (ORPHAN_LINK when a parent is nowhere in the extract, PARENT_QUARANTINED
    when it is but was quarantined), not business logic. -#}
with source as (
    select * from {{ source('soc', 'soc_members') }}
),

soc_groups as (
    select * from {{ ref('stg_soc__soc_groups') }}
),

base_soc_groups as (
    select * from {{ ref('base_soc__soc_groups') }}
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
        columns=['soc_group_id', 'wmp_nominal_id', 'member_role'],
        key_columns=['soc_group_id', 'wmp_nominal_id'],
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
        {{ normalise_code('read.wmp_nominal_id') }} as wmp_nominal_id,
        {{ normalise_code('read.member_role') }} as member_role
    from read
),

soc_groups_in_extract as (
    -- Every SOC group id of the extract, usable or quarantined.
    select distinct base_soc_groups.soc_group_id
    from base_soc_groups
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
                normalised.soc_group_id is null
                or normalised.wmp_nominal_id is null
                then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when
                normalised.member_role is not null
                and normalised.member_role not in (
                    'PRINCIPAL', 'SIGNIFICANT', 'PERIPHERAL'
                )
                then 'INVALID_CODE'
            when
                soc_groups_in_extract.soc_group_id is null
                or nominals_in_extract.wmp_nominal_id is null
                then 'ORPHAN_LINK'
            when
                soc_groups.soc_group_id is null
                or nominals.wmp_nominal_id is null
                then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from normalised
    left join soc_groups
        on normalised.soc_group_id = soc_groups.soc_group_id
    left join nominals
        on normalised.wmp_nominal_id = nominals.wmp_nominal_id
    left join soc_groups_in_extract
        on normalised.soc_group_id = soc_groups_in_extract.soc_group_id
    left join nominals_in_extract
        on normalised.wmp_nominal_id = nominals_in_extract.wmp_nominal_id
),

final as (
    select * from validated
)

select * from final
