{#- One row per pins_ref: the usable PINS release notifications, cleaned.
    Rows that cannot be used are in marts.quarantine; exact duplicates are
    dropped.

    A release after the extract date is forthcoming (SOURCES.md allows it):
    the person is in prison now, so the date is kept (release_date,
    is_forthcoming_release) but is not activity. activity_date is what
    every later model dates the record by: the release date when it has
    passed, else null. Null, not an estimate: a guessed date (the release
    less the sentence) made adults children "at the time" of the record. An
    undated record still counts as evidence; it adds to no last-seen or
    last-activity date and to no age-at-the-time test. -#}
with base as (
    select * from {{ ref('base_pins__releases') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

usable as (
    select
        base.pins_ref,
        base.prison_number,
        base.pnc_id,
        base.surname,
        base.forenames,
        base.surname_std,
        base.forenames_std,
        base.sex,
        base.establishment,
        base.release_type,
        base.index_ho_code,
        base.index_offence,
        base.release_postcode,
        {{ postcode_district('base.release_postcode') }}
            as release_postcode_district,
        {{ postcode_area('base.release_postcode') }} as release_postcode_area,
        base.notes,
        base.sentence_days,
        base.date_of_birth,
        base.release_date,
        base.release_date > extract_dates.extract_date as is_forthcoming_release,
        case
            when base.release_date <= extract_dates.extract_date
                then base.release_date
        end as activity_date,
        base.source_file
    from base
    cross join extract_dates
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
