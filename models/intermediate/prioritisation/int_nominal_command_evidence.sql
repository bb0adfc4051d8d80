{#- One row per person with evidence of running others rather than being run:
    directing (a principal of a SOC group), recruiting or holding others
    (suspect or offender of modern slavery, kidnap or false imprisonment; or
    of a drug-supply crime with a child suspect or offender: using a child to
    deal is exploiting them) or using violence on others (suspect or offender
    of violence against the person, robbery, kidnap or exploitation:
    cl_harm_offence_groups, not weapon possession alone). A line's low-level
    workforce (runners, people holding drugs or a phone for someone else,
    cuckooed people) has none of these; the routing sends them to
    safeguarding review, not enforcement (the Modern Slavery Act 2015 s45
    defence and the National Referral Mechanism exist for them). -#}
with offences as (
    select * from {{ ref('int_nominal_offences') }}
),

crime_harm as (
    select * from {{ ref('int_crime_harm') }}
),

crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

index_records as (
    select * from {{ ref('stg_nominal__nominals') }}
),

clusters as (
    select * from {{ ref('int_person_clusters') }}
),

soc_groups as (
    select * from {{ ref('int_nominal_soc_groups') }}
),

indicators as (
    select * from {{ ref('int_cl_indicators') }}
),

directing as (
    select distinct soc_groups.nominal_id
    from soc_groups
    where soc_groups.is_principal
),

child_suppliers as (
    -- a suspect or offender of a drug-supply crime who was under 18 on the
    -- crime's date, as the nominal they resolved to
    select distinct
        crime_nominals.crime_ref,
        clusters.nominal_id
    from crime_nominals
    inner join index_records
        on crime_nominals.wmp_nominal_id = index_records.wmp_nominal_id
    inner join crime_harm
        on crime_nominals.crime_ref = crime_harm.crime_ref
    inner join clusters
        on
            clusters.source_system = 'NOMINAL'
            and crime_nominals.wmp_nominal_id = clusters.source_id
    where
        crime_nominals.role in ('SUSPECT', 'OFFENDER')
        and crime_harm.cl_harm_category = 'DRUG_SUPPLY'
        and crime_harm.event_date
        < {{ dbt.dateadd('year', 18, 'index_records.date_of_birth') }}
),

recruiting as (
    select distinct offences.nominal_id
    from offences
    inner join child_suppliers
        on
            offences.crime_ref = child_suppliers.crime_ref
            and offences.nominal_id != child_suppliers.nominal_id
    union
    select distinct indicators.nominal_id
    from indicators
    where indicators.indicator = 'CRIME_EXPLOITATION_SUSPECT'
),

violent as (
    select distinct offences.nominal_id
    from offences
    where
        offences.cl_harm_category in (
            'VIOLENCE', 'ROBBERY', 'KIDNAP', 'EXPLOITATION'
        )
),

everyone as (
    select directing.nominal_id from directing
    union
    select recruiting.nominal_id from recruiting
    union
    select violent.nominal_id from violent
),

final as (
    select
        everyone.nominal_id,
        directing.nominal_id is not null as has_directing_evidence,
        recruiting.nominal_id is not null as has_recruiting_evidence,
        violent.nominal_id is not null as has_violence_evidence
    from everyone
    left join directing
        on everyone.nominal_id = directing.nominal_id
    left join recruiting
        on everyone.nominal_id = recruiting.nominal_id
    left join violent
        on everyone.nominal_id = violent.nominal_id
)

select * from final
