"""Scale: the same queries over `data/` alone and with generated documents beside it
(`bench.generate`), each size in a fresh process so its memory is its own.

Per size: `server.data.load` time (read, build, lookups, heap frozen), resident memory
it added per node, a full garbage collection's pause with the heap frozen (as served)
and unfrozen, and the best time of each query (`schema.execute_sync`, in-process).

    python -m bench.scale_bench --size 1000 --docs DIR   # one size, as JSON
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.generate import write_documents
from bench.http_bench import TOUR

SIZES = (1, 1000, 10000)
REPEATS = 50
QUERIES = {
    "tour": TOUR,
    "search": '{ search(text: "francisation") { name } }',
    "rankedSearch": '{ rankedSearch(text: "francisation") { totalCount edges { cursor } } }',
    "neighborhood": '{ neighborhood(id: "%s", depth: 1) { nodes { name } edges { relation } } }',
}
PORTFOLIO = '{ portfolio(name: "Immigration et Communautés culturelles") { id } }'


def resident() -> int:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def pause() -> float:
    start = time.perf_counter()
    gc.collect()
    return time.perf_counter() - start


def measure(size: int, docs: Path) -> dict[str, Any]:
    from schema.context import Context
    from schema.schema import schema
    from server.data import default_paths, load

    paths = [*default_paths(), *sorted(docs.glob("*.txt"))[: size - 1]]
    before, start = resident(), time.perf_counter()
    loaded = load(paths)
    found: dict[str, Any] = {"documents": size, "load": time.perf_counter() - start}
    nodes = loaded.graph.number_of_nodes()
    found |= {"nodes": nodes, "bytes_per_node": (resident() - before) / nodes}
    found |= {"gc_frozen": pause()}
    gc.unfreeze()
    found |= {"gc_unfrozen": pause()}
    gc.freeze()
    context = Context(graph=loaded.graph)
    portfolio = schema.execute_sync(PORTFOLIO, context_value=context).data
    assert portfolio is not None
    for name, query in QUERIES.items():
        text = query % portfolio["portfolio"]["id"] if "%s" in query else query
        found[name] = best(partial(schema.execute_sync, text, context_value=context))
    return found


def best(work: Any) -> float:
    assert not work().errors
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def run(sizes: Sequence[int], docs: Path) -> list[dict[str, Any]]:
    write_documents(max(sizes) - 1, docs)
    results = []
    for size in sizes:
        command = [sys.executable, "-m", "bench.scale_bench", "--size", str(size)]
        out = subprocess.run(
            [*command, "--docs", str(docs)], capture_output=True, text=True, timeout=3600
        )
        if out.returncode != 0:
            raise RuntimeError(out.stderr[-2000:])
        results.append(json.loads(out.stdout))
        print(results[-1], file=sys.stderr)
    return results


def section(found: list[dict[str, Any]]) -> list[str]:
    base = found[0]
    names = list(QUERIES)
    lines = [
        "### Scale: data/ alone vs with generated documents",
        "",
        f"Each size in its own process; queries best of {REPEATS}; ratio = against "
        f"{base['documents']} document. Load = read + build + lookups + `gc.freeze()`; per "
        "document, one document's load is mostly fixed costs, so compare the larger sizes.",
        "",
        "| Documents | Nodes | Load (s) | Load / doc (ms) | Bytes / node (RSS) "
        "| GC pause frozen (ms) "
        "| GC pause unfrozen (ms) | " + " | ".join(f"{n} (ms, ratio)" for n in names) + " |",
        "|---" * (7 + len(names)) + "|",
    ]
    for run in found:
        cells = [f"{run['documents']:,}", f"{run['nodes']:,}", f"{run['load']:.2f}"]
        cells += [f"{run['load'] / run['documents'] * 1000:.2f}"]
        cells += [f"{run['bytes_per_node']:,.0f}"]
        cells += [f"{run['gc_frozen'] * 1000:.2f}", f"{run['gc_unfrozen'] * 1000:.1f}"]
        cells += [f"{run[n] * 1000:.2f} ({run[n] / base[n]:.2f}×)" for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def main(argv: Sequence[str] | None = None) -> int:
    root = argparse.ArgumentParser(prog="python -m bench.scale_bench", description=__doc__)
    root.add_argument("--size", type=int, required=True)
    root.add_argument("--docs", type=Path, required=True)
    args = root.parse_args(argv)
    print(json.dumps(measure(args.size, args.docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
