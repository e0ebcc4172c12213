"""Which groups, units and bodies serve which elements and programs, and on what basis."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from bench.serves_quality import CORPUS
from graph import attributes
from graph.attributes import EdgeData, Graph
from graph.build import build_graph
from graph.build.serves_targets import MIN_SUPPORT_SHARE, support_share
from graph.kinds import Kind, Rel, ServesMethod
from graph.queries import (
    find_by_name,
    nodes_of_kind,
    portfolio_of,
    served,
    servers,
    units_of,
    unserved_elements,
    unserved_groups,
)
from loaders import read_document
from loaders.text import related_stems, stems
from tests.samples import (
    COUNCIL,
    HAUTE_DIRECTION,
    IMMIGRATION_SECTOR,
    INTEGRATION_SECTOR,
    PORTFOLIO,
    REAL,
    SYNTHETIC,
    YEAR,
    element,
    program,
    unit,
)

EXPECTED = [
    (IMMIGRATION_SECTOR, [element("1.1"), element("1.2")], ServesMethod.NAME_MATCH),
    (INTEGRATION_SECTOR, [element("1.3")], ServesMethod.TEXT_MATCH),
    (HAUTE_DIRECTION, [element("1.4")], ServesMethod.CENTRAL_SERVICES),
    (COUNCIL, [program(2)], ServesMethod.BODY_PROGRAM),
]
QUOTE = re.compile(r"« ([^«»]+) » \(line (\d+)")


def targets(graph: Graph, node: str) -> list[str]:
    return sorted(target for target, _ in served(graph, node))


def assert_basis(data: EdgeData, lines: list[str]) -> None:
    """A serves edge says how it was found, from what text (each quote is on the line it
    names), on which lines, and how sure it is."""
    assert attributes.serves_method(data) in ServesMethod
    evidence = attributes.evidence(data)
    assert evidence is not None and evidence.strip()
    for quoted, line in QUOTE.findall(evidence):
        assert quoted.casefold() in lines[int(line) - 1].replace("*", "").casefold(), quoted
    found = attributes.edge_lines(data)
    assert found and all(1 <= line <= len(lines) for line in found)
    confidence = attributes.edge_confidence(data)
    assert isinstance(confidence, Decimal)
    assert Decimal(0) < confidence <= Decimal(1)
    assert confidence == confidence.quantize(Decimal("0.01"))


def below(graph: Graph, node: str) -> list[str]:
    """Every unit under `node`, however deep."""
    found = units_of(graph, node)
    return found + [deeper for child in found for deeper in below(graph, child)]


def one(graph: Graph, kind: Kind, name: str) -> str:
    [found] = find_by_name(graph, kind, name)
    return found


def served_names(graph: Graph, node: str) -> list[str]:
    return sorted(attributes.name(graph, target) for target, _ in served(graph, node))


def labelled(name: str) -> Graph:
    """The graph of a labelled document of tests/corpus/."""
    return build_graph([read_document(CORPUS / name)])


@pytest.mark.parametrize("server, expected, method", EXPECTED)
def test_serves_reproduces_the_expected_edges(
    real_graph: Graph, server: str, expected: list[str], method: ServesMethod
) -> None:
    lines = REAL.read_text(encoding="utf-8").split("\n")
    assert targets(real_graph, server) == expected
    for _, data in served(real_graph, server):
        assert attributes.method(data) == method
        assert_basis(data, lines)


def test_serves_every_edge_has_a_basis(real_graph: Graph) -> None:
    lines = REAL.read_text(encoding="utf-8").split("\n")
    edges = [d for *_, k, d in attributes.every_edge(real_graph) if k == Rel.SERVES]
    assert edges
    for data in edges:
        assert_basis(data, lines)


def test_units_under_haute_direction_serve_the_administration_element(
    real_graph: Graph,
) -> None:
    """HAUTE DIRECTION says its directions offer central services: each unit under it serves
    element 1.4 (Direction, Information et Services de soutien centralisés)."""
    units = below(real_graph, HAUTE_DIRECTION)
    assert len(units) == len(nodes_of_kind(real_graph, Kind.ORG_UNIT))
    for node in units:
        methods = {t: attributes.method(d) for t, d in served(real_graph, node)}
        assert methods[element("1.4")] == ServesMethod.CENTRAL_SERVICES


def test_a_unit_whose_mandate_names_an_activity_serves_it(real_graph: Graph) -> None:
    """The Service de sécurité et des enquêtes « soutiennent les activités d'immigration »
    (line 147): element 1.1 Immigration, besides the central services' element 1.4."""
    security = unit("service-securite-et-enquetes")
    found = dict(served(real_graph, security))
    assert set(found) >= {element("1.1"), element("1.4")}
    assert attributes.method(found[element("1.1")]) == ServesMethod.TEXT_MATCH
    assert "« immigration » (line 147)" in str(attributes.evidence(found[element("1.1")]))
    assert 147 in attributes.edge_lines(found[element("1.1")])


