"""Resolving people across source systems into one nominal each.

- `scoring`: probabilistic pair scores with Splink (DuckDB backend).
- `clustering`: pairs (exact keys, scores, analyst overrides) into clusters, with
  constraints so one weak or contradictory link cannot chain two people together.
"""
