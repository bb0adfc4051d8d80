{#- The public mart nominal_match_links: int_person_links_explained,
    published as it is. -#}
with published as (
    select * from {{ ref('int_person_links_explained') }}
),

final as (
    select
        published.record_id_l,
        published.record_id_r,
        published.nominal_id_l,
        published.nominal_id_r,
        published.method,
        published.link_rule,
        published.decision,
        published.rule_labelled_records,
        published.rule_estimated_precision,
        published.match_weight,
        published.match_probability,
        published.surname_level,
        published.surname_bayes_factor,
        published.forename_level,
        published.forename_bayes_factor,
        published.date_of_birth_level,
        published.date_of_birth_bayes_factor,
        published.sex_level,
        published.sex_bayes_factor,
        published.postcode_level,
        published.postcode_bayes_factor,
        published.phone_level,
        published.phone_bayes_factor,
        published.pnc_id_level,
        published.pnc_id_bayes_factor,
        published.is_linked
    from published
)

select * from final
