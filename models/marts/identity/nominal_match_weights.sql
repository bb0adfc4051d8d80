{#- One row per comparison level of the record-linkage model that scored this build's
    pairs (and a first row for the prior): why two records were, or were not, linked. -#}
with weights as (
    select * from {{ ref('int_person_match_weights') }}
),

final as (
    select
        weights.comparison,
        weights.level_order,
        weights.level,
        weights.sql_condition,
        weights.m_probability,
        weights.u_probability,
        weights.bayes_factor,
        weights.match_weight,
        weights.is_null_level,
        weights.tf_adjustment_column,
        weights.is_fixed
    from weights
)

select * from final
