{#- Every raw row of the SOC network memberships, typed and normalised, with
    the reason it cannot be used (null when it can) and whether it is an exact
    duplicate. Key: (soc_group_id, wmp_nominal_id). The joins to
    stg_soc__soc_groups and stg_nominal__nominals are validation only
    (ORPHAN_LINK), not business logic. -#}
with source as (
    select * from {{ source('soc', 'soc_members') }}
),

soc_groups as (
    select * from {{ ref('stg_soc__soc_groups') }}
),

nominals as (
    select * from {{ ref('stg_nominal__nominals') }}
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
                soc_groups.soc_group_id is null
                or nominals.wmp_nominal_id is null
                then 'ORPHAN_LINK'
        end as quarantine_reason
    from normalised
    left join soc_groups
        on normalised.soc_group_id = soc_groups.soc_group_id
    left join nominals
        on normalised.wmp_nominal_id = nominals.wmp_nominal_id
),

final as (
    select * from validated
)

select * from final
