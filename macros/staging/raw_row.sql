{#- Helpers shared by every staging model: the raw row kept for quarantine, its hash
    for exact-duplicate detection. -#}

{#- The raw row as a JSON object of the named columns (text as read). -#}
{% macro raw_row_json(relation_alias, columns) -%}
    {{ return(adapter.dispatch('raw_row_json', 'countylines')(relation_alias, columns)) }}
{%- endmacro %}

{% macro duckdb__raw_row_json(relation_alias, columns) -%}
    cast(to_json(struct_pack(
        {%- for column in columns %}
        {{ column }} := {{ relation_alias }}.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    )) as varchar)
{%- endmacro %}

{% macro default__raw_row_json(relation_alias, columns) -%}
    to_json(named_struct(
        {%- for column in columns %}
        '{{ column }}', {{ relation_alias }}.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    ))
{%- endmacro %}
