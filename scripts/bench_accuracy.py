"""The method's accuracy on every world variant and several seeds, by its worst case.

A script, not a test. For each world of python/countylines/generator/worlds.py and each
seed it generates an extract (`countylines generate --world`), builds it with the real
command line and evaluates it against its truth (`countylines evaluate --json`), then
prints each measure per world (every seed, the mean, the worst) and the worst case over
every world, and names the measures whose worst case misses its target (issue 15).

    python scripts/bench_accuracy.py [--worlds a,b] [--seeds 7,42,11] [--scale small]
        [--workdir DIR] [--json FILE] [--keep]

Choose rules on some worlds and seeds and report them on others: the README says which.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from countylines.bench import run_cli
from countylines.evaluate.accuracy import MEASURES, figures, misses, summarise
from countylines.generator.worlds import WORLDS
from countylines.paths import PROJECT_DIR


def measure(world: str, seed: int, scale: str, workdir: Path, keep: bool) -> dict:
    """Generate, build and evaluate one world and seed; return the evaluation's figures."""
    folder = workdir / f"{world}-{scale}-{seed}"
    shutil.rmtree(folder, ignore_errors=True)
    raw, truth, warehouse = folder / "raw", folder / "truth", folder / "warehouse.duckdb"
    run_cli(
        "generate",
        "--scale",
        scale,
        "--seed",
        str(seed),
        "--world",
        world,
        "--out",
        str(raw),
        "--truth",
        str(truth),
    )
    run_cli("build", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet")
    result = folder / "evaluation.json"
    run_cli("evaluate", "--truth", str(truth), "--warehouse", str(warehouse), "--json", str(result))
    evaluation = json.loads(result.read_text())
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return evaluation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worlds", default=",".join(WORLDS))
    parser.add_argument("--seeds", default="7,42,11")
    parser.add_argument("--scale", default="small")
    parser.add_argument("--workdir", type=Path, default=PROJECT_DIR / "data" / "bench_accuracy")
    parser.add_argument("--json", type=Path, help="write every figure here too")
    parser.add_argument("--keep", action="store_true", help="keep each extract and warehouse")
    args = parser.parse_args()
    console = Console(width=200)
    rows = []
    for world in args.worlds.split(","):
        for seed in (int(s) for s in args.seeds.split(",")):
            started = time.perf_counter()
            evaluation = measure(world, seed, args.scale, args.workdir, args.keep)
            rows.append(figures(world, seed, evaluation))
            console.print(f"{world} seed {seed}: {time.perf_counter() - started:.0f} s")
    summary = summarise(rows)
    table = Table(title=f"Accuracy by world ({args.scale}; seeds {args.seeds})")
    table.add_column("world")
    table.add_column("seed")
    for m in MEASURES:
        table.add_column(m.label, justify="right")
    for row in rows:
        table.add_row(str(row["world"]), str(row["seed"]), *(_cell(row[m.label]) for m in MEASURES))
    for row in summary.to_dict("records"):
        table.add_row(
            str(row["world"]),
            str(row["statistic"]),
            *(_cell(row[m.label]) for m in MEASURES),
            style="bold",
        )
    console.print(table)
    missed = misses(summary)
    console.print("Worst case misses its target: " + ("; ".join(missed) if missed else "none"))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"runs": rows, "summary": summary.to_dict("records")}, indent=2, default=float
            )
        )


def _cell(value: object) -> str:
    if value is None or value != value:  # None or NaN
        return "-"
    return f"{value:.3f}" if abs(float(value)) < 10 else f"{value:.0f}"


if __name__ == "__main__":
    main()
