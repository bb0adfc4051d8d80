{#- The public mart safeguarding_referrals (MARTS.md):
    int_safeguarding_referrals_linked, published as it is. -#}
with published as (
    select * from {{ ref('int_safeguarding_referrals_linked') }}
),

final as (
    select
        published.nominal_id,
        published.line_id,
        published.line_basis,
        published.line_link_strength,
        published.network_id,
        published.reasons,
        published.missing_episode_count,
        published.found_out_of_force_count,
        published.is_child,
        published.is_looked_after,
        published.appears_as_offender,
        published.is_on_exploitation_list,
        published.last_indicator_date
    from published
)

select * from final
