{#- Every raw row of the intelligence reports, typed and normalised, with the
    reason it cannot be used (null when it can) and whether it is an exact
    duplicate. The joins to the grading reference are validation: a grade
    that is not a grade of the report's scheme is GRADE_SCHEME_MISMATCH. -#}
with source as (
    select * from {{ source('ims', 'intel_reports') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

intel_grading as (
    select * from {{ ref('stg_reference__intel_grading') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'intel_ref', 'submitted_date', 'grading_scheme', 'source_grade',
            'intel_grade', 'handling_code', 'origin', 'pins_ref', 'npu',
            'report_text',
        ],
        key_columns=['intel_ref'],
    ) }}
),

normalised as (
    select
        read.record_key,
        read.source_file,
        read.raw_row,
        read.row_hash,
        read.copy_number,
        read.key_version_count,
        {{ normalise_code('read.intel_ref') }} as intel_ref,
        {{ normalise_code('read.pins_ref') }} as pins_ref,
        lower({{ normalise_code('read.grading_scheme') }}) as grading_scheme,
        {{ normalise_code('read.source_grade') }} as source_grade,
        {{ normalise_code('read.intel_grade') }} as intel_grade,
        {{ normalise_code('read.handling_code') }} as handling_code,
        {{ normalise_code('read.origin') }} as origin,
        {{ normalise_code('read.npu') }} as npu,
        {{ free_text('read.report_text') }} as report_text,
        {{ parse_date('read.submitted_date') }} as submitted_date,
        {{ clean_text('read.submitted_date') }} is null
        or {{ is_invalid_date('read.submitted_date') }} as has_invalid_date,
        {{ is_impossible_date(
            parse_date('read.submitted_date'), 'extract.extract_date') }}
            as has_impossible_date
    from read
    cross join extract
),

graded as (
    select
        normalised.*,
        normalised.source_grade is not null
        and source_grades.grade_code is null as has_foreign_source_grade,
        normalised.intel_grade is not null
        and intelligence_grades.grade_code is null
            as has_foreign_intel_grade,
        normalised.handling_code is not null
        and handling_codes.grade_code is null as has_foreign_handling_code
    from normalised
    left join intel_grading as source_grades
        on
            normalised.grading_scheme = source_grades.grading_scheme
            and source_grades.dimension = 'SOURCE'
            and normalised.source_grade = source_grades.grade_code
    left join intel_grading as intelligence_grades
        on
            normalised.grading_scheme = intelligence_grades.grading_scheme
            and intelligence_grades.dimension = 'INTELLIGENCE'
            and normalised.intel_grade = intelligence_grades.grade_code
    left join intel_grading as handling_codes
        on
            normalised.grading_scheme = handling_codes.grading_scheme
            and handling_codes.dimension = 'HANDLING'
            and normalised.handling_code = handling_codes.grade_code
),

validated as (
    select
        graded.*,
        case
            when graded.record_key is null then 'MISSING_KEY'
            when graded.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when
                graded.grading_scheme is null or graded.report_text is null
                then 'MISSING_REQUIRED'
            when graded.has_invalid_date then 'INVALID_DATE'
            when graded.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                graded.grading_scheme not in ('5x5x5', '3x5x2')
                or graded.origin not in (
                    'OFFICER', 'PUBLIC', 'CRIMESTOPPERS', 'PARTNER', 'PINS'
                )
                then 'INVALID_CODE'
            when
                graded.has_foreign_source_grade
                or graded.has_foreign_intel_grade
                or graded.has_foreign_handling_code
                then 'GRADE_SCHEME_MISMATCH'
        end as quarantine_reason
    from graded
),

final as (
    select * from validated
)

select * from final