def test_inherited_serves_say_where_they_come_from() -> None:
    graph = labelled("education-loisir-sport-2006-2007.txt")
    analysis = one(graph, Kind.ORG_UNIT, "Direction de l'analyse et des prévisions budgétaires")
    edges = served(graph, analysis)
    assert edges and {attributes.method(d) for _, d in edges} == {ServesMethod.INHERITED}
    for _, data in edges:
        assert str(attributes.evidence(data)).startswith(
            "part of « DIRECTION GÉNÉRALE DU FINANCEMENT ET DE L'ÉQUIPEMENT »"
        )


def test_servers_of_a_program_include_those_of_its_elements(real_graph: Graph) -> None:
    groups = servers(real_graph, program(1), (Kind.ORG_GROUP,))
    assert groups == [HAUTE_DIRECTION, IMMIGRATION_SECTOR, INTEGRATION_SECTOR]
    assert unit("direction-ressources-financieres") in servers(real_graph, element("1.4"))
    assert servers(real_graph, program(2), (Kind.ORGANIZATION,)) == [COUNCIL]
    assert servers(real_graph, program(2)) == []


def test_serves_matches_sectors_in_the_synthetic_sample(synthetic_graph: Graph) -> None:
    graph = synthetic_graph
    tourism = one(graph, Kind.ORG_GROUP, "SECTEUR DU TOURISME")
    heritage = one(graph, Kind.ORG_GROUP, "SECTEUR DU PATRIMOINE")
    assert served_names(graph, tourism) == [
        "Accueil et Information touristique",
        "Promotion touristique",
    ]
    assert served_names(graph, heritage) == ["Patrimoine et Lieux historiques"]
    commission = one(graph, Kind.ORGANIZATION, "Commission des lieux historiques")
    assert served_names(graph, commission) == ["Organisme relevant du ministre"]


def test_serves_gives_central_units_the_support_element(synthetic_graph: Graph) -> None:
    graph = synthetic_graph
    units = below(graph, one(graph, Kind.ORG_GROUP, "HAUTE DIRECTION"))
    assert len(units) == len(nodes_of_kind(graph, Kind.ORG_UNIT))
    for node in units:
        assert "Administration et Services de soutien" in served_names(graph, node)


def synthetic_with(tmp_path: Path, *replacements: tuple[str, str]) -> Graph:
    text = SYNTHETIC.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "synthetic-variant-2008-2009.txt"
    path.write_text(text, encoding="utf-8")
    return build_graph([read_document(path)])


def test_serves_follows_renamed_sectors_and_elements(tmp_path: Path) -> None:
    """Nothing is a table of names: rename a sector and its element, the match follows."""
    graph = synthetic_with(
        tmp_path,
        ("SECTEUR DU PATRIMOINE", "SECTEUR DES LOISIRS"),
        ("Patrimoine et Lieux historiques", "Loisirs et Lieux historiques"),
    )
    leisure = one(graph, Kind.ORG_GROUP, "SECTEUR DES LOISIRS")
    assert served_names(graph, leisure) == ["Loisirs et Lieux historiques"]
    [(_, data)] = served(graph, leisure)
    assert "« LOISIRS »" in str(attributes.evidence(data))


