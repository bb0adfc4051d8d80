-- Why the records of one nominal were merged: every accepted link between its
-- records, with the rule or the evidence comparison by comparison. Set the
-- nominal with --vars '{"nominal_id": "NM..."}' when compiling.
with links as (
    select * from {{ ref('nominal_match_links') }}
),

explained as (
    select
        links.record_id_l,
        links.record_id_r,
        links.method,
        links.link_rule,
        links.match_probability,
        links.surname_level,
        links.forename_level,
        links.date_of_birth_level,
        links.sex_level,
        links.postcode_level,
        links.phone_level,
        links.pnc_id_level
    from links
    where
        links.is_linked
        and links.nominal_id_l = '{{ var("nominal_id", "") }}'
),

final as (
    select * from explained
)

select * from final
