{#- One row per pair of nominal index records that the force's own systems put
    together: suspects or offenders of one crime, people of one intelligence report,
    people arrested in one incident (custody occurrence), members of one SOC group or an
    SOC edge. Resolution reads it as context: the people a prisoner or a missing child
    is known to associate with, so that a contact recorded only by name can be matched
    to the one known associate who carries that name. Both orders are kept. -#}
with crime_nominals as (
    select * from {{ ref('stg_crimes__crime_nominals') }}
),

intel_nominals as (
    select * from {{ ref('stg_ims__intel_nominals') }}
),

custody_records as (
    select * from {{ ref('stg_icis__custody_records') }}
),

soc_members as (
    select * from {{ ref('stg_soc__soc_members') }}
),

soc_edges as (
    select * from {{ ref('stg_soc__soc_edges') }}
),

memberships as (
    select
        'crime' as association_source,
        crime_nominals.crime_ref as group_ref,
        crime_nominals.wmp_nominal_id
    from crime_nominals
    where crime_nominals.role in ('SUSPECT', 'OFFENDER')

    union all

    select
        'intel' as association_source,
        intel_nominals.intel_ref as group_ref,
        intel_nominals.wmp_nominal_id
    from intel_nominals

    union all

    select
        'custody' as association_source,
        custody_records.occurrence_ref as group_ref,
        custody_records.wmp_nominal_id
    from custody_records
    where custody_records.occurrence_ref is not null

    union all

    select
        'soc_group' as association_source,
        soc_members.soc_group_id as group_ref,
        soc_members.wmp_nominal_id
    from soc_members
),

grouped_pairs as (
    select distinct
        left_member.wmp_nominal_id as wmp_nominal_id_a,
        right_member.wmp_nominal_id as wmp_nominal_id_b
    from memberships as left_member
    inner join memberships as right_member
        on
            left_member.association_source = right_member.association_source
            and left_member.group_ref = right_member.group_ref
            and left_member.wmp_nominal_id != right_member.wmp_nominal_id
),

edge_pairs as (
    select
        soc_edges.wmp_nominal_id_a,
        soc_edges.wmp_nominal_id_b
    from soc_edges
    union all
    select
        soc_edges.wmp_nominal_id_b as wmp_nominal_id_a,
        soc_edges.wmp_nominal_id_a as wmp_nominal_id_b
    from soc_edges
),

unioned as (
    select * from grouped_pairs
    union
    select * from edge_pairs
),

final as (
    select
        {{ dbt.concat(["'NOMINAL:'", 'unioned.wmp_nominal_id_a']) }}
            as record_id,
        {{ dbt.concat(["'NOMINAL:'", 'unioned.wmp_nominal_id_b']) }}
            as associate_record_id
    from unioned
    where unioned.wmp_nominal_id_a != unioned.wmp_nominal_id_b
)

select * from final
