{#- Generic test: the model has exactly one row (fails with the row count otherwise). -#}
{% test exactly_one_row(model) %}
    with counted as (
        select count(*) as row_count from {{ model }}
    )

    select counted.row_count from counted where counted.row_count != 1
{% endtest %}
