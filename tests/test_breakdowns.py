"""Shares and breakdowns, against the figures data/micc-2007-2008.txt states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.attributes import Graph
from graph.breakdowns import Breakdown, Dimension, breakdown, share
from loaders.records import Measure
from tests import seed
from tests.documents import percent
from tests.samples import (
    COUNCIL,
    MINISTRY,
    PORTFOLIO,
    PREVIOUS,
    TOURISME_PORTFOLIO,
    YEAR,
    element,
    investment_category,
    program,
    supercategory,
    tourisme,
)


def rows(found: Breakdown | None) -> list[tuple[str, Decimal]]:
    assert found is not None
    return [(row.node, row.amount.value) for row in found.rows]


def total(found: Breakdown | None) -> Decimal:
    assert found is not None
    return found.total.value


@pytest.mark.parametrize("stated", seed.PROGRAMS, ids=lambda p: f"program {p.number}")
def test_share_reproduces_the_program_definitions(real_graph: Graph, stated: seed.Program) -> None:
    # `(Ce programme représente 99,3 % du budget de dépenses du portefeuille ...)`
    found = share(real_graph, program(stated.number), YEAR)
    assert found is not None
    assert (found.of, found.percent) == (PORTFOLIO, stated.share)


def test_share_of_an_element_is_of_its_program(real_graph: Graph) -> None:
    found = share(real_graph, element("1.2"), YEAR)
    assert found is not None
    francisation = seed.PROGRAM_1.elements[1].budget.expenditure
    assert (found.of, found.percent) == (
        program(1),
        percent(francisation, seed.PROGRAM_1.credits.expenditure),
    )
    whole = share(real_graph, element("2.1"), YEAR)
    assert whole is not None and whole.percent == Decimal("100.0")


def test_share_of_portfolio_can_be_asked_for_an_element(real_graph: Graph) -> None:
    found = share(real_graph, element("1.2"), YEAR, of=PORTFOLIO)
    assert found is not None
    francisation = seed.PROGRAM_1.elements[1].budget.expenditure
    assert found.percent == percent(francisation, seed.CREDITS_TOTAL.expenditure)


def test_share_of_an_investment_category_is_of_the_investments(real_graph: Graph) -> None:
    found = share(real_graph, investment_category("immobilisations"), PREVIOUS)
    assert found is not None
    fixed, whole = seed.INVESTMENT_CATEGORIES[0].before, seed.INVESTMENT_TOTAL.before
    assert found.percent == percent(fixed, whole)


def test_share_of_a_portfolio_is_none(real_graph: Graph) -> None:
    assert share(real_graph, PORTFOLIO, YEAR) is None


@pytest.mark.parametrize("year, when", [(YEAR, "now"), (PREVIOUS, "before")])
def test_breakdown_by_program_gives_both_years(real_graph: Graph, year: str, when: str) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.PROGRAM)
    expected = [(program(p.number), getattr(p.compared, when)) for p in seed.PROGRAMS]
    assert rows(found) == expected
    assert total(found) == getattr(seed.EXPENDITURE_TOTAL, when)


def test_breakdown_rows_carry_their_share_of_the_total(real_graph: Graph) -> None:
    found = breakdown(real_graph, PORTFOLIO, YEAR, Dimension.PROGRAM)
    assert found is not None
    assert [row.share for row in found.rows] == [p.share for p in seed.PROGRAMS]


def test_breakdown_by_element_sorts_largest_first(real_graph: Graph) -> None:
    found = breakdown(real_graph, PORTFOLIO, YEAR, Dimension.ELEMENT)
    largest_first = sorted(seed.ELEMENTS, key=lambda e: e.budget.expenditure, reverse=True)
    assert rows(found) == [(element(e.key), e.budget.expenditure) for e in largest_first]
    assert total(found) == seed.CREDITS_TOTAL.expenditure


def test_breakdown_by_organization(real_graph: Graph) -> None:
    found = breakdown(real_graph, PORTFOLIO, YEAR, Dimension.ORGANIZATION)
    assert rows(found) == [
        (MINISTRY, seed.PROGRAM_1.credits.expenditure),
        (COUNCIL, seed.PROGRAM_2.credits.expenditure),
    ]


@pytest.mark.parametrize("year, when", [(YEAR, "now"), (PREVIOUS, "before")])
def test_breakdown_by_supercategory_reproduces_the_table(
    real_graph: Graph, year: str, when: str
) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.SUPERCATEGORY)
    names = ("remuneration", "fonctionnement", "transfert")
    stated = dict(zip(names, seed.SUPERCATEGORIES, strict=True))
    largest_first = sorted(stated.items(), key=lambda item: getattr(item[1], when), reverse=True)
    assert rows(found) == [(supercategory(n), getattr(row, when)) for n, row in largest_first]
    assert total(found) == getattr(seed.EXPENDITURE_TOTAL, when)


@pytest.mark.parametrize("year, when", [(YEAR, "now"), (PREVIOUS, "before")])
def test_breakdown_by_investment_category_reproduces_the_table(
    real_graph: Graph, year: str, when: str
) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.INVESTMENT_CATEGORY)
    assert found is not None and found.measure is Measure.INVESTMENT
    fixed, loans = seed.INVESTMENT_CATEGORIES
    assert rows(found) == [
        (investment_category("immobilisations"), getattr(fixed, when)),
        (investment_category("prets-placements-et-avances"), getattr(loans, when)),
    ]
    assert total(found) == getattr(seed.INVESTMENT_TOTAL, when)


@pytest.mark.parametrize(
    "year, whole",
    [(YEAR, seed.CREDITS_TOTAL.credits), (PREVIOUS, seed.CREDITS_TOTAL.credits_before)],
)
def test_breakdown_of_credits_by_program(real_graph: Graph, year: str, whole: Decimal) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.PROGRAM, Measure.CREDITS)
    assert total(found) == whole


def test_breakdown_is_none_for_a_year_no_document_gives(real_graph: Graph) -> None:
    assert breakdown(real_graph, PORTFOLIO, "2005-2006", Dimension.PROGRAM) is None


def test_breakdowns_are_per_portfolio_and_year(two_portfolios_graph: Graph) -> None:
    graph = two_portfolios_graph
    found = breakdown(graph, TOURISME_PORTFOLIO, "2008-2009", Dimension.PROGRAM)
    assert found is not None
    assert [row.share for row in found.rows] == [Decimal("97.9"), Decimal("2.1")]
    assert total(found) == Decimal("62853.0")
    before = breakdown(graph, TOURISME_PORTFOLIO, "2007-2008", Dimension.SUPERCATEGORY)
    assert total(before) == Decimal("62010.8")
    portfolio_total = total(breakdown(graph, PORTFOLIO, YEAR, Dimension.PROGRAM))
    assert portfolio_total == seed.CREDITS_TOTAL.expenditure
    assert breakdown(graph, TOURISME_PORTFOLIO, PREVIOUS, Dimension.PROGRAM) is None
    assert rows(breakdown(graph, TOURISME_PORTFOLIO, "2008-2009", Dimension.ELEMENT))[0] == (
        tourisme("element", "1.2"),
        Decimal("27115.0"),
    )
