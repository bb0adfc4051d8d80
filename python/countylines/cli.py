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
#: Files and folders the commands write (warehouse, WAL, run log, lock, docs, report,
#: exports, extracts, dbt's logs) are the owner's only, for OFFICIAL-SENSITIVE data; set
#: COUNTYLINES_UMASK (octal, e.g. 027 for the owner's group to read) to widen that.
DEFAULT_UMASK = "077"


@app.callback()
def _private_files() -> None:
    """countylines: build and query the county lines intelligence warehouse."""
    value = os.environ.get("COUNTYLINES_UMASK", DEFAULT_UMASK)
    try:
        mask = int(value, 8)
    except ValueError:
        console.print(f"COUNTYLINES_UMASK must be octal, like 077: got {value!r}", markup=False)
        raise typer.Exit(2) from None
    os.umask(mask)


WarehouseOption = Annotated[
    Path,
    typer.Option("--warehouse", envvar="COUNTYLINES_WAREHOUSE", help="The DuckDB warehouse file."),
]


@app.command()
def generate(
    scale: Annotated[
        str,
        typer.Option(
            help="small (tests, seconds), wmp (force scale, one year) or wmp5 (five years)."
        ),
    ] = "small",
    seed: Annotated[int, typer.Option(help="Random seed: same seed, same bytes.")] = 42,
    out: Annotated[Path, typer.Option(help="Extract root to write.")] = paths.DEFAULT_RAW_DIR,
    truth: Annotated[
        Path, typer.Option(help="Folder for the ground truth.")
    ] = paths.DEFAULT_TRUTH_DIR,
    world: Annotated[
        str,
        typer.Option(
            help="How the force records and what its lines look like: standard, "
            "plain_speech, quiet_systems, cautious_grading or young_lines "
            "(python/countylines/generator/worlds.py)."
        ),
    ] = "standard",
) -> None:
    """Write a synthetic extract (SOURCES.md shape) and its ground truth (TRUTH.md)."""
    from countylines.generator import generate_extract
    from countylines.generator.worlds import WORLDS

    if world not in WORLDS:
        console.print(f"[red]Unknown world {world!r}[/red]; known: {', '.join(WORLDS)}")
        raise typer.Exit(2)
    counts = generate_extract(scale=scale, seed=seed, out_dir=out, truth_dir=truth, world=world)
    total = sum(counts.values())
    console.print(f"[green]Wrote[/green] {total:,} rows in {len(counts)} tables to {out}")
    for table, n in counts.items():
        console.print(f"  {table:<34} {n:>10,}")


@app.command()
def build(
    raw: RawOption = paths.DEFAULT_RAW_DIR,
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    select: Annotated[
        str | None,
        typer.Option(help="dbt selector, to rebuild part of a copy of the current warehouse."),
    ] = None,
    docs: Annotated[
        Path | None,
        typer.Option(help="Also write the dbt docs site (index.html) to this folder."),
    ] = None,
    keep_failed: Annotated[
        bool,
        typer.Option(help="Keep a failed build's file as <warehouse>.failed-<run id>."),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress; one summary line.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show dbt's own output.")
    ] = False,
    incremental: Annotated[
        bool,
        typer.Option(
            help="Build on a copy of the current warehouse, reusing what the new extract did"
            " not change (the pair scores, with --linkage-model); equals a full build."
        ),
    ] = False,
    linkage_model: Annotated[
        Path | None,
        typer.Option(
            envvar="COUNTYLINES_LINKAGE_MODEL",
            help="A saved linkage model (countylines linkage train): score pairs with it"
            " instead of training on this extract.",
        ),
    ] = None,
) -> None:
    """Build the warehouse (dbt build: seeds, models, tests) from one raw extract.

    Builds a new file and swaps it in only if everything passed; readers are never
    blocked. Exit 0 swapped in, 1 a model or test failed, 2 bad input (no extract folder,
    the extract breaks the source contract, no linkage model at the path given, or another
    build of it is running).
    """
    from countylines.build import scheduled_build

    before_swap = None
    if docs is not None:
        before_swap = _docs_before_swap(raw, docs, quiet, warehouse)
    if incremental and linkage_model is None and not quiet:
        console.print(
            "[yellow]--incremental without --linkage-model: the pair scores are trained and"
            " scored again in full[/yellow]"
        )
    options = {
        "keep_failed": keep_failed,
        "before_swap": before_swap,
        "incremental": incremental,
        "linkage_model": linkage_model,
    }
    if verbose:
        outcome = scheduled_build(raw, warehouse, select, on_line=_echo, **options)
    elif quiet:
        outcome = scheduled_build(raw, warehouse, select, **options)
    else:
        with _BuildProgress(console) as progress:
            outcome = scheduled_build(raw, warehouse, select, on_line=progress.on_line, **options)
    _print_build_summary(outcome, quiet=quiet)
    raise typer.Exit(outcome.exit_code)


