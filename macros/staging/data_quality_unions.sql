{#- The unions behind the quarantine and source_reconciliation marts, one branch per
    entry of staged_tables(). Kept in macros so each mart reads as one plain select. -#}

{#- Every quarantined row of every staged table (first copies only). -#}
{% macro union_quarantined_rows() -%}
    {%- for table in countylines.staged_tables() %}
    select
        '{{ table.source_table }}' as source_table,
        coalesce(base.record_key, {{ dbt.concat(["'row:'", 'base.row_hash']) }}) as record_key,
        base.quarantine_reason as reason,
        base.raw_row,
        base.source_file
    from {{ ref('base_' ~ table.system ~ '__' ~ table.table) }} as base
    where base.copy_number = 1 and base.quarantine_reason is not null
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- Per staged table: rows read (base, all copies), rows staged (the staging model)
    and exact duplicate copies removed. -#}
{% macro union_staging_counts() -%}
    {%- for table in countylines.staged_tables() %}
    select
        '{{ table.source_table }}' as source_table,
        (select count(*) from {{ ref('base_' ~ table.system ~ '__' ~ table.table) }}) as rows_read,
        (select count(*) from {{ ref('stg_' ~ table.system ~ '__' ~ table.table) }}) as rows_staged,
        (
            select count(*) from {{ ref('base_' ~ table.system ~ '__' ~ table.table) }} as base
            where base.copy_number > 1
        ) as duplicates_removed
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
