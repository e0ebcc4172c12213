"""Reading the graph: section 4's part-of tree, roles, search, neighborhoods, paths."""

from __future__ import annotations

import pytest

from graph.attributes import Graph, edge, edge_provenance, evidence, method, verb
from graph.kinds import Kind, Rel
from graph.queries import (
    children,
    edition,
    neighborhood,
    parent_unit,
    parents,
    program_of,
    programs,
    search,
    shortest_path,
    units_of,
    years,
)
from loaders import Document
from tests.samples import (
    COUNCIL,
    HAUTE_DIRECTION,
    IMMIGRATION_SECTOR,
    INTEGRATION_SECTOR,
    MINISTRY,
    PORTFOLIO,
    PREVIOUS,
    TOURISME_PORTFOLIO,
    YEAR,
    element,
    program,
    role,
    unit,
)

ADMINISTRATION = unit("direction-generale-administration")
SECRETARIAT = unit("secretariat-ministere")
PUBLIC_AFFAIRS = unit("direction-affaires-publiques-et-communications")
HUMAN_RESOURCES = unit("direction-ressources-humaines")
MODULES = [
    unit("module-documentation-et-administration"),
    unit("module-production-et-evenements"),
    unit("module-services-a-clientele"),
    unit("module-strategie-et-affaires-publiques"),
    unit("module-web"),
]

# Section 4's tree: each parent and its units, as the layout and the sentences
# (`regroupe`, `comprend`, `gère`, `comporte`) place them.
TREE = {
    HAUTE_DIRECTION: [
        unit("direction-affaires-publiques-et-communications"),
        ADMINISTRATION,
        unit("direction-evaluation-verification-interne-et-securite"),
        SECRETARIAT,
        unit("service-securite-et-enquetes"),
    ],
    ADMINISTRATION: [
        unit("centre-support-technologies"),
        unit("direction-ressources-financieres"),
        HUMAN_RESOURCES,
        unit("direction-ressources-materielles"),
        unit("direction-systemes-information"),
    ],
    SECRETARIAT: [
        unit("direction-coordination-ministerielle-et-bureau-amelioration-qualite"),
        unit("direction-recherche-et-analyse-prospective"),
    ],
    PUBLIC_AFFAIRS: [
        unit("centre-appels"),
        unit("centre-documentation"),
        unit("centre-gestion-documentaire"),
        *MODULES,
    ],
    HUMAN_RESOURCES: [unit("service-dotation-remuneration-et-relations-professionnelles")],
    IMMIGRATION_SECTOR: [],
    INTEGRATION_SECTOR: [],
}


@pytest.mark.parametrize("parent, expected", TREE.items())
def test_units_of_gives_the_section_4_tree(
    real_graph: Graph, parent: str, expected: list[str]
) -> None:
    assert sorted(units_of(real_graph, parent)) == sorted(expected)
    for child in expected:
        assert parent_unit(real_graph, child) == parent


def test_parent_unit_of_a_group_is_the_ministry(real_graph: Graph) -> None:
    for group in (HAUTE_DIRECTION, IMMIGRATION_SECTOR, INTEGRATION_SECTOR):
        assert parent_unit(real_graph, group) == MINISTRY


def test_part_of_edges_carry_their_evidence(real_graph: Graph) -> None:
    resources = unit("direction-ressources-financieres")
    stated = edge(real_graph, resources, ADMINISTRATION, Rel.PART_OF)
    assert method(stated) == "stated" and verb(stated) == "regroupe"
    assert "regroupe la Direction des ressources humaines" in str(evidence(stated))
    where = edge_provenance(stated)
    assert where is not None and where.line_start > 0
    module = edge(real_graph, unit("module-web"), PUBLIC_AFFAIRS, Rel.PART_OF)
    assert (verb(module), "cinq modules" in str(evidence(module))) == ("comporte", True)
    assert method(edge(real_graph, SECRETARIAT, HAUTE_DIRECTION, Rel.PART_OF)) == "layout"


def test_roles_supervise_and_are_advised(real_graph: Graph) -> None:
    assert children(real_graph, role("sous-ministre"), Rel.SUPERVISES) == [HAUTE_DIRECTION]
    assert children(real_graph, COUNCIL, Rel.ADVISES) == [role("ministre")]
    chief = role("chef-de-service-a-l-information")
    assert parents(real_graph, chief, Rel.REPORTS_TO) == [
        m for m in MODULES if not m.endswith("strategie-et-affaires-publiques")
    ]