linkage_app = typer.Typer(
    help="The saved linkage model: train it now and then, score every build with it.",
    no_args_is_help=True,
)
app.add_typer(linkage_app, name="linkage")


@linkage_app.command("train")
def linkage_train(
    out: Annotated[Path, typer.Option(help="The model file (JSON) to write.")],
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
) -> None:
    """Train the pair-scoring model on a built warehouse's person records and save it
    (m, u, prior and term-frequency lookups), for `countylines build --linkage-model`."""
    import duckdb

    from countylines.resolution.scoring import (
        RECORD_COLUMNS,
        model_digest,
        save_model,
        train_model,
    )

    _require_warehouse(warehouse)
    # int_person_records is a view over the raw extract: its files must still be in place.
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        records = connection.execute(
            f"select {', '.join(RECORD_COLUMNS)} from intermediate.int_person_records"
        ).df()
    model = train_model(records)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_model(model, out)
    console.print(
        f"[green]Trained[/green] on {len(records):,} person records: {out}"
        f" (sha256 {model_digest(model)[:12]})"
    )


def _require_warehouse(warehouse: Path) -> None:
    """Exit 2 with one sentence, writing nothing, unless `warehouse` is a built one."""
    from rich.markup import escape

    from countylines.warehouse_check import warehouse_problem

    problem = warehouse_problem(warehouse)
    if problem is not None:
        console.print(f"[red]{escape(problem)}[/red]", highlight=False)
        raise typer.Exit(2)


def _echo(line: str) -> None:
    from countylines.dbt_run import clean_line

    console.print(clean_line(line), markup=False, highlight=False)


def _docs_before_swap(raw: Path, out: Path, quiet: bool, warehouse: Path):
    """A hook for scheduled_build: write the docs from the new file before the swap."""

    def write_docs(building: Path) -> list[str]:
        from countylines.build import build_target_path
        from countylines.docs import generate_docs_on

        if not quiet:
            console.print("Writing the dbt docs site ...")
        made = generate_docs_on(building, raw, out, target_path=build_target_path(warehouse))
        if made.success:
            if not quiet:
                console.print(f"Docs: {made.page}")
            return []
        return [f"docs not written: {made.result.log[-500:]}"]

    return write_docs


class _BuildProgress:
    """A rich progress bar fed by dbt's `N of M STATUS node` lines."""

    def __init__(self, out: Console) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", style="bold"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[last]}", style="dim"),
            console=out,
        )
        self.task = self.progress.add_task("parsing the project", total=None, last="")
        self.failed = 0

    def __enter__(self) -> _BuildProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def on_line(self, line: str) -> None:
        """Advance on each finished node; print failures above the bar as they happen."""
        from countylines.dbt_run import clean_line, parse_node_line

        event = parse_node_line(line)
        if event is None:
            text = clean_line(line)
            if "Found " in text and " models" in text:
                self.progress.update(self.task, description="checking the extract")
            elif "Registered " in text and " raw tables" in text:
                self.progress.update(self.task, description="building")
            return
        if self.progress.tasks[0].total is None:
            self.progress.update(self.task, total=event.total, description="building")
        if not event.finished:
            return
        if event.failed:
            self.failed += 1
            self.progress.console.print(f"[red]{event.status}[/red] {event.text}", highlight=False)
        description = "building" if not self.failed else f"building ({self.failed} failed)"
        node = event.text.split()[-1] if event.text.split() else ""
        self.progress.update(self.task, advance=1, description=description, last=node[:32])


