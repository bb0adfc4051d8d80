{#- The analysis date: the `analysis_date` var as a date literal when it is set,
    else the given fallback expression (normally the extract date). -#}
{% macro analysis_date_or(fallback) -%}
    {%- if var('analysis_date') -%}
        cast('{{ var("analysis_date") }}' as date)
    {%- else -%}
        {{ fallback }}
    {%- endif -%}
{%- endmacro %}