def test_organizations_administer_their_programs(real_graph: Graph) -> None:
    assert children(real_graph, MINISTRY, Rel.ADMINISTERS) == [program(1)]
    assert children(real_graph, COUNCIL, Rel.ADMINISTERS) == [element("2.1")]
    assert parents(real_graph, element("2.1"), Rel.HAS_ELEMENT) == [program(2)]


def test_sectors_have_their_objectives_and_sub_items(real_graph: Graph, micc: Document) -> None:
    objectives = children(real_graph, IMMIGRATION_SECTOR, Rel.HAS_OBJECTIVE)
    (sector,) = [g for g in micc.groups if g.name.endswith("IMMIGRATION ET DE LA FRANCISATION")]
    assert len(objectives) == len(sector.objectives)
    second = objectives[1]
    assert second.endswith("/2")
    assert [s.rsplit("/", 1)[1] for s in children(real_graph, second, Rel.HAS_SUB_ITEM)] == [
        "2.1",
        "2.2",
    ]
    assert len(children(real_graph, INTEGRATION_SECTOR, Rel.HAS_MODE)) == 7


@pytest.mark.parametrize("text", ["francisation", "FRANCISATION", "Francisation"])
def test_search_ignores_case(real_graph: Graph, text: str) -> None:
    found = search(real_graph, text, [Kind.ELEMENT, Kind.ORG_GROUP])
    assert found == [element("1.2"), IMMIGRATION_SECTOR]


def test_search_ignores_accents(real_graph: Graph) -> None:
    assert search(real_graph, "integration", [Kind.ORG_GROUP]) == [INTEGRATION_SECTOR]
    assert search(real_graph, "intégration", [Kind.ELEMENT]) == [element("1.3")]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("l’immigration", "l'immigration"),
        ("œuvre", "oeuvre"),
        ("ressources   financières", "ressources financieres"),
    ],
)
def test_search_ignores_typography(real_graph: Graph, typed: str, written: str) -> None:
    """Typographic apostrophes, ligatures and spacing vary between documents and users."""
    assert search(real_graph, typed) == search(real_graph, written) != []


def test_search_finds_names_before_texts(real_graph: Graph) -> None:
    # The administration directorate's mandate names human resources; its id sorts first.
    assert search(real_graph, "ressources humaines") == [HUMAN_RESOURCES, ADMINISTRATION]
    assert search(real_graph, "plan-cadre de communication") == [PUBLIC_AFFAIRS]
    assert search(real_graph, "no such words anywhere") == []


def test_neighborhood_excludes_source_edges_by_default(real_graph: Graph) -> None:
    found = neighborhood(real_graph, element("1.2"), 1)
    assert found.nodes == [element("1.2"), "fiscal_year:2007-2008", IMMIGRATION_SECTOR, program(1)]
    assert (IMMIGRATION_SECTOR, element("1.2"), Rel.SERVES) in found.edges
    assert all(rel is not Rel.SOURCE for *_, rel in found.edges)


def test_neighborhood_follows_the_relations_asked_for(real_graph: Graph) -> None:
    found = neighborhood(real_graph, HUMAN_RESOURCES, 2, [Rel.PART_OF])
    assert found.nodes == [
        HUMAN_RESOURCES,
        ADMINISTRATION,
        unit("service-dotation-remuneration-et-relations-professionnelles"),
        HAUTE_DIRECTION,
        *(u for u in TREE[ADMINISTRATION] if u != HUMAN_RESOURCES),
    ]


def test_shortest_path_gives_typed_edges(real_graph: Graph) -> None:
    service = unit("service-dotation-remuneration-et-relations-professionnelles")
    found = shortest_path(real_graph, service, role("sous-ministre"))
    assert found is not None
    assert found.edges == [
        (service, element("1.4"), Rel.SERVES),
        (HAUTE_DIRECTION, element("1.4"), Rel.SERVES),
        (role("sous-ministre"), HAUTE_DIRECTION, Rel.SUPERVISES),
    ]


def test_shortest_path_is_none_without_a_path(two_portfolios_graph: Graph) -> None:
    assert shortest_path(two_portfolios_graph, PORTFOLIO, TOURISME_PORTFOLIO) is None
    assert shortest_path(two_portfolios_graph, PORTFOLIO, "program:nowhere/1") is None


def test_lookups_by_year(real_graph: Graph) -> None:
    assert years(real_graph, PORTFOLIO) == [PREVIOUS, YEAR]
    assert edition(real_graph, PORTFOLIO, PREVIOUS) == YEAR
    assert edition(real_graph, PORTFOLIO, "2005-2006") is None
    assert programs(real_graph, PORTFOLIO, PREVIOUS) == [program(1), program(2)]
    assert program_of(real_graph, element("1.3")) == program(1)
    assert "program:nowhere/1" not in real_graph
