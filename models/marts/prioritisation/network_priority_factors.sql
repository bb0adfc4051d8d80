{#- One row per immediate network: each factor of the force's line
    assessment as its raw value (counted over the population of
    int_network_priority_inputs: the line the network is linked to, else
    its members), normalised to 0-1 over the networks
    (FLAG: 1 when present; LINEAR: value / largest value; LOG:
    ln(1 + value) / ln(1 + largest value)) and as points (weight x
    normalised, weights from the seed network_priority_weights).
    priority_score is the sum of the points; priority_rank dense, 1 the
    highest; priority_band from the seed network_priority_bands. -#}
{%- set factors = [
    ('cl_harm', 'CL_HARM', 'cl_harm_cchi'),
    ('exploited_children', 'EXPLOITED_CHILDREN', 'exploited_child_count'),
    ('looked_after', 'LOOKED_AFTER', 'looked_after_count'),
    ('missing_episodes', 'MISSING_EPISODES', 'missing_episode_count'),
    ('firearms', 'FIREARMS', 'firearms_person_count'),
    ('violence', 'VIOLENCE', 'cl_violence_offence_count'),
    ('workforce_size', 'WORKFORCE_SIZE', 'county_lines_member_count'),
    ('workforce_youth', 'WORKFORCE_YOUTH', 'county_lines_child_count'),
    ('soc_link', 'SOC_LINK', 'soc_group_count'),
    ('reach', 'REACH', 'destination_town_count'),
] %}
with profiles as (
    select * from {{ ref('int_network_priority_inputs') }}
),

weights as (
    select * from {{ ref('network_priority_weights') }}
),

bands as (
    select * from {{ ref('network_priority_bands') }}
),

raw_values as (
    {%- for name, code, column in factors %}
        select
            profiles.network_id,
            '{{ code }}' as factor,
            cast(profiles.{{ column }} as double) as raw_value
        from profiles
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

scaled as (
    select
        raw_values.network_id,
        raw_values.factor,
        raw_values.raw_value,
        weights.weight,
        case
            when weights.scaling = 'FLAG'
                then case when raw_values.raw_value > 0 then 1.0 else 0.0 end
            when weights.scaling = 'LOG'
                then coalesce(
                    ln(1 + raw_values.raw_value)
                    / nullif(ln(1 + max(raw_values.raw_value) over (
                        partition by raw_values.factor
                    )), 0),
                    0.0
                )
            else coalesce(
                raw_values.raw_value
                / nullif(max(raw_values.raw_value) over (
                    partition by raw_values.factor
                ), 0),
                0.0
            )
        end as normalised_value
    from raw_values
    inner join weights
        on raw_values.factor = weights.factor
),

wide as (
    select
        scaled.network_id,
        {%- for name, code, column in factors %}
            max(case when scaled.factor = '{{ code }}' then scaled.raw_value end)
                as {{ name }}_value,
            max(case
                when scaled.factor = '{{ code }}' then scaled.normalised_value
            end) as {{ name }}_norm,
            coalesce(max(case
                when scaled.factor = '{{ code }}'
                    then scaled.weight * scaled.normalised_value
            end), 0.0) as {{ name }}_points,
        {%- endfor %}
        {{ exact_sum('scaled.weight * scaled.normalised_value') }}
            as priority_score
    from scaled
    group by 1
),

ranked as (
    select
        wide.*,
        dense_rank() over (
            order by round(wide.priority_score, 6) desc
        ) as priority_rank
    from wide
),

banded as (
    select
        ranked.network_id,
        bands.priority_band,
        row_number() over (
            partition by ranked.network_id
            order by bands.min_score desc
        ) as band_order
    from ranked
    inner join bands
        on round(ranked.priority_score, 6) >= bands.min_score
),

final as (
    select
        ranked.network_id,
        banded.priority_band,
        profiles.assessed_population,
        profiles.assessed_line_id,
        {%- for name, code, column in factors %}
            cast(ranked.{{ name }}_value as double) as {{ name }}_value,
            cast(ranked.{{ name }}_norm as double) as {{ name }}_norm,
            cast(ranked.{{ name }}_points as double) as {{ name }}_points,
        {%- endfor %}
        cast(ranked.priority_score as double) as priority_score,
        cast(ranked.priority_rank as bigint) as priority_rank
    from ranked
    inner join profiles
        on ranked.network_id = profiles.network_id
    left join banded
        on
            ranked.network_id = banded.network_id
            and banded.band_order = 1
)

select * from final
