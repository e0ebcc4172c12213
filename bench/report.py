"""`bench/RESULTS.md`: the runs as a markdown table, with the machine and the date."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import networkx as nx

from bench.measure import Run
from bench.results import write_section

MIB = 1024 * 1024
HEADER = (
    "| Documents | Runs | Nodes | Edges | Read (s) | Build (s) | Build, GC off (s) "
    "| Read / doc (ms) | Build / doc (ms) | Read / doc ratio | Build / doc ratio "
    "| Build, GC off / doc ratio | Peak read (MiB) | Peak build (MiB) "
    "| Peak build / doc ratio |"
)


def per_document(value: float, run: Run) -> float:
    return value / run.documents


def row(run: Run, baseline: Run) -> str:
    """One run; the ratios are per document, against the baseline's per document."""

    def ratio(field: str) -> str:
        mine = per_document(getattr(run, field), run)
        return f"{mine / per_document(getattr(baseline, field), baseline):.2f}"

    timed = (run.read_seconds, run.build_seconds, run.build_seconds_without_gc)
    cells = [
        *(f"{run.documents:,}", str(run.repeats), f"{run.nodes:,}", f"{run.edges:,}"),
        *(f"{s:.3f}" for s in timed),
        *(f"{per_document(s, run) * 1000:.2f}" for s in timed[:2]),
        *(ratio(f) for f in ("read_seconds", "build_seconds", "build_seconds_without_gc")),
        *(f"{size / MIB:.2f}" for size in (run.read_peak, run.build_peak)),
        ratio("build_peak"),
    ]
    return "| " + " | ".join(cells) + " |"


def table(runs: Sequence[Run]) -> list[str]:
    baseline = min(runs, key=lambda r: r.documents)
    separator = "|" + "---|" * HEADER.count(" |")
    return [HEADER, separator, *(row(run, baseline) for run in runs)]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> list[str]:
    return [
        f"- Date: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"- Machine: {platform.platform()}, {cpu_model()}, {os.cpu_count()} CPUs",
        f"- Python {sys.version.split()[0]} ({platform.python_implementation()}), "
        f"networkx {nx.__version__}",
    ]


def write_report(runs: Sequence[Run], out: Path) -> None:
    baseline = min(runs, key=lambda r: r.documents)
    lines = [
        "Written by `make bench` (`python -m bench.build_bench`). Documents are generated",
        "by `bench/generate.py` from `tests/corpus/synthetic-tourisme-2008-2009.txt`, each",
        "a distinct portfolio. Read = `read_document` of every file; build =",
        "`build_graph` of the documents read. Times are the best of *Runs* runs; peaks are",
        "`tracemalloc` peaks of one more run (build: above what the read documents hold).",
        "*Build, GC off* is the same build with Python's cyclic garbage collector disabled:",
        "the gap between the two is the collector's passes over a growing heap.",
        f"Ratios are per document, against the {baseline.documents}-document run "
        "(1.00 = linear scaling).",
        "",
        *table(runs),
        "",
        *machine(),
    ]
    write_section(out, "Build benchmark", lines)
