{#- One row per source table: rows read from the extract, rows staged, rows
    quarantined and exact duplicates removed. Read = staged + quarantined + removed
    (tests/dbt/assert_source_reconciliation_balances.sql). -#}
with quarantine as (
    select * from {{ ref('quarantine') }}
),

counted as (
    {{ union_staging_counts() }}
),

quarantined as (
    select
        quarantine.source_table,
        count(*) as rows_quarantined
    from quarantine
    group by 1
),

final as (
    select
        counted.source_table,
        counted.rows_read,
        counted.rows_staged,
        coalesce(quarantined.rows_quarantined, 0) as rows_quarantined,
        counted.duplicates_removed
    from counted
    left join quarantined
        on counted.source_table = quarantined.source_table
)

select * from final
