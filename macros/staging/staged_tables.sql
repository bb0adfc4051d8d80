{#- The source tables that staging reads, each with its base model (every raw row,
    validated) and its staging model (the usable rows). The quarantine and
    reconciliation marts are built over this list: a new source table is added here. -#}
{% macro staged_tables() -%}
    {{ return([
        {'source_table': 'nominal/nominals', 'system': 'nominal', 'table': 'nominals'},
        {'source_table': 'pins/releases', 'system': 'pins', 'table': 'releases'},
        {'source_table': 'pins/prison_contacts', 'system': 'pins', 'table': 'prison_contacts'},
        {'source_table': 'compact/missing_persons', 'system': 'compact', 'table': 'missing_persons'},
        {'source_table': 'compact/missing_episodes', 'system': 'compact', 'table': 'missing_episodes'},
        {'source_table': 'compact/episode_associates', 'system': 'compact', 'table': 'episode_associates'},
        {'source_table': 'soc/soc_groups', 'system': 'soc', 'table': 'soc_groups'},
        {'source_table': 'soc/soc_members', 'system': 'soc', 'table': 'soc_members'},
        {'source_table': 'soc/soc_edges', 'system': 'soc', 'table': 'soc_edges'},
        {'source_table': 'register/deal_lines', 'system': 'register', 'table': 'deal_lines'},
        {'source_table': 'register/exploitation_list', 'system': 'register', 'table': 'exploitation_list'},
        {'source_table': 'crimes/crimes', 'system': 'crimes', 'table': 'crimes'},
        {'source_table': 'crimes/crime_nominals', 'system': 'crimes', 'table': 'crime_nominals'},
        {'source_table': 'ims/intel_reports', 'system': 'ims', 'table': 'intel_reports'},
        {'source_table': 'ims/intel_nominals', 'system': 'ims', 'table': 'intel_nominals'},
        {'source_table': 'ims/intel_entities', 'system': 'ims', 'table': 'intel_entities'},
        {'source_table': 'icis/custody_records', 'system': 'icis', 'table': 'custody_records'},
    ]) }}
{%- endmacro %}
