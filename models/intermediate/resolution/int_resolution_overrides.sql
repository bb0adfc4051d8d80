{#- One row per analyst correction of the seed resolution_overrides, as an ordered pair
    of record ids, with whether it can be applied (both records exist in this extract).
    SAME joins the two records whatever the model says; DIFFERENT keeps them apart. -#}
with overrides as (
    select * from {{ ref('resolution_overrides') }}
),

records as (
    select * from {{ ref('int_person_records') }}
),

paired as (
    select
        {{ dbt.concat([
            'upper(trim(overrides.source_system_a))', "':'",
            'trim(overrides.source_id_a)']) }} as record_id_a,
        {{ dbt.concat([
            'upper(trim(overrides.source_system_b))', "':'",
            'trim(overrides.source_id_b)']) }} as record_id_b,
        upper(trim(overrides.decision)) as decision,
        overrides.analyst,
        overrides.note,
        overrides.decided_date
    from overrides
),

ordered as (
    select
        case
            when paired.record_id_a < paired.record_id_b then paired.record_id_a
            else paired.record_id_b
        end as record_id_l,
        case
            when paired.record_id_a < paired.record_id_b then paired.record_id_b
            else paired.record_id_a
        end as record_id_r,
        paired.decision,
        paired.analyst,
        paired.note,
        paired.decided_date
    from paired
),

final as (
    select
        ordered.record_id_l,
        ordered.record_id_r,
        ordered.decision,
        ordered.analyst,
        ordered.note,
        (
            ordered.decision in ('SAME', 'DIFFERENT')
            and left_record.record_id is not null
            and right_record.record_id is not null
        ) as is_applicable,
        ordered.decided_date
    from ordered
    left join records as left_record
        on ordered.record_id_l = left_record.record_id
    left join records as right_record
        on ordered.record_id_r = right_record.record_id
)

select * from final
