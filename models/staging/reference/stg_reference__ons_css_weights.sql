{#- One row per ONS offence code: the CSS weight, and how the HO-code bridge
    through CCHI reaches it (the coverage of the bridge). -#}
with ons_weights as (
    select * from {{ ref('ons_css_weights') }}
),

cchi as (
    select * from {{ ref('cchi_2020') }}
),

offence_harm as (
    select * from {{ ref('stg_reference__offence_harm') }}
),

cchi_bridge as (
    -- Same ONS spelling rule as stg_reference__offence_harm.
    select
        trim(cchi.ho_offence_code) as ho_code,
        case
            when
                replace(upper(trim(cchi.classification_code)), '/', '.')
                in ('1', '4.1', '4.2', '4.10')
                then '1, 4.1/2/10'
            else replace(upper(trim(cchi.classification_code)), '/', '.')
        end as ons_code
    from cchi
),

bridged_counts as (
    select
        cchi_bridge.ons_code,
        count(distinct cchi_bridge.ho_code) as bridged_ho_code_count
    from cchi_bridge
    group by 1
),

representative_counts as (
    select
        offence_harm.ons_code,
        count(*) as representative_ho_code_count
    from offence_harm
    group by 1
),

final as (
    select
        trim(ons_weights.ons_code) as ons_code,
        trim(ons_weights.offence_description) as offence_description,
        trim(ons_weights.ons_offence_category) as ons_offence_category,
        trim(ons_weights.edition) as edition,
        ons_weights.css_weight,
        coalesce(bridged_counts.bridged_ho_code_count, 0)
            as bridged_ho_code_count,
        coalesce(representative_counts.representative_ho_code_count, 0)
            as representative_ho_code_count,
        bridged_counts.ons_code is not null as is_reachable_from_cchi
    from ons_weights
    left join bridged_counts
        on trim(ons_weights.ons_code) = bridged_counts.ons_code
    left join representative_counts
        on trim(ons_weights.ons_code) = representative_counts.ons_code
)

select * from final
