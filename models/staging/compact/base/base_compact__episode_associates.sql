{#- Every raw row of the COMPACT episode associates, typed and normalised, with
    the reason it cannot be used (null when it can) and whether it is an exact
    duplicate. The join to stg_compact__missing_episodes is validation only
    (ORPHAN_LINK when the episode is nowhere in the extract,
    PARENT_QUARANTINED when it is but was quarantined), not business
    logic. -#}
with source as (
    select * from {{ source('compact', 'episode_associates') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

missing_episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

base_missing_episodes as (
    select * from {{ ref('base_compact__missing_episodes') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'associate_id', 'episode_ref', 'association', 'surname',
            'forenames', 'date_of_birth', 'phone',
        ],
        key_columns=['associate_id'],
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
        {{ normalise_code('read.associate_id') }} as associate_id,
        {{ normalise_code('read.episode_ref') }} as episode_ref,
        {{ normalise_code('read.association') }} as association,
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

missing_episodes_in_extract as (
    -- Every episode reference of the extract, usable or quarantined.
    select distinct base_missing_episodes.episode_ref
    from base_missing_episodes
),

validated as (
    select
        normalised.*,
        case
            when normalised.record_key is null then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when
                normalised.episode_ref is null
                or normalised.association is null
                then 'MISSING_REQUIRED'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when normalised.association not in (
                'FOUND_WITH', 'BELIEVED_WITH', 'REPORTED_CONTACT'
            ) then 'INVALID_CODE'
            when
                missing_episodes_in_extract.episode_ref is null
                then 'ORPHAN_LINK'
            when missing_episodes.episode_ref is null then 'PARENT_QUARANTINED'
        end as quarantine_reason
    from normalised
    left join missing_episodes
        on normalised.episode_ref = missing_episodes.episode_ref
    left join missing_episodes_in_extract
        on normalised.episode_ref = missing_episodes_in_extract.episode_ref
),

final as (
    select * from validated
)

select * from final
