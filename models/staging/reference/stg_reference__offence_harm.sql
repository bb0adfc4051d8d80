{#- One row per Home Office offence code (CCC/SS): one CCHI harm value by the
    lower-median rule, one representative CCHI line for the description,
    group and ONS code, and the ONS CSS weight when ONS has one. -#}
with cchi as (
    select * from {{ ref('cchi_2020') }}
),

ons_weights as (
    select * from {{ ref('ons_css_weights') }}
),

cchi_lines as (
    select
        cchi.source_row,
        trim(cchi.ho_offence_code) as ho_code,
        upper(trim(cchi.classification_code)) as classification_code,
        trim(cchi.offence_description) as offence_description,
        -- Source row 656 has shifted text columns: its group holds a URL.
        -- Its sub-group (NON-NOTIFIABLE) is then the group as well.
        case
            when cchi.offence_group like 'http%' then cchi.offence_sub_group
            else cchi.offence_group
        end as offence_group,
        cchi.offence_sub_group,
        cchi.cchi_days,
        cchi.notifiable = 'Notifiable' as is_notifiable
    from cchi
),

ons_spelled as (
    -- CCHI writes ONS sub-codes with a slash (4/1, 37/1); ONS with a dot.
    select
        cchi_lines.*,
        replace(cchi_lines.classification_code, '/', '.') as dotted_code
    from cchi_lines
),

ons_coded as (
    -- ONS publishes one combined homicide weight, coded `1, 4.1/2/10`:
    -- murder (1), manslaughter (4.1), infanticide (4.2) and corporate
    -- manslaughter (4.10).
    select
        ons_spelled.*,
        case
            when ons_spelled.dotted_code in ('1', '4.1', '4.2', '4.10')
                then '1, 4.1/2/10'
            else ons_spelled.dotted_code
        end as ons_code
    from ons_spelled
),

distinct_values as (
    select
        ons_coded.ho_code,
        ons_coded.cchi_days
    from ons_coded
    group by 1, 2
),

ranked_values as (
    select
        distinct_values.ho_code,
        distinct_values.cchi_days,
        row_number() over (
            partition by distinct_values.ho_code
            order by distinct_values.cchi_days
        ) as value_rank,
        count(*) over (
            partition by distinct_values.ho_code
        ) as value_count
    from distinct_values
),

chosen_values as (
    -- Lower median of the distinct values: rank ceil(n / 2), i.e. the
    -- middle value when n is odd, the lower of the two middle ones when even.
    select
        ranked_values.ho_code,
        ranked_values.cchi_days,
        ranked_values.value_count
    from ranked_values
    where 2 * ranked_values.value_rank - ranked_values.value_count in (0, 1)
),

code_summaries as (
    select
        ons_coded.ho_code,
        min(ons_coded.cchi_days) as cchi_days_min,
        max(ons_coded.cchi_days) as cchi_days_max,
        count(*) as cchi_line_count,
        count(distinct ons_coded.ons_code) as ons_code_count
    from ons_coded
    group by 1
),

representative_lines as (
    -- The first source line carrying the chosen value represents the code.
    select
        ons_coded.*,
        chosen_values.value_count,
        row_number() over (
            partition by ons_coded.ho_code
            order by ons_coded.source_row
        ) as line_rank
    from ons_coded
    inner join chosen_values
        on
            ons_coded.ho_code = chosen_values.ho_code
            and ons_coded.cchi_days = chosen_values.cchi_days
),

final as (
    select
        representative_lines.ho_code,
        representative_lines.ons_code,
        representative_lines.classification_code as cchi_classification_code,
        representative_lines.offence_description,
        representative_lines.offence_group,
        representative_lines.offence_sub_group,
        representative_lines.source_row as cchi_source_row,
        representative_lines.cchi_days,
        representative_lines.value_count as cchi_value_count,
        code_summaries.cchi_days_min,
        code_summaries.cchi_days_max,
        code_summaries.cchi_line_count,
        code_summaries.ons_code_count,
        ons_weights.css_weight as ons_weight,
        representative_lines.is_notifiable,
        ons_weights.css_weight is not null as has_ons_weight
    from representative_lines
    inner join code_summaries
        on representative_lines.ho_code = code_summaries.ho_code
    left join ons_weights
        on representative_lines.ons_code = trim(ons_weights.ons_code)
    where representative_lines.line_rank = 1
)

select * from final
