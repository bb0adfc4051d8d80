{#- One row per intel_ref of the intelligence management system: the usable
    reports, cleaned. Rows that cannot be used are in marts.quarantine; exact
    duplicates are dropped. Credibility is decided downstream
    (int_intel_reports_graded). -#}
with base as (
    select * from {{ ref('base_ims__intel_reports') }}
),

usable as (
    select
        base.intel_ref,
        base.pins_ref,
        base.grading_scheme,
        base.source_grade,
        base.intel_grade,
        base.handling_code,
        base.origin,
        base.npu,
        base.report_text,
        base.submitted_date,
        base.source_file
    from base
    where base.copy_number = 1 and base.quarantine_reason is null
),

final as (
    select * from usable
)

select * from final
