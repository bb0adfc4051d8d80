{#- One row per grading scheme, dimension and code: the grades of both
    intelligence grading schemes, with the force's credibility rule. -#}
with intel_grading as (
    select * from {{ ref('intel_grading') }}
),

final as (
    select
        {{ dbt.concat([
            'trim(intel_grading.grading_scheme)', "'|'",
            'upper(trim(intel_grading.dimension))', "'|'",
            'upper(trim(intel_grading.code))',
        ]) }} as grading_code_id,
        trim(intel_grading.grading_scheme) as grading_scheme,
        upper(trim(intel_grading.dimension)) as dimension,
        upper(trim(intel_grading.code)) as grade_code,
        trim(intel_grading.meaning) as meaning,
        intel_grading.is_credibility_dimension,
        intel_grading.is_credible_grade
    from intel_grading
)

select * from final
