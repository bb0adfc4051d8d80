{#- One row per rejected raw row: every row of every source table that could not be
    used, with the reason. Exact duplicate copies are not here (they are counted in
    source_reconciliation.duplicates_removed). The tables: macro staged_tables(). -#}
with rejected as (
    {{ union_quarantined_rows() }}
),

final as (
    select
        rejected.source_table,
        rejected.record_key,
        rejected.reason,
        rejected.raw_row,
        rejected.source_file
    from rejected
)

select * from final
