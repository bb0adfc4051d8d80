{{ config(materialized='table') }}
{#- One row per resolved person who is a suspect or offender of any usable
    crime: harm of the crimes in the analysis window on both indices, side
    by side, undecayed and decayed, overall and county-lines-related, with
    the crimes no index value covers counted. -#}
with offences as (
    select * from {{ ref('int_nominal_offences') }}
),

sums as (
    select
        offences.nominal_id,
        count(case when offences.is_in_window then 1 end) as offence_count,
        coalesce({{ exact_sum(
            "case when offences.is_in_window then offences.cchi_days end"
        ) }}, 0) as harm_cchi,
        coalesce({{ exact_sum(
            "case when offences.is_in_window then offences.ons_weight end"
        ) }}, 0) as harm_ons,
        count(case
            when offences.is_in_window and offences.is_cl_related then 1
        end) as cl_offence_count,
        coalesce({{ exact_sum(
            "case when offences.is_in_window and offences.is_cl_related then offences.cchi_days end"
        ) }}, 0) as cl_harm_cchi,
        coalesce({{ exact_sum(
            "case when offences.is_in_window and offences.is_cl_related then offences.ons_weight end"
        ) }}, 0) as cl_harm_ons,
        count(case
            when offences.is_in_window and not offences.has_ons_weight then 1
        end) as offences_without_ons_weight,
        count(case
            when offences.is_in_window and not offences.has_cchi_value then 1
        end) as offences_without_cchi_value,
        count(case
            when
                offences.is_in_window
                and offences.is_cl_related
                and not offences.has_ons_weight
                then 1
        end) as cl_offences_without_ons_weight,
        coalesce({{ exact_sum(
            "case when offences.is_in_window then offences.cchi_days * offences.decay_factor end"
        ) }}, 0) as harm_cchi_decayed,
        coalesce({{ exact_sum(
            "case when offences.is_in_window then offences.ons_weight * offences.decay_factor end"
        ) }}, 0) as harm_ons_decayed,
        coalesce({{ exact_sum(
            "case when offences.is_in_window and offences.is_cl_related then offences.cchi_days * offences.decay_factor end"
        ) }}, 0) as cl_harm_cchi_decayed,
        coalesce({{ exact_sum(
            "case when offences.is_in_window and offences.is_cl_related then offences.ons_weight * offences.decay_factor end"
        ) }}, 0) as cl_harm_ons_decayed,
        count(*) as offence_count_all_time,
        min(offences.event_date) as first_offence_date,
        max(offences.event_date) as last_offence_date
    from offences
    group by 1
),

final as (
    select
        sums.nominal_id,
        cast(sums.offence_count as bigint) as offence_count,
        cast(sums.harm_cchi as double) as harm_cchi,
        cast(sums.harm_ons as double) as harm_ons,
        cast(sums.cl_offence_count as bigint) as cl_offence_count,
        cast(sums.cl_harm_cchi as double) as cl_harm_cchi,
        cast(sums.cl_harm_ons as double) as cl_harm_ons,
        cast(sums.offences_without_ons_weight as bigint)
            as offences_without_ons_weight,
        cast(sums.offences_without_cchi_value as bigint)
            as offences_without_cchi_value,
        cast(sums.cl_offences_without_ons_weight as bigint)
            as cl_offences_without_ons_weight,
        cast(sums.harm_cchi_decayed as double) as harm_cchi_decayed,
        cast(sums.harm_ons_decayed as double) as harm_ons_decayed,
        cast(sums.cl_harm_cchi_decayed as double) as cl_harm_cchi_decayed,
        cast(sums.cl_harm_ons_decayed as double) as cl_harm_ons_decayed,
        cast(sums.offence_count_all_time as bigint)
            as offence_count_all_time,
        sums.first_offence_date,
        sums.last_offence_date
    from sums
)

select * from final
