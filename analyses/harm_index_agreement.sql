{#- How strongly the two harm indices agree: Spearman rank correlation
    between CCHI days and ONS CSS weight, for people (nominal_harm) and for
    networks (networks), overall and county-lines-related, with the share of
    crimes no ONS weight covers. Spearman = Pearson correlation of the
    average ranks (ties share the mean of the ranks they span). Rows with no
    harm on either index are left out (they would tie at the bottom and
    inflate the agreement). Compile with `dbt compile` and run the SQL in
    target/compiled. -#}
with people as (
    select
        'people' as population,
        'all offences' as harm_scope,
        nominal_harm.harm_cchi as cchi,
        nominal_harm.harm_ons as ons
    from {{ ref('nominal_harm') }} as nominal_harm
    where nominal_harm.harm_cchi > 0 or nominal_harm.harm_ons > 0
    union all
    select
        'people' as population,
        'county-lines-related' as harm_scope,
        nominal_harm.cl_harm_cchi as cchi,
        nominal_harm.cl_harm_ons as ons
    from {{ ref('nominal_harm') }} as nominal_harm
    where nominal_harm.cl_harm_cchi > 0 or nominal_harm.cl_harm_ons > 0
),

network_rows as (
    select
        'networks' as population,
        'all offences' as harm_scope,
        networks.harm_cchi as cchi,
        networks.harm_ons as ons
    from {{ ref('networks') }} as networks
    where networks.harm_cchi > 0 or networks.harm_ons > 0
    union all
    select
        'networks' as population,
        'county-lines-related' as harm_scope,
        networks.cl_harm_cchi as cchi,
        networks.cl_harm_ons as ons
    from {{ ref('networks') }} as networks
    where networks.cl_harm_cchi > 0 or networks.cl_harm_ons > 0
),

paired as (
    select * from people
    union all
    select * from network_rows
),

ranked as (
    select
        paired.population,
        paired.harm_scope,
        rank() over (
            partition by paired.population, paired.harm_scope
            order by paired.cchi
        ) + (count(*) over (
            partition by paired.population, paired.harm_scope, paired.cchi
        ) - 1) / 2.0 as cchi_rank,
        rank() over (
            partition by paired.population, paired.harm_scope
            order by paired.ons
        ) + (count(*) over (
            partition by paired.population, paired.harm_scope, paired.ons
        ) - 1) / 2.0 as ons_rank
    from paired
),

agreement as (
    select
        ranked.population,
        ranked.harm_scope,
        count(*) as row_count,
        round(corr(ranked.cchi_rank, ranked.ons_rank), 4) as spearman_rho
    from ranked
    group by 1, 2
),

coverage as (
    select
        round(
            sum(nominal_harm.offences_without_ons_weight) * 1.0
            / nullif(sum(nominal_harm.offence_count), 0),
            4
        ) as share_of_offences_without_ons_weight
    from {{ ref('nominal_harm') }} as nominal_harm
),

final as (
    select
        agreement.population,
        agreement.harm_scope,
        agreement.row_count,
        agreement.spearman_rho,
        coverage.share_of_offences_without_ons_weight
    from agreement
    cross join coverage
)

select * from final
order by 1, 2
