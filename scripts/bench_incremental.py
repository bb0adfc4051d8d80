"""Benchmark: a new day's incremental build against a full build (not a test).

    .venv/bin/python scripts/bench_incremental.py --raw /tmp/wmp42/raw --workdir /tmp/me/incr \
        --train-from /tmp/base/wmp.duckdb

Splits the extract into a base and base plus its last day
(countylines.extract_split.split_last_day),
trains the linkage model on the person records of `--train-from` (a built warehouse) unless
`--model` names one, then times three scheduled builds with that model, one after another:
the base from scratch, the day incrementally on top of it, and base plus day from scratch.
Prints each build's wall time, the dbt time spent in models and in tests, the slowest
models of the full and the incremental build side by side, and whether the two builds'
marts are identical. Set DBT_LOG_PATH to a folder of your own.

In a checkout others are editing, `--freeze-project` first copies the dbt project (its
yml files, models, macros, seeds, analyses, tests/dbt) into the work folder and builds
from that copy, so the three builds run the same SQL.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

import duckdb

from countylines import dbt_run
from countylines.audit import digest_differences, mart_digests
from countylines.build import scheduled_build
from countylines.extract_split import split_last_day
from countylines.resolution.scoring import RECORD_COLUMNS, model_digest, save_model, train_model


def node_seconds(target: Path) -> dict[str, float]:
    """Execution seconds per node (`model.<name>`, `test.<name>`...) of a dbt run."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    return {
        ".".join(r["unique_id"].split(".")[::2][:2]): float(r.get("execution_time") or 0)
        for r in results
    }


#: What a dbt build reads of the project folder.
PROJECT_PARTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "analyses")


def freeze_project(into: Path) -> Path:
    """A copy of the dbt project, for builds that must all run the same code."""
    if into.exists():
        shutil.rmtree(into)
    for part in PROJECT_PARTS:
        source = dbt_run.PROJECT_DIR / part
        if source.is_dir():
            shutil.copytree(source, into / part)
        else:
            into.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / part)
    shutil.copytree(dbt_run.PROJECT_DIR / "tests" / "dbt", into / "tests" / "dbt")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--model", type=Path, help="a saved linkage model to use")
    parser.add_argument("--train-from", type=Path, help="a built warehouse to train it on")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--freeze-project", action="store_true", help="build from a copy")
    args = parser.parse_args()
    work = args.workdir.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if args.freeze_project:
        dbt_run.PROJECT_DIR = freeze_project(work / "project")

    started = time.perf_counter()
    moved = split_last_day(args.raw, work / "base", work / "full")
    elapsed = time.perf_counter() - started
    print(f"split the last day: {sum(moved.values()):,} rows moved in {elapsed:.1f} s")
    model_file = args.model
    if model_file is None:
        if args.train_from is None:
            parser.error("give --model or --train-from")
        started = time.perf_counter()
        with duckdb.connect(str(args.train_from), read_only=True) as connection:
            records = connection.execute(
                f"select {', '.join(RECORD_COLUMNS)} from intermediate.int_person_records"
            ).df()
        model = train_model(records)
        model_file = work / "linkage_model.json"
        save_model(model, model_file)
        print(
            f"trained the linkage model on {len(records):,} records in "
            f"{time.perf_counter() - started:.1f} s (sha256 {model_digest(model)[:12]})"
        )

    incremental, full = work / "incremental.duckdb", work / "full.duckdb"
    for path in (incremental, full):
        path.unlink(missing_ok=True)
    plan = [
        ("base, from scratch", work / "base", incremental, False),
        ("day, incremental", work / "full", incremental, True),
        ("base + day, from scratch", work / "full", full, False),
    ]
    timings: dict[str, dict[str, float]] = {}
    print(f"{'build':<26} {'wall s':>7} {'models s':>9} {'tests s':>8} {'ok':>4}")
    for name, raw, warehouse, is_incremental in plan:
        target = work / f"target-{len(timings)}"
        started = time.perf_counter()
        outcome = scheduled_build(
            raw,
            warehouse,
            incremental=is_incremental,
            linkage_model=model_file,
            target_path=target,
        )
        wall = time.perf_counter() - started
        seconds = node_seconds(target)
        timings[name] = seconds
        models = sum(v for k, v in seconds.items() if k.startswith("model."))
        tests = sum(v for k, v in seconds.items() if k.startswith("test."))
        ok = "yes" if outcome.success else "NO"
        print(f"{name:<26} {wall:>7.1f} {models:>9.1f} {tests:>8.1f} {ok:>4}")
        if not outcome.success:
            print(outcome.record.message)
            raise SystemExit(1)

    full_times, inc_times = timings["base + day, from scratch"], timings["day, incremental"]
    print(f"\n{'slowest models (full build)':<44} {'full s':>7} {'incr s':>7}")
    slowest = sorted(
        (k for k in full_times if k.startswith("model.")), key=lambda k: -full_times[k]
    )
    for key in slowest[: args.top]:
        print(f"{key[6:]:<44} {full_times[key]:>7.1f} {inc_times.get(key, 0.0):>7.1f}")
    with duckdb.connect(str(incremental), read_only=True) as connection:
        rescored, total = connection.execute(
            "select count(*) filter (where rescored), count(*)"
            " from intermediate.int_person_pairs_scored_state"
        ).fetchone()
    print(f"\nperson records whose pairs the incremental build scored: {rescored:,} of {total:,}")
    differences = digest_differences(mart_digests(incremental), mart_digests(full))
    print(
        "marts identical to the full build" if not differences else f"marts DIFFER: {differences}"
    )


if __name__ == "__main__":
    main()
