"""Time the synthetic generator at one scale and report its peak memory and row counts.

Not a test: run it by hand, e.g.

    python scripts/bench_generate.py --scale wmp --out /tmp/bench/raw --truth /tmp/bench/truth

Targets (issue 2): `wmp` in under 5 minutes and 8 GB on a 2-core machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from countylines.generator import generate_extract


def main() -> int:
    """Run one generation and print wall time, peak RSS and rows per table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="wmp")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--truth", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch) / "raw"
        truth = args.truth or Path(scratch) / "truth"
        start = time.perf_counter()
        counts = generate_extract(scale=args.scale, seed=args.seed, out_dir=out, truth_dir=truth)
        seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in out.rglob("*.csv"))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"scale {args.scale} seed {args.seed}")
    print(f"wall time   {seconds:8.1f} s")
    print(f"peak RSS    {peak_mb:8.0f} MB")
    print(f"extract     {size / 1e6:8.1f} MB of CSV")
    for table, rows in counts.items():
        print(f"  {table:<32} {rows:>10,}")
    print(f"  {'total':<32} {sum(counts.values()):>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
