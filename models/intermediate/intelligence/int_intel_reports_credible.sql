{#- One row per credible intelligence report: the reports that pass the
    force's grading rule, the only ones analysis reads. The excluded ones stay
    in int_intel_reports_graded and are counted in marts.intel_credibility. -#}
with graded as (
    select * from {{ ref('int_intel_reports_graded') }}
),

credible as (
    select
        graded.intel_ref,
        graded.pins_ref,
        graded.grading_scheme,
        graded.source_grade,
        graded.intel_grade,
        graded.handling_code,
        graded.origin,
        graded.npu,
        graded.report_text,
        graded.submitted_date
    from graded
    where graded.is_credible
),

final as (
    select * from credible
)

select * from final
