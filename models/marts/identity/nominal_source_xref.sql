{#- One row per source person record: the nominal it was resolved into, and how. -#}
with clusters as (
    select * from {{ ref('int_person_clusters') }}
),

final as (
    select
        clusters.nominal_id,
        clusters.source_system,
        clusters.source_id,
        clusters.record_id,
        clusters.match_method,
        clusters.match_probability,
        clusters.cluster_size as nominal_record_count
    from clusters
)

select * from final
