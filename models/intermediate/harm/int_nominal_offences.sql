{{ config(materialized='table') }}
{#- One row per (nominal_id, crime_ref) where the resolved person is a
    suspect or offender of the crime (through any of their force nominal
    records), with the crime's harm, whether it falls in the analysis window
    (var `harm_window_days`, default 1095 days before the analysis date) and
    its decay factor 0.5 ^ (age / var `harm_half_life_days`, default 730;
    1 when the var is null). -#}
{%- set half_life = var('harm_half_life_days', 730) %}
with xref as (
    select * from {{ ref('int_person_clusters') }}
),

crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

crime_harm as (
    select * from {{ ref('int_crime_harm') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

person_crimes as (
    select distinct
        xref.nominal_id,
        crime_nominals.crime_ref
    from crime_nominals
    inner join xref
        on
            xref.source_system = 'NOMINAL'
            and crime_nominals.wmp_nominal_id = xref.source_id
    where
        crime_nominals.role in ('SUSPECT', 'OFFENDER')
        and xref.nominal_id is not null
),

final as (
    select
        person_crimes.nominal_id,
        person_crimes.crime_ref,
        crime_harm.ho_code,
        crime_harm.cl_harm_category,
        crime_harm.cl_markers,
        crime_harm.cchi_days,
        crime_harm.ons_weight,
        {% if half_life is none -%}
            cast(1.0 as double)
        {%- else -%}
            {{ cl_decay(
                dbt.datediff('crime_harm.event_date',
                    'extract_dates.analysis_date', 'day'),
                half_life) }}
        {%- endif %} as decay_factor,
        crime_harm.has_cchi_value,
        crime_harm.has_ons_weight,
        crime_harm.is_cl_related,
        crime_harm.event_date is null
        or crime_harm.event_date >= {{ dbt.dateadd('day',
            -1 * var('harm_window_days', 1095),
            'extract_dates.analysis_date') }} as is_in_window,
        crime_harm.event_date
    from person_crimes
    inner join crime_harm
        on person_crimes.crime_ref = crime_harm.crime_ref
    cross join extract_dates
)

select * from final
