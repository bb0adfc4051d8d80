{#- Every raw row of the PINS prison contacts, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. The join to stg_pins__releases is validation only (ORPHAN_LINK
    when the contact's pins_ref is nowhere in the extract, PARENT_QUARANTINED
    when it is but the release was quarantined), not business logic. -#}
with source as (
    select * from {{ source('pins', 'prison_contacts') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

releases as (
    select * from {{ ref('stg_pins__releases') }}
),

base_releases as (
    select * from {{ ref('base_pins__releases') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'contact_id', 'pins_ref', 'contact_type', 'surname', 'forenames',
            'date_of_birth', 'pnc_id', 'phone',
        ],
        key_columns=['contact_id'],
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
        {{ normalise_code('read.contact_id') }} as contact_id,
        {{ normalise_code('read.pins_ref') }} as pins_ref,
        {{ normalise_code('read.pnc_id') }} as pnc_id,
        {{ normalise_code('read.contact_type') }} as contact_type,
        {{ name_display('read.surname') }} as surname,
        {{ name_display('read.forenames') }} as forenames,
        {{ name_comparison('read.surname') }} as surname_std,
        {{ name_comparison('read.forenames') }} as forenames_std,
        {{ normalise_phone('read.phone') }} as phone,
        {{ clean_text('read.phone') }} as phone_raw,
        {{ parse_date_of_birth('read.date_of_birth') }} as date_of_birth,
        {{ is_invalid_date('read.date_of_birth') }} as has_unparsed_date_of_birth,
        {{ is_impossible_date(
            parse_date('read.date_of_birth'), 'extract.extract_date') }}
            as has_impossible_date
    from read
    cross join extract
),

releases_in_extract as (
    -- Every prison number of the extract, usable or quarantined.
    select distinct base_releases.pins_ref
    from base_releases
),

validated as (
    select
        normalised.*,
        case
            when normalised.record_key is null then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when
                normalised.pins_ref is null
                or normalised.contact_type is null
                then 'MISSING_REQUIRED'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when normalised.contact_type not in (
                'VISITOR', 'CELLMATE', 'PHONE_CONTACT', 'CO_DEFENDANT'
            ) then 'INVALID_CODE'
            when releases_in_extract.pins_ref is null then 'ORPHAN_LINK'
            when releases.pins_ref is null then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from normalised
    left join releases
        on normalised.pins_ref = releases.pins_ref
    left join releases_in_extract
        on normalised.pins_ref = releases_in_extract.pins_ref
),

final as (
    select * from validated
)

select * from final
