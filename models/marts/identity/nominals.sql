{#- The public mart nominals (MARTS.md): int_nominals_resolved, published as
    it is. -#}
with published as (
    select * from {{ ref('int_nominals_resolved') }}
),

final as (
    select
        published.nominal_id,
        published.display_name,
        published.date_of_birth,
        published.sex,
        published.age,
        published.is_child,
        published.pnc_id,
        published.source_record_count,
        published.first_seen_date,
        published.last_seen_date
    from published
)

select * from final
