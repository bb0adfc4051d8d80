"""Which models hold the most memory: one whole build, the dbt process's resident memory
sampled while each model runs.

Not a test: run it by hand on a force-scale extract, e.g.

    python scripts/bench_memory.py --raw /tmp/wmp42/raw --workdir /tmp/me/benchmem

Prints the build's time and peak, then the models with the highest peaks. dbt runs two
models at a time, so a model that runs beside the largest one shows its peak too: read
the list with the models' own sizes in mind.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from countylines.bench import build_with_model_memory


def main() -> int:
    """Build once and print the peak memory per model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, required=True)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DBT_LOG_PATH", str(args.workdir / "target" / "logs"))
    timing, memory = build_with_model_memory(
        args.raw, args.workdir / "memory.duckdb", args.workdir / "target", args.interval
    )
    print(
        f"whole build {timing.seconds:8.1f} s  peak {timing.peak_rss_mb:8.0f} MB  "
        f"ok {timing.success}"
    )
    print("models by peak resident memory of dbt while they ran (MB):")
    for name, peak in memory.top(args.top):
        print(f"  {peak:8.0f}  {name}")
    return 0 if timing.success else 1


if __name__ == "__main__":
    raise SystemExit(main())
