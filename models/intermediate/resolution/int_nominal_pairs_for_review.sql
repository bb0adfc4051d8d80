{{ config(materialized='table') }}
{#- One row per borderline pair of person records for an analyst to decide: a
    probabilistic link between `review_min_probability` and the link threshold, one
    above the threshold that a constraint stopped (a weak bridge, a sex or date of birth
    conflict), or a contact known only by a name that one person of the extract carries
    (`suggested`). Ranked by how much the decision matters: the records' recorded activity
    (events in every system) times how uncertain the score is. Decisions go into the
    seed resolution_overrides and apply on the next build. -#}
with links as (
    select * from {{ ref('int_person_links_explained') }}
),

activity as (
    select * from {{ ref('int_person_record_activity') }}
),

borderline as (
    select links.*
    from links
    where
        links.decision = 'suggested'
        or (
            links.method = 'probabilistic'
            and not links.is_linked
            and links.match_probability >= {{ var('review_min_probability', 0.5) }}
        )
),

weighted as (
    select
        borderline.*,
        coalesce(left_activity.event_count, 0)
        + coalesce(right_activity.event_count, 0) as combined_event_count,
        -- 1 at probability 0.5 (a coin toss), 0 at certainty; a name-only
        -- suggestion has no probability and counts as a coin toss
        1 - abs(coalesce(borderline.match_probability, 0.5) - 0.5) * 2
            as uncertainty
    from borderline
    left join activity as left_activity
        on borderline.record_id_l = left_activity.record_id
    left join activity as right_activity
        on borderline.record_id_r = right_activity.record_id
),

final as (
    select
        weighted.record_id_l,
        weighted.record_id_r,
        weighted.nominal_id_l,
        weighted.nominal_id_r,
        weighted.decision,
        weighted.link_rule,
        weighted.match_probability,
        weighted.match_weight,
        weighted.surname_level,
        weighted.forename_level,
        weighted.date_of_birth_level,
        weighted.sex_level,
        weighted.postcode_level,
        weighted.phone_level,
        weighted.pnc_id_level,
        weighted.combined_event_count,
        weighted.uncertainty,
        (1 + weighted.combined_event_count) * (0.5 + weighted.uncertainty)
            as review_importance,
        dense_rank() over (
            order by
                (1 + weighted.combined_event_count)
                * (0.5 + weighted.uncertainty) desc
        ) as review_rank
    from weighted
)

select * from final
