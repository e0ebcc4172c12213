"""HTTP: budget-kg against the stack's ceiling, a raw Starlette app that returns the
same bytes, both under one uvicorn worker with the same flags, on 127.0.0.1.

Runs alternate A/B/A/B (`ROUNDS` of each), so a disturbance of the machine falls on
both; the report gives the median of the rounds. The repeated query is the README's
first tour query; the cache-miss query is the same text with a unique comment each
request (parsed, validated and run every time).
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import load
from bench.load import Stats

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 3
SECONDS = 3.0
TOUR = """{ programs(portfolio: "Immigration et Communautés culturelles", year: "2007-2008") {
    number name
    budget { expenditure amortization investment credits }
    change { amount percent }
    shareOfPortfolio
    elements { number name budget { expenditure credits } }
    directorates { name }
} }"""
BYTES_ENV = "BUDGET_KG_BENCH_BYTES"


@dataclass(frozen=True, slots=True)
class Comparison:
    """One query's runs: budget-kg's and the ceiling's, round by round."""

    name: str
    ours: list[Stats]
    ceiling: list[Stats]

    def median(self, runs: list[Stats], field: str) -> float:
        return float(statistics.median(getattr(r, field) for r in runs))

    @property
    def ratio(self) -> float:
        return self.median(self.ours, "per_second") / self.median(self.ceiling, "per_second")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(target: str, env: dict[str, str], factory: bool) -> Iterator[str]:
    """A uvicorn worker serving `target` on a free port; its /graphql URL."""
    port = free_port()
    flags = ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    flags += ["--no-access-log", *(["--factory"] if factory else [])]
    command = [sys.executable, "-m", "uvicorn", *flags, target]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    try:
        _wait(port)
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait(port: int, seconds: float = 120.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no server answered on port {port}")


def answer_bytes(url: str, query: str) -> bytes:
    body = json.dumps({"query": query}).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    request = urllib.request.Request(url, body, headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        content: bytes = response.read()
        return content


def compare(name: str, ours: str, ceiling: str, unique: bool) -> Comparison:
    found = Comparison(name, [], [])
    for _ in range(ROUNDS):
        found.ours.append(load.run(ours, TOUR, SECONDS, unique))
        found.ceiling.append(load.run(ceiling, TOUR, SECONDS, unique))
    return found


def run() -> list[Comparison]:
    with served("server.app:app_factory", {}, factory=True) as ours:
        content = answer_bytes(ours, TOUR)
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as saved:
            saved.write(content)
        try:
            env = {BYTES_ENV: saved.name}
            with served("bench.ceiling:app", env, factory=False) as ceiling:
                assert answer_bytes(ceiling, TOUR) == content
                return [
                    compare("tour query, repeated", ours, ceiling, unique=False),
                    compare("tour query, cache miss (unique text)", ours, ceiling, unique=True),
                ]
        finally:
            Path(saved.name).unlink()


def section(found: list[Comparison]) -> list[str]:
    lines = [
        "### HTTP: budget-kg vs a raw Starlette app returning the same bytes",
        "",
        f"One uvicorn worker each, {load.generator()} with {load.CONNECTIONS} connections"
        f" (python client: 8), {ROUNDS} interleaved rounds of {SECONDS:g} s, medians.",
        "",
        "| Query | budget-kg req/s | p50 (ms) | p99 (ms) | ceiling req/s | p50 (ms) "
        "| p99 (ms) | ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in found:
        cells = [c.name]
        for runs in (c.ours, c.ceiling):
            cells += [f"{c.median(runs, 'per_second'):,.0f}"]
            cells += [f"{c.median(runs, f):.2f}" for f in ("p50_ms", "p99_ms")]
        lines.append("| " + " | ".join([*cells, f"{c.ratio:.3f}×"]) + " |")
    return [*lines, ""]
