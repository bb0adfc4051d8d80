{{ config(materialized='table') }}
{#- One row per resolved person (nominal): the best-supported name, date of birth, sex
    and PNC id across their source records, their age at the analysis date, and when
    they were first and last seen in any system. -#}
with clusters as (
    select * from {{ ref('int_person_clusters') }}
),

records as (
    select * from {{ ref('int_person_records') }}
),

activity as (
    select * from {{ ref('int_person_record_activity') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

members as (
    select
        clusters.nominal_id,
        records.record_id,
        records.surname,
        records.forenames,
        records.date_of_birth,
        records.sex,
        records.pnc_id,
        activity.event_count,
        activity.first_seen_date,
        activity.last_seen_date,
        -- the force's own index is the preferred source of a display value
        case records.source_system
            when 'NOMINAL' then 1
            when 'PINS' then 2
            when 'COMPACT' then 3
            when 'PINS_CONTACT' then 4
            else 5
        end as source_priority
    from clusters
    inner join records
        on clusters.record_id = records.record_id
    left join activity
        on clusters.record_id = activity.record_id
    where clusters.nominal_id is not null
),

-- a value's support: how many member records carry it; ties go to the preferred
-- source, then the smallest record id (deterministic)
name_choice as (
    select
        members.nominal_id,
        members.surname,
        members.forenames,
        row_number() over (
            partition by members.nominal_id
            order by
                (members.surname is null) asc,
                members.source_priority asc,
                coalesce(members.event_count, 0) desc,
                members.record_id asc
        ) as choice_order
    from members
),

dob_support as (
    select
        members.nominal_id,
        members.date_of_birth,
        count(*) as record_support,
        min(members.source_priority) as best_priority
    from members
    where members.date_of_birth is not null
    group by 1, 2
),

dob_choice as (
    select
        dob_support.nominal_id,
        dob_support.date_of_birth,
        row_number() over (
            partition by dob_support.nominal_id
            order by
                dob_support.record_support desc,
                dob_support.best_priority asc,
                dob_support.date_of_birth asc
        ) as choice_order
    from dob_support
),

sex_support as (
    select
        members.nominal_id,
        members.sex,
        count(*) as record_support,
        min(members.source_priority) as best_priority
    from members
    where members.sex is not null
    group by 1, 2
),

sex_choice as (
    select
        sex_support.nominal_id,
        sex_support.sex,
        row_number() over (
            partition by sex_support.nominal_id
            order by
                sex_support.record_support desc,
                sex_support.best_priority asc,
                sex_support.sex asc
        ) as choice_order
    from sex_support
),

pnc_support as (
    select
        members.nominal_id,
        members.pnc_id,
        count(*) as record_support,
        min(members.source_priority) as best_priority
    from members
    where members.pnc_id is not null
    group by 1, 2
),

pnc_choice as (
    select
        pnc_support.nominal_id,
        pnc_support.pnc_id,
        row_number() over (
            partition by pnc_support.nominal_id
            order by
                pnc_support.record_support desc,
                pnc_support.best_priority asc,
                pnc_support.pnc_id asc
        ) as choice_order
    from pnc_support
),

summary as (
    select
        members.nominal_id,
        count(*) as source_record_count,
        min(members.first_seen_date) as first_seen_date,
        max(members.last_seen_date) as last_seen_date
    from members
    group by 1
),

final as (
    select
        summary.nominal_id,
        case
            when name_choice.forenames is null then name_choice.surname
            when name_choice.surname is null then name_choice.forenames
            else {{ dbt.concat(['name_choice.surname', "', '", 'name_choice.forenames']) }}
        end as display_name,
        dob_choice.date_of_birth,
        sex_choice.sex,
        {{ age_at('dob_choice.date_of_birth', 'extract_dates.analysis_date') }} as age,
        coalesce(
            {{ age_at('dob_choice.date_of_birth', 'extract_dates.analysis_date') }} < 18,
            false
        ) as is_child,
        pnc_choice.pnc_id,
        summary.source_record_count,
        summary.first_seen_date,
        summary.last_seen_date
    from summary
    cross join extract_dates
    left join name_choice
        on summary.nominal_id = name_choice.nominal_id and name_choice.choice_order = 1
    left join dob_choice
        on summary.nominal_id = dob_choice.nominal_id and dob_choice.choice_order = 1
    left join sex_choice
        on summary.nominal_id = sex_choice.nominal_id and sex_choice.choice_order = 1
    left join pnc_choice
        on summary.nominal_id = pnc_choice.nominal_id and pnc_choice.choice_order = 1
)

select * from final
