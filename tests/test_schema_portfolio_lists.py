"""Lists over GraphQL: orderBy on every field, filters, pages whose totalCount `first`
leaves alone."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from loaders.text import fold
from schema.context import Context
from tests.analyst import CULTURE, CULTURE_YEAR, compared_rows
from tests.contract import PORTFOLIO, codes, data_of, errors_of
from tests.documents import LABELLED, MICC
from tests.samples import YEAR

ELEMENTS = """query($portfolio: String!, $year: String!, $order: ListOrder, $first: Int) {
  elements(portfolio: $portfolio, year: $year, orderBy: $order, first: $first) {
    number name program { number } budget { expenditure }
    change { amount exactPercent } shareDetail(of: PROGRAM) { exact } } }"""
PAGE = """query($filter: ListFilter, $first: Int, $after: String) {
  portfolio(name: "Immigration et Communautés culturelles") {
    elementsPage(year: "2007-2008", filter: $filter, first: $first, after: $after) {
      totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } } }"""
LIST = """query($filter: ListFilter) {
  elements(portfolio: "Immigration et Communautés culturelles", year: "2007-2008",
           filter: $filter) { name number } }"""
CASES = [
    (MICC, PORTFOLIO, YEAR, "api_context"),
    (LABELLED, CULTURE, CULTURE_YEAR, "labelled_context"),
]


def elements(context: Context, portfolio: str, asked: str, **order: Any) -> list[dict[str, Any]]:
    variables = {"portfolio": portfolio, "year": asked, "order": order or None}
    found: list[dict[str, Any]] = data_of(context, ELEMENTS, variables)["elements"]
    return found


@pytest.mark.parametrize(("path", "portfolio", "year", "fixture"), CASES)
def test_top_three_elements_by_change_percent_are_the_documents(
    path: Any, portfolio: str, year: str, fixture: str, request: pytest.FixtureRequest
) -> None:
    rows = compared_rows(path)
    expected = sorted(rows, key=lambda r: (-r.percent, fold(r.name)))[:3]
    context = request.getfixturevalue(fixture)
    variables = {
        "portfolio": portfolio,
        "year": year,
        "order": {"field": "CHANGE_PERCENT"},
        "first": 3,
    }
    found = data_of(context, ELEMENTS, variables)["elements"]
    assert [(e["program"]["number"], e["number"]) for e in found] == [
        (r.program, r.number) for r in expected
    ]


def _value(element: dict[str, Any], field: str) -> Any:
    """What a field sorts by, read from the answer itself."""
    if field == "NAME":
        return fold(element["name"])
    if field == "NUMBER":
        return (element["program"]["number"], element["number"])
    reads = {
        "AMOUNT": element["budget"]["expenditure"],
        "CHANGE_AMOUNT": element["change"]["amount"],
        "CHANGE_PERCENT": element["change"]["exactPercent"],
        "SHARE": (element["shareDetail"] or {}).get("exact"),
    }
    found = reads[field]
    return None if found is None else Decimal(found)


@pytest.mark.parametrize(
    "field", ["AMOUNT", "CHANGE_AMOUNT", "CHANGE_PERCENT", "SHARE", "NAME", "NUMBER"]
)
@pytest.mark.parametrize("direction", ["ASC", "DESC"])
def test_every_order_field_sorts_both_ways_nulls_last(
    labelled_context: Context, api_context: Context, field: str, direction: str
) -> None:
    for context, portfolio, year in (
        (api_context, PORTFOLIO, YEAR),
        (labelled_context, CULTURE, CULTURE_YEAR),
    ):
        found = elements(context, portfolio, year, field=field, direction=direction)
        values = [_value(e, field) for e in found]
        known = [v for v in values if v is not None]
        assert values == known + [None] * (len(values) - len(known))
        assert known == sorted(known, reverse=direction == "DESC")


def test_default_directions_are_largest_first_for_figures_and_a_to_z_for_names(
    api_context: Context,
) -> None:
    by_amount = elements(api_context, PORTFOLIO, YEAR, field="AMOUNT")
    assert by_amount[0]["name"] == "Francisation"  # 51 100,0, line 66
    by_name = elements(api_context, PORTFOLIO, YEAR, field="NAME")
    assert by_name[0]["name"] == "Conseil des relations interculturelles"


def test_an_order_can_read_another_measure_and_year(api_context: Context) -> None:
    found = elements(api_context, PORTFOLIO, YEAR, field="AMOUNT", measure="INVESTMENT")
    assert found[0]["number"] == 4 and found[0]["program"]["number"] == 1  # 6 712,0, line 68
    before = elements(api_context, PORTFOLIO, YEAR, field="AMOUNT", year="2006-2007")
    assert before[0]["name"] == "Francisation"  # 45 800,0, line 77


def page_names(
    context: Context, filter_: dict[str, Any] | None, first: int
) -> tuple[int, list[str]]:
    """The total and every name, page after page of `first`."""
    names: list[str] = []
    after, total = None, -1
    while True:
        variables = {"filter": filter_, "first": first, "after": after}
        page = data_of(context, PAGE, variables)["portfolio"]["elementsPage"]
        assert total in (-1, page["totalCount"])
        total = page["totalCount"]
        names += [e["node"]["name"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return total, names
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize(
    "filter_",
    [
        None,
        {"minAmount": "20000"},
        {"minChange": "1"},
        {"minAmount": "1000", "minChangePercent": "0.5"},
        {"orgGroup": "Secteur de l'immigration et de la francisation"},
        {"kinds": ["ELEMENT"], "minAmount": "0", "year": "2006-2007"},
    ],
)
def test_filters_combine_with_pages_and_the_total_ignores_first(
    api_context: Context, filter_: dict[str, Any] | None
) -> None:
    expected = [e["name"] for e in data_of(api_context, LIST, {"filter": filter_})["elements"]]
    for first in (1, 2, 100):
        assert page_names(api_context, filter_, first) == (len(expected), expected)


def test_filters_keep_what_they_say(api_context: Context) -> None:
    found = elements_filtered(api_context, {"minAmount": "20000"})
    # Lines 66, 67, 68: 51 100,0, 35 244,7, 20 446,0; not 3 794,8 nor 727,8.
    assert found == [2, 3, 4]
    assert elements_filtered(api_context, {"minChangePercent": "0.6"}) == [2, 4]  # 11,6 and 0,6
    assert elements_filtered(api_context, {"orgGroup": "secteur de l'integration"}) == [3]


def elements_filtered(context: Context, filter_: dict[str, Any]) -> list[int]:
    return [e["number"] for e in data_of(context, LIST, {"filter": filter_})["elements"]]


def test_groups_and_rows_sort_by_derived_budgets(labelled_context: Context) -> None:
    query = """{ orgGroups(portfolio: "Culture et Communications",
                          orderBy: {field: AMOUNT, direction: ASC}) { name budget { value } } }"""
    found = data_of(labelled_context, query)["orgGroups"]
    assert found[-1]["budget"] is None  # the secretariat serves nothing: last, either way
    values = [Decimal(g["budget"]["value"]) for g in found[:-1]]
    assert values == sorted(values)


def test_pages_of_every_list_count_the_whole_list(api_context: Context) -> None:
    query = """{ portfolio(name: "Immigration et Communautés culturelles") {
      programsPage(first: 1) { totalCount } elementsPage(first: 1) { totalCount }
      orgGroupsPage(first: 1) { totalCount } supercategoriesPage(first: 1) { totalCount }
      investmentCategoriesPage(first: 1) { totalCount }
      breakdown(year: "2007-2008", by: ELEMENT) {
        rowsPage(first: 1) { totalCount edges { node { label } } } }
      orgUnits(first: 1, filter: {orgGroup: "HAUTE DIRECTION"}) { totalCount }
      all: orgUnits(first: 1) { totalCount }
      none: orgUnits(filter: {orgGroup: "SECTEUR DE L'INTÉGRATION"}) { totalCount } } }"""
    found = data_of(api_context, query)["portfolio"]
    counts = {
        k: v["totalCount"] for k, v in found.items() if isinstance(v, dict) and "totalCount" in v
    }
    # Lines 39-40 (programs), 65-68 and 88 (elements), 117/175/201 (groups), 50-52, 56-57;
    # every unit is in HAUTE DIRECTION (the sectors, lines 175 and 201, title none).
    assert counts == {
        "programsPage": 2,
        "elementsPage": 5,
        "orgGroupsPage": 3,
        "supercategoriesPage": 3,
        "investmentCategoriesPage": 2,
        "orgUnits": found["all"]["totalCount"],
        "all": found["all"]["totalCount"],
        "none": 0,
    }
    assert found["breakdown"]["rowsPage"]["totalCount"] == 5


def test_bad_list_arguments_say_what_is_expected(api_context: Context) -> None:
    unknown = """{ elements(portfolio: "Immigration et Communautés culturelles", year: "2007-2008",
                 filter: {orgGroup: "SECTEUR INCONNU"}) { name } }"""
    (error,) = errors_of(api_context, unknown)
    assert codes([error]) == ["BAD_USER_INPUT"] and "HAUTE DIRECTION" in error["message"]
    backwards = """{ elements(portfolio: "Immigration et Communautés culturelles",
                 year: "2006-2007", orderBy: {field: CHANGE_AMOUNT, from: "2007-2008"}) {
                 name } }"""
    assert codes(errors_of(api_context, backwards)) == ["BAD_USER_INPUT"]
    too_many = {"filter": None, "first": 101, "after": None}
    assert codes(errors_of(api_context, PAGE, too_many)) == ["BAD_USER_INPUT"]
    cursor = {"filter": None, "first": 1, "after": "bm90IGEgY3Vyc29y"}
    assert codes(errors_of(api_context, PAGE, cursor)) == ["BAD_USER_INPUT"]


def test_categories_and_units_sort_and_filter_by_their_own_measure(api_context: Context) -> None:
    query = """{ portfolio(name: "Immigration et Communautés culturelles") {
      supercategories(orderBy: {field: CHANGE_PERCENT, measure: INVESTMENT},
                      filter: {minAmount: "25000"}) { name }
      investmentCategories(orderBy: {field: AMOUNT, direction: ASC}) { name }
      orgGroups(first: 1) { units(orderBy: {field: NAME, direction: DESC}, first: 2) { name } }
    } }"""
    found = data_of(api_context, query)["portfolio"]
    # Lines 50 and 52: 58 029,7 (+3,2 %) and 29 916,5 (0,0 %); 23 367,1 is under 25 000.
    assert [c["name"] for c in found["supercategories"]] == ["Rémunération", "Transfert"]
    # Lines 56-57: 6 531,0 and 184,0, smallest first.
    assert [c["name"] for c in found["investmentCategories"]] == [
        "Prêts, placements et avances",
        "Immobilisations",
    ]
    names = [u["name"] for u in found["orgGroups"][0]["units"]]
    assert names == sorted(names, key=fold, reverse=True) and len(names) == 2
