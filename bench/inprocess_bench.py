"""In-process: budget-kg's schema (`schema.execute_sync`: its extensions, limits, caches)
against plain graphql-core running the same GraphQL schema and resolvers
(`graphql.parse`, `validate`, `execute` on `schema._schema`), on the graph of `data/`.

Cache miss: a unique text each run, so both parse and validate every time; repeated:
the same text, budget-kg from its parse and validation caches, graphql-core with its
document parsed and validated once (the same caches by hand). Per field: the time of
one execution over the fields its answer holds (every key of every object of `data`).
Runs alternate A/B; best of `REPEATS` each.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import execute, parse, validate

from bench.http_bench import TOUR
from schema.context import Context
from schema.schema import schema
from server.data import load

REPEATS = 200
WIDE = """{ entities(first: 100) { edges { node { id name graphId
    provenance { path lineStart lineEnd text } } } } }"""
COUNTER = itertools.count()


@dataclass(frozen=True, slots=True)
class Pair:
    name: str
    ours: float
    plain: float
    fields: int

    @property
    def ratio(self) -> float:
        return self.ours / self.plain


def fields_in(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(fields_in(v) for v in value.values())
    if isinstance(value, list):
        return sum(fields_in(v) for v in value)
    return 0


def best(work: Callable[[], object], other: Callable[[], object]) -> tuple[float, float]:
    """The best time of each, their runs alternating."""
    mine, theirs = float("inf"), float("inf")
    for _ in range(REPEATS):
        for which, job in ((0, work), (1, other)):
            start = time.perf_counter()
            job()
            spent = time.perf_counter() - start
            mine, theirs = (min(mine, spent), theirs) if which == 0 else (mine, min(theirs, spent))
    return mine, theirs


def compare(name: str, query: str, context: Context, unique: bool) -> Pair:
    core = schema._schema

    def text() -> str:
        return f"{query} # {next(COUNTER)}" if unique else query

    document = parse(query)
    assert not validate(core, document)

    def ours() -> object:
        result = schema.execute_sync(text(), context_value=context)
        assert not result.errors, result.errors
        return result

    def plain() -> object:
        found = parse(text()) if unique else document
        if unique:
            assert not validate(core, found)
        return execute(core, found, context_value=context)

    answer = schema.execute_sync(query, context_value=context).data
    mine, theirs = best(ours, plain)
    return Pair(name, mine, theirs, fields_in(answer))


def run() -> list[Pair]:
    context = Context(graph=load().graph)
    return [
        compare("tour, cache miss", TOUR, context, unique=True),
        compare("tour, repeated", TOUR, context, unique=False),
        compare("wide (100 entities), repeated", WIDE, context, unique=False),
    ]


def section(found: list[Pair]) -> list[str]:
    lines = [
        "### In-process: the schema vs plain graphql-core on the same resolvers",
        "",
        f"Best of {REPEATS} alternating runs, over `data/`.",
        "",
        "| Query | fields | budget-kg (ms) | graphql-core (ms) | ratio | budget-kg µs/field "
        "| graphql-core µs/field |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in found:
        per = [f"{t / p.fields * 1e6:.1f}" for t in (p.ours, p.plain)]
        times = [f"{p.ours * 1000:.2f}", f"{p.plain * 1000:.2f}"]
        cells = [p.name, str(p.fields), *times, f"{p.ratio:.2f}×", *per]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
