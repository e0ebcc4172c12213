"""Two sentences that make two units part of each other: every walk still ends.

The cycle document is the real one with `- Elle regroupe le Secrétariat du
ministère.` added to the Direction de la recherche (which the Secrétariat
`regroupe`), and the executive group's prose naming the Secrétariat as its own
(`tests.variants.with_cycle`), so the group's walk reaches the two units.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from graph.attributes import Graph, edge_provenance, evidence
from graph.build import build_graph
from graph.queries import all_units, part_of_cycles, units_of, unserved_groups
from server.app import create_app
from server.cli import main
from tests.documents import parse_text
from tests.samples import HAUTE_DIRECTION, unit
from tests.variants import CYCLE_SENTENCE, with_cycle

SECRETARIAT = unit("secretariat-ministere")
RESEARCH = unit("direction-recherche-et-analyse-prospective")
UNITS = (
    '{ orgGroups(portfolio: "Immigration et Communautés culturelles") '
    "{ name units { name units { name units { name } } } } }"
)


@pytest.fixture(scope="module")
def cycle_text(micc_text: str) -> str:
    return with_cycle(micc_text)


@pytest.fixture(scope="module")
def cycle_graph(cycle_text: str) -> Graph:
    return build_graph([parse_text(cycle_text, "cycle.txt")])


@pytest.fixture()
def cycle_file(tmp_path: Path, cycle_text: str) -> Path:
    path = tmp_path / "cycle.txt"
    path.write_text(cycle_text, encoding="utf-8")
    return path


def test_the_two_units_are_part_of_each_other(cycle_graph: Graph) -> None:
    assert RESEARCH in units_of(cycle_graph, SECRETARIAT)
    assert SECRETARIAT in units_of(cycle_graph, RESEARCH)
    assert SECRETARIAT in units_of(cycle_graph, HAUTE_DIRECTION)


def test_all_units_lists_each_unit_once(cycle_graph: Graph) -> None:
    found = all_units(cycle_graph, HAUTE_DIRECTION)
    assert len(found) == len(set(found))
    assert {SECRETARIAT, RESEARCH} <= set(found)
    assert HAUTE_DIRECTION not in all_units(cycle_graph, HAUTE_DIRECTION)
    assert RESEARCH not in all_units(cycle_graph, RESEARCH)
    assert unserved_groups(cycle_graph) == []


def test_part_of_cycles_gives_each_edge_with_its_sentence(
    cycle_graph: Graph, cycle_text: str
) -> None:
    (cycle,) = part_of_cycles(cycle_graph)
    assert [(part, whole) for part, whole, _ in cycle] == [
        (RESEARCH, SECRETARIAT),
        (SECRETARIAT, RESEARCH),
    ]
    lines = cycle_text.split("\n")
    for _, _, data in cycle:
        where = edge_provenance(data)
        assert where is not None and lines[where.line_start - 1] == where.text
    assert evidence(cycle[1][2]) == CYCLE_SENTENCE.removeprefix("- ")


def test_the_real_document_has_no_cycle(real_graph: Graph) -> None:
    assert part_of_cycles(real_graph) == []


def test_query_works_on_the_cycle_document(
    cycle_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", UNITS, str(cycle_file)]) == 0
    groups = json.loads(capsys.readouterr().out)["data"]["orgGroups"]
    executive = next(g for g in groups if g["name"] == "HAUTE DIRECTION")
    names = [u["name"] for u in executive["units"]]
    assert "Secrétariat du ministère" in names


def test_serve_works_on_the_cycle_document(cycle_file: Path) -> None:
    with TestClient(create_app([cycle_file])) as client:
        assert client.get("/health").json()["status"] == "ok"
        response = client.post("/graphql", json={"query": UNITS})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    executive = next(g for g in body["data"]["orgGroups"] if g["name"] == "HAUTE DIRECTION")
    secretariat = next(u for u in executive["units"] if u["name"] == "Secrétariat du ministère")
    research = next(
        u
        for u in secretariat["units"]
        if u["name"] == "Direction de la recherche et de l'analyse prospective"
    )
    assert [u["name"] for u in research["units"]] == ["Secrétariat du ministère"]
