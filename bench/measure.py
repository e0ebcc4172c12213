"""Measuring one size: best read and build times, tracemalloc peaks, graph size."""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from graph.build import build_graph
from loaders import Document, read_document

MOST_REPEATS = 21
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Run:
    """What one size measured: seconds (best of `repeats`), peak bytes, and the graph's size.

    `build_seconds_without_gc` times the same build with the cyclic garbage
    collector off: the difference is what the collector's passes over a growing
    heap cost.
    """

    documents: int
    repeats: int
    read_seconds: float
    build_seconds: float
    build_seconds_without_gc: float
    read_peak: int
    build_peak: int
    nodes: int
    edges: int


@dataclass(frozen=True, slots=True)
class Timing:
    read: float
    build: float
    build_without_gc: float
    nodes: int
    edges: int


def repeats(documents: int) -> int:
    return max(3, MOST_REPEATS // documents)


def read_all(paths: Sequence[Path]) -> list[Document]:
    return [read_document(path) for path in paths]


def seconds(work: Callable[[], T], collect: bool = True) -> tuple[float, T]:
    """How long `work` takes (with the garbage collector on or off), and its result."""
    gc.collect()
    if not collect:
        gc.disable()
    try:
        start = time.perf_counter()
        result = work()
        return time.perf_counter() - start, result
    finally:
        gc.enable()


def timed(paths: Sequence[Path]) -> Timing:
    """Read `paths`, build their graph, build it again with the collector off."""
    read, documents = seconds(lambda: read_all(paths))
    build, graph = seconds(lambda: build_graph(documents))
    without_gc, _ = seconds(lambda: build_graph(documents), collect=False)
    return Timing(read, build, without_gc, graph.number_of_nodes(), graph.number_of_edges())


def peaks(paths: Sequence[Path]) -> tuple[int, int]:
    """Peak bytes allocated while reading, then while building (above what reading kept)."""
    gc.collect()
    tracemalloc.start()
    try:
        documents = read_all(paths)
        kept, read_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        build_graph(documents)
        _, build_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return read_peak, build_peak - kept


def measure(paths: Sequence[Path]) -> Run:
    runs = [timed(paths) for _ in range(repeats(len(paths)))]
    read_peak, build_peak = peaks(paths)
    return Run(
        len(paths),
        len(runs),
        min(r.read for r in runs),
        min(r.build for r in runs),
        min(r.build_without_gc for r in runs),
        read_peak,
        build_peak,
        runs[-1].nodes,
        runs[-1].edges,
    )
