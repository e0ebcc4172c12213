"""Every figure the real document states, reached through the API and checked against
the document (data/micc-2007-2008.txt; amounts in thousands of dollars)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from loaders import Document
from schema.context import Context
from tests.contract import data_of

FIGURES = """{ portfolio(name: "Immigration et Communautés culturelles") {
  now: budget(year: "2007-2008") {
    expenditure amortization investment credits permanentCredits creditsToVote headcount }
  before: budget(year: "2006-2007") {
    expenditure investment credits permanentCredits creditsToVote headcount }
  change { amount percent }
  headcount: change(measure: HEADCOUNT) { amount percent }
  investment: change(measure: INVESTMENT) { amount percent }
  supercategories { name now: amount before: amount(year: "2006-2007") change { percent } }
  investmentCategories { name now: amount before: amount(year: "2006-2007") change { percent } }
  programs(year: "2007-2008") {
    number shareOfPortfolio
    now: budget { expenditure amortization investment credits }
    before: budget(year: "2006-2007") { expenditure credits }
    change { amount percent }
    elements {
      number
      now: budget { expenditure amortization investment credits }
      before: budget(year: "2006-2007") { expenditure }
      change { amount percent }
    }
  }
} }"""

# path in the answer → the figure as the document states it (line: what)
EXPECTED = {
    # credits table (lines 39-44)
    "programs.0.now.expenditure": "110585.5",
    "programs.0.now.amortization": "2551.7",
    "programs.0.now.investment": "6712.0",
    "programs.0.now.credits": "114745.8",
    "programs.0.before.credits": "108324.4",
    "programs.1.now.expenditure": "727.8",
    "programs.1.now.amortization": "8.0",
    "programs.1.now.investment": "3.0",
    "programs.1.now.credits": "722.8",
    "programs.1.before.credits": "721.2",
    "now.expenditure": "111313.3",
    "now.amortization": "2559.7",
    "now.investment": "6715.0",
    "now.credits": "115468.6",
    "before.credits": "109045.6",
    "now.permanentCredits": "9.6",
    "before.permanentCredits": "9.6",
    "now.creditsToVote": "115459.0",
    "before.creditsToVote": "109036.0",
    # supercategories (lines 50-58)
    "supercategories.0.name": "Rémunération",
    "supercategories.0.now": "58029.7",
    "supercategories.0.before": "56229.7",
    "supercategories.0.change.percent": "3.2",
    "supercategories.1.name": "Fonctionnement",
    "supercategories.1.now": "23367.1",
    "supercategories.1.before": "19744.1",
    "supercategories.1.change.percent": "18.3",
    "supercategories.2.name": "Transfert",
    "supercategories.2.now": "29916.5",
    "supercategories.2.before": "29916.5",
    "supercategories.2.change.percent": "0.0",
    "before.expenditure": "105890.3",
    "change.percent": "5.1",
    "now.headcount": 969,
    "before.headcount": 984,
    "headcount.percent": "-1.5",
    "investmentCategories.0.name": "Immobilisations",
    "investmentCategories.0.now": "6531.0",
    "investmentCategories.0.before": "5531.0",
    "investmentCategories.0.change.percent": "18.1",
    "investmentCategories.1.name": "Prêts, placements et avances",
    "investmentCategories.1.now": "184.0",
    "investmentCategories.1.before": "184.0",
    "investmentCategories.1.change.percent": "0.0",
    "before.investment": "5715.0",
    "investment.percent": "17.5",
    # program 1: elements (lines 65-69) and comparison (lines 76-80)
    "programs.0.elements.0.now.expenditure": "3794.8",
    "programs.0.elements.0.now.amortization": "0.0",
    "programs.0.elements.0.now.investment": "0.0",
    "programs.0.elements.0.now.credits": "3794.8",
    "programs.0.elements.0.before.expenditure": "3794.8",
    "programs.0.elements.0.change.amount": "0.0",
    "programs.0.elements.0.change.percent": "0.0",
    "programs.0.elements.1.now.expenditure": "51100.0",
    "programs.0.elements.1.now.credits": "51100.0",
    "programs.0.elements.1.before.expenditure": "45800.0",
    "programs.0.elements.1.change.amount": "5300.0",
    "programs.0.elements.1.change.percent": "11.6",
    "programs.0.elements.2.now.expenditure": "35244.7",
    "programs.0.elements.2.now.credits": "35244.7",
    "programs.0.elements.2.before.expenditure": "35244.7",
    "programs.0.elements.2.change.amount": "0.0",
    "programs.0.elements.2.change.percent": "0.0",
    "programs.0.elements.3.now.expenditure": "20446.0",
    "programs.0.elements.3.now.amortization": "2551.7",
    "programs.0.elements.3.now.investment": "6712.0",
    "programs.0.elements.3.now.credits": "24606.3",
    "programs.0.elements.3.before.expenditure": "20324.6",
    "programs.0.elements.3.change.amount": "121.4",
    "programs.0.elements.3.change.percent": "0.6",
    "programs.0.before.expenditure": "105164.1",
    "programs.0.change.amount": "5421.4",
    # program 2: elements (lines 88-89) and comparison (lines 96-97)
    "programs.1.elements.0.now.expenditure": "727.8",
    "programs.1.elements.0.now.amortization": "8.0",
    "programs.1.elements.0.now.investment": "3.0",
    "programs.1.elements.0.now.credits": "722.8",
    "programs.1.elements.0.before.expenditure": "726.2",
    "programs.1.elements.0.change.amount": "1.6",
    "programs.1.elements.0.change.percent": "0.2",
    "programs.1.before.expenditure": "726.2",
    "programs.1.change.amount": "1.6",
    "programs.1.change.percent": "0.2",
    # definitions (lines 105, 111)
    "programs.0.shareOfPortfolio": "99.3",
    "programs.1.shareOfPortfolio": "0.7",
}

DISAGREEING = {
    # line 80 states 5,1 %; 5421.4 / 105164.1 = 5.155 % rounds half-up to 5.2
    "programs.0.change.percent": "5.2",
}

HIGHLIGHTS = """{ audit(portfolio: "Immigration et Communautés culturelles", year: "2007-2008") {
  identity status stated statedRaw unit
} }"""


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """`{"a": [{"b": 1}]}` → `{"a.0.b": 1}`."""
    items: Iterable[tuple[str, Any]]
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((str(i), v) for i, v in enumerate(value))
    else:
        return {prefix: value}
    return {k: v for key, item in items for k, v in flatten(item, f"{prefix}{key}.").items()}


@pytest.fixture(scope="module")
def answer(api_context: Context) -> dict[str, Any]:
    flat = flatten(data_of(api_context, FIGURES)["portfolio"])
    return {path.rstrip("."): value for path, value in flat.items()}


@pytest.mark.parametrize(("path", "stated"), sorted(EXPECTED.items()))
def test_figure_matches_the_document(answer: dict[str, Any], path: str, stated: Any) -> None:
    assert answer[path] == stated


@pytest.mark.parametrize(("path", "computed"), sorted(DISAGREEING.items()))
def test_figure_computed_where_the_document_rounds_otherwise(
    answer: dict[str, Any], path: str, computed: str
) -> None:
    assert answer[path] == computed


def every_entity(context: Context, query: str) -> list[dict[str, Any]]:
    """The edges of every page of `query` (`entities(first: 50, after: $after)`): a page of
    100 with two lists of figures each is over the cost limit."""
    edges: list[dict[str, Any]] = []
    after = None
    while True:
        found = data_of(context, query, {"after": after})["entities"]
        edges += found["edges"]
        if not found["pageInfo"]["hasNextPage"]:
            return edges
        after = found["pageInfo"]["endCursor"]


def test_figure_every_table_cell_is_a_document_figure(api_context: Context, micc: Document) -> None:
    query = """query($after: String) { entities(first: 50, after: $after) { edges { node {
      ... on Budgeted { documentFigures { raw cell provenance { lineStart } } }
      ... on BudgetCategory { documentFigures { raw cell provenance { lineStart } } }
    } } pageInfo { hasNextPage endCursor } } }"""
    edges = every_entity(api_context, query)
    reached = {
        (f["provenance"]["lineStart"], f["cell"], f["raw"])
        for edge in edges
        for f in edge["node"].get("documentFigures", [])
    }
    written = {(f.provenance.line_start, f.cell, f.raw) for f in micc.figures()}
    assert len(written) == 99
    assert reached - written == {(105, 0, "99,3"), (111, 0, "0,7")}
    assert written <= reached


def test_figure_stated_percent_kept_beside_the_computed_one(api_context: Context) -> None:
    query = """{ programs(portfolio: "Immigration et Communautés culturelles", year: "2007-2008")
      { documentFigures { measure value raw isInput table provenance { lineStart } } } }"""
    figures = data_of(api_context, query)["programs"][0]["documentFigures"]
    percents = [f for f in figures if f["measure"] == "PERCENT_CHANGE"]
    assert percents == [
        {
            "measure": "PERCENT_CHANGE",
            "value": "5.1",
            "raw": "5,1",
            "isInput": False,
            "table": "comparison table",
            "provenance": {"lineStart": 80},
        }
    ]


def test_figure_highlights_checked_by_the_audit(api_context: Context) -> None:
    findings = data_of(api_context, HIGHLIGHTS)["audit"]
    prose = [f for f in findings if f["identity"].startswith("highlight.")]
    assert [(f["statedRaw"], f["stated"]) for f in prose] == [
        ("111 300 000 $", "111300000"),
        ("110 600 000 $", "110600000"),
        ("700 000 $", "700000"),
        ("5 400 000 $", "5400000"),
        ("5,1 %", "5.1"),
        ("1 000 000 $", "1000000"),
        ("6 700 000 $", "6700000"),
    ]
    assert {f["status"] for f in prose} == {"OK"}


PROGRAMS_OF_A_YEAR = """{ programs(portfolio: "Immigration et Communautés culturelles",
                                year: "2006-2007") {
  number budget { expenditure credits } shareOfPortfolio change { amount percent reason }
  elements { number budget { expenditure } }
} }"""


def test_programs_of_a_year_show_that_years_figures(api_context: Context) -> None:
    programs = data_of(api_context, PROGRAMS_OF_A_YEAR)["programs"]
    first = programs[0]
    # 2006-2007 as the comparison columns state it: lines 80 and 40 of the document.
    assert first["budget"] == {"expenditure": "105164.1", "credits": "108324.4"}
    assert [e["budget"]["expenditure"] for e in first["elements"]] == [
        "3794.8",
        "45800.0",
        "35244.7",
        "20324.6",
    ]
    assert first["shareOfPortfolio"] == "99.3"  # 105164.1 / 105890.3
    assert programs[1]["budget"] == {"expenditure": "726.2", "credits": "721.2"}


def test_change_without_an_earlier_year_is_null_with_its_reason(api_context: Context) -> None:
    change = data_of(api_context, PROGRAMS_OF_A_YEAR)["programs"][0]["change"]
    assert change == {"amount": None, "percent": None, "reason": "no expenditure for 2005-2006"}


CATEGORIES_OF_A_YEAR = """{ portfolio(name: "Immigration et Communautés culturelles") {
  supercategories(year: "2006-2007") { name amount share }
  investmentCategories(year: "2006-2007") { name amount share }
  organizations { name budget(year: "2006-2007") { credits } }
  breakdown(year: "2006-2007", by: INVESTMENT_CATEGORY) { total }
} }"""


def test_categories_of_a_year_show_that_years_figures(api_context: Context) -> None:
    portfolio = data_of(api_context, CATEGORIES_OF_A_YEAR)["portfolio"]
    # 2006-2007 as the supercategories table states it: lines 49-57 of the document.
    assert portfolio["supercategories"] == [
        {"name": "Rémunération", "amount": "56229.7", "share": "53.1"},
        {"name": "Fonctionnement", "amount": "19744.1", "share": "18.6"},
        {"name": "Transfert", "amount": "29916.5", "share": "28.3"},
    ]
    assert [c["amount"] for c in portfolio["investmentCategories"]] == ["5531.0", "184.0"]
    assert portfolio["breakdown"] == {"total": "5715.0"}
    credits = {o["name"]: o["budget"]["credits"] for o in portfolio["organizations"]}
    assert credits["Conseil des relations interculturelles"] == "721.2"
