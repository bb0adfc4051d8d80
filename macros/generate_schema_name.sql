{#- Schemas are named exactly as configured (`staging`, `marts`, ...), not prefixed
    with the target schema, because MARTS.md promises the schema name `marts`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
