{#- What is new since the last build: lines first seen, county-lines-linked
    people first seen, and people who may be exploited with fresh evidence,
    after since_date: the extract date of the last successful build of this
    warehouse (var previous_extract_date, which `countylines build` passes
    from the warehouse's run log), else var analyst_new_days (default 7)
    before this extract's date. One row per change. -#}
{%- set previous = var('previous_extract_date', none) %}
with extract_dates as (
    select * from {{ ref('stg_extract__extract_date') }}
),

lines as (
    select * from {{ ref('deal_lines') }}
),

nominals as (
    select * from {{ ref('nominals') }}
),

priority as (
    select * from {{ ref('nominal_priority') }}
),

referrals as (
    select * from {{ ref('safeguarding_referrals') }}
),

since as (
    select
        {%- if previous %}
            cast('{{ previous }}' as date) as since_date
        {%- else %}
            cast({{ dbt.dateadd('day', -1 * var('analyst_new_days', 7),
                'extract_dates.extract_date') }} as date) as since_date
        {%- endif %}
    from extract_dates
),

changes as (
    select
        'NEW_LINE' as change_kind,
        lines.first_seen_date as change_date,
        lines.line_id,
        lines.line_name,
        cast(null as {{ dbt.type_string() }}) as nominal_id,
        lines.network_id,
        case
            when lines.is_registered then 'registered by the county lines team'
            else 'found in the records, not in the register'
        end as detail
    from lines
    cross join since
    where lines.first_seen_date > since.since_date
    union all
    select
        'NEW_PERSON' as change_kind,
        nominals.first_seen_date as change_date,
        cast(null as {{ dbt.type_string() }}) as line_id,
        cast(null as {{ dbt.type_string() }}) as line_name,
        priority.nominal_id,
        priority.network_id,
        'routed ' || priority.route as detail
    from priority
    inner join nominals
        on priority.nominal_id = nominals.nominal_id
    cross join since
    where nominals.first_seen_date > since.since_date
    union all
    select
        'NEW_EXPLOITATION_EVIDENCE' as change_kind,
        referrals.last_indicator_date as change_date,
        referrals.line_id,
        cast(null as {{ dbt.type_string() }}) as line_name,
        referrals.nominal_id,
        referrals.network_id,
        referrals.reasons as detail
    from referrals
    cross join since
    where referrals.last_indicator_date > since.since_date
),

final as (
    select
        changes.change_kind,
        changes.change_date,
        since.since_date,
        changes.line_id,
        coalesce(changes.line_name, lines.line_name) as line_name,
        changes.nominal_id,
        nominals.display_name,
        nominals.age,
        nominals.is_child,
        changes.network_id,
        changes.detail
    from changes
    cross join since
    left join lines
        on changes.line_id = lines.line_id
    left join nominals
        on changes.nominal_id = nominals.nominal_id
)

select * from final
