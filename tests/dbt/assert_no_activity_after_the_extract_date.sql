{#- A date after the extract date is impossible, except a forthcoming PINS
    release (SOURCES.md), and that is not activity: no mart dates anything a
    person did, or an indicator, a link or a line's evidence, after the
    extract date. Returns the offending rows. -#}
{%- set dated_columns = [
    ('nominals', 'nominal_id', 'last_seen_date'),
    ('nominal_priority', 'nominal_id', 'last_activity_date'),
    ('safeguarding_referrals', 'nominal_id', 'last_indicator_date'),
    ('county_lines_indicators', 'record_ref', 'event_date'),
    ('network_edges', 'nominal_id_a', 'last_seen_date'),
    ('deal_lines', 'line_id', 'last_seen_date'),
] %}
with extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

dated as (
    {%- for mart, key, column in dated_columns %}
        select
            '{{ mart }}.{{ column }}' as mart_column,
            {{ key }} as row_key,
            {{ column }} as activity_date
        from {{ ref(mart) }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

violations as (
    select dated.*
    from dated
    cross join extract_dates
    where dated.activity_date > extract_dates.extract_date
)

select * from violations
