{#- One row per staged intelligence report: the force's credibility rule
    applied from the grading reference (stg_reference__intel_grading), with
    the reason a report is excluded from analysis. Nothing is dropped here:
    int_intel_reports_credible keeps the credible ones. -#}
with intel_reports as (
    select * from {{ ref('stg_ims__intel_reports') }}
),

intel_grading as (
    select * from {{ ref('stg_reference__intel_grading') }}
),

graded as (
    select
        intel_reports.intel_ref,
        intel_reports.pins_ref,
        intel_reports.grading_scheme,
        intel_reports.source_grade,
        intel_reports.intel_grade,
        intel_reports.handling_code,
        source_grades.meaning as source_grade_meaning,
        intelligence_grades.meaning as intel_grade_meaning,
        intel_reports.origin,
        intel_reports.npu,
        intel_reports.report_text,
        source_grades.is_credible_grade as is_credible_source,
        intelligence_grades.is_credible_grade as is_credible_information,
        intel_reports.submitted_date
    from intel_reports
    left join intel_grading as source_grades
        on
            intel_reports.grading_scheme = source_grades.grading_scheme
            and source_grades.dimension = 'SOURCE'
            and intel_reports.source_grade = source_grades.grade_code
    left join intel_grading as intelligence_grades
        on
            intel_reports.grading_scheme = intelligence_grades.grading_scheme
            and intelligence_grades.dimension = 'INTELLIGENCE'
            and intel_reports.intel_grade = intelligence_grades.grade_code
),

decided as (
    -- The first reason that applies: a grade missing, a grade the
    -- reference does not hold, then the source, then the information.
    select
        graded.*,
        case
            when
                graded.source_grade is null or graded.intel_grade is null
                then 'MISSING_GRADE'
            when
                graded.is_credible_source is null
                or graded.is_credible_information is null
                then 'UNKNOWN_GRADE'
            when not graded.is_credible_source then 'NOT_CREDIBLE_SOURCE'
            when
                not graded.is_credible_information
                then 'NOT_CREDIBLE_INFORMATION'
        end as exclusion_reason
    from graded
),

final as (
    select
        decided.intel_ref,
        decided.pins_ref,
        decided.grading_scheme,
        decided.source_grade,
        decided.intel_grade,
        decided.handling_code,
        decided.source_grade_meaning,
        decided.intel_grade_meaning,
        decided.exclusion_reason,
        decided.origin,
        decided.npu,
        decided.report_text,
        decided.exclusion_reason is null as is_credible,
        coalesce(decided.is_credible_source, false) as is_credible_source,
        coalesce(decided.is_credible_information, false)
            as is_credible_information,
        decided.submitted_date
    from decided
)

select * from final
