-- How the nominals were put together, without any truth: every link considered,
-- counted by the two records' systems, the rule or model behind it and what the
-- clustering decided. Read with `countylines evaluate --identity-breakdown`, which
-- measures the same links against a synthetic truth.
with links as (
    select * from {{ ref('nominal_match_links') }}
),

labelled as (
    select
        links.method,
        links.link_rule,
        links.decision,
        links.is_linked,
        links.match_probability,
        least(
            {{ dbt.split_part('links.record_id_l', "':'", 1) }},
            {{ dbt.split_part('links.record_id_r', "':'", 1) }}
        ) as source_system_a,
        greatest(
            {{ dbt.split_part('links.record_id_l', "':'", 1) }},
            {{ dbt.split_part('links.record_id_r', "':'", 1) }}
        ) as source_system_b
    from links
),

final as (
    select
        labelled.source_system_a,
        labelled.source_system_b,
        labelled.method,
        labelled.link_rule,
        labelled.decision,
        count(*) as link_count,
        min(labelled.match_probability) as min_probability,
        avg(labelled.match_probability) as mean_probability
    from labelled
    group by 1, 2, 3, 4, 5
)

select * from final
order by 6 desc
