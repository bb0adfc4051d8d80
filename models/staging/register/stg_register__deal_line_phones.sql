{#- One row per (line_ref, phone): each normalised phone number of a usable
    deal line, with its position in the line's list. A number written twice on
    one line (in any spelling) is kept once, at its first position. -#}
with deal_lines as (
    select * from {{ ref('stg_register__deal_lines') }}
),

phone_items as (
    {{ split_list_rows('deal_lines', 'phone_numbers', ['line_ref']) }}
),

numbered as (
    select
        phone_items.line_ref,
        phone_items.item as phone,
        phone_items.item_position as phone_position,
        row_number() over (
            partition by phone_items.line_ref, phone_items.item
            order by phone_items.item_position
        ) as occurrence
    from phone_items
),

final as (
    select
        numbered.line_ref,
        numbered.phone,
        numbered.phone_position
    from numbered
    where numbered.occurrence = 1
)

select * from final
