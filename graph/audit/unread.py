"""Auditing what section 1 does not let the loader read: each amount-like token that
does not parse (`11o 600 000 $`, `5.1 %`, `111,3 M$`) is an `unchecked` finding that
quotes it, so that a typo never makes a stated value vanish from the audit."""

from __future__ import annotations

from collections.abc import Iterator

from graph import attributes
from graph.attributes import Graph, edition_highlights
from graph.audit.findings import Finding, Identity, Status
from graph.kinds import Rel
from graph.queries import children
from loaders.records import Measure, UnreadValue

EXPECTED = "whole dollars, e.g. 6 700 000 $, or a percentage, e.g. 5,1 %"


def unread_findings(graph: Graph, portfolio: str, edition: str) -> Iterator[Finding]:
    """One `unchecked` finding per unread token of the `edition` document's highlights."""
    paragraphs = edition_highlights(graph, portfolio).get(edition, ())
    for paragraph in paragraphs:
        node = _program(graph, portfolio, edition, paragraph.program) or portfolio
        for token in paragraph.unread:
            yield _unread(node, edition, token)


def _program(graph: Graph, portfolio: str, edition: str, number: int | None) -> str | None:
    """The program whose block of section 1 the paragraph belongs to, if any."""
    for program in children(graph, portfolio, Rel.HAS_PROGRAM):
        held = (attributes.year(graph, program), attributes.number(graph, program))
        if number is not None and held == (edition, number):
            return program
    return None


def _unread(node: str, edition: str, token: UnreadValue) -> Finding:
    return Finding(
        identity=Identity.HIGHLIGHT_UNREAD,
        node=node,
        measure=Measure.UNKNOWN,
        edition=edition,
        years=(edition,),
        stated=None,
        expected=None,
        computed=None,
        difference=None,
        status=Status.UNCHECKED,
        unit=token.unit,
        stated_raw=token.raw,
        stated_at=token.provenance,
        cell=0,
        derivation="",
        sources=(),
        note=f'"{token.raw}" looks like an amount but does not parse (expected {EXPECTED})',
    )
