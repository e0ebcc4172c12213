"""Which groups, units and bodies serve which elements and programs.

The documents rarely say it outright. Each edge records the method that found
it, the evidence text and a confidence in [0, 1]:
- stated: a group's or unit's own text names an element or program;
- name_match: a group's name and an element's name share content words
  (accent- and case-insensitive, reduced to their French stems); the confidence
  is the overlap coefficient (shared words over the shorter name's), and an
  edge needs at least 0.5;
- central_services: a group that is not a sector, matches no element by name,
  and whose name or opening prose says it offers central services (`services
  centralisés`, `services à la gestion`, `... de l'administration`) serves the
  element whose name is most about administration and support;
- body_program: a body reporting to the minister serves the program it is in;
- inherited: a unit serves what its group serves, unless its own text says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from graph.attributes import Graph
from graph.build.nodes import add_edge
from graph.build.scope import Scope
from graph.kinds import Kind, Rel, ServesMethod
from loaders.records import GroupKind
from loaders.text import fold, name_key, stems

_GENERIC = stems("secteur direction générale service centre bureau ministère haute")
_CENTRAL = stems("administration soutien services centralisés gestion direction information")
_CENTRAL_SERVICES = re.compile(
    r"\bservices?\s+(?:centralises|communs|administratifs|de soutien|a la gestion)\b"
    r"|\bsoutien centralise|\bgenerale? de l'administration\b"
)
MIN_OVERLAP = Decimal("0.5")
_PROGRAM_MENTION = re.compile(r"\bprogramme\s+(\d+)\b")
_TWO = Decimal("0.01")


def add_serves(graph: Graph, scope: Scope) -> None:
    candidates = _candidate_elements(graph, scope)
    for node in scope.groups.values():
        _serve_from_group(graph, scope, node, candidates)
    for body in scope.bodies.values():
        _serve_from_body(graph, body)
    for unit in scope.units.values():
        _stated(graph, scope, unit)
    for unit in scope.units.values():
        _inherit(graph, unit)


def _candidate_elements(graph: Graph, scope: Scope) -> dict[str, set[str]]:
    """The ministry's elements (not the bodies'), with their name stems."""
    bodies = set(scope.bodies.values())
    return {
        element: stems(graph.nodes[element]["name"]) - _GENERIC
        for element in scope.elements.values()
        if not any(
            s in bodies for s, _, k in graph.in_edges(element, keys=True) if k == Rel.ADMINISTERS
        )
    }


def _serve_from_group(
    graph: Graph, scope: Scope, group: str, candidates: dict[str, set[str]]
) -> None:
    if _stated(graph, scope, group) or _serve_by_name(graph, group, candidates):
        return
    attrs = graph.nodes[group]
    if attrs["group_kind"] != GroupKind.SECTOR:
        _serve_central(graph, group, candidates)


def _serve_by_name(graph: Graph, group: str, candidates: dict[str, set[str]]) -> bool:
    """Elements whose name shares at least half the words of the shorter of the two names."""
    name = graph.nodes[group]["name"]
    words = stems(name) - _GENERIC
    matched = False
    for element, element_words in candidates.items():
        shared = words & element_words
        if not shared:
            continue
        score = Decimal(len(shared)) / Decimal(min(len(words), len(element_words)))
        if score >= MIN_OVERLAP:
            element_name = graph.nodes[element]["name"]
            evidence = f"« {name} » and element « {element_name} » share the word stems " + (
                ", ".join(sorted(shared))
            )
            _serve(graph, group, element, ServesMethod.NAME_MATCH, evidence, score)
            matched = True
    return matched


def _serve_central(graph: Graph, group: str, candidates: dict[str, set[str]]) -> None:
    """A group whose own text says it offers central services serves the element whose
    name is most about administration and support."""
    attrs = graph.nodes[group]
    texts = (attrs["name"], *attrs["intro"])
    said = next((t for t in texts if _CENTRAL_SERVICES.search(fold(t))), None)
    scored = sorted(
        ((len(words & _CENTRAL), element) for element, words in candidates.items()),
        key=lambda pair: (-pair[0], pair[1]),
    )
    if said is None or not scored or scored[0][0] == 0:
        return
    hits, element = scored[0]
    evidence = (
        f"« {attrs['name']} »: {said} Element « {graph.nodes[element]['name']} » is the "
        "administration and support element"
    )
    confidence = Decimal(hits) / Decimal(len(candidates[element]))
    _serve(graph, group, element, ServesMethod.CENTRAL_SERVICES, evidence, confidence)


def _serve_from_body(graph: Graph, body: str) -> None:
    for element in _targets(graph, body, Rel.ADMINISTERS):
        for program in (
            s for s, _, k in graph.in_edges(element, keys=True) if k == Rel.HAS_ELEMENT
        ):
            evidence = (
                f"« {graph.nodes[body]['name']} » is element "
                f"{graph.nodes[element]['number']} of program "
                f"{graph.nodes[program]['number']} « {graph.nodes[program]['name']} »"
            )
            _serve(graph, body, program, ServesMethod.BODY_PROGRAM, evidence, Decimal(1))


def _stated(graph: Graph, scope: Scope, node: str) -> bool:
    """Serves edges for elements or programs that the node's own text names."""
    attrs = graph.nodes[node]
    text = " ".join((*attrs.get("intro", ()), *attrs.get("mandate", ())))
    found = False
    for target, evidence in _named_targets(graph, scope, text):
        _serve(graph, node, target, ServesMethod.STATED, evidence, Decimal(1))
        found = True
    return found


def _named_targets(graph: Graph, scope: Scope, text: str) -> Iterator[tuple[str, str]]:
    key = f" {name_key(text)} "
    for element in scope.elements.values():
        name = graph.nodes[element]["name"]
        wanted = name_key(name)
        if " " in wanted and f" {wanted} " in key:
            yield element, f"its text names element « {name} »"
    for number in _PROGRAM_MENTION.findall(fold(text)):
        if (program := scope.programs.get(int(number))) is not None:
            yield program, f"its text names programme {number}"


def _inherit(graph: Graph, unit: str) -> None:
    if _targets(graph, unit, Rel.SERVES):
        return
    for ancestor in _ancestors(graph, unit):
        served = list(graph.out_edges(ancestor, keys=True, data=True))
        edges = [(t, d) for _, t, k, d in served if k == Rel.SERVES]
        for target, data in edges:
            evidence = f"part of « {graph.nodes[ancestor]['name']} »: {data['evidence']}"
            _serve(graph, unit, target, ServesMethod.INHERITED, evidence, data["confidence"])
        if edges:
            return


def _ancestors(graph: Graph, node: str) -> Iterator[str]:
    seen = {node}
    current = node
    while True:
        parents = [t for t in _targets(graph, current, Rel.PART_OF) if t not in seen]
        if not parents or graph.nodes[parents[0]]["kind"] == Kind.ORGANIZATION:
            return
        current = parents[0]
        seen.add(current)
        yield current


def _targets(graph: Graph, node: str, rel: Rel) -> list[str]:
    return [t for _, t, k in graph.out_edges(node, keys=True) if k == rel]


def _serve(
    graph: Graph, source: str, target: str, method: ServesMethod, evidence: str, score: Decimal
) -> None:
    add_edge(
        graph,
        source,
        target,
        Rel.SERVES,
        method=method,
        evidence=evidence,
        confidence=score.quantize(_TWO),
    )