def test_serves_needs_more_than_a_common_word_prefix(tmp_path: Path) -> None:
    """`communications` and `communautés` share six letters, not a word."""
    graph = synthetic_with(
        tmp_path,
        ("SECTEUR DU PATRIMOINE", "SECTEUR DES COMMUNICATIONS"),
        ("Patrimoine et Lieux historiques", "Communautés culturelles"),
    )
    sector = one(graph, Kind.ORG_GROUP, "SECTEUR DES COMMUNICATIONS")
    element = one(graph, Kind.ELEMENT, "Communautés culturelles")
    # Its objectives (heritage) may match the element's program text; its name may not.
    edge = None
    if graph.has_edge(sector, element, Rel.SERVES):
        edge = attributes.edge(graph, sector, element, Rel.SERVES)
    assert edge is None or attributes.method(edge) is not ServesMethod.NAME_MATCH
    shared = (
        ""
        if edge is None
        else str(attributes.evidence(edge)).split(" share « ", 1)[-1].split("»")[0]
    )
    assert "communic" not in shared.casefold() and "communaut" not in shared.casefold()
    # A sector is a line of business, never central services, whatever its name says.
    assert not any(
        attributes.method(d) is ServesMethod.CENTRAL_SERVICES for _, d in served(graph, sector)
    )


def test_central_services_need_a_group_that_says_it_offers_them(tmp_path: Path) -> None:
    """Not being a sector is no basis: the group's own text must say central services; the
    administration element is then served by no one, and reported so."""
    intro = (
        "Sous l'autorité du sous-ministre, la haute direction et les directions qui en "
        "relèvent offrent des services centralisés."
    )
    graph = synthetic_with(
        tmp_path, (intro, "Sous l'autorité du sous-ministre, la haute direction coordonne.")
    )
    group = one(graph, Kind.ORG_GROUP, "HAUTE DIRECTION")
    support = one(graph, Kind.ELEMENT, "Administration et Services de soutien")
    assert served(graph, group) == []
    assert all(support not in targets(graph, u) for u in below(graph, group))
    portfolio = portfolio_of(graph, group)
    assert support in unserved_elements(graph, portfolio, attributes.own_year(graph, group))


def test_a_group_of_support_units_offers_central_services(tmp_path: Path) -> None:
    """No sentence says it, but most of the group's units are named for the ministry's own
    support (human, financial and material resources, information technology, legal
    affairs, communications): the group is central services all the same."""
    intro = (
        "Sous l'autorité du sous-ministre, la haute direction et les directions qui en "
        "relèvent offrent des services centralisés."
    )
    planning = "Direction de la planification et de la recherche"
    graph = synthetic_with(
        tmp_path,
        (intro, "Sous l'autorité du sous-ministre, la haute direction coordonne."),
        (planning, "Direction des affaires juridiques"),
    )
    group = one(graph, Kind.ORG_GROUP, "HAUTE DIRECTION")
    [(target, data)] = served(graph, group)
    assert attributes.name(graph, target) == "Administration et Services de soutien"
    assert "groups units named for the ministry's own support" in str(attributes.evidence(data))


@pytest.mark.parametrize(
    ("name", "support"),
    [
        ("Soutien à la gestion", True),
        ("Direction et soutien administratif", True),
        ("Ressources informationnelles", True),
        ("Direction, Information et Services de soutien centralisés", True),
        ("Soutien aux entreprises", False),
        ("Gestion des ressources naturelles", False),
        ("Soutien à l'autonomie des personnes âgées", False),
    ],
)
def test_administration_elements_are_named_with_support_words(name: str, support: bool) -> None:
    assert (support_share(name) >= MIN_SUPPORT_SHARE) is support


