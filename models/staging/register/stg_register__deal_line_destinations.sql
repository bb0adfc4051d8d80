{#- One row per (line_ref, destination town): each destination town of a usable
    deal line, as written (trimmed) with its match key and its position in the
    line's list. A town written twice on one line (same match key) is kept
    once, at its first position. -#}
with deal_lines as (
    select * from {{ ref('stg_register__deal_lines') }}
),

town_items as (
    {{ split_list_rows('deal_lines', 'destination_towns', ['line_ref']) }}
),

numbered as (
    select
        town_items.line_ref,
        town_items.item as destination_town,
        {{ match_key('town_items.item') }} as destination_town_match_key,
        town_items.item_position as destination_position,
        row_number() over (
            partition by
                town_items.line_ref,
                {{ match_key('town_items.item') }}
            order by town_items.item_position
        ) as occurrence
    from town_items
),

final as (
    select
        numbered.line_ref,
        numbered.destination_town,
        numbered.destination_town_match_key,
        numbered.destination_position
    from numbered
    where
        numbered.occurrence = 1
        and numbered.destination_town_match_key is not null
)

select * from final
