{#- A match key for free-typed names that are not people's names (force names, deal
    line names, towns): upper case without accents, `&` read as AND, every run of
    characters that are not letters or digits as one space, trimmed
    (`west-mercia  police.` -> `WEST MERCIA POLICE`, `Jay's Line 2` -> `JAY S LINE 2`).
    The same reduction as stg_reference__police_force_names.force_match_key for
    ASCII names, so found_force can be joined to the force names. -#}
{% macro match_key(expr) -%}
    nullif(trim({{ countylines.regex_replace_all(
        'replace(' ~ countylines.strip_accents('upper(' ~ expr ~ ')') ~ ", '&', ' AND ')",
        '[^\\p{L}\\p{N}]+', ' ') }}), '')
{%- endmacro %}
