"""Relay nodes and connections, search, neighbourhoods and paths, the organisation."""

from __future__ import annotations

from typing import Any

import pytest

from graph.attributes import Graph
from loaders import Document
from schema.context import Context
from tests import counted, seed
from tests.contract import data_of
from tests.documents import ROOT, percent

MICC = "Immigration et Communautés culturelles"
PROGRAM_1 = "program:immigration-et-communautes-culturelles/2007-2008/1"
SECTOR = "SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION"
UNIT_DRF = (
    "org_unit:immigration-et-communautes-culturelles/2007-2008/direction-ressources-financieres"
)


def id_of(context: Context, graph_id: str) -> str:
    """The global id of an entity, found through the connection of all entities."""
    query = "{ entities(first: 100) { edges { node { id graphId } } } }"
    edges = data_of(context, query)["entities"]["edges"]
    found: str = next(e["node"]["id"] for e in edges if e["node"]["graphId"] == graph_id)
    return found


def test_node_global_id_round_trip(api_context: Context) -> None:
    query = "query($id: ID!) { node(id: $id) { __typename id ... on Program { number name } } }"
    node_id = id_of(api_context, PROGRAM_1)
    answer = data_of(api_context, query, {"id": node_id})["node"]
    assert answer == {
        "__typename": "Program",
        "id": node_id,
        "number": 1,
        "name": "Immigration, Intégration et Communautés culturelles",
    }


