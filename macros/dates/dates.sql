{#- The analysis date: the `analysis_date` var as a date literal when it is set,
    else the given fallback expression (normally the extract date). -#}
{% macro analysis_date_or(fallback) -%}
    {%- if var('analysis_date') -%}
        cast('{{ var("analysis_date") }}' as date)
    {%- else -%}
        {{ fallback }}
    {%- endif -%}
{%- endmacro %}


{#- Age in whole years on a date: the year difference, less one before the birthday. -#}
{% macro age_at(date_of_birth, on_date) -%}
    (
        extract(year from {{ on_date }}) - extract(year from {{ date_of_birth }})
        - case
            when
                extract(month from {{ on_date }}) * 100 + extract(day from {{ on_date }})
                < extract(month from {{ date_of_birth }}) * 100
                + extract(day from {{ date_of_birth }})
                then 1
            else 0
        end
    )
{%- endmacro %}
