"""Speed benchmark: HTTP against the raw ceiling, the schema against plain graphql-core,
and scale (1 vs 1,000 documents), in one run, written as the "Speed" section of
`bench/RESULTS.md` (the rest of the file, e.g. the build benchmark, is kept).

    python -m bench.speed_bench [--sizes 1 1000 10000] [--out bench/RESULTS.md]

Bounded: about two minutes of load, plus the loads of the largest size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from bench import http_bench, inprocess_bench, load, scale_bench
from bench.report import machine

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN = "<!-- speed: written by python -m bench.speed_bench -->"
END = "<!-- end of speed -->"
PACKAGES = ("strawberry-graphql", "graphql-core", "starlette", "uvicorn")


def versions() -> str:
    return "- " + ", ".join(f"{p} {version(p)}" for p in PACKAGES) + f"; load: {load.generator()}"


def section(sizes: Sequence[int]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="budget-kg-speed-") as directory:
        scale = scale_bench.run(sizes, Path(directory))
    return [
        BEGIN,
        "## Speed",
        "",
        "Written by `make bench` (`python -m bench.speed_bench`): ratios from one run.",
        "",
        *http_bench.section(http_bench.run()),
        *inprocess_bench.section(inprocess_bench.run()),
        *scale_bench.section(scale),
        *machine(),
        versions(),
        END,
        "",
    ]


def replaced(text: str, lines: list[str]) -> str:
    """`text` with its speed section (if any) replaced by `lines`, else with them added."""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        return head + "\n".join(lines) + tail
    return text.rstrip("\n") + "\n\n" + "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    root = argparse.ArgumentParser(prog="python -m bench.speed_bench", description=__doc__)
    root.add_argument("--sizes", type=int, nargs="+", default=list(scale_bench.SIZES))
    root.add_argument("--out", type=Path, default=RESULTS)
    args = root.parse_args(argv)
    lines = section(args.sizes)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(replaced(old, lines), encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
