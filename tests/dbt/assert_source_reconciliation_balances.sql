-- Every raw row is accounted for: read = staged + quarantined + duplicates removed.
-- Returns the tables where it does not hold.
with reconciliation as (
    select * from {{ ref('source_reconciliation') }}
),

unbalanced as (
    select
        reconciliation.source_table,
        reconciliation.rows_read,
        reconciliation.rows_staged,
        reconciliation.rows_quarantined,
        reconciliation.duplicates_removed
    from reconciliation
    where
        reconciliation.rows_read
        != reconciliation.rows_staged
        + reconciliation.rows_quarantined
        + reconciliation.duplicates_removed
)

select * from unbalanced
