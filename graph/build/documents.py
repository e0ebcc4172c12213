"""Building the graph: one `networkx.MultiDiGraph` from any number of documents."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph.attributes import Graph, add_document, mark_built, new_graph, path
from graph.build.budget import add_budget
from graph.build.nodes import add_node
from graph.build.org import add_organization
from graph.build.serves import add_serves
from graph.build.years import link_years
from graph.errors import DuplicateDocumentError
from graph.index import index_of
from graph.kinds import Kind, node_id, slug
from loaders.records import Document


def build_graph(documents: Iterable[Document]) -> Graph:
    """The knowledge graph of `documents` (several portfolios and years may mix)."""
    graph = new_graph([])
    for document in sorted(documents, key=lambda d: d.year):  # stable: given order within a year
        doc = add_document_node(graph, document)
        scope = add_budget(graph, document, doc)
        add_organization(graph, scope)
        add_serves(graph, scope)
    link_years(graph)
    mark_built(graph)
    index_of(graph)
    return graph


def add_document_node(graph: Graph, document: Document) -> str:
    """The document's node: its id is its file name, or its path when two names clash."""
    doc = node_id(Kind.DOCUMENT, slug(Path(document.source).name))
    if doc in graph:
        if path(graph, doc) == document.source:
            raise DuplicateDocumentError(f"{document.source}: the document is given twice")
        doc = node_id(Kind.DOCUMENT, slug(document.source))
    add_document(graph, doc)
    return add_node(
        graph,
        doc,
        Kind.DOCUMENT,
        Path(document.source).name,
        document.provenance,
        None,
        path=document.source,
        year=document.year,
        previous_year=document.previous_year,
        portfolio_name=document.portfolio,
        lines=document.provenance.line_end,
    )
