"""The audit of one entity: the global audit's findings about it (and, if asked, about
the entities below it), so the two always agree."""

from __future__ import annotations

from graph import attributes
from graph.aggregates import memo
from graph.attributes import Graph
from graph.audit.findings import Finding, Status
from graph.audit.report import audit
from graph.kinds import Kind, Rel, kind_of
from graph.queries import children

DOWN = (
    Rel.HAS_PROGRAM,
    Rel.HAS_ELEMENT,
    Rel.HAS_ORGANIZATION,
    Rel.ADMINISTERS,
    Rel.HAS_SUPERCATEGORY,
    Rel.HAS_INVESTMENT_CATEGORY,
)
"""What is below an entity: a portfolio's programs, organizations and categories, an
organization's programs and elements, a program's elements."""


def portfolio_audit(graph: Graph, portfolio: str) -> list[Finding]:
    """The global audit of one portfolio, run once per build."""
    return memo(graph, ("audit", portfolio), lambda: audit(graph, portfolio))


def below(graph: Graph, node: str) -> list[str]:
    """The entities below `node`, in id order (itself excluded)."""
    found: set[str] = set()
    waiting = [node]
    while waiting:
        current = waiting.pop()
        for rel in DOWN:
            fresh = [c for c in children(graph, current, rel) if c not in found and c != node]
            found.update(fresh)
            waiting.extend(fresh)
    return sorted(found)


def node_findings(graph: Graph, node: str, descendants: bool = False) -> list[Finding]:
    """The findings about `node` (and those below it), in the global audit's order."""
    portfolio = node if kind_of(node) is Kind.PORTFOLIO else attributes.portfolio(graph, node)
    if portfolio is None:
        return []
    wanted = {node, *below(graph, node)} if descendants else {node}
    return [f for f in portfolio_audit(graph, str(portfolio)) if f.node in wanted]


def status_counts(findings: list[Finding]) -> dict[Status, int]:
    """How many findings have each status (every status, zeros included)."""
    counts = dict.fromkeys(Status, 0)
    for finding in findings:
        counts[finding.status] += 1
    return counts
