{#- Text normalisation. Engine-specific pieces are dispatched (duckdb__, spark__). -#}

{#- An identifier or short text: trimmed, blank as null. -#}
{% macro clean_text(expr) -%}
    nullif(trim({{ expr }}), '')
{%- endmacro %}


{#- Free text: kept exactly as written (it must round-trip), blank as null. -#}
{% macro free_text(expr) -%}
    case when trim({{ expr }}) = '' then null else {{ expr }} end
{%- endmacro %}


{#- A code from a documented set: upper case, every space removed, blank as null. -#}
{% macro normalise_code(expr) -%}
    nullif(upper({{ countylines.regex_replace_all(expr, '\\s+', '') }}), '')
{%- endmacro %}


{#- A person's name for display: spaces collapsed, upper case, accents kept. -#}
{% macro name_display(expr) -%}
    nullif(upper(trim({{ countylines.regex_replace_all(expr, '\\s+', ' ') }})), '')
{%- endmacro %}


{#- A person's name for comparison: display form without accents; hyphens as spaces;
    every other character that is not a letter or a space removed (O'NEIL -> ONEIL,
    SMITH-JONES -> SMITH JONES, Zoë -> ZOE). -#}
{% macro name_comparison(expr) -%}
    nullif(trim({{ countylines.regex_replace_all(
        countylines.regex_replace_all(
            countylines.regex_replace_all(
                countylines.strip_accents('upper(' ~ expr ~ ')'), '-', ' '),
            '[^A-Z ]', ''),
        ' +', ' ') }}), '')
{%- endmacro %}


{#- Replace every match of a regular expression. -#}
{% macro regex_replace_all(expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regex_replace_all', 'countylines')(expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regex_replace_all(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, '{{ pattern }}', '{{ replacement }}')
{%- endmacro %}

{% macro duckdb__regex_replace_all(expr, pattern, replacement) -%}
    regexp_replace({{ expr }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}


{#- True when the whole of expr matches the regular expression. -#}
{% macro regex_full_match(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_full_match', 'countylines')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_full_match(expr, pattern) -%}
    ({{ expr }} rlike '^(?:{{ pattern }})$')
{%- endmacro %}

{% macro duckdb__regex_full_match(expr, pattern) -%}
    regexp_full_match({{ expr }}, '{{ pattern }}')
{%- endmacro %}


{#- The first match of a regular expression (null when none). -#}
{% macro regex_extract(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_extract', 'countylines')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_extract(expr, pattern) -%}
    nullif(regexp_extract({{ expr }}, '({{ pattern }})', 1), '')
{%- endmacro %}


{#- Letters without their accents (Zoë -> Zoe). -#}
{% macro strip_accents(expr) -%}
    {{ return(adapter.dispatch('strip_accents', 'countylines')(expr)) }}
{%- endmacro %}

{% macro duckdb__strip_accents(expr) -%}
    strip_accents({{ expr }})
{%- endmacro %}

{% macro default__strip_accents(expr) -%}
    translate(
        {{ expr }},
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ',
        'AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy'
    )
{%- endmacro %}


{#- The tokens of a person's names (comparison forms), sorted and space-joined, so that
    swapped forenames and surname give the same key; null when fewer than two tokens. -#}
{% macro name_key(forenames_std, surname_std) -%}
    {{ return(adapter.dispatch('name_key', 'countylines')(forenames_std, surname_std)) }}
{%- endmacro %}

{% macro duckdb__name_key(forenames_std, surname_std) -%}
    case
        when len(string_split(trim({{ dbt.concat([
            "coalesce(" ~ forenames_std ~ ", '')", "' '", "coalesce(" ~ surname_std ~ ", '')"
        ]) }}), ' ')) >= 2
            then array_to_string(list_sort(string_split(trim({{ dbt.concat([
                "coalesce(" ~ forenames_std ~ ", '')", "' '",
                "coalesce(" ~ surname_std ~ ", '')"]) }}), ' ')), ' ')
    end
{%- endmacro %}

{% macro default__name_key(forenames_std, surname_std) -%}
    case
        when size(split(trim({{ dbt.concat([
            "coalesce(" ~ forenames_std ~ ", '')", "' '", "coalesce(" ~ surname_std ~ ", '')"
        ]) }}), ' ')) >= 2
            then array_join(array_sort(split(trim({{ dbt.concat([
                "coalesce(" ~ forenames_std ~ ", '')", "' '",
                "coalesce(" ~ surname_std ~ ", '')"]) }}), ' ')), ' ')
    end
{%- endmacro %}