def test_entities_connection_pages_by_first_and_after(api_context: Context, micc: Document) -> None:
    query = """query($after: String) { entities(first: 30, after: $after) {
      totalCount edges { node { graphId } } pageInfo { hasNextPage endCursor } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = data_of(api_context, query, {"after": after})["entities"]
        assert page["totalCount"] == counted.kinds(micc).total()
        seen.extend(e["node"]["graphId"] for e in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == counted.kinds(micc).total()
    assert seen == sorted(seen)


def test_entities_of_some_kinds(api_context: Context, micc: Document) -> None:
    query = "{ entities(kinds: [PROGRAM, ELEMENT]) { totalCount edges { node { __typename } } } }"
    page = data_of(api_context, query)["entities"]
    assert page["totalCount"] == len(micc.programs) + counted.elements(micc)
    assert {e["node"]["__typename"] for e in page["edges"]} == {"Program", "Element"}


def test_portfolio_org_units_connection(api_context: Context, micc: Document) -> None:
    query = f"""{{ portfolio(name: "{MICC}") {{
      orgUnits(first: 5) {{ totalCount edges {{ node {{ name }} }} }} }} }}"""
    units = data_of(api_context, query)["portfolio"]["orgUnits"]
    assert units["totalCount"] == len(counted.units(micc))
    assert len(units["edges"]) == 5


@pytest.mark.parametrize(
    ("text", "kinds", "names"),
    [
        ("FRANCISATION", ["ELEMENT", "ORG_GROUP"], ["Francisation", SECTOR]),
        ("integration", ["ORG_GROUP"], ["SECTEUR DE L'INTÉGRATION"]),
        (
            "ressources financieres",  # its name first, then a unit whose mandate says it
            ["ORG_UNIT"],
            ["Direction des ressources financières", "Direction générale de l'administration"],
        ),
    ],
)
def test_search_ignores_case_and_accents(
    api_context: Context, text: str, kinds: list[str] | None, names: list[str]
) -> None:
    query = "query($text: String!, $kinds: [Kind!]) { search(text: $text, kinds: $kinds) { name } }"
    found = data_of(api_context, query, {"text": text, "kinds": kinds})["search"]
    assert [f["name"] for f in found] == names


def test_search_first_limits_the_results(api_context: Context) -> None:
    found = data_of(api_context, '{ search(text: "direction", first: 2) { name } }')["search"]
    assert len(found) == 2


def test_neighborhood_of_a_unit(api_context: Context) -> None:
    query = """query($id: ID!) { neighborhood(id: $id, depth: 1, relations: [PART_OF, SERVES]) {
      nodes { graphId } edges { source { name } target { name } relation } } }"""
    found = data_of(api_context, query, {"id": id_of(api_context, UNIT_DRF)})["neighborhood"]
    assert found["nodes"][0]["graphId"] == UNIT_DRF
    edges = {(e["source"]["name"], e["relation"], e["target"]["name"]) for e in found["edges"]}
    assert (
        "Direction des ressources financières",
        "PART_OF",
        "Direction générale de l'administration",
    ) in edges
    assert {e[1] for e in edges} == {"PART_OF", "SERVES"}


def test_path_from_a_unit_to_its_program(api_context: Context) -> None:
    query = """query($from: ID!, $to: ID!) { path(from: $from, to: $to) {
      nodes { graphId } edges { relation } } }"""
    ids = {"from": id_of(api_context, UNIT_DRF), "to": id_of(api_context, PROGRAM_1)}
    found = data_of(api_context, query, ids)["path"]
    assert found["nodes"][0]["graphId"] == UNIT_DRF
    assert found["nodes"][-1]["graphId"] == PROGRAM_1
    assert [e["relation"] for e in found["edges"]] == ["SERVES", "HAS_ELEMENT"]


def test_organizations_and_bodies(api_context: Context) -> None:
    query = f"""{{ portfolio(name: "{MICC}") {{ organizations {{
      name isBody budget {{ expenditure credits }}
      serves {{ target {{ ... on Program {{ number }} }} }}
      advises {{ name }} }} }} }}"""
    found = data_of(api_context, query)["portfolio"]["organizations"]
    by_name: dict[str, Any] = {o["name"]: o for o in found}
    council = by_name["Conseil des relations interculturelles"]
    assert council["isBody"] is True
    two = seed.PROGRAM_2.credits
    assert council["budget"] == {"expenditure": str(two.expenditure), "credits": str(two.credits)}
    assert council["serves"] == [{"target": {"number": 2}}]
    ministry = by_name["Ministère de l'Immigration et des Communautés culturelles"]
    one = seed.PROGRAM_1.credits
    assert ministry["budget"] == {"expenditure": str(one.expenditure), "credits": str(one.credits)}


def test_group_objectives_and_modes_in_order(api_context: Context) -> None:
    query = f"""{{ orgGroups(portfolio: "{MICC}") {{ name supervisedBy {{ name }}
      objectives {{ number subItems {{ number }} }}
      interventionModes {{ number subItems {{ number }} }} }} }}"""
    groups = data_of(api_context, query)["orgGroups"]
    assert groups[0]["supervisedBy"] == [{"name": "sous-ministre"}]
    immigration, integration = groups[1], groups[2]
    assert [o["number"] for o in immigration["objectives"]] == ["1", "2", "3", "4", "5", "6"]
    assert immigration["objectives"][1]["subItems"] == [{"number": "2.1"}, {"number": "2.2"}]
    modes = integration["interventionModes"]
    assert [m["number"] for m in modes] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [s["number"] for s in modes[2]["subItems"]] == ["3.1", "3.2", "3.3"]


def test_element_shares_and_served_by(api_context: Context) -> None:
    query = f"""{{ programs(portfolio: "{MICC}", year: "2007-2008") {{ elements {{
      number shareOfProgram shareOfPortfolio
      servedBy {{ unit {{ name }} basis {{ method }} }} }} }} }}"""
    elements = data_of(api_context, query)["programs"][0]["elements"]
    stated = [e.budget.expenditure for e in seed.PROGRAM_1.elements]
    whole, portfolio = seed.PROGRAM_1.total.expenditure, seed.CREDITS_TOTAL.expenditure
    assert [e["shareOfProgram"] for e in elements] == [str(percent(x, whole)) for x in stated]
    assert [e["shareOfPortfolio"] for e in elements] == [str(percent(x, portfolio)) for x in stated]
    francisation = {(s["unit"]["name"], s["basis"]["method"]) for s in elements[1]["servedBy"]}
    assert francisation == {("SECTEUR DE L'IMMIGRATION ET DE LA FRANCISATION", "NAME_MATCH")}


def test_amount_says_how_it_was_computed(api_context: Context) -> None:
    query = f"""{{ portfolio(name: "{MICC}") {{ budget(year: "2007-2008") {{
      amount(measure: CREDITS_TO_VOTE) {{ value unit derivation sources {{ lineStart }} }}
    }} }} }}"""
    found = data_of(api_context, query)["portfolio"]["budget"]["amount"]
    assert found["value"] == str(seed.CREDITS_TO_VOTE.now)
    assert found["unit"] == "000 $"
    assert found["derivation"] == "credits − crédits permanents"
    assert {s["lineStart"] for s in found["sources"]} >= {seed.PERMANENT_CREDITS.line}


def test_documents(api_context: Context) -> None:
    query = "{ documents { name year previousYear portfolioName lines } }"
    assert data_of(api_context, query)["documents"] == [
        {
            "name": "micc-2007-2008.txt",
            "year": "2007-2008",
            "previousYear": "2006-2007",
            "portfolioName": MICC,
            "lines": 224,
        }
    ]


def test_two_portfolios_answer_each_for_itself(two_portfolios_graph: Graph) -> None:
    context = Context(graph=two_portfolios_graph)
    query = """{ portfolios { name years programs { number } orgGroups { name } }
      audit(portfolio: "tourisme et patrimoine") { entity { graphId } } }"""
    answer = data_of(context, query)
    tourism = answer["portfolios"][1]
    assert tourism["name"] == "Tourisme et Patrimoine"
    assert tourism["years"] == ["2007-2008", "2008-2009"]
    assert [p["number"] for p in tourism["programs"]] == [1, 2]
    assert "SECTEUR DU TOURISME" in [g["name"] for g in tourism["orgGroups"]]
    audited = {f["entity"]["graphId"].split(":")[1].split("/")[0] for f in answer["audit"]}
    assert audited == {"tourisme-et-patrimoine"}


def test_portfolio_unknown_name_is_null(api_context: Context) -> None:
    assert data_of(api_context, '{ portfolio(name: "Tourisme") { name } }') == {"portfolio": None}


def test_every_entity_states_where_it_comes_from(api_context: Context) -> None:
    """Fiscal years included: the credits table's header spells both years."""
    query = """{ entities(first: 100) { totalCount edges { node { graphId
        provenance { document lineStart lineEnd text } } } } }"""
    found = data_of(api_context, query)["entities"]
    assert len(found["edges"]) == found["totalCount"]
    lines = (ROOT / "data" / "micc-2007-2008.txt").read_text(encoding="utf-8").splitlines()
    for edge in found["edges"]:
        spans = edge["node"]["provenance"]
        assert spans, edge["node"]["graphId"]
        for span in spans:
            stated = lines[span["lineStart"] - 1 : span["lineEnd"]]
            assert span["text"] == "\n".join(stated), (edge["node"]["graphId"], span)
