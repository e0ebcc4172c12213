"""The budget side of a document: portfolio, organizations, programs, elements,
supercategories and investment categories, with their figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph import attributes
from graph.attributes import (
    Graph,
    add_edition,
    add_highlights,
    add_passages,
    add_stated,
    add_uncomputed,
    editions,
    held_edition_inputs,
    held_inputs,
    path,
    provenances,
)
from graph.build.nodes import add_edge, add_node, identity
from graph.build.scope import Scope
from graph.errors import DuplicateEditionError
from graph.facts import Passage, Stated, Table, Uncomputed, passages_of
from graph.kinds import Kind, Rel, TextField, node_id, slug
from loaders.records import Document, Figure, Measure, Program, Provenance, Row
from loaders.text import fold, name_key, stems

_MINISTRY = re.compile(r"\bminist[eè]re\s+(?:de la|de l'|du|des|de)\s*", re.IGNORECASE)
_CONNECTORS = {"et", "de", "des", "du", "la", "le", "l", "les"}
_BODIES = re.compile(r"organismes?\s+relevant", re.IGNORECASE)


def add_budget(graph: Graph, document: Document, doc: str) -> Scope:
    portfolio = _add_portfolio(graph, document, doc)
    ministry = _add_ministry(graph, document, doc, portfolio)
    name = attributes.name(graph, ministry)
    scope = Scope(document, doc, portfolio, slug(document.portfolio), ministry, name)
    for program in document.programs:
        _add_program(graph, scope, program)
    _add_categories(graph, scope)
    return scope


def _add_portfolio(graph: Graph, document: Document, doc: str) -> str:
    node = node_id(Kind.PORTFOLIO, slug(document.portfolio))
    add_node(
        graph, node, Kind.PORTFOLIO, document.portfolio, document.portfolio_names[0].provenance, doc
    )
    held = editions(graph, node)
    if document.year in held:
        other = path(graph, held[document.year])
        raise DuplicateEditionError(
            f"{document.source}: « {document.portfolio} » {document.year} is already loaded "
            f"from {other}: give one document per portfolio and fiscal year"
        )
    add_edition(graph, node, document.year, document.previous_year, doc)
    # Section 1's paragraphs and their rounded amounts, by edition: kept for the audit.
    add_highlights(graph, node, document.year, document.highlights)
    general = [p for p in document.highlights if p.program is None]
    add_passages(graph, node, passages_of(TextField.HIGHLIGHT, general))
    stated = document.credits.header  # the credits table's header spells both years
    for year in (document.year, document.previous_year):
        add_node(graph, node_id(Kind.FISCAL_YEAR, year), Kind.FISCAL_YEAR, year, stated, None)
    _add_portfolio_figures(graph, node, document)
    return node


def _add_portfolio_figures(graph: Graph, node: str, document: Document) -> None:
    credits, supers = document.credits, document.supercategories
    current = document.year
    permanent = [replace(f, measure=Measure.PERMANENT_CREDITS) for f in credits.permanent.figures]
    _put_edition(graph, node, permanent, Table.CREDITS, current)
    _put_edition(graph, node, supers.headcount.figures, Table.SUPERCATEGORIES, current)
    _mark(graph, node, supers.headcount, Table.SUPERCATEGORIES, current)
    _state(graph, node, credits.total.figures, Table.CREDITS)
    _state(
        graph,
        node,
        [replace(f, measure=Measure.CREDITS_TO_VOTE) for f in credits.to_vote.figures],
        Table.CREDITS,
    )
    for row in (supers.total, supers.investment_total):
        _state(graph, node, row.figures, Table.SUPERCATEGORIES)
        _mark(graph, node, row, Table.SUPERCATEGORIES, current)


def _put_edition(
    graph: Graph, node: str, figures: Sequence[Figure], table: Table, current_year: str
) -> None:
    """A portfolio's leaves: each edition keeps its own (both years, `edition_inputs`);
    `inputs` reads a year from its own document first. Changes are stated."""
    own = held_edition_inputs(graph, node, current_year)
    for figure in figures:
        if figure.year is None:
            add_stated(graph, node, [Stated(figure, table, _about(figures, figure))])
        else:
            own[(figure.measure, figure.year)] = figure
            _add_input(graph, node, figure, current_year)


def _add_input(graph: Graph, node: str, figure: Figure, current_year: str) -> None:
    """A leaf figure; a document's own year beats another document's comparison column."""
    assert figure.year is not None
    found = held_inputs(graph, node)
    key = (figure.measure, figure.year)
    previous = found.get(key)
    if previous is None or figure.year == current_year:
        found[key] = figure


def _state(
    graph: Graph, node: str, figures: Sequence[Figure], table: Table, about: Measure | None = None
) -> None:
    """Stated figures; a change (variation, %) is about `about`, else about the year's value."""
    found = [Stated(figure, table, about or _about(figures, figure)) for figure in figures]
    add_stated(graph, node, found)


