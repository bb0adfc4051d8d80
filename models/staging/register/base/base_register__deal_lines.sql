{#- Every raw row of the county lines team's deal line register, typed and
    normalised, with the reason it cannot be used (null when it can) and whether
    it is an exact duplicate. The `;`-separated phone numbers and destination
    towns are split (first copies only), each item cleaned, and joined again in
    the order written. -#}
with source as (
    select * from {{ source('register', 'deal_lines') }}
),

extract as (
    select * from {{ ref('stg_extract__extract_date') }}
),

read as (
    {{ staging_read(
        'source',
        columns=[
            'line_ref', 'line_name', 'phone_numbers', 'origin_npu',
            'destination_towns', 'first_reported_date', 'status',
        ],
        key_columns=['line_ref'],
    ) }}
),

first_copies as (
    select read.*
    from read
    where read.copy_number = 1
),

phone_items as (
    {{ split_list_rows('first_copies', 'phone_numbers', ['row_hash']) }}
),

phone_lists as (
    select
        phone_items.row_hash,
        {{ dbt.listagg(
            normalise_phone('phone_items.item'), "';'",
            'order by phone_items.item_position') }} as phone_numbers,
        sum(
            case
                when
                    {{ clean_text('phone_items.item') }} is not null
                    and {{ normalise_phone('phone_items.item') }} is null
                    then 1
                else 0
            end
        ) as unparsed_phone_count
    from phone_items
    group by 1
),

town_items as (
    {{ split_list_rows('first_copies', 'destination_towns', ['row_hash']) }}
),

town_lists as (
    select
        town_items.row_hash,
        {{ dbt.listagg(
            clean_text(regex_replace_all('town_items.item', '\\s+', ' ')), "';'",
            'order by town_items.item_position') }} as destination_towns
    from town_items
    group by 1
),

normalised as (
    select
        read.record_key,
        read.source_file,
        read.raw_row,
        read.row_hash,
        read.copy_number,
        read.key_version_count,
        {{ normalise_code('read.line_ref') }} as line_ref,
        {{ clean_text('read.line_name') }} as line_name,
        {{ match_key(clean_text('read.line_name')) }} as line_name_match_key,
        phone_lists.phone_numbers,
        {{ clean_text('read.phone_numbers') }} as phone_numbers_raw,
        {{ normalise_code('read.origin_npu') }} as origin_npu,
        town_lists.destination_towns,
        {{ normalise_code('read.status') }} as status,
        coalesce(phone_lists.unparsed_phone_count, 0) > 0
            as has_unparsed_phone,
        {{ parse_date('read.first_reported_date') }} as first_reported_date,
        {{ is_invalid_date('read.first_reported_date') }} as has_invalid_date,
        {{ is_impossible_date(
            parse_date('read.first_reported_date'), 'extract.extract_date') }}
            as has_impossible_date
    from read
    cross join extract
    left join phone_lists
        on read.row_hash = phone_lists.row_hash
    left join town_lists
        on read.row_hash = town_lists.row_hash
),

validated as (
    select
        normalised.*,
        case
            when normalised.record_key is null then 'MISSING_KEY'
            when normalised.key_version_count > 1 then 'DUPLICATE_KEY_CONFLICT'
            when normalised.line_name is null then 'MISSING_REQUIRED'
            when normalised.has_invalid_date then 'INVALID_DATE'
            when normalised.has_impossible_date then 'IMPOSSIBLE_DATE'
            when
                normalised.status is not null
                and normalised.status not in ('ACTIVE', 'CLOSED')
                then 'INVALID_CODE'
        end as quarantine_reason
    from normalised
),

final as (
    select * from validated
)

select * from final
