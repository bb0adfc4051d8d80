{#- One row per source person record of every system, in one shape for resolution:
    the force nominal index, PINS prisoners (one record per prison number, from their
    latest release), COMPACT missing persons, PINS contacts and COMPACT associates.
    A contact or associate keeps the record of the person in whose record it is named
    (the prisoner, the missing person): its context. -#}
with nominals as (
    select * from {{ ref('stg_nominal__nominals') }}
),

releases as (
    select * from {{ ref('stg_pins__releases') }}
),

missing_persons as (
    select * from {{ ref('stg_compact__missing_persons') }}
),

prison_contacts as (
    select * from {{ ref('stg_pins__prison_contacts') }}
),

episode_associates as (
    select * from {{ ref('stg_compact__episode_associates') }}
),

missing_episodes as (
    select * from {{ ref('stg_compact__missing_episodes') }}
),

latest_release as (
    select
        releases.*,
        row_number() over (
            partition by releases.prison_number
            order by releases.release_date desc, releases.pins_ref desc
        ) as recency_order
    from releases
),

unioned as (
    select
        'NOMINAL' as source_system,
        nominals.wmp_nominal_id as source_id,
        nominals.wmp_nominal_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id_recorded,
        cast(null as {{ dbt.type_string() }}) as context_record_id,
        nominals.surname,
        nominals.forenames,
        nominals.surname_std,
        nominals.forenames_std,
        nominals.sex,
        nominals.pnc_id,
        nominals.home_postcode as postcode,
        cast(null as {{ dbt.type_string() }}) as phone,
        nominals.date_of_birth
    from nominals

    union all

    select
        'PINS' as source_system,
        latest_release.prison_number as source_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id_recorded,
        cast(null as {{ dbt.type_string() }}) as context_record_id,
        latest_release.surname,
        latest_release.forenames,
        latest_release.surname_std,
        latest_release.forenames_std,
        latest_release.sex,
        latest_release.pnc_id,
        latest_release.release_postcode as postcode,
        cast(null as {{ dbt.type_string() }}) as phone,
        latest_release.date_of_birth
    from latest_release
    where latest_release.recency_order = 1

    union all

    select
        'COMPACT' as source_system,
        missing_persons.compact_person_id as source_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id,
        missing_persons.wmp_nominal_id as wmp_nominal_id_recorded,
        cast(null as {{ dbt.type_string() }}) as context_record_id,
        missing_persons.surname,
        missing_persons.forenames,
        missing_persons.surname_std,
        missing_persons.forenames_std,
        missing_persons.sex,
        cast(null as {{ dbt.type_string() }}) as pnc_id,
        missing_persons.home_postcode as postcode,
        cast(null as {{ dbt.type_string() }}) as phone,
        missing_persons.date_of_birth
    from missing_persons

    union all

    select
        'PINS_CONTACT' as source_system,
        prison_contacts.contact_id as source_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id_recorded,
        {{ dbt.concat(["'PINS:'", 'releases.prison_number']) }}
            as context_record_id,
        prison_contacts.surname,
        prison_contacts.forenames,
        prison_contacts.surname_std,
        prison_contacts.forenames_std,
        cast(null as {{ dbt.type_string() }}) as sex,
        prison_contacts.pnc_id,
        cast(null as {{ dbt.type_string() }}) as postcode,
        prison_contacts.phone,
        prison_contacts.date_of_birth
    from prison_contacts
    left join releases
        on prison_contacts.pins_ref = releases.pins_ref

    union all

    select
        'COMPACT_ASSOCIATE' as source_system,
        episode_associates.associate_id as source_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id,
        cast(null as {{ dbt.type_string() }}) as wmp_nominal_id_recorded,
        {{ dbt.concat(["'COMPACT:'", 'missing_episodes.compact_person_id']) }}
            as context_record_id,
        episode_associates.surname,
        episode_associates.forenames,
        episode_associates.surname_std,
        episode_associates.forenames_std,
        cast(null as {{ dbt.type_string() }}) as sex,
        cast(null as {{ dbt.type_string() }}) as pnc_id,
        cast(null as {{ dbt.type_string() }}) as postcode,
        episode_associates.phone,
        episode_associates.date_of_birth
    from episode_associates
    left join missing_episodes
        on episode_associates.episode_ref = missing_episodes.episode_ref
),

final as (
    select
        {{ dbt.concat(['unioned.source_system', "':'", 'unioned.source_id']) }}
            as record_id,
        unioned.source_system,
        unioned.source_id,
        unioned.wmp_nominal_id,
        unioned.wmp_nominal_id_recorded,
        unioned.context_record_id,
        unioned.pnc_id,
        unioned.surname,
        unioned.forenames,
        unioned.surname_std,
        unioned.forenames_std,
        {{ dbt.split_part('unioned.forenames_std', "' '", 1) }} as forename1,
        {{ name_key('unioned.forenames_std', 'unioned.surname_std') }} as name_key,
        case when unioned.sex in ('M', 'F') then unioned.sex end as sex,
        unioned.postcode,
        {{ postcode_district('unioned.postcode') }} as postcode_district,
        unioned.phone,
        unioned.date_of_birth,
        (
            unioned.source_system not in ('PINS_CONTACT', 'COMPACT_ASSOCIATE')
            or unioned.pnc_id is not null
            or (
                unioned.surname_std is not null
                and (unioned.forenames_std is not null or unioned.date_of_birth is not null)
            )
            or (unioned.forenames_std is not null and unioned.date_of_birth is not null)
        ) as has_identity
    from unioned
)

select * from final
