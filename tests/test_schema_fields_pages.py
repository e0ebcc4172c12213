"""Pages no other test read in full: the portfolio's pages of programs, groups and categories,
its units' connection, a breakdown's rows page, ranked search's edges; what a breakdown says
it splits; a hit's score and a match's snippet. Expected values are the rows and headings
of data/micc-2007-2008.txt (tests/seed.py, the loader's records)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import pytest

from loaders import Document
from schema.context import Context
from tests import counted, seed
from tests.contract import PORTFOLIO, data_of

INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
PAGE = f"totalCount edges {{ cursor node {{ name }} }} {INFO}"


def pages(first: int) -> str:
    """The portfolio's four pages of `first` items (a literal: the cost limit counts a
    variable's page as the largest)."""
    return f"""query($p: String, $g: String, $s: String, $i: String) {{
  portfolio(name: "{PORTFOLIO}") {{
    programs: programsPage(first: {first}, after: $p) {{ {PAGE} }}
    groups: orgGroupsPage(first: {first}, after: $g) {{ {PAGE} }}
    supercategories: supercategoriesPage(first: {first}, after: $s) {{ {PAGE} }}
    investmentCategories: investmentCategoriesPage(first: {first}, after: $i) {{ {PAGE} }} }} }}"""


def names(page: dict[str, Any]) -> list[str]:
    return [e["node"]["name"] for e in page["edges"]]


def cursors(page: dict[str, Any]) -> dict[str, Any]:
    """What `pageInfo` should say of the page's edges (the next page's flag aside)."""
    edges = page["edges"]
    return {
        "startCursor": edges[0]["cursor"] if edges else None,
        "endCursor": edges[-1]["cursor"] if edges else None,
    }


def test_portfolio_pages_go_on_after_their_cursor(api_context: Context, micc: Document) -> None:
    expected = {
        "programs": [p.name for p in seed.PROGRAMS],
        "groups": [g.name for g in micc.groups],
        "supercategories": [row.label for row in seed.SUPERCATEGORIES],
        "investmentCategories": [row.label for row in seed.INVESTMENT_CATEGORIES],
    }
    first = data_of(api_context, pages(1))["portfolio"]
    ends = {key[0]: page["pageInfo"]["endCursor"] for key, page in first.items()}
    rest = data_of(api_context, pages(10), ends)["portfolio"]
    for key, listed in expected.items():
        head, tail = first[key], rest[key]
        assert head["totalCount"] == tail["totalCount"] == len(listed)
        assert (names(head), names(tail)) == (listed[:1], listed[1:])
        assert head["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": False} | cursors(head)
        assert tail["pageInfo"] == {"hasNextPage": False, "hasPreviousPage": True} | cursors(tail)
        assert len({e["cursor"] for e in head["edges"] + tail["edges"]}) == len(listed)


def test_org_units_connection_pages_by_cursor(api_context: Context, micc: Document) -> None:
    query = f"""query($after: String) {{ portfolio(name: "{PORTFOLIO}") {{
      orgUnits(first: 5, after: $after) {{ {PAGE} }} }} }}"""
    pages, after = [], None
    while True:
        page = data_of(api_context, query, {"after": after})["portfolio"]["orgUnits"]
        pages.append(page)
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        assert {k: page["pageInfo"][k] for k in ("startCursor", "endCursor")} == cursors(page)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    units = [name for page in pages for name in names(page)]
    assert len(units) == len(set(units)) == len(counted.units(micc)) == pages[0]["totalCount"]
    assert [len(p["edges"]) for p in pages[:-1]] == [5] * (len(pages) - 1)


BREAKDOWN = f"""query($by: Dimension!, $after: String) {{
  breakdown(portfolio: "{PORTFOLIO}", year: "2007-2008", by: $by) {{
    dimension measure year total
    rows {{ label entity {{ __typename graphId }} }}
    rowsPage(first: 1, after: $after) {{ totalCount edges {{ cursor node {{ label }} }} {INFO} }}
  }} }}"""


