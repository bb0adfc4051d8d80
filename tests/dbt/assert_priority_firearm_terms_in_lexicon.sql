-- Every lexicon term that network priority reads as firearm language (var
-- priority_firearm_terms) is a term of seed cl_lexicon: a term renamed or
-- removed there would otherwise silently drop firearms evidence.
with firearm_terms as (
    {%- for term in var('priority_firearm_terms') %}
        select '{{ term }}' as term_id
        {{ "union all" if not loop.last }}
    {%- endfor %}
),

lexicon as (
    select * from {{ ref('cl_lexicon') }}
)

select firearm_terms.term_id
from firearm_terms
left join lexicon
    on firearm_terms.term_id = lexicon.term_id
where lexicon.term_id is null
