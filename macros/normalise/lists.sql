{#- Lists held in one text column (`07700900123;07700900456`): one row per item.
    Engine-specific (DuckDB unnest, Spark posexplode), so dispatched. -#}

{#- A select over `relation_alias` with one row per item of the `delimiter`-separated
    text in `list_column`: the `keep_columns` of the row, `item_position` (1, 2 ...
    in the order written, blank items counted) and `item` (as written, untrimmed).
    Rows whose list is null give no rows. `delimiter` is one literal character. -#}
{% macro split_list_rows(relation_alias, list_column, keep_columns, delimiter=';') -%}
    {{ return(adapter.dispatch('split_list_rows', 'countylines')(
        relation_alias, list_column, keep_columns, delimiter)) }}
{%- endmacro %}

{% macro duckdb__split_list_rows(relation_alias, list_column, keep_columns, delimiter) -%}
    select
        {%- for column in keep_columns %}
        {{ relation_alias }}.{{ column }},
        {%- endfor %}
        generate_subscripts(
            string_split({{ relation_alias }}.{{ list_column }}, '{{ delimiter }}'), 1
        ) as item_position,
        unnest(
            string_split({{ relation_alias }}.{{ list_column }}, '{{ delimiter }}')
        ) as item
    from {{ relation_alias }}
    where {{ relation_alias }}.{{ list_column }} is not null
{%- endmacro %}

{% macro spark__split_list_rows(relation_alias, list_column, keep_columns, delimiter) -%}
    select
        {%- for column in keep_columns %}
        {{ relation_alias }}.{{ column }},
        {%- endfor %}
        exploded.item_index + 1 as item_position,
        exploded.item
    from {{ relation_alias }}
    lateral view posexplode(
        split({{ relation_alias }}.{{ list_column }}, '[{{ delimiter }}]', -1)
    ) exploded as item_index, item
    where {{ relation_alias }}.{{ list_column }} is not null
{%- endmacro %}

{% macro default__split_list_rows(relation_alias, list_column, keep_columns, delimiter) -%}
    {{ exceptions.raise_compiler_error(
        'split_list_rows is not implemented for adapter ' ~ target.type) }}
{%- endmacro %}
