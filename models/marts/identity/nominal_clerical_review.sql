{#- The public mart nominal_clerical_review (MARTS.md):
    int_nominal_pairs_for_review, published as it is. -#}
with published as (
    select * from {{ ref('int_nominal_pairs_for_review') }}
),

final as (
    select
        published.record_id_l,
        published.record_id_r,
        published.nominal_id_l,
        published.nominal_id_r,
        published.decision,
        published.link_rule,
        published.match_probability,
        published.match_weight,
        published.surname_level,
        published.forename_level,
        published.date_of_birth_level,
        published.sex_level,
        published.postcode_level,
        published.phone_level,
        published.pnc_id_level,
        published.combined_event_count,
        published.uncertainty,
        published.review_importance,
        published.review_rank
    from published
)

select * from final
