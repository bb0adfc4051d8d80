{#- A sum of doubles that is the same on every run. DuckDB and Spark add the
    rows of a group in an order that depends on their threads, and double
    addition is not associative, so the last bits of a double sum vary from
    run to run (and can flip a threshold or a tie in a rank). Each value is
    rounded to `scale` decimal places and summed as a decimal, which is exact,
    then returned as a double. -#}
{% macro exact_sum(expression, scale=12) -%}
    cast(sum(cast({{ expression }} as decimal(38, {{ scale }}))) as double)
{%- endmacro %}


{#- The mean of doubles, the same on every run: exact_sum over the count. -#}
{% macro exact_avg(expression, scale=12) -%}
    ({{ exact_sum(expression, scale) }} / count({{ expression }}))
{%- endmacro %}
