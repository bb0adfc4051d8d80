{{ config(materialized='table') }}
{#- One row per (text record, lexicon term) where the term's pattern occurs in
    the text as whole words, ignoring case. The lexicon (seed `cl_lexicon`) is
    read when the model runs and each pattern becomes a constant regular
    expression (compiled once, not per row), through the dispatched macro
    `cl_regex_contains_words`. -#}
{%- set lexicon_rows = cl_lexicon_rows() %}
with text_records as (
    select * from {{ ref('int_cl_text_records') }}
),

lexicon as (
    select * from {{ ref('cl_lexicon') }}
),

matched as (
    -- typed and empty: the lexicon terms are appended with union all
    select
        cast(null as {{ dbt.type_string() }}) as source_system,
        cast(null as {{ dbt.type_string() }}) as record_ref,
        cast(null as {{ dbt.type_string() }}) as text_field,
        cast(null as {{ dbt.type_string() }}) as term_id,
        cast(null as date) as event_date
    from text_records
    where 1 = 0
    {%- for term in lexicon_rows %}
    union all
    select
        text_records.source_system,
        text_records.record_ref,
        text_records.text_field,
        '{{ term[0] }}' as term_id,
        text_records.event_date
    from text_records
    where {{ cl_regex_contains_words('text_records.text_value', term[2]) }}
    {%- endfor %}
),

final as (
    select
        matched.source_system,
        matched.record_ref,
        matched.text_field,
        matched.term_id,
        lexicon.category,
        lexicon.strength,
        matched.event_date
    from matched
    inner join lexicon
        on matched.term_id = lexicon.term_id
)

select * from final
