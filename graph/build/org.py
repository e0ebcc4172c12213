"""The organisation side of a document (section 4): groups, units, roles,
objectives and intervention modes, and the relations its sentences state."""

from __future__ import annotations

from graph.attributes import (
    EdgeExtras,
    Graph,
    add_passages,
    layout_group,
    provenances,
    set_layout,
)
from graph.build.nodes import add_edge, add_node
from graph.build.scope import Scope
from graph.facts import Passage, passages_of
from graph.kinds import Kind, Rel, TextField, node_id, slug
from loaders.records import Item, OrgGroup, Provenance, RelationStatement, Verb
from loaders.text import name_key

_CONTAINS = (Verb.GROUPS, Verb.INCLUDES, Verb.HAS_PARTS, Verb.MANAGES)
LAYOUT = "layout"


def add_organization(graph: Graph, scope: Scope) -> None:
    for group in scope.document.groups:
        _add_group(graph, scope, group)
    for statement in scope.document.relations:
        _apply(graph, scope, statement)
    _attach_to_groups(graph, scope)


def _add_group(graph: Graph, scope: Scope, group: OrgGroup) -> None:
    node = node_id(Kind.ORG_GROUP, scope.portfolio_slug, scope.year, slug(group.name))
    add_node(
        graph,
        node,
        Kind.ORG_GROUP,
        group.name,
        group.provenance,
        scope.doc,
        group_kind=group.kind,
        intro=tuple(t.text for t in group.intro),
        portfolio=scope.portfolio,
        year=scope.year,
    )
    scope.groups[name_key(group.name)] = node
    add_passages(graph, node, passages_of(TextField.INTRO, group.intro))
    add_edge(graph, node, scope.ministry, Rel.PART_OF, method=LAYOUT, evidence=None)
    for unit in group.units:
        unit_node = _add_unit(graph, scope, unit.name, unit.provenance)
        set_layout(graph, unit_node, node, tuple(p.text for p in unit.paragraphs))
        add_passages(graph, unit_node, _mandate(unit.paragraphs))
    path = f"{scope.portfolio_slug}/{scope.year}/{slug(group.name)}"
    for items, kind, rel in (
        (group.objectives, Kind.OBJECTIVE, Rel.HAS_OBJECTIVE),
        (group.modes, Kind.INTERVENTION_MODE, Rel.HAS_MODE),
    ):
        _add_items(graph, scope, node, items, kind, rel, path)


def _mandate(items: tuple[Item, ...]) -> list[Passage]:
    """A unit's bullets and their sub-items, each a passage of its mandate."""
    found = []
    for item in items:
        found.append(Passage(TextField.MANDATE, item.text, item.provenance))
        found.extend(_mandate(item.sub_items))
    return found


def _add_unit(graph: Graph, scope: Scope, name: str, provenance: Provenance) -> str:
    key = name_key(name)
    if key in scope.units:
        provenances(graph, scope.units[key]).append(provenance)
        return scope.units[key]
    node = node_id(Kind.ORG_UNIT, scope.portfolio_slug, scope.year, slug(key))
    add_node(
        graph,
        node,
        Kind.ORG_UNIT,
        name,
        provenance,
        scope.doc,
        unit_type=name.split()[0].capitalize(),
        mandate=(),
        portfolio=scope.portfolio,
        year=scope.year,
    )
    scope.units[key] = node
    return node


def _add_items(
    graph: Graph,
    scope: Scope,
    parent: str,
    items: tuple[Item, ...],
    kind: Kind,
    rel: Rel,
    path: str,
    prefix: str = "",
) -> None:
    """Objectives or modes numbered `1`, `2`, and their sub-items `2.1`, `2.2`."""
    for index, item in enumerate(items, start=1):
        number = f"{prefix}{index}"
        node = node_id(kind, path, number)
        add_node(
            graph,
            node,
            kind,
            item.text,
            item.provenance,
            scope.doc,
            number=number,
            portfolio=scope.portfolio,
            year=scope.year,
        )
        add_edge(graph, parent, node, rel)
        _add_items(graph, scope, node, item.sub_items, kind, Rel.HAS_SUB_ITEM, path, f"{number}.")


def _apply(graph: Graph, scope: Scope, statement: RelationStatement) -> None:
    evidence = EdgeExtras(
        evidence=statement.sentence,
        verb=statement.verb.value,
        provenance=statement.provenance,
        method="stated",
    )
    if statement.verb in _CONTAINS:
        whole = _find(scope, statement.subject) or _add_unit(
            graph, scope, statement.subject, statement.provenance
        )
        for name in statement.objects:
            part = _find(scope, name) or _add_unit(graph, scope, name, statement.provenance)
            if part != whole:
                add_edge(graph, part, whole, Rel.PART_OF, **evidence)
    elif statement.verb is Verb.REPORTS_TO:
        _reports_to(graph, scope, statement, evidence)
    elif statement.verb is Verb.SUPERVISED_BY:
        _role_edges(graph, scope, statement, Rel.SUPERVISES, evidence)
    elif statement.verb is Verb.ADVISES:
        _role_edges(graph, scope, statement, Rel.ADVISES, evidence)


def _reports_to(
    graph: Graph, scope: Scope, statement: RelationStatement, evidence: EdgeExtras
) -> None:
    subject = _find(scope, statement.subject) or _add_unit(
        graph, scope, statement.subject, statement.provenance
    )
    for name in statement.objects:
        if (superior := _find(scope, name)) is not None:
            add_edge(graph, subject, superior, Rel.PART_OF, **evidence)
        else:
            add_edge(
                graph, subject, _role(graph, scope, name, statement), Rel.REPORTS_TO, **evidence
            )


def _role_edges(
    graph: Graph,
    scope: Scope,
    statement: RelationStatement,
    rel: Rel,
    evidence: EdgeExtras,
) -> None:
    subject = _find(scope, statement.subject)
    if subject is None:
        return
    for name in statement.objects:
        role = _role(graph, scope, name, statement)
        if rel is Rel.SUPERVISES:
            add_edge(graph, role, subject, rel, **evidence)
        else:
            add_edge(graph, subject, role, rel, **evidence)


def _role(graph: Graph, scope: Scope, name: str, statement: RelationStatement) -> str:
    node = node_id(Kind.ROLE, scope.portfolio_slug, scope.year, slug(name))
    add_node(
        graph,
        node,
        Kind.ROLE,
        name,
        statement.provenance,
        scope.doc,
        portfolio=scope.portfolio,
        year=scope.year,
    )
    add_edge(graph, scope.ministry, node, Rel.HAS_ROLE)
    return node


def _find(scope: Scope, name: str) -> str | None:
    key = name_key(name)
    for table in (scope.units, scope.groups, scope.bodies):
        if key in table:
            return table[key]
    if key == name_key(scope.ministry_name):
        return scope.ministry
    return None


def _attach_to_groups(graph: Graph, scope: Scope) -> None:
    """A unit no sentence places inside another unit belongs to its heading's group."""
    for node in scope.units.values():
        parents = [t for _, t, k in graph.out_edges(node, keys=True) if k == Rel.PART_OF]
        group = layout_group(graph, node)
        if not parents and group is not None:
            add_edge(
                graph,
                node,
                group,
                Rel.PART_OF,
                method=LAYOUT,
                evidence=None,
                provenance=provenances(graph, node)[0],
            )
