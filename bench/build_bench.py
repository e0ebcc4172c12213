"""Build benchmark: read time, build time, peak memory and graph size for 1 and
1,000 synthetic documents, each size compared per document with the 1-document
baseline measured in the same process. Writes `bench/RESULTS.md`.

    python -m bench.build_bench [--sizes 1 1000] [--out bench/RESULTS.md]

Times are the best of several runs (more runs for small sizes, after one warm-up
run), the estimate least disturbed by other work on the machine; memory is the
`tracemalloc` peak of a separate run, so tracing does not slow the timed ones.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.generate import write_documents
from bench.measure import Run, measure, timed
from bench.report import write_report
from bench.results import RESULTS

SIZES = (1, 1000)


def run(sizes: Sequence[int], out: Path) -> list[Run]:
    with tempfile.TemporaryDirectory(prefix="budget-kg-bench-") as directory:
        paths = write_documents(max(sizes), Path(directory))
        timed(paths[:1])  # warm-up: imports, compiled patterns, caches
        results = []
        for size in sizes:
            results.append(measure(paths[:size]))
            print(results[-1], file=sys.stderr)
    write_report(results, out)
    return results


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m bench.build_bench", description=__doc__)
    root.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    root.add_argument("--out", type=Path, default=RESULTS)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    run(args.sizes, args.out)
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