def _about(figures: Sequence[Figure], figure: Figure) -> Measure:
    if figure.year is not None:
        return figure.measure
    return next((f.measure for f in figures if f.year is not None), figure.measure)


def _put(graph: Graph, node: str, row: Row, table: Table, current_year: str) -> None:
    """A row's figures of another year are inputs, and of its own year unless an input
    already holds them (the comparison repeats the elements table); changes are stated."""
    held = held_inputs(graph, node)
    for figure in row.figures:
        if figure.year is None or (figure.measure, figure.year) in held:
            add_stated(graph, node, [Stated(figure, table, _about(row.figures, figure))])
        else:
            _add_input(graph, node, figure, current_year)
    _mark(graph, node, row, table, current_year)


def _mark(graph: Graph, node: str, row: Row, table: Table, edition: str) -> None:
    """A row's percentages marked not computable, each about the row's measure."""
    if not row.not_computable:
        return
    about = next((f.measure for f in row.figures if f.year is not None), None)
    for marker in row.not_computable:
        item = Uncomputed(marker, table, about or marker.measure, edition)
        add_uncomputed(graph, node, item)


def _add_ministry(graph: Graph, document: Document, doc: str, portfolio: str) -> str:
    name, provenance = _ministry_name(document)
    node = node_id(Kind.ORGANIZATION, slug(document.portfolio), slug(name))
    add_node(graph, node, Kind.ORGANIZATION, name, provenance, doc, portfolio=portfolio, body=False)
    add_edge(graph, portfolio, node, Rel.HAS_ORGANIZATION)
    return node


def _ministry_name(document: Document) -> tuple[str, Provenance]:
    wanted = stems(document.portfolio)
    for paragraph in document.highlights:
        for match in _MINISTRY.finditer(paragraph.text):
            name = _name_within(
                paragraph.text[match.start() :], match.end() - match.start(), wanted
            )
            if name:
                return name[0].upper() + name[1:], paragraph.provenance
    return f"Ministère ({document.portfolio})", document.portfolio_names[0].provenance


def _name_within(text: str, prefix: int, wanted: set[str]) -> str | None:
    """`ministère de l'Immigration et des Communautés culturelles vise …` → up to `culturelles`."""
    end, kept = prefix, prefix
    for word in re.finditer(r"[\w’']+", text[prefix:]):
        folded = fold(word.group(0)).strip("'’")
        if folded in _CONNECTORS:
            continue
        if not stems(folded) <= wanted or not stems(folded):
            break
        end = kept = prefix + word.end()
    return text[:kept] if end > prefix else None


def _add_program(graph: Graph, scope: Scope, program: Program) -> None:
    year, doc = scope.year, scope.doc
    node = node_id(Kind.PROGRAM, scope.portfolio_slug, year, program.number)
    names = tuple(dict.fromkeys(t.text for t in program.names))
    add_node(
        graph,
        node,
        Kind.PROGRAM,
        program.name,
        program.definition[0].provenance,
        doc,
        number=program.number,
        year=year,
        portfolio=scope.portfolio,
        names=names,
        identity=identity(str(program.number), program.name),
        definition=" ".join(t.text for t in program.definition),
        highlights=tuple(p.text for p in program.highlights),
    )
    provenances(graph, node).extend(t.provenance for t in program.names)
    add_passages(graph, node, _program_passages(program))
    scope.programs[program.number] = node
    add_edge(graph, scope.portfolio, node, Rel.HAS_PROGRAM, year=year)
    add_edge(graph, node, node_id(Kind.FISCAL_YEAR, year), Rel.IN_YEAR)
    _add_program_figures(graph, node, program, year)
    _add_elements(graph, scope, program, node)


