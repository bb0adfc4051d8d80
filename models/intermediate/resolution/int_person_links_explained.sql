{{ config(materialized='table') }}
{#- One row per link considered between two source person records: the rule or
    probability behind it, what the clustering decided, and for probabilistic links the
    evidence comparison by comparison (the level reached, in words, and its Bayes factor:
    above 1 for, below 1 against). This is how every merge is explained. -#}
with decisions as (
    select * from {{ ref('int_person_link_decisions') }}
),

scored as (
    select * from {{ ref('int_person_pairs_scored') }}
),

clusters as (
    select * from {{ ref('int_person_clusters') }}
),

final as (
    select
        decisions.record_id_l,
        decisions.record_id_r,
        left_cluster.nominal_id as nominal_id_l,
        right_cluster.nominal_id as nominal_id_r,
        decisions.method,
        decisions.link_rule,
        decisions.decision,
        decisions.rule_labelled_records,
        decisions.rule_estimated_precision,
        decisions.match_weight,
        decisions.match_probability,
        scored.surname_level,
        scored.surname_bayes_factor,
        scored.forename_level,
        scored.forename_bayes_factor,
        scored.date_of_birth_level,
        scored.date_of_birth_bayes_factor,
        scored.sex_level,
        scored.sex_bayes_factor,
        scored.postcode_level,
        scored.postcode_bayes_factor,
        scored.phone_level,
        scored.phone_bayes_factor,
        scored.pnc_id_level,
        scored.pnc_id_bayes_factor,
        decisions.decision in ('accepted', 'same_cluster') as is_linked
    from decisions
    left join scored
        on
            decisions.method = 'probabilistic'
            and decisions.record_id_l = scored.record_id_l
            and decisions.record_id_r = scored.record_id_r
    left join clusters as left_cluster
        on decisions.record_id_l = left_cluster.record_id
    left join clusters as right_cluster
        on decisions.record_id_r = right_cluster.record_id
)

select * from final
