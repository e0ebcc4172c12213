"""`budget-kg check`: each document's summary and audit, then what the graph cannot link.

Exit status: 1 when a document cannot be read (its `file:line: problem` goes to
stderr, the others are still checked); with `--strict`, 2 when the audit finds a
break (a `mismatch`); else 0. Roundings, unchecked values and restatements are
printed but are no break: a published document may have them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from graph.attributes import (
    Graph,
    edge_provenance,
    editions,
    evidence,
    name,
    number,
    program_number,
    provenances,
)
from graph.audit import Finding, Status, audit, problems
from graph.build import build_graph
from graph.kinds import Kind, node_id, slug
from graph.queries import (
    PartOf,
    part_of_cycles,
    portfolios,
    unserved_elements,
    unserved_groups,
)
from loaders import Document, DocumentError, read_document
from loaders.numbers import decimal_places, french_number
from loaders.records import Unit
from server.data import document_paths

UNREADABLE, BROKEN = 1, 2
_PROSE_UNITS = {Unit.DOLLARS: " $", Unit.PERCENT: " %"}


def check(args: argparse.Namespace) -> int:
    """Load each document, print its summary and audit; warn of what the graph cannot link."""
    documents, status = read_documents(document_paths(args.paths))
    graph = build_graph(documents)
    broken = False
    for document in documents:
        print(summary(document))
        found = document_audit(graph, document)
        print_audit(document.source, found)
        broken |= any(f.status is Status.MISMATCH for f in found)
    warn_unserved(graph)
    warn_unserved_elements(graph)
    warn_cycles(graph)
    return status or (BROKEN if args.strict and broken else 0)


def read_documents(paths: Sequence[Path]) -> tuple[list[Document], int]:
    """The documents that read; a broken one is reported on stderr and makes the status 1."""
    documents, status = [], 0
    for path in paths:
        try:
            documents.append(read_document(path))
        except DocumentError as exc:
            print(exc, file=sys.stderr)
            status = UNREADABLE
    return documents, status


def summary(document: Document) -> str:
    groups = document.groups
    units = sum(len(g.units) for g in groups)
    objectives = sum(len(g.objectives) for g in groups)
    modes = sum(len(g.modes) for g in groups)
    elements = sum(len(p.elements) for p in document.programs)
    return (
        f"{document.source}: « {document.portfolio} » {document.year} "
        f"(compared with {document.previous_year}): {len(document.programs)} programs, "
        f"{elements} elements, {units} units, {objectives} objectives, "
        f"{modes} intervention modes, {len(document.relations)} relation statements"
    )


def document_audit(graph: Graph, document: Document) -> list[Finding]:
    """The findings of the values `document` states (its edition of its portfolio)."""
    portfolio = node_id(Kind.PORTFOLIO, slug(document.portfolio))
    found = audit(graph, portfolio, document.year)
    return [f for f in found if f.stated_at.source == document.source]


def print_audit(source: str, found: list[Finding]) -> None:
    """`FILE: audit: N checks: 185 OK, 1 ROUNDING`, then one line per finding not ok."""
    counts = Counter(f.status for f in found)
    tally = ", ".join(f"{counts[s]} {s.name}" for s in Status if counts[s])
    print(f"{source}: audit: {len(found)} checks" + (f": {tally}" if tally else ""))
    for finding in problems(found):
        print(finding_line(finding))


def finding_line(f: Finding) -> str:
    """`FILE:LINE: stated X, computed Y (identity, STATUS)`."""
    where = f"{f.stated_at.source}:{f.stated_at.line_start}"
    return f"{where}: stated {f.stated_raw}, {_other_side(f)} ({f.identity}, {f.status.name})"


def _other_side(f: Finding) -> str:
    if f.stated is None or f.expected is None:
        return f"not checked: {f.note}"
    computed = _written(f, f.stated, f.expected)
    if f.status is Status.RESTATED:
        earlier = f.sources[0]
        where = f"{earlier.source}:{earlier.line_start}"
        return f"the {f.years[0]} edition states {computed} at {where}"
    return f"computed {computed}"


def _written(f: Finding, stated: Decimal, value: Decimal) -> str:
    """A computed value written like the stated one: its decimals, its unit in prose."""
    text = french_number(value, decimal_places(stated))
    return text + (_PROSE_UNITS.get(f.unit, "") if f.cell == 0 else "")


def warn_unserved(graph: Graph) -> None:
    for group in unserved_groups(graph):
        where = provenances(graph, group)[0]
        print(
            f"{where.source}:{where.line_start}: warning: {name(graph, group)} serves "
            "no element (its text names none, its name matches none, it offers no "
            "central services)",
            file=sys.stderr,
        )


def warn_unserved_elements(graph: Graph) -> None:
    """Each ministry element no group or unit serves: named, not guessed."""
    for portfolio in portfolios(graph):
        for year in sorted(editions(graph, portfolio)):
            for element in unserved_elements(graph, portfolio, year):
                where = provenances(graph, element)[0]
                numbered = f"{program_number(graph, element)}.{number(graph, element)}"
                print(
                    f"{where.source}:{where.line_start}: warning: element "
                    f"{numbered} « {name(graph, element)} » is "
                    "served by no group or unit (no text of section 4 grounds it)",
                    file=sys.stderr,
                )


def warn_cycles(graph: Graph) -> None:
    """`FILE:LINE: warning: A and B are part of each other: « … » (FILE:LINE); « … » (…)`."""
    for cycle in part_of_cycles(graph):
        names = [name(graph, part) for part, _, _ in cycle]
        who = " and ".join(names) if len(names) == 2 else ", ".join(names)
        each = "each other" if len(names) == 2 else "one another"
        said = "; ".join(_sentence(graph, edge) for edge in cycle)
        first = _where(graph, cycle[0])
        print(f"{first}: warning: {who} are part of {each}: {said}", file=sys.stderr)


def _sentence(graph: Graph, edge: PartOf) -> str:
    part, whole, data = edge
    said = evidence(data) or f"{name(graph, part)} is under {name(graph, whole)} in section 4"
    return f"« {said} » ({_where(graph, edge)})"


def _where(graph: Graph, edge: PartOf) -> str:
    part, _, data = edge
    provenance = edge_provenance(data) or provenances(graph, part)[0]
    return f"{provenance.source}:{provenance.line_start}"
