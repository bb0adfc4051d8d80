"""The `countylines` command line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from countylines import paths

app = typer.Typer(
    help="countylines: build and query the county lines intelligence warehouse.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

RawOption = Annotated[
    Path,
    typer.Option("--raw", envvar="COUNTYLINES_RAW", help="Root folder of the raw extract."),
]
WarehouseOption = Annotated[
    Path,
    typer.Option("--warehouse", envvar="COUNTYLINES_WAREHOUSE", help="The DuckDB warehouse file."),
]


@app.command()
def generate(
    scale: Annotated[
        str, typer.Option(help="small (tests, seconds) or wmp (force scale).")
    ] = "small",
    seed: Annotated[int, typer.Option(help="Random seed: same seed, same bytes.")] = 42,
    out: Annotated[Path, typer.Option(help="Extract root to write.")] = paths.DEFAULT_RAW_DIR,
    truth: Annotated[
        Path, typer.Option(help="Folder for the ground truth.")
    ] = paths.DEFAULT_TRUTH_DIR,
) -> None:
    """Write a synthetic extract (SOURCES.md shape) and its ground truth (TRUTH.md)."""
    from countylines.generator import generate_extract

    counts = generate_extract(scale=scale, seed=seed, out_dir=out, truth_dir=truth)
    total = sum(counts.values())
    console.print(f"[green]Wrote[/green] {total:,} rows in {len(counts)} tables to {out}")
    for table, n in counts.items():
        console.print(f"  {table:<34} {n:>10,}")


@app.command()
def build(
    raw: RawOption = paths.DEFAULT_RAW_DIR,
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    select: Annotated[
        str | None, typer.Option(help="dbt selector, to build part of the project.")
    ] = None,
) -> None:
    """Build the warehouse (dbt build: seeds, models, tests) from one raw extract."""
    from countylines.build import build_warehouse

    if not raw.is_dir():
        console.print(f"[red]No raw extract folder at {raw}[/red]")
        raise typer.Exit(2)
    result = build_warehouse(raw, warehouse, select=select)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(result.status_counts.items()))
    if result.success:
        console.print(f"[green]Build succeeded[/green]: {summary}. Warehouse: {warehouse}")
        return
    console.print(f"[red]Build failed[/red]: {summary or 'no nodes ran'}")
    for failure in result.failures:
        console.print(f"  - {failure}")
    if not result.status_counts:
        console.print(result.log[-4000:])
    raise typer.Exit(1)


@app.command()
def summary(warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE) -> None:
    """Print what a built warehouse holds: reconciliation, quarantine, mart sizes."""
    from countylines.summary import print_summary

    print_summary(warehouse, Console())


@app.command()
def evaluate(
    truth: Annotated[
        Path, typer.Option(help="Folder of the ground truth (TRUTH.md).")
    ] = paths.DEFAULT_TRUTH_DIR,
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON here.")
    ] = None,
) -> None:
    """Measure the warehouse against a synthetic extract's ground truth."""
    import json

    from rich.table import Table

    from countylines.evaluate import evaluate as run_evaluation

    results = run_evaluation(truth, warehouse)
    table = Table(title="Evaluation against the truth")
    for column in ["area", "measure", "value"]:
        table.add_column(column)
    for area, measures in results.items():
        for measure, value in measures.items():
            shown = f"{value:.4f}" if isinstance(value, float) else str(value)
            table.add_row(area, measure, shown)
    Console().print(table)
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        console.print(f"Wrote {json_out}")


@app.command()
def bench(
    scale: Annotated[str, typer.Option(help="Extract scale to generate.")] = "wmp",
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 42,
    raw: Annotated[
        Path | None, typer.Option(help="Use this extract instead of generating one.")
    ] = None,
    workdir: Annotated[Path, typer.Option(help="Scratch folder.")] = Path("data/bench"),
) -> None:
    """Time generation, the raw-read floor and each build stage (a benchmark, not a test)."""
    import time

    from rich.table import Table

    from countylines.bench import clean, own_peak_rss_mb, run_benchmark
    from countylines.generator import generate_extract

    clean(workdir)
    generation = None
    if raw is None:
        raw = workdir / "raw"
        started = time.perf_counter()
        counts = generate_extract(scale=scale, seed=seed, out_dir=raw, truth_dir=workdir / "truth")
        generation = time.perf_counter() - started
        console.print(f"Generated {sum(counts.values()):,} rows ({scale}, seed {seed})")
    floor, stages, whole = run_benchmark(raw, workdir)
    table = Table(title=f"countylines bench ({scale})")
    for column in ["stage", "seconds", "peak MB", "x floor", "ok"]:
        table.add_column(column, justify="left" if column == "stage" else "right")
    if generation is not None:
        table.add_row("generate", f"{generation:.1f}", f"{own_peak_rss_mb():.0f}", "", "yes")
    table.add_row("raw read floor", f"{floor:.1f}", "", "1.0", "yes")
    for timing in [*stages, whole]:
        table.add_row(
            timing.stage,
            f"{timing.seconds:.1f}",
            f"{timing.peak_rss_mb:.0f}",
            f"{timing.seconds / floor:.1f}" if floor else "",
            "yes" if timing.success else "NO",
        )
    Console().print(table)
    if not whole.success:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
