"""Start-up benchmark: how long `budget-kg serve` takes to answer /health, from the
documents and from a snapshot of them (`budget-kg build`), at 1 and 1,000 generated
documents, interleaved in one run. Writes `bench/SERVE.md`.

    python -m bench.serve_bench [--sizes 1 1000] [--runs 3] [--out bench/SERVE.md]

A start is timed from spawning the process to the first 200 of /health (polled every
10 ms), so it includes the interpreter and imports; the best of `--runs` starts is kept.
The server listens on 127.0.0.1 and is stopped after each start.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

from bench.generate import write_documents
from bench.report import machine
from server.data import load_snapshot

OUT = Path(__file__).resolve().parent / "SERVE.md"
SIZES = (1, 1000)
BOUND = 300.0
"""Seconds a start may take before the bench gives up (a bound, not a measure)."""


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_seconds(source: list[str]) -> float:
    """Seconds from spawning `serve SOURCE...` to its first answer of /health."""
    port = free_port()
    script = Path(sys.executable).parent / "budget-kg"
    argv = [str(script), "serve", "--host", "127.0.0.1", "--port", str(port), *source]
    began = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return _first_health(port, process) - began
    finally:
        process.terminate()
        process.wait(timeout=30)


def _first_health(port: int, process: subprocess.Popen[bytes]) -> float:
    """One client for every poll: `httpx.get` makes a client (and its TLS context) each
    time, a CPU the server starting beside it on a 2-core machine would have to share."""
    url = f"http://127.0.0.1:{port}/health"
    deadline = time.perf_counter() + BOUND
    with httpx.Client(timeout=5.0) as client:
        while time.perf_counter() < deadline and process.poll() is None:
            try:
                if client.get(url).status_code == 200:
                    return time.perf_counter()
            except httpx.TransportError:
                time.sleep(0.01)
    raise RuntimeError(f"serve did not answer /health within {BOUND} s")


def measure(paths: Sequence[Path], snapshot: Path, runs: int) -> tuple[float, float, float]:
    """Build seconds, then the best start from the documents and from the snapshot
    (each a new process)."""
    began = time.perf_counter()
    build = [str(Path(sys.executable).parent / "budget-kg"), "build", *map(str, paths)]
    subprocess.run([*build, "-o", str(snapshot)], check=True, stderr=subprocess.DEVNULL)
    built = time.perf_counter() - began
    documents, snapshots = [], []
    for _ in range(runs):  # interleaved: a slow moment of the machine hits both
        documents.append(start_seconds([*map(str, paths)]))
        snapshots.append(start_seconds(["--snapshot", str(snapshot)]))
    return built, min(documents), min(snapshots)


def read_seconds(snapshot: Path, runs: int) -> float:
    """The best time to read the snapshot in this process (what a start adds to imports)."""
    best = BOUND
    for _ in range(runs):
        began = time.perf_counter()
        load_snapshot(snapshot)
        best = min(best, time.perf_counter() - began)
    return best


def run(sizes: Sequence[int], runs: int, out: Path) -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="budget-kg-bench-") as directory:
        paths = write_documents(max(sizes), Path(directory))
        for size in sizes:
            snapshot = Path(directory) / f"graph-{size}.snapshot"
            built, documents, snapshot_start = measure(paths[:size], snapshot, runs)
            size_mib = snapshot.stat().st_size / 2**20
            rows.append(
                f"| {size:,} | {runs} | {built:.2f} | {size_mib:.1f} | {documents:.2f} "
                f"| {snapshot_start:.2f} | {snapshot_start / documents:.2f} "
                f"| {read_seconds(snapshot, runs):.3f} |"
            )
            print(rows[-1], file=sys.stderr)
    write(rows, out)


def write(rows: list[str], out: Path) -> None:
    lines = [
        "# Start-up benchmark",
        "",
        "Written by `python -m bench.serve_bench`: seconds from spawning `budget-kg serve` "
        "to its first 200 on `/health` (interpreter and imports included), best of *Runs* "
        "interleaved starts, from the documents and from their snapshot; *Read snapshot* is "
        "`load_snapshot` alone, in process (best of *Runs*). The machine's other load "
        "shows in the absolute times; compare within a row.",
        "",
        "| Documents | Runs | Build snapshot (s) | Snapshot (MiB) | Start from documents (s) "
        "| Start from snapshot (s) | Snapshot / documents | Read snapshot (s) |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        *machine(),
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    root = argparse.ArgumentParser(prog="python -m bench.serve_bench", description=__doc__)
    root.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    root.add_argument("--runs", type=int, default=3)
    root.add_argument("--out", type=Path, default=OUT)
    args = root.parse_args(argv)
    run(args.sizes, args.runs, args.out)
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
