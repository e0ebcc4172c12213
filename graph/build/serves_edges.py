"""Writing serves edges: each with its method, the evidence it quotes, the lines of that
evidence, and a confidence (two decimals)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from graph import attributes
from graph.attributes import (
    Graph,
    edge,
    edge_lines,
    kind,
    name,
    number,
    out_edges,
    provenances,
)
from graph.build.nodes import add_edge
from graph.build.scope import Scope
from graph.build.serves_match import Quote
from graph.build.serves_model import Candidate
from graph.build.serves_sources import Source
from graph.build.serves_targets import MIN_SUPPORT_SHARE, Target, Targets, stems_support
from graph.build.serves_text import Passage
from graph.kinds import Kind, Rel, ServesMethod

_TWO = Decimal("0.01")
MOST_QUOTES = 4
NAME_SHARE = 0.5
"""A match is a name match when the source's name holds this share of the target's name
(or of its program's: then the program is what the name names)."""

# Measured on the labelled documents (`python -m bench.serves_fit --write`): the share of
# each rule's pairs that the labels confirm, (right + 1) / (found + 2), given as those
# edges' confidence.
CENTRAL_CONFIDENCE = Decimal("0.98")
BODY_CONFIDENCE = Decimal("0.93")
STATED_CONFIDENCE = Decimal("0.67")
INHERITED_CONFIDENCE = Decimal("0.69")


class Edges:
    """The serves edges of one document, as they are written."""

    def __init__(self, graph: Graph, scope: Scope) -> None:
        self.graph, self.scope = graph, scope

    def served(self, node: str) -> list[str]:
        return [t for _, t, k in self.graph.out_edges(node, keys=True) if k == Rel.SERVES]

    def serve_bodies(self) -> set[int]:
        """Each body serves its element, or its program when it is the program's only one;
        the numbers of the bodies' programs."""
        programs: set[int] = set()
        for body in self.scope.bodies.values():
            for element in self._targets(body, Rel.ADMINISTERS):
                program = next(
                    s for s, _, k in self.graph.in_edges(element, keys=True) if k == Rel.HAS_ELEMENT
                )
                programs.add(int(number(self.graph, program)))
                only = len(self._targets(program, Rel.HAS_ELEMENT)) == 1
                self._write(
                    body,
                    program if only else element,
                    ServesMethod.BODY_PROGRAM,
                    self._body_evidence(body, element, program),
                    BODY_CONFIDENCE,
                    [provenances(self.graph, element)[0].line_start],
                )
        return programs

    def _body_evidence(self, body: str, element: str, program: str) -> str:
        graph, where = self.graph, provenances(self.graph, element)[0]
        return (
            f"« {name(graph, body)} » (line {where.line_start}) is element "
            f"{number(graph, element)} of program {number(graph, program)} "
            f"« {name(graph, program)} »"
        )

    def central(self, unit: Source, group: Source, element: Target) -> None:
        self._write(
            unit.node,
            element.node,
            ServesMethod.CENTRAL_SERVICES,
            f"part of « {group.name.text} »: {self._central_evidence(group, element)}",
            CENTRAL_CONFIDENCE,
            [
                group.central.line if group.central else group.name.line,
                unit.name.line,
                element.names[0].line,
            ],
        )

    def central_group(self, group: Source, elements: Sequence[Target], targets: Targets) -> None:
        for target in self._whole_programs(list(elements), targets):
            self._write(
                group.node,
                target.node,
                ServesMethod.CENTRAL_SERVICES,
                self._central_evidence(group, target),
                CENTRAL_CONFIDENCE,
                [group.central.line if group.central else group.name.line, target.names[0].line],
            )

    def _central_evidence(self, group: Source, target: Target) -> str:
        said = group.central or group.name
        what = "element" if target.is_element else "program"
        why = ""
        if said is group.name:
            named = stems_support(set(said.stems)) >= MIN_SUPPORT_SHARE
            why = " is named" if named else " groups units named"
            why += " for the ministry's own support"
        return (
            f"« {said.text} » (line {said.line}){why}; {what} {target.number} "
            f"« {target.names[0].text} » (line {target.names[0].line}) is administration "
            "and support"
        )

    def matched(
        self, source: str, kept: Sequence[tuple[Candidate, float]], targets: Targets
    ) -> None:
        """Edges for the kept candidates; a program all of whose elements are kept (two or
        more) gets one edge, at its least sure element's confidence."""
        by_number = {c.target.number: (c, p) for c, p in kept}
        for program in targets.programs:
            elements = targets.of_program(program.program)
            if len(elements) > 1 and all(e.number in by_number for e in elements):
                chosen = [by_number.pop(e.number) for e in elements]
                self._match_edge(source, program, [c for c, _ in chosen], min(p for _, p in chosen))
        for candidate, confidence in by_number.values():
            self._match_edge(source, candidate.target, [candidate], confidence)

    def _match_edge(
        self, source: str, target: Target, found: Sequence[Candidate], confidence: float
    ) -> None:
        quotes = sorted({q for c in found for q in c.match.quotes}, key=_quote_order)[:MOST_QUOTES]
        named = max(c.feature("name") for c in found) >= NAME_SHARE or (
            not target.is_element and found[0].feature("program") >= NAME_SHARE
        )
        method = ServesMethod.NAME_MATCH if named else ServesMethod.TEXT_MATCH
        what = "element" if target.is_element else "program"
        evidence = (
            f"« {name(self.graph, source)} » and {what} {target.number} "
            f"« {target.names[0].text} » share " + "; ".join(_quoted(q) for q in quotes)
        )
        lines = [line for q in quotes for line in (q.source.line, q.target.line)]
        self._write(source, target.node, method, evidence, Decimal(str(confidence)), lines)

    def stated(self, unit: Source, said: Passage, element: Target) -> None:
        self._write(
            unit.node,
            element.node,
            ServesMethod.STATED,
            f"program {element.program}'s {said.field} names « {unit.name.text} »: "
            f"« {said.text} » (line {said.line}); element {element.number} "
            f"« {element.names[0].text} » is the program's element its text matches best",
            STATED_CONFIDENCE,
            [said.line, unit.name.line, element.names[0].line],
        )

    def named_program(self, source: Source, said: Passage, number: int) -> None:
        """The source's own text names the program by its number (`l'organisme du
        programme 2`): it serves that program."""
        program = self.scope.programs[number]
        self._write(
            source.node,
            program,
            ServesMethod.STATED,
            f"its text names programme {number}: « {said.text} » (line {said.line})",
            STATED_CONFIDENCE,
            [source.name.line, said.line],
        )

    def through_units(
        self, group: Source, found: Mapping[str, Sequence[tuple[Candidate, float]]], given: set[str]
    ) -> None:
        """The group serves what its units' own texts ground and its own do not give."""
        for unit, kept in found.items():
            for candidate, confidence in kept:
                if candidate.target.number in given:
                    continue
                data = edge(self.graph, unit, candidate.target.node, Rel.SERVES)
                self._write(
                    group.node,
                    candidate.target.node,
                    ServesMethod.THROUGH_UNIT,
                    f"its unit {attributes.evidence(data)}",
                    Decimal(str(confidence)),
                    [group.name.line, *edge_lines(data)],
                )

    def inherit(self, unit: Source, group: str, kept: Sequence[Target], targets: Targets) -> None:
        """The unit serves the `kept` elements its group serves: through the group's edge
        to each, or to their program when it keeps all the program's elements."""
        named = name(self.graph, group)
        for target, data in out_edges(self.graph, group, Rel.SERVES):
            for node in self._inherited(target, kept, targets):
                self._write(
                    unit.node,
                    node,
                    ServesMethod.INHERITED,
                    f"part of « {named} »: {attributes.evidence(data)}",
                    min(attributes.confidence(data), INHERITED_CONFIDENCE),
                    [unit.name.line, *edge_lines(data)],
                )

    def _inherited(self, target: str, kept: Sequence[Target], targets: Targets) -> list[str]:
        program = next((p for p in targets.programs if p.node == target), None)
        if program is None:
            return [target] if any(e.node == target for e in kept) else []
        members = targets.of_program(program.program)
        if all(m in kept for m in members):
            return [target]
        return [m.node for m in members if m in kept]

    def _targets(self, node: str, rel: Rel) -> list[str]:
        return sorted(t for _, t, k in self.graph.out_edges(node, keys=True) if k == rel)

    def _write(
        self,
        source: str,
        target: str,
        method: ServesMethod,
        evidence: str,
        confidence: Decimal,
        lines: Sequence[int],
    ) -> None:
        assert kind(self.graph, target) in (Kind.ELEMENT, Kind.PROGRAM)
        add_edge(
            self.graph,
            source,
            target,
            Rel.SERVES,
            method=method,
            evidence=evidence,
            confidence=confidence.quantize(_TWO),
            lines=tuple(sorted(set(lines))),
        )

    def _whole_programs(self, elements: list[Target], targets: Targets) -> list[Target]:
        found: list[Target] = []
        for program in targets.programs:
            members = targets.of_program(program.program)
            if len(members) > 1 and all(m in elements for m in members):
                found.append(program)
                elements = [e for e in elements if e not in members]
        return found + elements


def _quoted(quote: Quote) -> str:
    return (
        f"« {quote.text} » (line {quote.source.line}) ~ « {quote.target.text} » "
        f"(line {quote.target.line}, {quote.target.field})"
    )


def _quote_order(quote: Quote) -> tuple[float, int, int, int, str, str]:
    """Heaviest first, then in the order of the source's text: the same evidence in every
    process (the quotes come from a set, whose order changes with the hash seed)."""
    source, target = quote.source, quote.target
    return (-quote.weight, source.line, quote.tokens[0].start, target.line, target.text, quote.text)
