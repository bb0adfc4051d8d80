{#- One row per person who must never be proposed for removal from a
    network: a child at the analysis date, or a potential victim of
    exploitation (nominal_county_lines). -#}
with nominals as (
    select * from {{ ref('int_nominals_resolved') }}
),

county_lines as (
    select * from {{ ref('int_nominal_cl_scores') }}
),

protected as (
    select
        nominals.nominal_id,
        coalesce(nominals.is_child, false) as is_child,
        coalesce(county_lines.is_potential_victim, false)
            as is_potential_victim
    from nominals
    left join county_lines
        on nominals.nominal_id = county_lines.nominal_id
),

final as (
    select
        protected.nominal_id,
        protected.is_child,
        protected.is_potential_victim
    from protected
    where protected.is_child or protected.is_potential_victim
)

select * from final
