{#-
    The first step of every base staging model: the raw rows of one source table with
    what validation needs, before any cleaning.

    Returns a select over `relation_alias` (an import CTE of the source) adding:
      record_key          the key columns, normalised as codes (upper case, no spaces, so
                          `pr0001` and `PR0001` are one key), joined with '|' (null when
                          every key is blank)
      source_file         the extract file the row came from
      raw_row             the declared columns as read, as JSON (kept for quarantine)
      row_hash            hash of raw_row: equal for exact duplicate rows
      copy_number         1 for the first copy of an exact duplicate, 2, 3 ... for repeats
      key_version_count   distinct contents sharing this record_key (> 1: a key conflict)
-#}
{% macro staging_read(relation_alias, columns, key_columns) -%}
    {%- set key_parts = [] -%}
    {%- for key in key_columns -%}
        {%- do key_parts.append(
            "coalesce(" ~ countylines.normalise_code('hashed.' ~ key) ~ ", '')") -%}
        {%- if not loop.last -%}{%- do key_parts.append("'|'") -%}{%- endif -%}
    {%- endfor -%}
    {%- set blank_checks = [] -%}
    {%- for key in key_columns -%}
        {%- do blank_checks.append("nullif(trim(hashed." ~ key ~ "), '') is null") -%}
    {%- endfor -%}
    select
        keyed.*,
        row_number() over (
            partition by keyed.row_hash
            order by keyed.source_file
        ) as copy_number,
        count(distinct keyed.row_hash) over (
            partition by keyed.record_key
        ) as key_version_count
    from (
        select
            hashed.*,
            case
                when {{ blank_checks | join(' and ') }} then null
                else {{ dbt.concat(key_parts) if key_parts | length > 1 else key_parts[0] }}
            end as record_key
        from (
            select
                with_raw.*,
                {{ dbt.hash('with_raw.raw_row') }} as row_hash
            from (
                select
                    {%- for column in columns %}
                    {{ relation_alias }}.{{ column }},
                    {%- endfor %}
                    {{ relation_alias }}._source_file as source_file,
                    {{ countylines.raw_row_json(relation_alias, columns) }} as raw_row
                from {{ relation_alias }}
            ) as with_raw
        ) as hashed
    ) as keyed
{%- endmacro %}
