{#- One row per source person record that appears in any dated event: how many events
    and the first and last dates it was seen (crimes, intelligence, custody, created
    date for the nominal index; releases for PINS and prison contacts; missing episodes
    for COMPACT people and their associates). -#}
with crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

intel_nominals as (
    select * from {{ ref('stg_ims__intel_nominals') }}
),

intel_reports as (
    select * from {{ ref('stg_ims__intel_reports') }}
),

custody_records as (
    select * from {{ ref('stg_icis__custody_records') }}
),

nominals as (
    select * from {{ ref('stg_nominal__nominals') }}
),

releases as (
    select * from {{ ref('stg_pins__releases') }}
),

prison_contacts as (
    select * from {{ ref('stg_pins__prison_contacts') }}
),

missing_episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

episode_associates as (
    select * from {{ ref('stg_compact__episode_associates') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

events as (
    select
        {{ dbt.concat(["'NOMINAL:'", 'crime_nominals.wmp_nominal_id']) }} as record_id,
        crimes.recorded_date as event_date
    from crime_nominals
    inner join crimes
        on crime_nominals.crime_ref = crimes.crime_ref

    union all

    select
        {{ dbt.concat(["'NOMINAL:'", 'intel_nominals.wmp_nominal_id']) }} as record_id,
        intel_reports.submitted_date as event_date
    from intel_nominals
    inner join intel_reports
        on intel_nominals.intel_ref = intel_reports.intel_ref

    union all

    select
        {{ dbt.concat(["'NOMINAL:'", 'custody_records.wmp_nominal_id']) }} as record_id,
        cast(custody_records.arrested_at as date) as event_date
    from custody_records

    union all

    select
        {{ dbt.concat(["'NOMINAL:'", 'nominals.wmp_nominal_id']) }} as record_id,
        nominals.created_date as event_date
    from nominals
    where nominals.created_date is not null

    union all

    select
        {{ dbt.concat(["'PINS:'", 'releases.prison_number']) }} as record_id,
        releases.activity_date as event_date
    from releases

    union all

    select
        {{ dbt.concat(["'PINS_CONTACT:'", 'prison_contacts.contact_id']) }} as record_id,
        releases.activity_date as event_date
    from prison_contacts
    inner join releases
        on prison_contacts.pins_ref = releases.pins_ref

    union all

    select
        {{ dbt.concat(["'COMPACT:'", 'missing_episodes.compact_person_id']) }}
            as record_id,
        cast(missing_episodes.reported_at as date) as event_date
    from missing_episodes

    union all

    select
        {{ dbt.concat(["'COMPACT_ASSOCIATE:'", 'episode_associates.associate_id']) }}
            as record_id,
        cast(missing_episodes.reported_at as date) as event_date
    from episode_associates
    inner join missing_episodes
        on episode_associates.episode_ref = missing_episodes.episode_ref
),

final as (
    select
        events.record_id,
        count(*) as event_count,
        min(events.event_date) as first_seen_date,
        -- a forthcoming release is not a sighting: cap at the extract date
        max(
            case
                when events.event_date > extract_dates.extract_date
                    then extract_dates.extract_date
                else events.event_date
            end
        ) as last_seen_date
    from events
    cross join extract_dates
    group by 1
)

select * from final
