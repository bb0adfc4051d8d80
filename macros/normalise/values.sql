{#- Typed values from raw text: dates, timestamps, integers, decimals and flags. -#}

{#- A date from `YYYY-MM-DD` or `DD/MM/YYYY`; null when neither parses. -#}
{% macro parse_date(expr) -%}
    {{ return(adapter.dispatch('parse_date', 'countylines')(expr)) }}
{%- endmacro %}

{% macro duckdb__parse_date(expr) -%}
    cast(coalesce(
        try_strptime(trim({{ expr }}), '%Y-%m-%d'),
        try_strptime(trim({{ expr }}), '%d/%m/%Y')
    ) as date)
{%- endmacro %}

{% macro default__parse_date(expr) -%}
    coalesce(
        try_to_date(trim({{ expr }}), 'yyyy-MM-dd'),
        try_to_date(trim({{ expr }}), 'dd/MM/yyyy')
    )
{%- endmacro %}


{#- A timestamp from `YYYY-MM-DD HH:MM:SS` (or `DD/MM/YYYY HH:MM:SS`); null otherwise. -#}
{% macro parse_timestamp(expr) -%}
    {{ return(adapter.dispatch('parse_timestamp', 'countylines')(expr)) }}
{%- endmacro %}

{% macro duckdb__parse_timestamp(expr) -%}
    cast(coalesce(
        try_strptime(trim({{ expr }}), '%Y-%m-%d %H:%M:%S'),
        try_strptime(trim({{ expr }}), '%d/%m/%Y %H:%M:%S')
    ) as timestamp)
{%- endmacro %}

{% macro default__parse_timestamp(expr) -%}
    coalesce(
        try_to_timestamp(trim({{ expr }}), 'yyyy-MM-dd HH:mm:ss'),
        try_to_timestamp(trim({{ expr }}), 'dd/MM/yyyy HH:mm:ss')
    )
{%- endmacro %}


{#- An integer; null when blank or not a whole number (`4.2` is not rounded to 4). -#}
{% macro parse_int(expr) -%}
    case
        when {{ countylines.regex_full_match('trim(' ~ expr ~ ')', '[+-]?[0-9]{1,9}') }}
            then cast(trim({{ expr }}) as {{ api.Column.translate_type('integer') }})
    end
{%- endmacro %}


{#- A decimal number; null when blank or not a number (`heavy` is null, not an error). -#}
{% macro parse_decimal(expr) -%}
    case
        when {{ countylines.regex_full_match(
            'trim(' ~ expr ~ ')', '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)') }}
            then cast(trim({{ expr }}) as {{ api.Column.translate_type('double') }})
    end
{%- endmacro %}


{#- A flag from any of its spellings (Y/N, Yes/No, 1/0, TRUE/FALSE, T/F);
    null when blank or unrecognised (see `is_valid_flag`). -#}
{% macro parse_flag(expr) -%}
    case
        when upper(trim({{ expr }})) in ('Y', 'YES', '1', 'TRUE', 'T') then true
        when upper(trim({{ expr }})) in ('N', 'NO', '0', 'FALSE', 'F') then false
    end
{%- endmacro %}


{#- True when a raw flag is blank or one of the recognised spellings. -#}
{% macro is_valid_flag(expr) -%}
    (
        nullif(trim({{ expr }}), '') is null
        or upper(trim({{ expr }})) in (
            'Y', 'YES', '1', 'TRUE', 'T', 'N', 'NO', '0', 'FALSE', 'F'
        )
    )
{%- endmacro %}


{#- Date of birth: the `1900-01-01` marker means unknown and becomes null. -#}
{% macro parse_date_of_birth(expr) -%}
    nullif({{ countylines.parse_date(expr) }}, cast('1900-01-01' as date))
{%- endmacro %}


{#- True when a raw date or timestamp is present but does not parse. -#}
{% macro is_invalid_date(raw_expr, timestamp=false) -%}
    (
        nullif(trim({{ raw_expr }}), '') is not null
        and {{ countylines.parse_timestamp(raw_expr) if timestamp
            else countylines.parse_date(raw_expr) }} is null
    )
{%- endmacro %}


{#- True when a parsed date (or timestamp) is impossible: before 1900 (the
    `1900-01-01` unknown marker excepted) or, unless allow_future, after the
    extract date. Null input is not impossible. -#}
{% macro is_impossible_date(parsed_expr, extract_date_expr, allow_future=false) -%}
    coalesce(
        cast({{ parsed_expr }} as date) < cast('1900-01-01' as date)
        {%- if not allow_future %}
        or cast({{ parsed_expr }} as date) > {{ extract_date_expr }}
        {%- endif %},
        false
    )
{%- endmacro %}
