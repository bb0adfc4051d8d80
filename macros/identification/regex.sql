{#- Regular-expression helpers of county lines identification. Patterns are
    RE2 / Java compatible (DuckDB uses RE2, Spark Java), so the lexicon seed
    runs on both engines. -#}

{#- True when `pattern` (a regular expression known when the SQL is
    compiled, e.g. a lexicon row) occurs anywhere in `expr` as whole words,
    ignoring case: the pattern is wrapped in `(?i)\b(?:...)\b`. Null text
    gives null. -#}
{% macro cl_regex_contains_words(expr, pattern) -%}
    {{ return(adapter.dispatch('cl_regex_contains_words', 'countylines')(
        expr, pattern)) }}
{%- endmacro %}

{% macro duckdb__cl_regex_contains_words(expr, pattern) -%}
    {%- set wrapped = '(?i)\\b(?:' ~ pattern ~ ')\\b' -%}
    regexp_matches({{ expr }}, '{{ wrapped | replace("'", "''") }}')
{%- endmacro %}

{% macro spark__cl_regex_contains_words(expr, pattern) -%}
    {%- set wrapped = '(?i)\\b(?:' ~ pattern ~ ')\\b' -%}
    ({{ expr }} rlike '{{ wrapped | replace("\\", "\\\\") | replace("'", "\\'") }}')
{%- endmacro %}

{% macro default__cl_regex_contains_words(expr, pattern) -%}
    {{ exceptions.raise_compiler_error(
        'cl_regex_contains_words is not implemented for adapter ' ~ target.type) }}
{%- endmacro %}


{#- A select over `relation_alias` with one row per match of `pattern` in
    `text_column`: the `keep_columns` of the row and `matched_text` (the whole
    match). Rows with no match or null text give no rows. -#}
{% macro cl_regex_match_rows(relation_alias, text_column, pattern, keep_columns) -%}
    {{ return(adapter.dispatch('cl_regex_match_rows', 'countylines')(
        relation_alias, text_column, pattern, keep_columns)) }}
{%- endmacro %}

{% macro duckdb__cl_regex_match_rows(relation_alias, text_column, pattern, keep_columns) -%}
    select
        {%- for column in keep_columns %}
        {{ relation_alias }}.{{ column }},
        {%- endfor %}
        unnest(
            regexp_extract_all({{ relation_alias }}.{{ text_column }}, '{{ pattern }}')
        ) as matched_text
    from {{ relation_alias }}
    where {{ relation_alias }}.{{ text_column }} is not null
{%- endmacro %}

{% macro spark__cl_regex_match_rows(relation_alias, text_column, pattern, keep_columns) -%}
    select
        {%- for column in keep_columns %}
        {{ relation_alias }}.{{ column }},
        {%- endfor %}
        exploded.matched_text
    from {{ relation_alias }}
    lateral view explode(
        regexp_extract_all({{ relation_alias }}.{{ text_column }}, '{{ pattern }}', 0)
    ) exploded as matched_text
    where {{ relation_alias }}.{{ text_column }} is not null
{%- endmacro %}

{% macro default__cl_regex_match_rows(relation_alias, text_column, pattern, keep_columns) -%}
    {{ exceptions.raise_compiler_error(
        'cl_regex_match_rows is not implemented for adapter ' ~ target.type) }}
{%- endmacro %}


{#- The pattern of a UK mobile number as people write it in free text:
    07700 900123, 07700900123, +447700900123, +44 (0)7700 900123,
    (07700) 900-123, 07700-900-123, 0044 7700 900 123. Normalise the match
    with normalise_phone. -#}
{% macro cl_phone_pattern() -%}
    (\+44\s?\(?0?\)?\s?|0044\s?|\(?0)7[0-9]{3}\)?[\s.-]?[0-9]{3}[\s.-]?[0-9]{3}
{%- endmacro %}


{#- The decay factor of an indicator `age_days` old: 0.5 ^ (age / half-life),
    1 for undated or future events. -#}
{% macro cl_decay(age_days, half_life_days) -%}
    power(0.5, greatest(coalesce({{ age_days }}, 0), 0) / ({{ half_life_days }} * 1.0))
{%- endmacro %}


{#- A list of strings as comma-separated SQL literals, for `in (...)`:
    ['A', "B'C"] -> 'A', 'B''C'. -#}
{% macro cl_quoted_list(values) -%}
    {%- for value in values -%}
        '{{ value | replace("'", "''") }}'{{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}


{#- Aggregate: whether any row of the group has an indicator in the list
    (portable bool_or). -#}
{% macro any_indicator_in(column, indicators) -%}
    max(case
        when {{ column }} in ({{ cl_quoted_list(indicators) }}) then 1
        else 0
    end) = 1
{%- endmacro %}


{#- The rows of the lexicon seed (term_id, category, pattern, strength) when
    the SQL is compiled, so each pattern becomes a constant regular
    expression. Reads the seed's own relation (from the graph, not ref, so a
    unit test's fixture of the seed does not hide the patterns); no rows
    while parsing or before the seed is loaded (e.g. when linting). -#}
{% macro cl_lexicon_rows() -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set node = (graph.get('nodes') or {}).get(
        'seed.countylines.cl_lexicon') -%}
    {%- if node -%}
        {%- set relation = adapter.get_relation(
            database=node.database, schema=node.schema,
            identifier=node.alias) -%}
    {%- else -%}
        {#- a unit test's context has no graph: the seeds' schema -#}
        {%- set relation = adapter.get_relation(
            database=target.database,
            schema=generate_schema_name('reference', none),
            identifier='cl_lexicon') -%}
    {%- endif -%}
    {%- if relation is none -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(run_query(
        'select term_id, category, pattern, strength from '
        ~ relation ~ ' order by term_id').rows) }}
{%- endmacro %}
