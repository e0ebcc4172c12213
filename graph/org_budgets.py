"""What a group or unit of section 4 manages: a budget derived from its serves edges.

No document states these budgets. The figures are the served elements' and
programs' own; which of them a group manages is what the serves inference
says, with its confidence. `RULE` says how the two are put together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from graph.aggregates import Amount, Change, amount, change, change_between, memo, summed
from graph.attributes import (
    EdgeData,
    Graph,
    confidence,
    edge_lines,
    evidence,
    own_year,
    serves_method,
)
from graph.kinds import Kind, Rel, ServesMethod, kind_of
from graph.queries import (
    ORG_KINDS,
    all_units,
    children,
    group_of,
    in_portfolio,
    portfolio_of,
    program_of,
    served,
)
from loaders.records import Measure

RULE = (
    "Derived, not stated by any document: the sum of the figures of the elements and "
    "programs it serves, itself or through any of its units, as the serves edges say. A "
    "served program counts once, with its elements; an element once, however many edges "
    "reach it. An element or program that several groups serve counts in full in each of "
    "them, never split: the part names the other groups, and the rows of a breakdown by "
    "ORG_GROUP may add up to more than the whole (their `overlap`). Each part lists the "
    "serves edges it rests on (inherited ones only when no other edge reaches it); the "
    "budget's confidence is the lowest of its parts', a part's the highest of its edges'."
)
"""How an org budget is computed (also the GraphQL fields' description)."""


@dataclass(frozen=True, slots=True)
class ServesEdge:
    """A serves edge as the org budgets read it."""

    source: str
    target: str
    method: ServesMethod
    confidence: Decimal
    evidence: str | None
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ServedPart:
    """An element or program a group or unit serves: its figure, counted in full."""

    target: str
    amount: Amount
    edges: tuple[ServesEdge, ...]
    shared_with: tuple[str, ...]
    """The other groups of the same document that serve it (or part of it, or all of it)."""

    @property
    def confidence(self) -> Decimal:
        return max(e.confidence for e in self.edges)


@dataclass(frozen=True, slots=True)
class OrgBudget:
    """A group's or unit's derived budget for one measure and year: the sum of its parts."""

    node: str
    measure: Measure
    year: str
    amount: Amount
    parts: tuple[ServedPart, ...]

    @property
    def confidence(self) -> Decimal:
        return min(p.confidence for p in self.parts)


def serves_edge(source: str, target: str, data: EdgeData) -> ServesEdge:
    """A serves edge as its record (graph/build/serves.py writes its attributes)."""
    found = serves_method(data)
    return ServesEdge(source, target, found, confidence(data), evidence(data), edge_lines(data))


def served_parts(graph: Graph, node: str) -> dict[str, tuple[ServesEdge, ...]]:
    """The elements and programs a group or unit serves, with the edges each rests on."""
    return memo(graph, ("served_parts", node), lambda: _served_parts(graph, node))


def _served_parts(graph: Graph, node: str) -> dict[str, tuple[ServesEdge, ...]]:
    members = dict.fromkeys([node, *all_units(graph, node)])
    edges = [serves_edge(m, t, d) for m in members for t, d in served(graph, m)]
    programs = {e.target for e in edges if kind_of(e.target) is Kind.PROGRAM}
    by_part: defaultdict[str, list[ServesEdge]] = defaultdict(list)
    for edge in edges:
        by_part[_part(graph, edge.target, programs)].append(edge)
    return {part: _grounds(found) for part, found in sorted(by_part.items())}


def _part(graph: Graph, target: str, programs: set[str]) -> str:
    """An element counts within its program when the program itself is served."""
    if kind_of(target) is Kind.ELEMENT and program_of(graph, target) in programs:
        return program_of(graph, target)
    return target


def _grounds(edges: list[ServesEdge]) -> tuple[ServesEdge, ...]:
    """The edges a part rests on: inherited edges restate another edge of the group."""
    own = [e for e in edges if e.method is not ServesMethod.INHERITED]
    return tuple(sorted(own or edges, key=lambda e: (e.source, e.target)))


def covers(graph: Graph, parts: Iterable[str], target: str) -> bool:
    """True when served `parts` include all or some of `target` (or `target` includes one)."""
    held = set(parts)
    if target in held:
        return True
    if kind_of(target) is Kind.ELEMENT:
        return program_of(graph, target) in held
    return any(e in held for e in children(graph, target, Rel.HAS_ELEMENT))


def shared_with(graph: Graph, node: str, target: str) -> tuple[str, ...]:
    """The other groups of `node`'s document that serve `target`, or part of it."""
    own = group_of(graph, node)
    groups = in_portfolio(graph, Kind.ORG_GROUP, portfolio_of(graph, node), own_year(graph, node))
    return tuple(g for g in groups if g != own and covers(graph, served_parts(graph, g), target))


def org_budget(graph: Graph, node: str, measure: Measure, year: str) -> OrgBudget | None:
    """`node`'s derived budget (see `RULE`); None when it serves nothing or a part it
    serves has no figure for `year`."""
    return memo(
        graph, ("org_budget", node, measure, year), lambda: _org_budget(graph, node, measure, year)
    )


def _org_budget(graph: Graph, node: str, measure: Measure, year: str) -> OrgBudget | None:
    parts = []
    for target, edges in served_parts(graph, node).items():
        figure = amount(graph, target, measure, year)
        if figure is None:
            return None
        parts.append(ServedPart(target, figure, edges, shared_with(graph, node, target)))
    if not parts:
        return None
    return OrgBudget(node, measure, year, _sum(parts, measure, year), tuple(parts))


def _sum(parts: list[ServedPart], measure: Measure, year: str) -> Amount:
    edges = sum(len(p.edges) for p in parts)
    lowest = min(p.confidence for p in parts)
    shared = sum(1 for p in parts if p.shared_with)
    derivation = (
        f"derived from {edges} serves edge(s): the sum of the {measure.value} {year} of the "
        f"{len(parts)} element(s) or program(s) served, each in full ({shared} also served "
        f"by another group); lowest confidence {lowest}"
    )
    value = sum((p.amount.value for p in parts), Decimal(0))
    sources = tuple(dict.fromkeys(s for p in parts for s in p.amount.sources))
    terms = summed([p.amount for p in parts])
    return Amount(value, parts[0].amount.unit, derivation, sources, terms)


def budget_amount(graph: Graph, node: str, measure: Measure, year: str) -> Amount | None:
    """Any entity's figure: derived for groups and units, from the leaf figures otherwise."""
    if kind_of(node) in ORG_KINDS:
        found = org_budget(graph, node, measure, year)
        return None if found is None else found.amount
    return amount(graph, node, measure, year)


def budget_change(
    graph: Graph, node: str, measure: Measure, from_year: str, to_year: str
) -> Change:
    """How `budget_amount` changed between two years (for a budget line, as
    `aggregates.change` reads it: from one edition, with the document's markers)."""
    if kind_of(node) not in ORG_KINDS:
        return change(graph, node, measure, from_year, to_year)
    before = budget_amount(graph, node, measure, from_year)
    after = budget_amount(graph, node, measure, to_year)
    return change_between(before, after, measure, from_year, to_year)
