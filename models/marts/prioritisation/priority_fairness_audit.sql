{#- One row per (age band, sex) of the nominal population: how many people
    the force holds, how many are county-lines-linked, how many are routed
    to enforcement or safeguarding, how many are in the enforcement top
    (var `fairness_top_n`, default 50), and each share against the
    population share, so over-representation is visible (the lesson of the
    Metropolitan Police gangs matrix). Age bands: seed age_bands; unknown
    age or sex is its own group, never dropped. -#}
with nominals as (
    select * from {{ ref('int_nominals_resolved') }}
),

priority as (
    select * from {{ ref('nominal_priority') }}
),

age_bands as (
    select * from {{ ref('age_bands') }}
),

enforcement_ranked as (
    select
        priority.nominal_id,
        row_number() over (
            order by priority.priority_rank, priority.nominal_id
        ) as enforcement_position
    from priority
    where priority.route = 'ENFORCEMENT'
),

people as (
    select
        nominals.nominal_id,
        priority.route,
        priority.priority_rank,
        coalesce(age_bands.age_band, 'UNKNOWN') as age_band,
        coalesce(nominals.sex, 'UNKNOWN') as sex,
        priority.nominal_id is not null as is_linked,
        coalesce(
            enforcement_ranked.enforcement_position
            <= {{ var('fairness_top_n', 50) }},
            false
        ) as is_enforcement_top
    from nominals
    left join age_bands
        on nominals.age between age_bands.min_age and age_bands.max_age
    left join priority
        on nominals.nominal_id = priority.nominal_id
    left join enforcement_ranked
        on nominals.nominal_id = enforcement_ranked.nominal_id
),

counts as (
    select
        people.age_band,
        people.sex,
        count(*) as nominal_count,
        count(case when people.is_linked then 1 end) as linked_count,
        count(case when people.route = 'ENFORCEMENT' then 1 end)
            as enforcement_count,
        count(case when people.route = 'SAFEGUARDING' then 1 end)
            as safeguarding_count,
        count(case when people.is_enforcement_top then 1 end)
            as enforcement_top_count,
        avg(people.priority_rank) as mean_priority_rank
    from people
    group by 1, 2
),

shares as (
    select
        counts.*,
        counts.nominal_count * 1.0
        / nullif(sum(counts.nominal_count) over (), 0) as population_share,
        counts.linked_count * 1.0
        / nullif(sum(counts.linked_count) over (), 0) as linked_share,
        counts.enforcement_count * 1.0
        / nullif(sum(counts.enforcement_count) over (), 0)
            as enforcement_share,
        counts.safeguarding_count * 1.0
        / nullif(sum(counts.safeguarding_count) over (), 0)
            as safeguarding_share,
        counts.enforcement_top_count * 1.0
        / nullif(sum(counts.enforcement_top_count) over (), 0)
            as enforcement_top_share
    from counts
),

final as (
    select
        shares.age_band,
        shares.sex,
        cast(shares.nominal_count as bigint) as nominal_count,
        cast(shares.linked_count as bigint) as linked_count,
        cast(shares.enforcement_count as bigint) as enforcement_count,
        cast(shares.safeguarding_count as bigint) as safeguarding_count,
        cast(shares.enforcement_top_count as bigint) as enforcement_top_count,
        cast(shares.population_share as double) as population_share,
        cast(shares.linked_share as double) as linked_share,
        cast(shares.enforcement_share as double) as enforcement_share,
        cast(shares.safeguarding_share as double) as safeguarding_share,
        cast(shares.enforcement_top_share as double) as enforcement_top_share,
        cast(
            shares.enforcement_share / nullif(shares.population_share, 0)
            as double
        ) as enforcement_ratio,
        cast(
            shares.enforcement_top_share / nullif(shares.population_share, 0)
            as double
        ) as enforcement_top_ratio,
        cast(
            shares.safeguarding_share / nullif(shares.population_share, 0)
            as double
        ) as safeguarding_ratio,
        cast(shares.mean_priority_rank as double) as mean_priority_rank
    from shares
)

select * from final
