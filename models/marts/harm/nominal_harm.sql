{#- The public mart nominal_harm (MARTS.md): int_nominal_harm_summed,
    published as it is. -#}
with published as (
    select * from {{ ref('int_nominal_harm_summed') }}
),

final as (
    select
        published.nominal_id,
        published.offence_count,
        published.harm_cchi,
        published.harm_ons,
        published.cl_offence_count,
        published.cl_harm_cchi,
        published.cl_harm_ons,
        published.offences_without_ons_weight,
        published.offences_without_cchi_value,
        published.cl_offences_without_ons_weight,
        published.harm_cchi_decayed,
        published.harm_ons_decayed,
        published.cl_harm_cchi_decayed,
        published.cl_harm_ons_decayed,
        published.offence_count_all_time,
        published.first_offence_date,
        published.last_offence_date
    from published
)

select * from final
