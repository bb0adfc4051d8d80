{#- One row per grading scheme, credibility and exclusion reason: how many
    staged intelligence reports pass the force's grading rule and how many are
    excluded, and why. Reports that could not be staged at all are counted in
    marts.quarantine. -#}
with graded as (
    select * from {{ ref('int_intel_reports_graded') }}
),

counted as (
    select
        graded.grading_scheme,
        graded.exclusion_reason,
        graded.is_credible,
        count(*) as report_count
    from graded
    group by 1, 2, 3
),

scheme_totals as (
    select
        counted.*,
        sum(counted.report_count) over (
            partition by counted.grading_scheme
        ) as scheme_total
    from counted
),

final as (
    select
        scheme_totals.grading_scheme,
        scheme_totals.exclusion_reason,
        cast(scheme_totals.report_count as {{ dbt.type_bigint() }})
            as report_count,
        cast(scheme_totals.scheme_total as {{ dbt.type_bigint() }})
            as scheme_report_count,
        cast(scheme_totals.report_count as double)
        / cast(scheme_totals.scheme_total as double) as share_of_scheme,
        scheme_totals.is_credible
    from scheme_totals
)

select * from final
