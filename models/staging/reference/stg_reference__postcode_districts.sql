{#- One row per postcode district (outward code) of the B, CV, DY, WS and WV
    areas: its police force and whether it is inside the force area. -#}
with postcode_districts as (
    select * from {{ ref('postcode_districts') }}
),

cleaned as (
    select
        upper(trim(postcode_districts.postcode_district)) as postcode_district,
        trim(postcode_districts.force_name) as force_name,
        trim(postcode_districts.place) as place,
        nullif(trim(postcode_districts.note), '') as district_note,
        upper(trim(postcode_districts.in_force_area)) = 'Y'
            as is_in_force_area
    from postcode_districts
),

final as (
    select
        cleaned.postcode_district,
        -- The area is the leading letters of the district (one or two).
        case
            when
                substring(cleaned.postcode_district, 2, 1) between '0' and '9'
                then substring(cleaned.postcode_district, 1, 1)
            else substring(cleaned.postcode_district, 1, 2)
        end as postcode_area,
        cleaned.force_name,
        cleaned.place,
        cleaned.district_note,
        cleaned.is_in_force_area
    from cleaned
)

select * from final
