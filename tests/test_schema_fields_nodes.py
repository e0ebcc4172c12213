"""Every node type's `id`, `graphId` and `provenance`: the id names the type and the graph
id and finds the node again; each provenance quotes the lines of data/micc-2007-2008.txt
it names, and they are the lines that state the entity (tests/seed.py's rows, the loader's
records for section 4)."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

import pytest

from loaders import Document
from schema.context import Context
from schema.limits import QueryLimits
from tests import seed
from tests.contract import data_of
from tests.documents import MICC

ENTITY = "id graphId name provenance { document lineStart lineEnd text }"
EVERY_NODE = f"""{{ entities(first: 100) {{ totalCount edges {{ node {{ __typename
  ... on Element {{ {ENTITY} }} ... on FiscalYear {{ {ENTITY} }}
  ... on InterventionMode {{ {ENTITY} }} ... on InvestmentCategory {{ {ENTITY} }}
  ... on Objective {{ {ENTITY} }} ... on OrgGroup {{ {ENTITY} }} ... on OrgUnit {{ {ENTITY} }}
  ... on Organization {{ {ENTITY} }} ... on Portfolio {{ {ENTITY} }} ... on Program {{ {ENTITY} }}
  ... on Role {{ {ENTITY} }} ... on SourceDocument {{ {ENTITY} }}
  ... on Supercategory {{ {ENTITY} }} }} }} }} }}"""
TYPES = {"Element", "FiscalYear", "InterventionMode", "InvestmentCategory", "Objective"}
TYPES |= {"OrgGroup", "OrgUnit", "Organization", "Portfolio", "Program", "Role"}
TYPES |= {"SourceDocument", "Supercategory"}


@pytest.fixture(scope="module")
def nodes(api_context: Context) -> list[dict[str, Any]]:
    # every node in one answer: over the cost a public server allows, which is not tested here
    unlimited = replace(api_context, limits=QueryLimits(cost=10**6, tokens=10**4))
    found = data_of(unlimited, EVERY_NODE)["entities"]
    assert found["totalCount"] == len(found["edges"])  # one page holds them all
    return [edge["node"] for edge in found["edges"]]


def of_type(nodes: list[dict[str, Any]], typename: str) -> dict[str, dict[str, Any]]:
    """The nodes of one type by name."""
    return {n["name"]: n for n in nodes if n["__typename"] == typename}


def starts(node: dict[str, Any]) -> list[int]:
    return [p["lineStart"] for p in node["provenance"]]


def test_every_node_type_is_reached(nodes: list[dict[str, Any]]) -> None:
    assert {n["__typename"] for n in nodes} == TYPES


def test_an_id_is_its_type_and_graph_id_and_finds_the_node(
    nodes: list[dict[str, Any]], api_context: Context
) -> None:
    for node in nodes:
        decoded = base64.b64decode(node["id"]).decode()
        assert decoded == f"{node['__typename']}:{node['graphId']}"
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"
    ids = [n["id"] for n in nodes]
    found = data_of(api_context, query, {"ids": ids})["nodes"]
    assert found == [{"__typename": n["__typename"], "id": n["id"]} for n in nodes]


def test_every_provenance_quotes_the_lines_it_names(
    nodes: list[dict[str, Any]], micc_text: str
) -> None:
    lines = micc_text.split("\n")
    for node in nodes:
        assert node["provenance"], node["graphId"]  # every fact keeps where it is read
        for where in node["provenance"]:
            assert where["document"] == MICC.name  # the document's name, not a path
            quoted = "\n".join(lines[where["lineStart"] - 1 : where["lineEnd"]])
            assert where["text"] == quoted, node["graphId"]


def test_rows_are_read_at_their_table_rows(nodes: list[dict[str, Any]], micc: Document) -> None:
    elements = of_type(nodes, "Element")
    for element in seed.ELEMENTS:
        assert starts(elements[element.name]) == [element.budget.line, element.compared.line]
    for typename, rows in (
        ("Supercategory", seed.SUPERCATEGORIES),
        ("InvestmentCategory", seed.INVESTMENT_CATEGORIES),
    ):
        found = {name: starts(n) for name, n in of_type(nodes, typename).items()}
        assert found == {row.label: [row.line] for row in rows}
    programs = of_type(nodes, "Program")
    for program, read in zip(seed.PROGRAMS, micc.programs, strict=True):
        # its definition (section 3), its credits row (section 2), then its tables
        definition = read.definition[0].provenance.line_start
        assert starts(programs[program.name])[:2] == [definition, program.credits.line]


def test_organizations_are_read_where_the_document_names_them(
    nodes: list[dict[str, Any]],
) -> None:
    found = of_type(nodes, "Organization")
    council = seed.PROGRAM_2.elements[0]
    assert starts(found[council.name]) == [council.budget.line]  # the body's element row
    ministry = "Ministère de l'Immigration et des Communautés culturelles"
    # the highlights' first sentence gives its expenditure (110 600 000 $)
    assert starts(found[ministry])[0] == seed.HIGHLIGHTS[1].line


def test_section_four_is_read_at_its_headings_and_bullets(
    nodes: list[dict[str, Any]], micc: Document
) -> None:
    groups = {name: starts(n) for name, n in of_type(nodes, "OrgGroup").items()}
    assert groups == {g.name: [g.provenance.line_start] for g in micc.groups}
    units = of_type(nodes, "OrgUnit")
    for unit in (u for g in micc.groups for u in g.units):
        assert starts(units[unit.name])[0] == unit.provenance.line_start
    for typename, field in (("Objective", "objectives"), ("InterventionMode", "modes")):
        items = [i for g in micc.groups for top in getattr(g, field) for i in (top, *top.sub_items)]
        found = sorted((starts(n)[0], n["name"]) for n in of_type(nodes, typename).values())
        assert found == sorted((i.provenance.line_start, i.text) for i in items)


def test_years_and_the_document(
    nodes: list[dict[str, Any]], micc: Document, micc_text: str
) -> None:
    years = of_type(nodes, "FiscalYear")
    assert set(years) == {micc.year, micc.previous_year}
    lines = micc_text.split("\n")
    # the first table row whose cells name both years: the credits table's header
    header = next(n for n, x in enumerate(lines, 1) if set(x.split("\t")) >= set(years))
    assert {name: starts(n) for name, n in years.items()} == dict.fromkeys(years, [header])
    (document,) = of_type(nodes, "SourceDocument").values()
    assert document["name"] == MICC.name
    (whole,) = document["provenance"]
    assert (whole["lineStart"], whole["lineEnd"]) == (1, micc.provenance.line_end)
