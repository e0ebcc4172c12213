"""Every figure the real document states, reached through the API and checked against
the document (data/micc-2007-2008.txt; amounts in thousands of dollars)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest

from loaders import Document
from schema.context import Context
from tests import seed
from tests.contract import data_of
from tests.documents import percent

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


def _budget(path: str, row: seed.Budget, *measures: str) -> dict[str, str]:
    return {f"{path}.{m}": str(getattr(row, m)) for m in measures}


def _compared(path: str, row: seed.Compared) -> dict[str, str]:
    return {
        f"{path}.now": str(row.now),
        f"{path}.before": str(row.before),
        f"{path}.change.percent": str(row.percent),
    }


def _program(index: int, program: seed.Program) -> dict[str, str]:
    at = f"programs.{index}"
    expected = _budget(f"{at}.now", program.credits, *MEASURES)
    expected[f"{at}.before.credits"] = str(program.credits.credits_before)
    expected[f"{at}.before.expenditure"] = str(program.compared.before)
    expected[f"{at}.change.amount"] = str(program.compared.variation)
    expected[f"{at}.change.percent"] = str(program.compared.percent)
    expected[f"{at}.shareOfPortfolio"] = str(program.share)
    for number, element in enumerate(program.elements):
        path = f"{at}.elements.{number}"
        expected |= _budget(f"{path}.now", element.budget, *MEASURES)
        expected[f"{path}.before.expenditure"] = str(element.compared.before)
        expected[f"{path}.change.amount"] = str(element.compared.variation)
        expected[f"{path}.change.percent"] = str(element.compared.percent)
    return expected


def _categories(field: str, rows: tuple[seed.Compared, ...]) -> dict[str, str]:
    expected: dict[str, str] = {}
    for index, row in enumerate(rows):
        expected[f"{field}.{index}.name"] = row.label
        expected |= _compared(f"{field}.{index}", row)
    return expected


MEASURES = ("expenditure", "amortization", "investment", "credits")

# path in the answer → the figure as the document states it (tests/seed.py, by line)
EXPECTED: dict[str, Any] = {
    **_program(0, seed.PROGRAM_1),
    **_program(1, seed.PROGRAM_2),
    **_budget("now", seed.CREDITS_TOTAL, *MEASURES),
    "before.credits": str(seed.CREDITS_TOTAL.credits_before),
    "now.permanentCredits": str(seed.PERMANENT_CREDITS.now),
    "before.permanentCredits": str(seed.PERMANENT_CREDITS.before),
    "now.creditsToVote": str(seed.CREDITS_TO_VOTE.now),
    "before.creditsToVote": str(seed.CREDITS_TO_VOTE.before),
    **_categories("supercategories", seed.SUPERCATEGORIES),
    "before.expenditure": str(seed.EXPENDITURE_TOTAL.before),
    "change.percent": str(seed.EXPENDITURE_TOTAL.percent),
    "now.headcount": int(seed.HEADCOUNT.now),
    "before.headcount": int(seed.HEADCOUNT.before),
    "headcount.percent": str(seed.HEADCOUNT.percent),
    **_categories("investmentCategories", seed.INVESTMENT_CATEGORIES),
    "before.investment": str(seed.INVESTMENT_TOTAL.before),
    "investment.percent": str(seed.INVESTMENT_TOTAL.percent),
}
del EXPECTED["programs.0.change.percent"]  # the document's own rounding: DISAGREEING

DISAGREEING = {
    # line 80 states 5,1 %; 5421.4 / 105164.1 = 5.155 % rounds half-up to 5.2
    "programs.0.change.percent": str(
        percent(
            seed.PROGRAM_1.compared.now - seed.PROGRAM_1.compared.before,
            seed.PROGRAM_1.compared.before,
        )
    ),
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
    assert len(written) == sum(len(row.figures()) for row in seed.ROWS)
    shares = {(p.share_line, 0, format(p.share).replace(".", ",")) for p in seed.PROGRAMS}
    assert reached - written == shares
    assert written <= reached


def test_figure_stated_percent_kept_beside_the_computed_one(api_context: Context) -> None:
    query = """{ programs(portfolio: "Immigration et Communautés culturelles", year: "2007-2008")
      { documentFigures { measure value raw isInput table provenance { lineStart } } } }"""
    figures = data_of(api_context, query)["programs"][0]["documentFigures"]
    percents = [f for f in figures if f["measure"] == "PERCENT_CHANGE"]
    stated = seed.PROGRAM_1.compared
    assert percents == [
        {
            "measure": "PERCENT_CHANGE",
            "value": str(stated.percent),
            "raw": str(stated.percent).replace(".", ","),
            "isInput": False,
            "table": "comparison table",
            "provenance": {"lineStart": stated.line},
        }
    ]


def test_figure_highlights_checked_by_the_audit(api_context: Context) -> None:
    findings = data_of(api_context, HIGHLIGHTS)["audit"]
    prose = [f for f in findings if f["identity"].startswith("highlight.")]
    assert [(f["statedRaw"], f["stated"]) for f in prose] == [
        (p.raw.replace("\\$", "$"), str(p.value)) for p in seed.HIGHLIGHTS
    ]
    assert {f["status"] for f in prose} == {"OK"}


PROGRAMS_OF_A_YEAR = """{ programs(portfolio: "Immigration et Communautés culturelles",
                                year: "2006-2007") {
  number budget { expenditure credits } shareOfPortfolio change { amount percent reason }
  elements { number budget { expenditure } }
} }"""


def test_programs_of_a_year_show_that_years_figures(api_context: Context) -> None:
    programs = data_of(api_context, PROGRAMS_OF_A_YEAR)["programs"]
    # 2006-2007 as the comparison columns and the credits table's last column state it.
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        before = stated.compared.before
        assert found["budget"] == {
            "expenditure": str(before),
            "credits": str(stated.credits.credits_before),
        }
        assert [e["budget"]["expenditure"] for e in found["elements"]] == [
            str(e.compared.before) for e in stated.elements
        ]
        assert found["shareOfPortfolio"] == str(percent(before, seed.EXPENDITURE_TOTAL.before))


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
    # 2006-2007 as the supercategories table states it, shares of its `Total` row.
    whole = seed.EXPENDITURE_TOTAL.before
    assert portfolio["supercategories"] == [
        {"name": row.label, "amount": str(row.before), "share": str(percent(row.before, whole))}
        for row in seed.SUPERCATEGORIES
    ]
    assert [c["amount"] for c in portfolio["investmentCategories"]] == [
        str(row.before) for row in seed.INVESTMENT_CATEGORIES
    ]
    assert portfolio["breakdown"] == {"total": str(seed.INVESTMENT_TOTAL.before)}
    credits = {o["name"]: o["budget"]["credits"] for o in portfolio["organizations"]}
    council = seed.PROGRAM_2.elements[0]
    assert credits[council.name] == str(seed.PROGRAM_2.credits.credits_before)
