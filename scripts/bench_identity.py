"""Identity resolution on FEBRL, the public record-linkage benchmark, beside plain Splink.

A script, not a test. For FEBRL3 and FEBRL4 (4a and 4b linked as one index), it maps the
records into the nominal index of an otherwise empty extract (the mapping is in
python/countylines/febrl.py), builds the warehouse with the real command line
(`countylines build`), and prints pairwise precision / recall / F1 of
`marts.nominal_source_xref` against the true persons and the build's seconds, beside plain
Splink 4 on the same fields (names, date of birth, postcode) clustered at 0.95.

    python scripts/bench_identity.py [--febrl DIR] [--workdir DIR] [--with-id]
        [--datasets febrl3,febrl4] [--json FILE]

`--with-id` also gives the benchmark's soc_sec_id as the PNC id (a second row per dataset).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from countylines import febrl
from countylines.bench import run_cli
from countylines.paths import PROJECT_DIR

DEFAULT_FEBRL = PROJECT_DIR.parent / "shared" / "datasets" / "febrl"


def build(raw: Path, warehouse: Path) -> float:
    """Build the warehouse with the real command line; return its seconds."""
    return run_cli("build", "--raw", str(raw), "--warehouse", str(warehouse), "--quiet")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--febrl", type=Path, default=DEFAULT_FEBRL)
    parser.add_argument("--workdir", type=Path, default=PROJECT_DIR / "data" / "bench_identity")
    parser.add_argument("--datasets", default="febrl3,febrl4")
    parser.add_argument("--with-id", action="store_true", help="also run with soc_sec_id as PNC")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain Splink")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()

    rows = []
    for name in args.datasets.split(","):
        records = febrl.read_febrl(args.febrl, name)
        variants = [False, True] if args.with_id else [False]
        for with_id in variants:
            label = f"{name}{' + id as PNC' if with_id else ''}"
            nominals = febrl.to_nominals(records, with_id=with_id)
            root = args.workdir / (name + ("_id" if with_id else ""))
            shutil.rmtree(root, ignore_errors=True)
            raw = febrl.write_extract(nominals, root / "raw")
            warehouse = root / "countylines.duckdb"
            seconds = build(raw, warehouse)
            scores = febrl.score_warehouse(warehouse, nominals)
            rows.append(("countylines", label, scores, seconds))
            print(_line("countylines", label, scores, seconds), flush=True)
        if not args.no_baseline:
            baseline = febrl.plain_splink_baseline(febrl.to_nominals(records))
            rows.append(("plain Splink 4", name, baseline.scores, baseline.seconds))
            print(_line("plain Splink 4", name, baseline.scores, baseline.seconds), flush=True)

    print()
    print("| system | dataset | precision | recall | F1 | seconds |")
    print("|---|---|---|---|---|---|")
    for system, label, scores, seconds in rows:
        print(
            f"| {system} | {label} | {scores.precision:.3f} | {scores.recall:.3f}"
            f" | {scores.f1:.3f} | {seconds:.0f} |"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "system": system,
                        "dataset": label,
                        "precision": scores.precision,
                        "recall": scores.recall,
                        "f1": scores.f1,
                        "seconds": seconds,
                    }
                    for system, label, scores, seconds in rows
                ],
                indent=2,
            )
            + "\n"
        )


def _line(system: str, label: str, scores, seconds: float) -> str:
    return (
        f"{system:<15} {label:<18} P {scores.precision:.3f}  R {scores.recall:.3f}"
        f"  F1 {scores.f1:.3f}  {seconds:.0f} s"
    )


if __name__ == "__main__":
    main()