def _print_build_summary(outcome, quiet: bool) -> None:
    """The end of every build: what ran, what passed, how long, where the warehouse is."""
    from rich.table import Table

    record = outcome.record
    colour = "green" if outcome.success else "red"
    headline = {
        "success": "Build succeeded: new warehouse swapped in",
        "failed": "Build failed: the last good warehouse is unchanged",
        "bad_input": "Bad input: nothing built, the last good warehouse is unchanged",
        "locked": "Not run: another build of this warehouse is running",
    }.get(record.status, record.status)
    tests = (
        f"{record.tests_passed} passed, {record.tests_failed} failed, {record.tests_warned} warned"
    )
    nodes = f"{record.nodes_ok} OK, {record.nodes_error} error, {record.nodes_skipped} skipped"
    if quiet:
        console.print(
            f"[{colour}]{headline}[/{colour}] (run {record.run_id}; nodes {nodes}; "
            f"tests {tests}; {record.seconds:.0f} s) {outcome.warehouse}",
            highlight=False,
            soft_wrap=True,
        )
    else:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        table.add_row("Result", f"[{colour}]{headline}[/{colour}]")
        table.add_row("Run", record.run_id)
        table.add_row("Nodes", nodes)
        table.add_row("Tests", tests)
        table.add_row("Time", f"{record.seconds:.0f} s (peak {record.peak_rss_mb:.0f} MB)")
        if record.extract_fingerprint:
            table.add_row(
                "Extract",
                f"{record.raw_dir} (date {record.extract_date}, {record.extract_files} files, "
                f"fingerprint {record.extract_fingerprint[:16]})",
            )
        table.add_row("Warehouse", str(outcome.warehouse))
        if outcome.kept_failed is not None:
            table.add_row("Failed file", str(outcome.kept_failed))
        in_table = "and table audit.build_runs" if outcome.success else "(this run only there)"
        table.add_row("Audit", f"{outcome.audit_log} {in_table}")
        console.print(table)
    if not outcome.success:
        failures = outcome.result.failures if outcome.result else []
        for failure in failures[:10]:
            lines = [line.strip() for line in failure.splitlines() if line.strip()]
            console.print(
                f"[{colour}]- {' '.join(lines[:3])[:400]}[/{colour}]",
                highlight=False,
                soft_wrap=True,
            )
        if len(failures) > 10:
            console.print(f"... and {len(failures) - 10} more (see dbt's log, dbt.log)")
        if not failures:
            console.print(f"[{colour}]{record.message}[/{colour}]", highlight=False, soft_wrap=True)
    for warning in outcome.warnings:
        console.print(f"[yellow]Warning:[/yellow] {warning}", highlight=False)


@app.command()
def docs(
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    raw: RawOption = paths.DEFAULT_RAW_DIR,
    out: Annotated[
        Path, typer.Option(help="Folder to write the docs site (index.html) to.")
    ] = paths.PROJECT_DIR / "data" / "docs",
) -> None:
    """Write the dbt docs site (lineage, every model and column) as one offline HTML file."""
    from countylines.docs import generate_docs

    _require_warehouse(warehouse)
    if not raw.is_dir():
        console.print(f"[red]No raw extract folder at {raw}[/red] (dbt registers it for docs)")
        raise typer.Exit(2)
    made = generate_docs(warehouse, raw, out)
    if not made.success:
        console.print("[red]dbt docs generate failed[/red]")
        console.print(made.result.log[-4000:], markup=False)
        raise typer.Exit(1)
    console.print(f"[green]Docs written[/green]: {made.page} (open it in a browser)")


@app.command()
def report(
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    out: Annotated[
        Path, typer.Option(help="The HTML file to write (self-contained, works offline).")
    ] = paths.PROJECT_DIR / "data" / "report.html",
    top: Annotated[int, typer.Option(help="How many top networks to chart.")] = 5,
) -> None:
    """Write the briefing report: top networks with charts, targets, safeguarding, new lines."""
    from countylines.report import write_report

    _require_warehouse(warehouse)
    written = write_report(warehouse, out, top_networks=top)
    console.print(f"[green]Report written[/green]: {written} (open it in a browser)")


