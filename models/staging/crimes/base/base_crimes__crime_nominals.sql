{#- Every raw row of the people linked to crimes, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is a duplicate.
    A link has no key of its own: all its columns are its record key, so the
    only duplicates are copies of the same link. The joins to the crimes and
    the nominal index are validation (ORPHAN_LINK when a parent is nowhere in
    the extract, PARENT_QUARANTINED when it is but was quarantined), not
    business logic. -#}
with source as (
    select * from {{ source('crimes', 'crime_nominals') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

base_crimes as (
    select * from {{ ref('base_crimes__crimes') }}
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
        columns=['crime_ref', 'wmp_nominal_id', 'role'],
        key_columns=['crime_ref', 'wmp_nominal_id', 'role'],
    ) }}
),

normalised as (
    select
        read.record_key,
        read.source_file,
        read.raw_row,
        read.row_hash,
        {{ normalise_code('read.crime_ref') }} as crime_ref,
        {{ normalise_code('read.wmp_nominal_id') }} as wmp_nominal_id,
        {{ normalise_code('read.role') }} as role -- noqa: RF04
    from read
),

numbered as (
    -- Copies of one link that differ only in case or spaces are duplicates
    -- too: number the copies of each normalised link.
    select
        normalised.*,
        row_number() over (
            partition by
                normalised.crime_ref,
                normalised.wmp_nominal_id,
                normalised.role
            order by normalised.source_file, normalised.row_hash
        ) as copy_number
    from normalised
),

crimes_in_extract as (
    -- Every crime reference of the extract, usable or quarantined.
    select distinct base_crimes.crime_ref
    from base_crimes
),

nominals_in_extract as (
    -- Every nominal id of the extract, usable or quarantined.
    select distinct base_nominals.wmp_nominal_id
    from base_nominals
),

linked as (
    select
        numbered.*,
        crimes.crime_ref is not null as has_known_crime,
        nominals.wmp_nominal_id is not null as has_known_nominal,
        crimes_in_extract.crime_ref is not null as has_crime_in_extract,
        nominals_in_extract.wmp_nominal_id is not null
            as has_nominal_in_extract
    from numbered
    left join crimes
        on numbered.crime_ref = crimes.crime_ref
    left join nominals
        on numbered.wmp_nominal_id = nominals.wmp_nominal_id
    left join crimes_in_extract
        on numbered.crime_ref = crimes_in_extract.crime_ref
    left join nominals_in_extract
        on numbered.wmp_nominal_id = nominals_in_extract.wmp_nominal_id
),

validated as (
    select
        linked.*,
        case
            when
                linked.crime_ref is null
                or linked.wmp_nominal_id is null
                or linked.role is null
                then 'MISSING_KEY'
            when
                linked.role not in (
                    'SUSPECT', 'OFFENDER', 'VICTIM', 'WITNESS', 'OTHER'
                )
                then 'INVALID_CODE'
            when
                not linked.has_crime_in_extract
                or not linked.has_nominal_in_extract
                then 'ORPHAN_LINK'
            when
                not linked.has_known_crime or not linked.has_known_nominal
                then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from linked
),

final as (
    select * from validated
)

select * from final
