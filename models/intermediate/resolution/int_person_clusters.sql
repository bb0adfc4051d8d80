{#- One row per source person record: the cluster (person) it was resolved into, how
    (the strongest accepted link touching it) and with what probability. -#}
with records as (
    select * from {{ ref('int_person_records') }}
),

decisions as (
    select * from {{ ref('int_person_link_decisions') }}
),

sides as (
    select
        decisions.record_id_l as record_id,
        decisions.cluster_id_l as cluster_id
    from decisions
    union all
    select
        decisions.record_id_r as record_id,
        decisions.cluster_id_r as cluster_id
    from decisions
),

record_cluster as (
    select
        sides.record_id,
        min(sides.cluster_id) as cluster_id
    from sides
    group by 1
),

supporting_links as (
    select
        decisions.record_id_l as record_id,
        decisions.method,
        decisions.match_probability
    from decisions
    where decisions.decision in ('accepted', 'same_cluster')
    union all
    select
        decisions.record_id_r as record_id,
        decisions.method,
        decisions.match_probability
    from decisions
    where decisions.decision in ('accepted', 'same_cluster')
),

strongest_link as (
    select
        supporting_links.record_id,
        min(
            case supporting_links.method
                when 'analyst_override' then 1
                when 'exact_key' then 2
                else 3
            end
        ) as method_rank,
        max(supporting_links.match_probability) as match_probability
    from supporting_links
    group by 1
),

clustered as (
    select
        records.record_id,
        records.source_system,
        records.source_id,
        records.has_identity,
        coalesce(record_cluster.cluster_id, records.record_id) as cluster_id,
        strongest_link.method_rank,
        strongest_link.match_probability
    from records
    left join record_cluster
        on records.record_id = record_cluster.record_id
    left join strongest_link
        on records.record_id = strongest_link.record_id
),

sized as (
    select
        clustered.*,
        count(*) over (partition by clustered.cluster_id) as cluster_size
    from clustered
),

final as (
    select
        sized.record_id,
        sized.source_system,
        sized.source_id,
        sized.cluster_id,
        case
            when sized.cluster_size > 1 or sized.has_identity
                then {{ dbt.concat([
                    "'NM'", 'upper(substr(' ~ dbt.hash('sized.cluster_id') ~ ', 1, 12))']) }}
        end as nominal_id,
        case
            when sized.cluster_size = 1 then 'singleton'
            when sized.method_rank = 1 then 'analyst_override'
            when sized.method_rank = 2 then 'exact_key'
            else 'probabilistic'
        end as match_method,
        case
            when sized.cluster_size > 1 then sized.match_probability
        end as match_probability,
        sized.cluster_size,
        sized.has_identity
    from sized
)

select * from final
