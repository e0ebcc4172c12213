"""Building the graph: node counts, stable ids, several documents, several years."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.generate import shift_years
from graph import attributes
from graph.attributes import Graph
from graph.build import build_graph
from graph.errors import DuplicateDocumentError, DuplicateEditionError
from graph.kinds import Kind, Rel
from graph.queries import children, find_by_name, nodes_of_kind, portfolios
from loaders import Document, read_document
from loaders.records import Measure
from tests import counted
from tests.samples import (
    COUNCIL,
    MINISTRY,
    PORTFOLIO,
    REAL,
    SYNTHETIC,
    TOURISME_PORTFOLIO,
    element,
    program,
    unit,
)

# Beyond the rules tests/counted.py counts from the records, the two investigation units
# under HAUTE DIRECTION also serve element 1.1 by their own mandates (lines 141 and 147).
OWN_MANDATES = 2
CORPUS = SYNTHETIC.parent


def test_build_graph_counts_nodes_per_kind(real_graph: Graph, micc: Document) -> None:
    assert Counter(attributes.kind(real_graph, n) for n in real_graph) == counted.kinds(micc)


def test_build_graph_counts_edges_per_relation(real_graph: Graph, micc: Document) -> None:
    found = Counter(key for *_, key in real_graph.edges(keys=True))
    assert found == counted.relations(micc, serves=OWN_MANDATES)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name)
def test_build_graph_counts_each_corpus_documents_nodes(path: Path) -> None:
    document = read_document(path)
    graph = build_graph([document])
    found = Counter({kind: len(nodes_of_kind(graph, kind)) for kind in Kind})
    assert +found == counted.kinds(document)


@pytest.mark.parametrize(
    "node",
    [
        PORTFOLIO,
        "program:immigration-et-communautes-culturelles/2007-2008/1",
        "element:immigration-et-communautes-culturelles/2007-2008/1.2",
        MINISTRY,
        COUNCIL,
        "fiscal_year:2006-2007",
        "org_group:immigration-et-communautes-culturelles/2007-2008/haute-direction",
        "org_unit:immigration-et-communautes-culturelles/2007-2008/secretariat-ministere",
        "supercategory:immigration-et-communautes-culturelles/2007-2008/remuneration",
        "role:immigration-et-communautes-culturelles/2007-2008/sous-ministre",
        "document:micc-2007-2008-txt",
    ],
)
def test_node_ids_are_readable(real_graph: Graph, node: str) -> None:
    assert node in real_graph


def test_node_ids_are_the_same_in_two_builds(real_graph: Graph) -> None:
    again = build_graph([read_document(REAL)])
    assert sorted(again.nodes) == sorted(real_graph.nodes)
    assert sorted(again.edges(keys=True)) == sorted(real_graph.edges(keys=True))


def test_units_named_only_in_prose_become_nodes(real_graph: Graph) -> None:
    for slug in (
        "centre-appels",
        "module-web",
        "module-services-a-clientele",
        "service-dotation-remuneration-et-relations-professionnelles",
    ):
        assert unit(slug) in real_graph


def test_find_by_name_matches_across_case_and_articles(real_graph: Graph) -> None:
    found = find_by_name(real_graph, Kind.ORG_UNIT, "le *Secrétariat du Ministère*")
    assert found == [unit("secretariat-ministere")]


def test_build_graph_keeps_figures_with_their_provenance(real_graph: Graph) -> None:
    figure = attributes.inputs(real_graph, element("1.2"))[(Measure.EXPENDITURE, "2006-2007")]
    assert figure.provenance.source == str(REAL)
    assert figure.provenance.line_start == 77
    assert figure.raw == "45 800,0"


def test_build_graph_puts_two_documents_in_two_portfolios(two_portfolios_graph: Graph) -> None:
    assert portfolios(two_portfolios_graph) == [PORTFOLIO, TOURISME_PORTFOLIO]
    assert len(nodes_of_kind(two_portfolios_graph, Kind.DOCUMENT)) == 2
    assert len(nodes_of_kind(two_portfolios_graph, Kind.PROGRAM)) == 4


def test_build_graph_rejects_the_same_document_twice(micc: Document) -> None:
    with pytest.raises(DuplicateDocumentError, match="micc-2007-2008.txt: the document is given"):
        build_graph([micc, micc])


def test_build_graph_rejects_two_documents_of_one_portfolio_and_year(tmp_path: Path) -> None:
    """Merging two editions of one year would mix their figures: refuse, naming both."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text(REAL.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DuplicateEditionError, match=rf"{second}: .* already loaded from {first}"):
        build_graph([read_document(first), read_document(second)])


def test_documents_with_one_file_name_in_two_folders_get_two_ids(tmp_path: Path) -> None:
    """Per-year or per-portfolio folders may hold files of the same name."""
    first, second = tmp_path / "a" / "fiches.txt", tmp_path / "b" / "fiches.txt"
    for path, source in ((first, REAL), (second, SYNTHETIC)):
        path.parent.mkdir()
        path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    graph = build_graph([read_document(first), read_document(second)])
    documents = nodes_of_kind(graph, Kind.DOCUMENT)
    assert len(documents) == 2 and "document:fiches-txt" in documents
    assert sorted(attributes.path(graph, d) for d in documents) == [str(first), str(second)]


def test_build_graph_links_a_program_to_the_next_year(micc: Document, tmp_path: Path) -> None:
    later = tmp_path / "micc-2008-2009.txt"
    later.write_text(shift_years(REAL.read_text(encoding="utf-8"), 1), encoding="utf-8")
    graph = build_graph([read_document(later), micc])
    assert portfolios(graph) == [PORTFOLIO]
    following = "program:immigration-et-communautes-culturelles/2008-2009/1"
    assert children(graph, program(1), Rel.CONTINUED_BY) == [following]
    assert children(graph, element("1.4"), Rel.CONTINUED_BY) == [
        "element:immigration-et-communautes-culturelles/2008-2009/1.4"
    ]


def test_bench_documents_build_distinct_portfolios(tmp_path: Path) -> None:
    from bench.generate import write_documents

    paths = write_documents(3, tmp_path)
    graph = build_graph(read_document(path) for path in paths)
    assert portfolios(graph) == [
        f"portfolio:tourisme-et-patrimoine-000{index}" for index in range(3)
    ]