@pytest.mark.parametrize(
    ("by", "typename", "measure", "labels", "total"),
    [
        (
            "PROGRAM",
            "Program",
            "EXPENDITURE",
            [p.credits.label for p in seed.PROGRAMS],
            seed.CREDITS_TOTAL.expenditure,
        ),
        (
            "SUPERCATEGORY",
            "Supercategory",
            "EXPENDITURE",
            [row.label for row in seed.SUPERCATEGORIES],
            seed.EXPENDITURE_TOTAL.now,
        ),
        (
            "INVESTMENT_CATEGORY",
            "InvestmentCategory",
            "INVESTMENT",  # what investment categories split, when no measure is asked
            [row.label for row in seed.INVESTMENT_CATEGORIES],
            seed.INVESTMENT_TOTAL.now,
        ),
    ],
)
def test_breakdown_says_what_it_splits_and_pages_its_rows(
    api_context: Context,
    micc: Document,
    by: str,
    typename: str,
    measure: str,
    labels: list[str],
    total: Decimal,
) -> None:
    found = data_of(api_context, BREAKDOWN, {"by": by})["breakdown"]
    assert (found["dimension"], found["measure"], found["year"]) == (by, measure, micc.year)
    assert found["total"] == str(total)
    rows = found["rows"]
    assert {r["entity"]["__typename"] for r in rows} == {typename}
    assert len({r["entity"]["graphId"] for r in rows}) == len(rows)
    assert sorted(label_of(r["label"]) for r in rows) == sorted(label_of(x) for x in labels)
    page = found["rowsPage"]
    assert page["totalCount"] == len(rows)
    assert page["pageInfo"] == {"hasNextPage": True, "hasPreviousPage": False} | cursors(page)
    after = page["edges"][0]["cursor"]
    second = data_of(api_context, BREAKDOWN, {"by": by, "after": after})["breakdown"]["rowsPage"]
    assert [e["node"]["label"] for e in page["edges"] + second["edges"]] == [
        r["label"] for r in rows[:2]
    ]
    assert second["pageInfo"]["hasPreviousPage"] is True


def label_of(label: str) -> str:
    """A row's label without its number (`1. Immigration…` as the credits table writes it)."""
    return label.split(". ", 1)[-1].casefold()


SEARCH = """query($after: String) { rankedSearch(text: "immigration", first: 3, after: $after) {
  totalCount edges { cursor node { entity { graphId } score } } pageInfo { endCursor } } }"""


def test_ranked_search_edges_go_on_after_their_cursor(api_context: Context) -> None:
    whole = data_of(api_context, SEARCH.replace("first: 3", "first: 100"))["rankedSearch"]
    first = data_of(api_context, SEARCH)["rankedSearch"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    after = first["edges"][1]["cursor"]
    rest = data_of(api_context, SEARCH, {"after": after})["rankedSearch"]
    nodes = [e["node"] for e in whole["edges"]]
    assert [e["node"] for e in first["edges"]] == nodes[:3]
    assert [e["node"] for e in rest["edges"]] == nodes[2:5]


def test_a_hits_score_and_its_matches_snippet(api_context: Context, micc_text: str) -> None:
    query = """{ entities(kinds: [PORTFOLIO, ORGANIZATION, PROGRAM, ELEMENT, SUPERCATEGORY,
        INVESTMENT_CATEGORY, ORG_GROUP, ORG_UNIT, ROLE, OBJECTIVE, INTERVENTION_MODE])
      { totalCount } rankedSearch(text: "sagir") { edges { node {
      score snippet line matches { snippet line words } } } } }"""
    found = data_of(api_context, query)
    (hit,) = [e["node"] for e in found["rankedSearch"]["edges"]]
    (match,) = hit["matches"]
    # one word, once in the one entity that holds it: 1 × ln(1 + N / 1), N the entities
    # searched (every kind but the fiscal years and the documents, which have no text)
    searched = found["entities"]["totalCount"]
    assert Decimal(hit["score"]) == Decimal(math.log(1 + searched)).quantize(Decimal("0.0001"))
    line = micc_text.split("\n")[match["line"] - 1]
    assert match["words"] == ["SAGIR"] and "SAGIR" in line
    assert match["snippet"].strip("…") in line and "SAGIR" in match["snippet"]
    assert hit["snippet"] == match["snippet"]
