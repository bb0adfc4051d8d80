{#-
    Check the raw extract and expose each of its tables as a view in the `raw` schema.

    Runs as on-run-start. For every source table that declares `meta.file_glob`:
      1. the table must have at least one file (`<raw_root>/<file_glob>`);
      2. every file must carry every column whose `meta.required` is true, and name no
         column twice (a reader would rename the second and drop its values); a table
         whose `meta.value_format` is `date` (extract_date.txt) must hold one
         YYYY-MM-DD date;
      3. a view `raw.<table>` is created over the union of the files, all columns as
         text, matched by header name, with null columns for declared optional
         columns that the extract does not carry.
    A failure stops the build with a message naming the file and the column.
-#}
{% macro register_raw_extract() %}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set raw_root = var('raw_root') | string -%}
    {%- set raw_root = raw_root.rstrip('/') -%}
    {%- set problems = [] -%}
    {%- set plans = [] -%}
    {%- for node in graph.sources.values() | sort(attribute='unique_id') -%}
        {%- set meta = node.meta or node.config.get('meta', {}) or {} -%}
        {%- if meta.get('file_glob') -%}
            {%- set pattern = raw_root ~ '/' ~ meta['file_glob'] -%}
            {%- set files = countylines.list_raw_files(pattern) -%}
            {%- set declared = node.columns.values() | map(attribute='name') | list -%}
            {%- set required = [] -%}
            {%- for col in node.columns.values() -%}
                {%- set col_meta = col.meta or col.get('config', {}).get('meta', {}) or {} -%}
                {%- if col_meta.get('required') -%}{%- do required.append(col.name) -%}{%- endif -%}
            {%- endfor -%}
            {%- if files | length == 0 -%}
                {%- do problems.append(
                    'missing table ' ~ node.source_name ~ '.' ~ node.name
                    ~ ': no file matches ' ~ pattern) -%}
            {%- else -%}
                {%- set present_everywhere = none -%}
                {%- set common = [] -%}
                {%- for file in files -%}
                    {%- for col in countylines.repeated_raw_columns(file, meta) -%}
                        {%- do problems.append(
                            'column ' ~ col ~ ' named more than once in the header of file '
                            ~ file ~ ' (table ' ~ node.source_name ~ '.' ~ node.name ~ ')') -%}
                    {%- endfor -%}
                    {%- for problem in countylines.raw_value_problems(file, meta) -%}
                        {%- do problems.append(problem ~ ' in file ' ~ file) -%}
                    {%- endfor -%}
                    {%- set header = countylines.read_raw_header(file, meta) -%}
                    {%- for col in required -%}
                        {%- if col not in header -%}
                            {%- do problems.append(
                                'missing required column ' ~ col ~ ' in file ' ~ file
                                ~ ' (table ' ~ node.source_name ~ '.' ~ node.name ~ ')') -%}
                        {%- endif -%}
                    {%- endfor -%}
                    {%- if loop.first -%}
                        {%- do common.extend(header) -%}
                    {%- endif -%}
                {%- endfor -%}
                {%- set absent = [] -%}
                {%- for col in declared -%}
                    {%- if col not in common -%}{%- do absent.append(col) -%}{%- endif -%}
                {%- endfor -%}
                {%- do plans.append({'node': node, 'files': files, 'absent': absent, 'meta': meta}) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if problems | length > 0 -%}
        {{ exceptions.raise_compiler_error(
            'The raw extract at ' ~ raw_root ~ ' does not match the source contract:\n  - '
            ~ (problems | join('\n  - '))) }}
    {%- endif -%}
    {%- do run_query('create schema if not exists raw') -%}
    {%- for plan in plans -%}
        {%- do run_query(countylines.create_raw_view(
            plan['node'], plan['files'], plan['absent'], plan['meta'])) -%}
    {%- endfor -%}
    {{ log('Registered ' ~ (plans | length) ~ ' raw tables from ' ~ raw_root, info=true) }}
{% endmacro %}