@app.command()
def export(
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    out: Annotated[Path, typer.Option(help="Folder to write the exports to.")] = paths.PROJECT_DIR
    / "data"
    / "exports",
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="i2, graphml, partner (needs COUNTYLINES_PSEUDONYM_KEY) or public; "
            "repeat for several. Default: every kind whose prerequisites are met.",
        ),
    ] = None,
) -> None:
    """Write the network for i2 and Gephi, the partner export and the public aggregates."""
    from countylines.export import ExportError, write_exports

    _require_warehouse(warehouse)
    try:
        written = write_exports(warehouse, out, kinds=kind, console=console)
    except ExportError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from error
    for path in written:
        console.print(f"[green]Wrote[/green] {path}")


@app.command()
def summary(warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE) -> None:
    """Print what a built warehouse holds: reconciliation, quarantine, mart sizes."""
    from countylines.summary import print_summary

    _require_warehouse(warehouse)
    print_summary(warehouse, Console())


def shown_measure(value: object) -> str:
    """A measure as the evaluation table prints it: floats to 4 places, a dash for None,
    and a breakdown (a dict) one `name value` line per entry."""
    if isinstance(value, dict):
        return "\n".join(f"{name} {shown_measure(item)}" for name, item in value.items())
    if value is None:
        return "–"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


@app.command()
def evaluate(
    truth: Annotated[
        Path, typer.Option(help="Folder of the ground truth (TRUTH.md).")
    ] = paths.DEFAULT_TRUTH_DIR,
    warehouse: WarehouseOption = paths.DEFAULT_WAREHOUSE,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON here.")
    ] = None,
    identity_breakdown: Annotated[
        bool,
        typer.Option(
            "--identity-breakdown",
            help="Also print where identity resolution misses and merges wrongly.",
        ),
    ] = False,
) -> None:
    """Measure the warehouse against a synthetic extract's ground truth."""
    import json

    from rich.table import Table

    from countylines.evaluate import evaluate as run_evaluation

    _require_warehouse(warehouse)
    if not truth.is_dir():
        console.print(f"No ground truth folder at {truth}.", style="red", markup=False)
        raise typer.Exit(2)
    results = run_evaluation(truth, warehouse)
    table = Table(title="Evaluation against the truth")
    for column in ["area", "measure", "value"]:
        table.add_column(column)
    for area, measures in results.items():
        for measure, value in measures.items():
            table.add_row(area, measure, shown_measure(value))
    Console().print(table)
    if identity_breakdown:
        from countylines.evaluate.identity import print_identity_report

        print_identity_report(truth, warehouse, Console())
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
    for timing in [*stages, whole]:
        for failure in timing.failures:
            console.print(f"[red]{timing.stage} failed[/red]: {failure}", highlight=False)
    _print_node_profile(workdir / "target" / "run_results.json", whole.seconds)
    if not all(timing.success for timing in [*stages, whole]):
        raise typer.Exit(1)


def _print_node_profile(run_results: Path, wall_seconds: float) -> None:
    """Where the whole build's time went, from dbt's run_results.json."""
    import json

    from rich.table import Table

    from countylines.bench import node_profile

    if not run_results.is_file():
        return
    profile = node_profile(json.loads(run_results.read_text()), wall_seconds)
    out = Console()
    for title, nodes in [("slowest models", profile.models), ("slowest tests", profile.tests)]:
        table = Table(title=f"whole build: {title}")
        for column in ["node", "seconds", "rows"]:
            table.add_column(column, justify="left" if column == "node" else "right")
        for node in nodes:
            table.add_row(
                node.name, f"{node.seconds:.1f}", "" if node.rows is None else f"{node.rows:,}"
            )
        out.print(table)
    out.print(
        f"node time: models {profile.model_seconds:.1f} s, tests {profile.test_seconds:.1f} s,"
        f" other {profile.other_seconds:.1f} s over {profile.threads} thread(s);"
        f" wall {profile.wall_seconds:.1f} s, of which about"
        f" {100 * profile.overhead_share:.0f}% outside any node (dbt's own start-up,"
        " parsing, scheduling and hooks)"
    )


def main() -> None:  # pragma: no cover - console entry point
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
