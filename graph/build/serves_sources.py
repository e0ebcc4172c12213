"""What may serve: each group and unit of section 4, with its passages, and what its
own text says of its place (central services, or outside the portfolio's budget)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph import attributes
from graph.attributes import Graph, kind, layout_group, provenances
from graph.build.scope import Scope
from graph.build.serves_targets import MIN_SUPPORT_SHARE, stems_support
from graph.build.serves_text import (
    Field,
    Passage,
    group_passages,
    name_passage,
    unit_passages,
    without_mentions,
)
from graph.kinds import Kind, Rel
from loaders.records import GroupKind, OrgGroup
from loaders.text import fold, name_key

# How the family says a group offers central services: in its heading or opening prose.
_CENTRAL = re.compile(
    r"\bservices?\s+(?:centralises|communs|administratifs|corporatifs|a la gestion)\b"
    r"|\bservices?\s+de\s+soutien\s+(?:administratif|a la gestion|centralises|aux unites)"
    r"|\bressources\s+humaines,\s+financieres\b"
    r"|\bsoutien\s+(?:centralise|administratif|a la gestion)\b"
    r"|\b(?:de l'administration|des ressources ministerielles)\b"
    r"|\bservices\s+a\s+(?:toutes les|l'ensemble des)\s+unites\b"
    r"|\bsoutient\s+l'ensemble\s+des\s+unites\b"
)
# The ministry's own support units, by what their names say they manage.
_SUPPORT_UNIT = re.compile(
    r"\bressources\s+(?:humaines|financieres|materielles|informationnelles)\b"
    r"|\btechnologies de l'information\b|\bsystemes d'information\b|\bverification interne\b"
    r"|\baffaires juridiques\b|\bsecretariat general\b|\bcommunications\b"
)
# A unit whose text puts its money elsewhere: `ne font pas partie du budget`, `ne sont pas
# comprises (incluses) dans le budget`, `ne figurent pas au budget`, or a unit that
# `relève de la ministre de ...` whose `crédits sont inscrits au budget de ce portefeuille`.
_NOT_IN_BUDGET = re.compile(
    r"\bn(?:e\s+|')\w+\s+pas\s+"
    r"(?:partie\s+du|au|(?:compris|inclus|inscrit|prevu)e?s?\s+(?:dans\s+le|au))\s+budget\b"
)
_OTHER_MINISTER = re.compile(r"\breleve\s+(?:de la|du)\s+ministre\b")
_BUDGET_ELSEWHERE = re.compile(r"\b(?:credits|depenses)\b[^.]*\binscrits?\s+au\s+budget\b")


@dataclass
class Source:
    """A group or unit that may serve, and what it says."""

    node: str
    kind: Kind
    name: Passage
    passages: list[Passage]
    group: str | None  # a unit's group (the one its heading sits under, or its stated one)
    central: Passage | None = None  # the heading or prose that says it offers central services
    outside: bool = False

    @property
    def says_central(self) -> bool:
        return self.central is not None


def read_sources(graph: Graph, scope: Scope, drop: tuple[str, ...]) -> dict[str, Source]:
    found: dict[str, Source] = {}
    for group in scope.document.groups:
        _read_group(scope, group, drop, found)
    for node in scope.units.values():
        if node not in found:  # named only in another unit's prose
            name = name_passage(attributes.name(graph, node), provenances(graph, node)[0], drop)
            found[node] = Source(node, Kind.ORG_UNIT, name, [name], None)
    _drop_mentions(graph, found)
    for source in found.values():
        source.outside = _outside_budget(" ".join(p.text for p in source.passages))
        if source.kind is Kind.ORG_UNIT:
            layout = layout_group(graph, source.node)
            source.group = layout or group_of(graph, source.node)
    return found


def _read_group(
    scope: Scope, group: OrgGroup, drop: tuple[str, ...], found: dict[str, Source]
) -> None:
    node = scope.groups[name_key(group.name)]
    passages = group_passages(group, drop)
    # A sector is a line of the ministry's business, never its support, whatever its
    # name shares with a support unit's (`SECTEUR DES COMMUNICATIONS`).
    heading = passages[: 1 + len(group.intro)] if group.kind is not GroupKind.SECTOR else ()
    says = next((p for p in heading if _says_central(p)), None)
    if says is None and (_mostly_support(group) or names_support(passages[0], group)):
        says = passages[0]  # its units, or its name, are the ministry's own support
    found[node] = Source(node, Kind.ORG_GROUP, passages[0], passages, None, says)
    for unit in group.units:
        unit_node = scope.units[name_key(unit.name)]
        own = unit_passages(unit.name, unit.provenance, unit.paragraphs, drop)
        if unit_node in found:  # one unit written under two headings
            found[unit_node].passages += own[1:]
        else:
            found[unit_node] = Source(unit_node, Kind.ORG_UNIT, own[0], own, node)


MIN_NAME_WORDS = 2
"""A name must have this many content words for a sentence holding them to be naming it."""


def _drop_mentions(graph: Graph, sources: dict[str, Source]) -> None:
    names = {
        node: tuple(t.stem for t in s.name.tokens)
        for node, s in sources.items()
        if len(s.name.tokens) >= MIN_NAME_WORDS
    }
    for node, source in sources.items():
        kin = _kin(graph, node)
        others = [name for other, name in names.items() if other not in kin]
        source.passages = [source.passages[0]] + [
            without_mentions(p, others) for p in source.passages[1:]
        ]


def _kin(graph: Graph, node: str) -> set[str]:
    """The node, what it is part of and what is part of it, however deep (cycle-safe)."""
    found = {node}
    for adjacency in (graph.succ, graph.pred):  # what it is part of, what is part of it
        todo = [node]
        while todo:
            for other, keys in adjacency[todo.pop()].items():
                if Rel.PART_OF in keys and other not in found:
                    found.add(other)
                    todo.append(other)
    return found


def group_of(graph: Graph, unit: str) -> str | None:
    """The group a unit is part of, however deep (cycle-safe: a unit seen twice stops)."""
    seen, current = {unit}, unit
    while True:
        parents = sorted(t for _, t, k in graph.out_edges(current, keys=True) if k == Rel.PART_OF)
        parents = [p for p in parents if p not in seen]
        if not parents:
            return None
        current = str(parents[0])
        if kind(graph, current) == Kind.ORG_GROUP:
            return current
        seen.add(current)


MIN_SUPPORT_UNITS = 2


def _mostly_support(group: OrgGroup) -> bool:
    """At least two titled units, and most of them named for the ministry's own support
    (`Direction des ressources humaines`, `... des technologies de l'information`)."""
    support = sum(_SUPPORT_UNIT.search(fold(u.name)) is not None for u in group.units)
    return support >= MIN_SUPPORT_UNITS and 2 * support > len(group.units)


def names_support(name: Passage, group: OrgGroup) -> bool:
    """A group other than a sector whose name is made of the words an administration
    element is named with (`DIRECTION GÉNÉRALE DE LA GESTION INTERNE`, as `Gestion interne
    et soutien`) is the ministry's own support."""
    sector = group.kind is GroupKind.SECTOR
    return not sector and stems_support(set(name.stems)) >= MIN_SUPPORT_SHARE


def _says_central(passage: Passage) -> bool:
    folded = fold(passage.text)
    if passage.field is Field.NAME and _SUPPORT_UNIT.search(folded):
        return True
    return _CENTRAL.search(folded) is not None


def _outside_budget(text: str) -> bool:
    folded = fold(text)
    if _NOT_IN_BUDGET.search(folded):
        return True
    return bool(_OTHER_MINISTER.search(folded) and _BUDGET_ELSEWHERE.search(folded))
