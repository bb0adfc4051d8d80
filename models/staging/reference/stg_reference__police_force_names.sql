{#- One row per force-name match key: every official force name and every
    alias, reduced to a match key, with the official name it stands for.
    To find the force of a free-typed name, reduce it with the same
    expression (`force_match_key` below) and join on `force_match_key`. -#}

{#- The match key: upper case, `&` read as AND, punctuation as a space, runs
    of spaces as one, trimmed. Only replace/upper/trim, so it runs on DuckDB
    and Spark alike. Downstream models must reduce free text the same way. -#}
{%- set key = namespace(sql="upper(names.force_name_as_written)") -%}
{%- set key.sql = "replace(" ~ key.sql ~ ", '&', ' AND ')" -%}
{%- for mark in ['-', '.', ',', "''", '(', ')', '/', ';', ':'] -%}
    {%- set key.sql = "replace(" ~ key.sql ~ ", '" ~ mark ~ "', ' ')" -%}
{%- endfor -%}
{%- for _ in range(4) -%}
    {%- set key.sql = "replace(" ~ key.sql ~ ", '  ', ' ')" -%}
{%- endfor %}

with police_forces as (
    select * from {{ ref('police_forces') }}
),

police_force_aliases as (
    select * from {{ ref('police_force_aliases') }}
),

names as (
    select
        trim(police_forces.force_name) as force_name,
        trim(police_forces.force_name) as force_name_as_written,
        'OFFICIAL' as name_source
    from police_forces

    union all

    select
        trim(police_force_aliases.force_name) as force_name,
        trim(police_force_aliases.force_alias) as force_name_as_written,
        'ALIAS' as name_source
    from police_force_aliases
),

final as (
    select
        trim({{ key.sql }}) as force_match_key,
        names.force_name,
        names.force_name_as_written,
        names.name_source
    from names
)

select * from final
