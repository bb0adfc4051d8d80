{#- One row per postcode area outside the five split areas (B, CV, DY, WS,
    WV): the police force that holds most of it. -#}
with postcode_areas as (
    select * from {{ ref('postcode_areas') }}
),

final as (
    select
        upper(trim(postcode_areas.postcode_area)) as postcode_area,
        trim(postcode_areas.force_name) as force_name,
        nullif(trim(postcode_areas.note), '') as area_note,
        upper(trim(postcode_areas.in_force_area)) = 'Y' as is_in_force_area
    from postcode_areas
)

select * from final