{#- The files matching a glob pattern, sorted. -#}
{% macro list_raw_files(pattern) %}
    {{ return(adapter.dispatch('list_raw_files', 'countylines')(pattern)) }}
{% endmacro %}

{% macro duckdb__list_raw_files(pattern) %}
    {%- set result = run_query(
        "select file from glob(" ~ countylines.sql_string(pattern) ~ ") order by file") -%}
    {{ return(result.columns[0].values() | list) }}
{% endmacro %}

{% macro default__list_raw_files(pattern) %}
    {{ exceptions.raise_compiler_error(
        'Reading raw CSV extracts is not implemented for adapter ' ~ target.type) }}
{% endmacro %}


{#- The lower-cased header of one raw file. -#}
{% macro read_raw_header(file, meta) %}
    {{ return(adapter.dispatch('read_raw_header', 'countylines')(file, meta)) }}
{% endmacro %}

{% macro duckdb__read_raw_header(file, meta) %}
    {%- if meta.get('single_value_column') -%}
        {{ return([meta['single_value_column']]) }}
    {%- endif -%}
    {%- set result = run_query(
        'describe select * from ' ~ countylines.duckdb_read_raw_csv([file], meta)) -%}
    {{ return(result.columns[0].values() | map('lower') | list) }}
{% endmacro %}


{#- The columns a raw file's header names more than once (lower-cased, trimmed): read
    from the first line as written, since the CSV reader renames repeated names. -#}
{% macro repeated_raw_columns(file, meta) %}
    {{ return(adapter.dispatch('repeated_raw_columns', 'countylines')(file, meta)) }}
{% endmacro %}

{% macro duckdb__repeated_raw_columns(file, meta) %}
    {%- if meta.get('single_value_column') -%}{{ return([]) }}{%- endif -%}
    {%- set result = run_query(
        "select * from read_csv([" ~ countylines.sql_string(file) ~ "], header = false,"
        ~ " all_varchar = true, delim = ',', quote = '\"', escape = '\"',"
        ~ " max_line_size = 67108864) limit 1") -%}
    {%- set seen = [] -%}
    {%- set repeated = [] -%}
    {%- if result.rows | length > 0 -%}
        {%- for value in result.rows[0] -%}
            {%- set name = (value or '') | replace('\ufeff', '') | trim | lower -%}
            {%- if name and name in seen and name not in repeated -%}
                {%- do repeated.append(name) -%}
            {%- endif -%}
            {%- do seen.append(name) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(repeated) }}
{% endmacro %}

{% macro default__repeated_raw_columns(file, meta) %}
    {{ return([]) }}
{% endmacro %}


{#- What is wrong with the values of a one-value file whose `meta.value_format` is `date`:
    it must hold exactly one YYYY-MM-DD date (SOURCES.md fixes the format). -#}
{% macro raw_value_problems(file, meta) %}
    {{ return(adapter.dispatch('raw_value_problems', 'countylines')(file, meta)) }}
{% endmacro %}

{% macro duckdb__raw_value_problems(file, meta) %}
    {%- if meta.get('value_format') != 'date' -%}{{ return([]) }}{%- endif -%}
    {%- set column = meta['single_value_column'] -%}
    {%- set result = run_query(
        "select trim(" ~ column ~ ") as value from "
        ~ countylines.duckdb_read_raw_csv([file], meta)
        ~ " where nullif(trim(" ~ column ~ "), '') is not null") -%}
    {%- set values = result.columns[0].values() | list -%}
    {%- if values | length != 1 -%}
        {{ return(['expected one YYYY-MM-DD date, found ' ~ (values | length) ~ ' values']) }}
    {%- endif -%}
    {%- set value = values[0] -%}
    {%- set parsed = run_query(
        "select try_strptime(" ~ countylines.sql_string(value) ~ ", '%Y-%m-%d') is not null"
        ~ " and regexp_full_match(" ~ countylines.sql_string(value)
        ~ ", '[0-9]{4}-[0-9]{2}-[0-9]{2}')") -%}
    {%- if not parsed.rows[0][0] -%}
        {{ return(["expected one YYYY-MM-DD date, found '" ~ value ~ "'"]) }}
    {%- endif -%}
    {{ return([]) }}
{% endmacro %}

{% macro default__raw_value_problems(file, meta) %}
    {{ return([]) }}
{% endmacro %}


{#- DDL for the `raw.<table>` view over the files of one source table. -#}
{% macro create_raw_view(node, files, absent, meta) %}
    {{ return(adapter.dispatch('create_raw_view', 'countylines')(node, files, absent, meta)) }}
{% endmacro %}

{% macro duckdb__create_raw_view(node, files, absent, meta) %}
    create or replace view raw.{{ node.identifier }} as
    select
        src.*
        {%- for col in absent %},
        cast(null as varchar) as {{ col }}
        {%- endfor %}
    from {{ countylines.duckdb_read_raw_csv(files, meta) }} as src
{% endmacro %}


{#- read_csv call for raw files: every column text, header names, RFC 4180. -#}
{% macro duckdb_read_raw_csv(files, meta) %}
    {%- set file_list = [] -%}
    {%- for file in files -%}{%- do file_list.append(countylines.sql_string(file)) -%}{%- endfor -%}
    {%- if meta.get('single_value_column') -%}
    read_csv([{{ file_list | join(', ') }}], header = false, all_varchar = true,
        columns = {'{{ meta['single_value_column'] }}': 'varchar'})
    {%- else -%}
    read_csv([{{ file_list | join(', ') }}], header = true, all_varchar = true,
        union_by_name = true, delim = ',', quote = '"', escape = '"',
        max_line_size = 67108864, filename = '_source_file')
    {%- endif -%}
{% endmacro %}


{#- A SQL string literal with quotes escaped. -#}
{% macro sql_string(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}
