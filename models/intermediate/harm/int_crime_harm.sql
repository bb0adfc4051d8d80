{{ config(materialized='table') }}
{#- One row per usable crime: its CCHI days and ONS weight (null when the
    index has no value for its HO code: counted, never read as zero), and
    whether it is county-lines-related harm (seed offence groups, or a
    county-lines / exploitation marker). -#}
with crimes as (
    select * from {{ ref('stg_crimes__crimes') }}
),

offence_harm as (
    select * from {{ ref('stg_reference__offence_harm') }}
),

cl_groups as (
    select * from {{ ref('cl_harm_offence_groups') }}
),

cl_markers as (
    select * from {{ ref('cl_harm_markers') }}
),

crime_offences as (
    select
        crimes.crime_ref,
        crimes.ho_code,
        offence_harm.offence_group,
        offence_harm.offence_sub_group,
        offence_harm.cchi_days,
        offence_harm.ons_weight,
        coalesce(crimes.offence_date, crimes.recorded_date) as event_date
    from crimes
    left join offence_harm
        on crimes.ho_code = offence_harm.ho_code
),

group_matches as (
    -- The most specific seed row wins: HO code, then sub-group, then group.
    select
        crime_offences.crime_ref,
        cl_groups.cl_harm_category,
        row_number() over (
            partition by crime_offences.crime_ref
            order by
                case when cl_groups.ho_code is null then 1 else 0 end,
                case when cl_groups.offence_sub_group is null then 1 else 0 end,
                cl_groups.cl_harm_category
        ) as match_rank
    from crime_offences
    inner join cl_groups
        on
            crime_offences.offence_group = cl_groups.offence_group
            and (
                cl_groups.offence_sub_group is null
                or crime_offences.offence_sub_group
                = cl_groups.offence_sub_group
            )
            and (
                cl_groups.ho_code is null
                or crime_offences.ho_code = cl_groups.ho_code
            )
),

marker_matches as (
    select
        crimes.crime_ref,
        {{ dbt.listagg('distinct cl_markers.marker', "';'") }} as cl_markers
    from crimes
    inner join cl_markers
        on
            ';' || crimes.markers || ';'
            like '%;' || cl_markers.marker || ';%'
    group by 1
),

final as (
    select
        crime_offences.crime_ref,
        crime_offences.ho_code,
        crime_offences.offence_group,
        group_matches.cl_harm_category,
        marker_matches.cl_markers,
        crime_offences.cchi_days,
        crime_offences.ons_weight,
        crime_offences.cchi_days is not null as has_cchi_value,
        crime_offences.ons_weight is not null as has_ons_weight,
        (
            group_matches.crime_ref is not null
            or marker_matches.crime_ref is not null
        ) as is_cl_related,
        crime_offences.event_date
    from crime_offences
    left join group_matches
        on
            crime_offences.crime_ref = group_matches.crime_ref
            and group_matches.match_rank = 1
    left join marker_matches
        on crime_offences.crime_ref = marker_matches.crime_ref
)

select * from final
