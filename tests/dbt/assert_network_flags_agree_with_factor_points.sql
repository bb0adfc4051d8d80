{#- A network's flags say what its priority weighed: has_firearms is true
    exactly when the firearms factor scored points (while the seed
    network_priority_weights gives FIREARMS a weight above 0). An analyst
    reading "firearms yes" beside "firearms 0 points" cannot trust either.
    Returns the offending networks. -#}
with networks as (
    select * from {{ ref('networks') }}
),

factors as (
    select * from {{ ref('network_priority_factors') }}
),

weights as (
    select * from {{ ref('network_priority_weights') }}
),

violations as (
    select
        networks.network_id,
        networks.has_firearms,
        factors.firearms_points
    from networks
    inner join factors
        on networks.network_id = factors.network_id
    inner join weights
        on weights.factor = 'FIREARMS' and weights.weight > 0
    where networks.has_firearms != (factors.firearms_points > 0)
)

select * from violations
