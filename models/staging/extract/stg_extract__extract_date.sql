{#- One row: the day the extract was taken, and the analysis date used for ages,
    recency and "is a child" (the `analysis_date` var when set, else the extract date). -#}
with source as (
    select * from {{ source('extract', 'extract_date') }}
),

parsed as (
    select
        {{ dbt.safe_cast('trim(source.extract_date)', 'date') }} as extract_date
    from source
    where nullif(trim(source.extract_date), '') is not null
),

final as (
    select
        parsed.extract_date,
        {{ analysis_date_or('parsed.extract_date') }} as analysis_date
    from parsed
)

select * from final
