{#- Normalisation of postcodes, phone numbers and Home Office offence codes. -#}

{#- A UK postcode in upper case with one space before the inward code
    (`b97 4ab`, `B974AB` -> `B97 4AB`); null when it is not postcode-shaped. -#}
{% macro normalise_postcode(expr) -%}
    {%- set squashed = 'upper(' ~ countylines.regex_replace_all(expr, '\\s+', '') ~ ')' -%}
    case
        when {{ countylines.regex_full_match(
            squashed, '[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}') }}
            then {{ dbt.concat([
                'substr(' ~ squashed ~ ', 1, length(' ~ squashed ~ ') - 3)',
                "' '",
                'substr(' ~ squashed ~ ', length(' ~ squashed ~ ') - 2, 3)']) }}
    end
{%- endmacro %}


{#- The outward code (postcode district) of a normalised postcode: `B97 4AB` -> `B97`. -#}
{% macro postcode_district(normalised_postcode) -%}
    {{ dbt.split_part(normalised_postcode, "' '", 1) }}
{%- endmacro %}


{#- The postcode area (leading letters) of a normalised postcode: `B97 4AB` -> `B`. -#}
{% macro postcode_area(normalised_postcode) -%}
    {{ countylines.regex_extract(normalised_postcode, '^[A-Z]+') }}
{%- endmacro %}


{#- A UK phone number in one canonical form: 11 digits starting 0 (`07700900123`).
    Accepts `07700 900123`, `+447700900123`, `00447700900123`, `(07700) 900-123`,
    `+44 (0)7700 900123`;
    null when the digits do not make a UK number. -#}
{% macro normalise_phone(expr) -%}
    {%- set digits = countylines.regex_replace_all(
        countylines.regex_replace_all(expr, '\\(0\\)', ''), '[^0-9]', '') -%}
    case
        when {{ countylines.regex_full_match(digits, '0[1-9][0-9]{9}') }}
            then {{ digits }}
        when {{ countylines.regex_full_match(digits, '(00)?44[1-9][0-9]{9}') }}
            then {{ dbt.concat(["'0'", dbt.right(digits, '10')]) }}
        when {{ countylines.regex_full_match(digits, '7[0-9]{9}') }}
            then {{ dbt.concat(["'0'", digits]) }}
    end
{%- endmacro %}


{#- A Home Office offence code as `CCC/SS` (`92/16`, ` 092/16 ` -> `092/16`);
    null when it is not code-shaped. -#}
{% macro normalise_ho_code(expr) -%}
    {%- set squashed = countylines.regex_replace_all(expr, '\\s+', '') -%}
    case
        when {{ countylines.regex_full_match(squashed, '[0-9]{1,3}/[0-9]{1,2}') }}
            then {{ dbt.concat([
                "lpad(" ~ dbt.split_part(squashed, "'/'", 1) ~ ", 3, '0')",
                "'/'",
                "lpad(" ~ dbt.split_part(squashed, "'/'", 2) ~ ", 2, '0')"]) }}
    end
{%- endmacro %}
