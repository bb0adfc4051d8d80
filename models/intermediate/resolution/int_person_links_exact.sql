{#- One row per deterministic link between two person records, from a strong shared
    key: the wmp_nominal_id an officer recorded in COMPACT; a shared PNC id; and, for
    records that carry no name at all, a shared phone number (the unnamed user of one
    phone, e.g. "reported contact on 07...", is one nominal). Records sharing a key are
    each linked to the group's first record (a star is enough to cluster them; every
    member's link is explainable by the rule). -#}
with records as (
    select * from {{ ref('int_person_records') }}
),

compact_to_nominal as (
    select
        records.record_id as record_id_l,
        {{ dbt.concat(["'NOMINAL:'", 'records.wmp_nominal_id_recorded']) }}
            as record_id_r,
        'compact_wmp_nominal_id' as link_rule
    from records
    where
        records.source_system = 'COMPACT'
        and records.wmp_nominal_id_recorded is not null
),

pnc_groups as (
    select
        records.record_id,
        records.pnc_id,
        min(records.record_id) over (partition by records.pnc_id) as anchor_record_id
    from records
    where records.pnc_id is not null
),

shared_pnc as (
    select
        pnc_groups.anchor_record_id as record_id_l,
        pnc_groups.record_id as record_id_r,
        'pnc_id' as link_rule
    from pnc_groups
    where pnc_groups.record_id != pnc_groups.anchor_record_id
),

unnamed_phone_groups as (
    select
        records.record_id,
        min(records.record_id) over (partition by records.phone) as anchor_record_id
    from records
    where
        records.phone is not null
        and records.surname_std is null
        and records.forenames_std is null
),

shared_phone_unnamed as (
    select
        unnamed_phone_groups.anchor_record_id as record_id_l,
        unnamed_phone_groups.record_id as record_id_r,
        'shared_phone_unnamed' as link_rule
    from unnamed_phone_groups
    where unnamed_phone_groups.record_id != unnamed_phone_groups.anchor_record_id
),

-- a contact or associate (a person named in a record, with no id of their own) that
-- carries a full name (two tokens or more) and nothing else to identify
-- it (no date of birth, no PNC id) is linked to the one person the extract holds under
-- that exact name, when every record of that name with a date of birth agrees on it
named_only as (
    select
        records.record_id,
        {{ name_key('records.forenames_std', 'records.surname_std') }} as name_key
    from records
    where
        records.source_system in ('PINS_CONTACT', 'COMPACT_ASSOCIATE')
        and records.date_of_birth is null
        and records.pnc_id is null
        and records.surname_std is not null
        and records.forenames_std is not null
),

identified_names as (
    select
        {{ name_key('records.forenames_std', 'records.surname_std') }} as name_key,
        min(records.record_id) as anchor_record_id,
        count(distinct records.date_of_birth) as date_of_birth_count
    from records
    where
        records.date_of_birth is not null
        and records.surname_std is not null
        and records.forenames_std is not null
    group by 1
),

unique_full_name as (
    select
        identified_names.anchor_record_id as record_id_l,
        named_only.record_id as record_id_r,
        'unique_full_name' as link_rule
    from named_only
    inner join identified_names
        on named_only.name_key = identified_names.name_key
    where identified_names.date_of_birth_count = 1
),

-- the same, on surname and first forename, when the full name found nobody
first_name_only as (
    select
        named_only.record_id,
        records.surname_std,
        records.forename1
    from named_only
    inner join records
        on named_only.record_id = records.record_id
    left join identified_names
        on named_only.name_key = identified_names.name_key
    where identified_names.name_key is null
),

identified_first_names as (
    select
        records.surname_std,
        records.forename1,
        min(records.record_id) as anchor_record_id,
        count(distinct records.date_of_birth) as date_of_birth_count
    from records
    where records.date_of_birth is not null and records.forename1 is not null
    group by 1, 2
),

unique_first_name as (
    select
        identified_first_names.anchor_record_id as record_id_l,
        first_name_only.record_id as record_id_r,
        'unique_surname_forename' as link_rule
    from first_name_only
    inner join identified_first_names
        on
            first_name_only.surname_std = identified_first_names.surname_std
            and first_name_only.forename1 = identified_first_names.forename1
    where identified_first_names.date_of_birth_count = 1
),

-- a record with a phone and no name is linked to the one named person recorded with
-- that phone, when every named record carrying the phone has the same name
phone_names as (
    select
        records.phone,
        min(records.record_id) as anchor_record_id,
        count(distinct {{ name_key('records.forenames_std', 'records.surname_std') }})
            as name_count
    from records
    where records.phone is not null and records.surname_std is not null
    group by 1
),

unique_phone_user as (
    select
        phone_names.anchor_record_id as record_id_l,
        records.record_id as record_id_r,
        'unique_phone_user' as link_rule
    from records
    inner join phone_names
        on records.phone = phone_names.phone
    where
        records.surname_std is null
        and records.forenames_std is null
        and phone_names.name_count = 1
),

unioned as (
    select * from compact_to_nominal
    union all
    select * from unique_first_name
    union all
    select * from unique_phone_user
    union all
    select * from unique_full_name
    union all
    select * from shared_pnc
    union all
    select * from shared_phone_unnamed
),

final as (
    select
        case
            when unioned.record_id_l < unioned.record_id_r
                then unioned.record_id_l
            else unioned.record_id_r
        end as record_id_l,
        case
            when unioned.record_id_l < unioned.record_id_r
                then unioned.record_id_r
            else unioned.record_id_l
        end as record_id_r,
        unioned.link_rule,
        'exact_key' as method, -- noqa: RF04
        1.0 as match_probability
    from unioned
)

select * from final
