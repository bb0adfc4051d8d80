{{ config(materialized='table') }}
{#- One row per (nominal_id, crime_ref) where the person is a suspect or
    offender of the crime, with whether it is a violence or a firearms
    offence (CCHI group / description, or the crime's FIREARM marker). -#}
with xref as (
    select * from {{ ref('int_person_clusters') }}
),

crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

offence_harm as (
    select * from {{ ref('stg_reference__offence_harm') }}
),

offences as (
    select distinct
        xref.nominal_id,
        crimes.crime_ref,
        coalesce(
            offence_harm.offence_group = 'VIOLENCE AGAINST THE PERSON', false
        ) as is_violence,
        coalesce(
            lower(offence_harm.offence_description) like '%firearm%', false
        )
        or coalesce(
            ';' || crimes.markers || ';' like '%;FIREARM%', false
        ) as is_firearms,
        coalesce(crimes.offence_date, crimes.recorded_date) as event_date
    from crime_nominals
    inner join crimes
        on crime_nominals.crime_ref = crimes.crime_ref
    inner join xref
        on
            xref.source_system = 'NOMINAL'
            and crime_nominals.wmp_nominal_id = xref.source_id
    left join offence_harm
        on crimes.ho_code = offence_harm.ho_code
    where
        crime_nominals.role in ('SUSPECT', 'OFFENDER')
        and xref.nominal_id is not null
),

final as (
    select
        offences.nominal_id,
        offences.crime_ref,
        bool_or(offences.is_violence) as is_violence,
        bool_or(offences.is_firearms) as is_firearms,
        min(offences.event_date) as event_date
    from offences
    group by 1, 2
)

select * from final
