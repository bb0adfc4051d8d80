{#- One row per deterministic link between two person records, from a strong shared
    key: the wmp_nominal_id an officer recorded in COMPACT; a shared PNC id; and, for
    records that carry no name at all, a shared phone number (the unnamed user of one
    phone, e.g. "reported contact on 07...", is one nominal); two people named with the
    same surname and forename in the records of one person (the contacts of one
    prisoner, the associates of one missing person: the brother who visits every
    sentence); and named records sharing a phone whose forenames agree and whose
    surnames do not differ. Records sharing a key are each linked to the group's first
    record (a star is enough to cluster them; every member's link is explainable by the
    rule). The clustering still refuses any of these links that a date of birth, sex or
    PNC id contradicts. -#}
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

context_name_groups as (
    select
        records.record_id,
        min(records.record_id) over (
            partition by
                records.context_record_id,
                records.surname_std,
                records.forename1
        ) as anchor_record_id
    from records
    where
        records.context_record_id is not null
        and records.surname_std is not null
        and records.forename1 is not null
),

same_context_name as (
    select
        context_name_groups.anchor_record_id as record_id_l,
        context_name_groups.record_id as record_id_r,
        'same_context_name' as link_rule
    from context_name_groups
    where context_name_groups.record_id != context_name_groups.anchor_record_id
),

named_phones as (
    select
        records.record_id,
        records.phone,
        records.forename1,
        records.surname_std
    from records
    where
        records.phone is not null
        and records.forename1 is not null
),

shared_phone_name as (
    select
        left_record.record_id as record_id_l,
        right_record.record_id as record_id_r,
        'shared_phone_name' as link_rule
    from named_phones as left_record
    inner join named_phones as right_record
        on
            left_record.phone = right_record.phone
            and left_record.forename1 = right_record.forename1
            and left_record.record_id < right_record.record_id
    where
        left_record.surname_std = right_record.surname_std
        or left_record.surname_std is null
        or right_record.surname_std is null
),

unioned as (
    select * from compact_to_nominal
    union all
    select * from shared_pnc
    union all
    select * from shared_phone_unnamed
    union all
    select * from same_context_name
    union all
    select * from shared_phone_name
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
