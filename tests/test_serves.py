"""Which groups, units and bodies serve which elements and programs, and on what basis."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from graph.attributes import Graph
from graph.build import build_graph
from graph.kinds import Kind, Rel, ServesMethod
from graph.queries import find_by_name, nodes_of_kind, served, servers, units_of, unserved_groups
from loaders import read_document
from loaders.text import stems
from tests.samples import (
    COUNCIL,
    HAUTE_DIRECTION,
    IMMIGRATION_SECTOR,
    INTEGRATION_SECTOR,
    SYNTHETIC,
    element,
    program,
    unit,
)

EXPECTED = [
    (IMMIGRATION_SECTOR, [element("1.1"), element("1.2")], ServesMethod.NAME_MATCH),
    (INTEGRATION_SECTOR, [element("1.3")], ServesMethod.NAME_MATCH),
    (HAUTE_DIRECTION, [element("1.4")], ServesMethod.CENTRAL_SERVICES),
    (COUNCIL, [program(2)], ServesMethod.BODY_PROGRAM),
]


def targets(graph: Graph, node: str) -> list[str]:
    return sorted(target for target, _ in served(graph, node))


def assert_basis(data: dict[str, Any]) -> None:
    """A serves edge says how it was found, from what text, and how sure it is."""
    assert ServesMethod(data["method"]) in ServesMethod
    assert isinstance(data["evidence"], str) and data["evidence"].strip()
    assert isinstance(data["confidence"], Decimal)
    assert Decimal(0) < data["confidence"] <= Decimal(1)


def below(graph: Graph, node: str) -> list[str]:
    """Every unit under `node`, however deep."""
    found = units_of(graph, node)
    return found + [deeper for child in found for deeper in below(graph, child)]


@pytest.mark.parametrize("server, expected, method", EXPECTED)
def test_serves_reproduces_the_expected_edges(
    real_graph: Graph, server: str, expected: list[str], method: ServesMethod
) -> None:
    assert targets(real_graph, server) == expected
    for _, data in served(real_graph, server):
        assert data["method"] == method
        assert_basis(data)


def test_serves_every_edge_has_a_basis(real_graph: Graph) -> None:
    edges = [d for *_, k, d in real_graph.edges(keys=True, data=True) if k == Rel.SERVES]
    assert len(edges) == 26
    for data in edges:
        assert_basis(data)


def test_units_under_haute_direction_serve_the_administration_element(
    real_graph: Graph,
) -> None:
    units = below(real_graph, HAUTE_DIRECTION)
    assert len(units) == 21 == len(nodes_of_kind(real_graph, Kind.ORG_UNIT))
    for node in units:
        assert targets(real_graph, node) == [element("1.4")]
        assert {d["method"] for _, d in served(real_graph, node)} == {ServesMethod.INHERITED}


def test_inherited_serves_say_where_they_come_from(real_graph: Graph) -> None:
    finances = unit("direction-ressources-financieres")
    [(_, data)] = served(real_graph, finances)
    assert data["evidence"].startswith("part of « Direction générale de l'administration »")


def test_servers_of_a_program_include_those_of_its_elements(real_graph: Graph) -> None:
    groups = servers(real_graph, program(1), (Kind.ORG_GROUP,))
    assert groups == [HAUTE_DIRECTION, IMMIGRATION_SECTOR, INTEGRATION_SECTOR]
    assert unit("direction-ressources-financieres") in servers(real_graph, element("1.4"))
    assert servers(real_graph, program(2), (Kind.ORGANIZATION,)) == [COUNCIL]
    assert servers(real_graph, program(2)) == []


def served_names(graph: Graph, node: str) -> list[str]:
    return sorted(graph.nodes[target]["name"] for target, _ in served(graph, node))


def one(graph: Graph, kind: Kind, name: str) -> str:
    [found] = find_by_name(graph, kind, name)
    return found


def test_serves_matches_sectors_in_the_synthetic_sample(synthetic_graph: Graph) -> None:
    graph = synthetic_graph
    tourism = one(graph, Kind.ORG_GROUP, "SECTEUR DU TOURISME")
    heritage = one(graph, Kind.ORG_GROUP, "SECTEUR DU PATRIMOINE")
    assert "Promotion touristique" in served_names(graph, tourism)
    assert served_names(graph, heritage) == ["Patrimoine et Lieux historiques"]
    commission = one(graph, Kind.ORGANIZATION, "Commission des lieux historiques")
    assert served_names(graph, commission) == ["Organisme relevant du ministre"]


def test_serves_gives_central_units_the_support_element(synthetic_graph: Graph) -> None:
    graph = synthetic_graph
    units = below(graph, one(graph, Kind.ORG_GROUP, "HAUTE DIRECTION"))
    assert len(units) == len(nodes_of_kind(graph, Kind.ORG_UNIT)) == 9
    for node in units:
        assert served_names(graph, node) == ["Administration et Services de soutien"]


def test_serves_follows_renamed_sectors_and_elements(tmp_path: Path) -> None:
    """Nothing is a table of names: rename a sector and its element, the match follows."""
    text = SYNTHETIC.read_text(encoding="utf-8")
    text = text.replace("SECTEUR DU TOURISME", "SECTEUR DES LOISIRS")
    text = text.replace("Promotion touristique", "Promotion des loisirs")
    path = tmp_path / "synthetic-loisirs-2008-2009.txt"
    path.write_text(text, encoding="utf-8")
    graph = build_graph([read_document(path)])
    leisure = one(graph, Kind.ORG_GROUP, "SECTEUR DES LOISIRS")
    assert served_names(graph, leisure) == ["Promotion des loisirs"]
    [(_, data)] = served(graph, leisure)
    assert data["method"] == ServesMethod.NAME_MATCH and "loisir" in data["evidence"]


def synthetic_with(tmp_path: Path, *replacements: tuple[str, str]) -> Graph:
    text = SYNTHETIC.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "synthetic-variant-2008-2009.txt"
    path.write_text(text, encoding="utf-8")
    return build_graph([read_document(path)])


def test_serves_needs_more_than_a_common_word_prefix(tmp_path: Path) -> None:
    """`communications` and `communautés` share six letters, not a word."""
    graph = synthetic_with(
        tmp_path,
        ("SECTEUR DU TOURISME", "SECTEUR DES COMMUNICATIONS"),
        ("Promotion touristique", "Communautés culturelles"),
    )
    sector = one(graph, Kind.ORG_GROUP, "SECTEUR DES COMMUNICATIONS")
    assert served(graph, sector) == []
    assert unserved_groups(graph) == [sector]


def test_central_services_need_a_group_that_says_it_offers_them(tmp_path: Path) -> None:
    """Not being a sector is no basis: the group's own text must say central services."""
    intro = (
        "Sous l'autorité du sous-ministre, la haute direction et les directions qui en "
        "relèvent offrent des services centralisés."
    )
    graph = synthetic_with(
        tmp_path, (intro, "Sous l'autorité du sous-ministre, la haute direction coordonne.")
    )
    group = one(graph, Kind.ORG_GROUP, "HAUTE DIRECTION")
    assert served(graph, group) == []
    assert all(served(graph, u) == [] for u in units_of(graph, group))
    assert group in unserved_groups(graph)


def test_central_services_cite_the_sentence_that_says_so(synthetic_graph: Graph) -> None:
    group = one(synthetic_graph, Kind.ORG_GROUP, "HAUTE DIRECTION")
    [(_, data)] = served(synthetic_graph, group)
    assert data["method"] == ServesMethod.CENTRAL_SERVICES
    assert "offrent des services centralisés" in data["evidence"]
    assert unserved_groups(synthetic_graph) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("tourisme", "touristique"),
        ("Immigration", "immigrants"),
        ("culturelles", "culture"),
        ("administration", "administratives"),
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