def test_central_services_cite_the_sentence_that_says_so(synthetic_graph: Graph) -> None:
    group = one(synthetic_graph, Kind.ORG_GROUP, "HAUTE DIRECTION")
    [(_, data)] = served(synthetic_graph, group)
    assert attributes.method(data) == ServesMethod.CENTRAL_SERVICES
    assert "offrent des services centralisés" in str(attributes.evidence(data))
    assert unserved_groups(synthetic_graph) == []


def test_a_unit_whose_money_is_outside_the_portfolio_serves_nothing(tmp_path: Path) -> None:
    mandate = "- Le *Service du Web* maintient les sites Internet du Ministère."
    outside = mandate + " Ses dépenses ne font pas partie du budget de dépenses du portefeuille."
    graph = synthetic_with(tmp_path, (mandate, outside))
    assert served(graph, one(graph, Kind.ORG_UNIT, "Service du Web")) == []


def test_bodies_of_one_program_each_serve_their_own_element() -> None:
    """Program 3 of the health document has three bodies: each serves its element."""
    graph = labelled("sante-services-sociaux-2009-2010.txt")
    for name in ("Commissaire à la santé et au bien-être", "Conseil du médicament"):
        body = one(graph, Kind.ORGANIZATION, name)
        assert served_names(graph, body) == [name]


def test_a_unit_a_program_names_serves_that_program() -> None:
    """Program 1's definition names the Centre de conservation du Québec: it serves element
    1.2 Conservation et restauration des biens culturels, not the administration's."""
    graph = labelled("culture-communications-2010-2011.txt")
    centre = one(graph, Kind.ORG_UNIT, "Centre de conservation du Québec")
    [(target, data)] = served(graph, centre)
    assert attributes.name(graph, target) == "Conservation et restauration des biens culturels"
    assert attributes.method(data) == ServesMethod.STATED


def test_a_sentence_about_another_sector_is_not_evidence() -> None:
    """The DG du financement writes that adaptation-scolaire and transport allocations are
    set by the other sector's units: no edge to those elements."""
    graph = labelled("education-loisir-sport-2006-2007.txt")
    group = one(graph, Kind.ORG_GROUP, "DIRECTION GÉNÉRALE DU FINANCEMENT ET DE L'ÉQUIPEMENT")
    names = served_names(graph, group)
    assert "Commissions scolaires" in names
    assert "Adaptation scolaire" not in names and "Transport scolaire" not in names


def test_a_group_serves_what_its_units_ground() -> None:
    graph = labelled("transports-2011-2012.txt")
    sector = one(graph, Kind.ORG_GROUP, "SECTEUR DE LA SÉCURITÉ ET DU CAMIONNAGE")
    found = {attributes.name(graph, t): d for t, d in served(graph, sector)}
    assert attributes.method(found["Contrôle routier"]) == ServesMethod.THROUGH_UNIT
    assert "Direction du contrôle routier" in str(attributes.evidence(found["Contrôle routier"]))


def test_unserved_elements_of_the_real_document(real_graph: Graph) -> None:
    assert unserved_elements(real_graph, PORTFOLIO, YEAR) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("tourisme", "touristique"),
        ("Immigration", "immigrants"),
        ("culturelles", "culture"),
        ("administration", "administratives"),
        ("médicaux", "médical"),
    ],
)
def test_stems_meet_across_derivations(first: str, second: str) -> None:
    assert stems(first) == stems(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("communications", "communautés"),
        ("francisation", "française"),
        ("intégration", "immigration"),
    ],
)
def test_stems_keep_different_words_apart(first: str, second: str) -> None:
    assert not stems(first) & stems(second)


@pytest.mark.parametrize(
    ("first", "second", "related"),
    [
        ("univers", "universitair", True),  # universités, universitaires
        ("sport", "sportiv", True),
        ("communic", "communaut", False),
        ("publ", "public", False),  # too short to stand for a word family
    ],
)
def test_related_stems_are_one_word_family(first: str, second: str, related: bool) -> None:
    assert related_stems(first, second) is related
