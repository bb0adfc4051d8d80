{#- Whether a place is outside the force area, from the reference rows its
    postcode district and area joined to (aliases of the typed postcode
    district and area reference models): the district decides when it is
    known, else the area; a place neither knows is not out of force. -#}
{% macro is_out_of_force(districts, areas) -%}
    case
        when {{ districts }}.postcode_district is not null
            then not {{ districts }}.is_in_force_area
        when {{ areas }}.postcode_area is not null
            then not {{ areas }}.is_in_force_area
        else false
    end
{%- endmacro %}
