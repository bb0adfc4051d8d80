"""The accuracy of the method across worlds and seeds, reported by its worst case.

`countylines evaluate` measures one warehouse against its truth. scripts/bench_accuracy.py
builds every world (generator/worlds.py) on several seeds and collects those figures; this
module picks the measures that matter to analysts and summarises them per world (mean and
worst) and over every world (worst), so the README can report the worst case rather than
the best.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Measure:
    """One figure of `countylines evaluate --json`, and which way is better."""

    label: str
    section: str
    key: str
    higher_is_better: bool = True
    target: float | None = None


MEASURES = (
    Measure("identity F1", "identity", "pairwise_f1"),
    Measure("county-lines F1", "identification", "county_lines_f1", target=0.9),
    Measure("exploited recall", "identification", "exploited_recall", target=0.9),
    Measure("exploited precision", "identification", "exploited_precision", target=0.8),
    Measure("victim-to-line", "identification", "victim_to_line_accuracy", target=0.8),
    Measure("network ARI", "network", "network_ari", target=0.8),
    Measure("priority Spearman", "prioritisation", "network_priority_spearman", target=0.75),
    Measure("precision@20", "prioritisation", "enforcement_precision_at_20", target=0.8),
    Measure(
        "victims to enforcement",
        "prioritisation",
        "victims_routed_to_enforcement",
        higher_is_better=False,
        target=0,
    ),
)


def figures(world: str, seed: int, evaluation: dict) -> dict[str, object]:
    """One row: the world, the seed and each measure of one evaluation (None if absent)."""
    row: dict[str, object] = {"world": world, "seed": seed}
    for measure in MEASURES:
        value = evaluation.get(measure.section, {}).get(measure.key)
        row[measure.label] = None if value is None else float(value)
    return row


def summarise(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Per world: the mean and the worst of each measure over its seeds; then the worst
    over every world and seed. Columns: world, statistic (mean, worst), one per measure."""
    frame = pd.DataFrame(rows)
    out = []
    for world, group in [*frame.groupby("world", sort=False), ("every world", frame)]:
        mean = {"world": world, "statistic": "mean"}
        worst = {"world": world, "statistic": "worst"}
        for measure in MEASURES:
            values = pd.to_numeric(group[measure.label], errors="coerce").dropna()
            mean[measure.label] = values.mean() if len(values) else None
            if len(values):
                worst[measure.label] = values.min() if measure.higher_is_better else values.max()
            else:
                worst[measure.label] = None
        out += [mean, worst] if world != "every world" else [worst]
    return pd.DataFrame(out)


def misses(summary: pd.DataFrame) -> list[str]:
    """The measures whose worst case over every world misses its target, in words."""
    overall = summary[summary["world"] == "every world"].iloc[0]
    found = []
    for measure in MEASURES:
        value = overall[measure.label]
        if measure.target is None or value is None or pd.isna(value):
            continue
        ok = value >= measure.target if measure.higher_is_better else value <= measure.target
        if not ok:
            found.append(f"{measure.label} {value:.3g} (target {measure.target:g})")
    return found
