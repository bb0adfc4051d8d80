{{ config(materialized='table') }}
{#- One row per (person, association link) to a nominal whose base score is
    flagged: the network indicators NETWORK_<link_type> (one propagation
    step), weighted and decayed like the others (by the link's last date;
    undated links do not decay) and capped per indicator in the score.
    record_ref: the flagged associate's nominal_id. -#}
with associations as (
    select * from {{ ref('int_nominal_associations') }}
),

base_scores as (
    select * from {{ ref('int_nominal_cl_base_scores') }}
),

weights as (
    select * from {{ ref('cl_indicator_weights') }}
),

extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

directed as (
    select
        associations.nominal_id_a as nominal_id,
        associations.nominal_id_b as associate_nominal_id,
        associations.link_type,
        associations.last_seen_date
    from associations
    union all
    select
        associations.nominal_id_b as nominal_id,
        associations.nominal_id_a as associate_nominal_id,
        associations.link_type,
        associations.last_seen_date
    from associations
),

flagged_links as (
    select
        directed.nominal_id,
        {{ dbt.concat(["'NETWORK_'", 'directed.link_type']) }} as indicator,
        directed.associate_nominal_id,
        directed.last_seen_date
    from directed
    inner join base_scores
        on
            directed.associate_nominal_id = base_scores.nominal_id
            and base_scores.is_base_flagged
),

final as (
    select
        flagged_links.nominal_id,
        flagged_links.indicator,
        'NETWORK' as source_system,
        flagged_links.associate_nominal_id as record_ref,
        cast(null as {{ dbt.type_string() }}) as line_id,
        weights.category as indicator_category,
        weights.description as indicator_description,
        weights.weight as base_weight,
        1.0 as strength,
        weights.weight * {{ cl_decay(
            dbt.datediff('flagged_links.last_seen_date',
                'extract_dates.analysis_date', 'day'),
            var('cl_half_life_days', 365)) }} as weight,
        flagged_links.last_seen_date as event_date
    from flagged_links
    inner join weights
        on flagged_links.indicator = weights.indicator
    cross join extract_dates
)

select * from final