def _program_passages(program: Program) -> list[Passage]:
    defined = passages_of(TextField.DEFINITION, program.definition)
    return defined + passages_of(TextField.HIGHLIGHT, program.highlights)


def _add_elements(graph: Graph, scope: Scope, program: Program, node: str) -> None:
    """The program's elements; in the bodies' program, each element is a body too."""
    year = scope.year
    bodies = _BODIES.search(" ".join(t.text for t in program.names)) is not None
    for elements_row, compared in zip(program.elements, program.comparison, strict=True):
        element = _add_element(graph, scope, program.number, node, elements_row, compared)
        if bodies:
            body = _add_body(graph, scope, elements_row)
            add_edge(graph, body, element, Rel.ADMINISTERS, year=year)
    if not bodies:
        add_edge(graph, scope.ministry, node, Rel.ADMINISTERS, year=year)


def _add_program_figures(graph: Graph, node: str, program: Program, year: str) -> None:
    credits_row = program.credits.figures
    for figure in credits_row:
        if figure.year == year:
            _state(graph, node, (figure,), Table.CREDITS)
        else:
            _add_input(graph, node, figure, year)
    _state(graph, node, program.elements_total.figures, Table.ELEMENTS)
    _state(graph, node, program.comparison_total.figures, Table.COMPARISON)
    _mark(graph, node, program.comparison_total, Table.COMPARISON, year)
    _state(graph, node, (program.share,), Table.DEFINITIONS)


def _add_element(
    graph: Graph, scope: Scope, number: int, program: str, row: Row, compared: Row
) -> str:
    assert row.number is not None and row.name is not None
    year = scope.year
    node = node_id(Kind.ELEMENT, scope.portfolio_slug, year, f"{number}.{row.number}")
    add_node(
        graph,
        node,
        Kind.ELEMENT,
        row.name,
        row.provenance,
        scope.doc,
        number=row.number,
        program_number=number,
        year=year,
        portfolio=scope.portfolio,
        identity=identity(f"{number}.{row.number}", row.name),
    )
    provenances(graph, node).append(compared.provenance)
    scope.elements[(number, row.number)] = node
    add_edge(graph, program, node, Rel.HAS_ELEMENT)
    add_edge(graph, node, node_id(Kind.FISCAL_YEAR, year), Rel.IN_YEAR)
    for figure in row.figures:
        if figure.measure is Measure.CREDITS:
            _state(graph, node, (figure,), Table.ELEMENTS)
        else:
            _add_input(graph, node, figure, year)
    _put(graph, node, compared, Table.COMPARISON, year)
    return node


def _add_body(graph: Graph, scope: Scope, row: Row) -> str:
    """An element of the bodies program is a body (a council, a commission...)."""
    assert row.name is not None
    node = node_id(Kind.ORGANIZATION, scope.portfolio_slug, slug(row.name))
    add_node(
        graph,
        node,
        Kind.ORGANIZATION,
        row.name,
        row.provenance,
        scope.doc,
        portfolio=scope.portfolio,
        body=True,
    )
    add_edge(graph, scope.portfolio, node, Rel.HAS_ORGANIZATION)
    scope.bodies[name_key(row.name)] = node
    return node


def _add_categories(graph: Graph, scope: Scope) -> None:
    supers = scope.document.supercategories
    for rows, kind, rel in (
        (supers.categories, Kind.SUPERCATEGORY, Rel.HAS_SUPERCATEGORY),
        (supers.investments, Kind.INVESTMENT_CATEGORY, Rel.HAS_INVESTMENT_CATEGORY),
    ):
        for row in rows:
            node = node_id(kind, scope.portfolio_slug, scope.year, slug(row.label))
            add_node(
                graph,
                node,
                kind,
                row.label,
                row.provenance,
                scope.doc,
                year=scope.year,
                portfolio=scope.portfolio,
            )
            add_edge(graph, scope.portfolio, node, rel, year=scope.year)
            _put(graph, node, row, Table.SUPERCATEGORIES, scope.year)
