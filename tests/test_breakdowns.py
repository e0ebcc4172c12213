"""Shares and breakdowns, against the figures data/micc-2007-2008.txt states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.attributes import Graph
from graph.breakdowns import Breakdown, Dimension, breakdown, share
from loaders.records import Measure
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


@pytest.mark.parametrize("number, percent", [(1, "99.3"), (2, "0.7")])
def test_share_reproduces_the_program_definitions(
    real_graph: Graph, number: int, percent: str
) -> None:
    # `(Ce programme représente 99,3 % du budget de dépenses du portefeuille ...)`
    found = share(real_graph, program(number), YEAR)
    assert found is not None
    assert (found.of, found.percent) == (PORTFOLIO, Decimal(percent))


def test_share_of_an_element_is_of_its_program(real_graph: Graph) -> None:
    found = share(real_graph, element("1.2"), YEAR)
    assert found is not None
    assert (found.of, found.percent) == (program(1), Decimal("46.2"))
    whole = share(real_graph, element("2.1"), YEAR)
    assert whole is not None and whole.percent == Decimal("100.0")


def test_share_of_portfolio_can_be_asked_for_an_element(real_graph: Graph) -> None:
    found = share(real_graph, element("1.2"), YEAR, of=PORTFOLIO)
    assert found is not None
    assert found.percent == Decimal("45.9")  # 51 100,0 / 111 313,3


def test_share_of_an_investment_category_is_of_the_investments(real_graph: Graph) -> None:
    found = share(real_graph, investment_category("immobilisations"), PREVIOUS)
    assert found is not None
    assert found.percent == Decimal("96.8")  # 5 531,0 / 5 715,0


def test_share_of_a_portfolio_is_none(real_graph: Graph) -> None:
    assert share(real_graph, PORTFOLIO, YEAR) is None


@pytest.mark.parametrize(
    "year, expected, whole",
    [
        (YEAR, [(program(1), "110585.5"), (program(2), "727.8")], "111313.3"),
        (PREVIOUS, [(program(1), "105164.1"), (program(2), "726.2")], "105890.3"),
    ],
)
def test_breakdown_by_program_gives_both_years(
    real_graph: Graph, year: str, expected: list[tuple[str, str]], whole: str
) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.PROGRAM)
    assert rows(found) == [(node, Decimal(value)) for node, value in expected]
    assert total(found) == Decimal(whole)


def test_breakdown_rows_carry_their_share_of_the_total(real_graph: Graph) -> None:
    found = breakdown(real_graph, PORTFOLIO, YEAR, Dimension.PROGRAM)
    assert found is not None
    assert [row.share for row in found.rows] == [Decimal("99.3"), Decimal("0.7")]


def test_breakdown_by_element_sorts_largest_first(real_graph: Graph) -> None:
    found = breakdown(real_graph, PORTFOLIO, YEAR, Dimension.ELEMENT)
    assert rows(found) == [
        (element("1.2"), Decimal("51100.0")),
        (element("1.3"), Decimal("35244.7")),
        (element("1.4"), Decimal("20446.0")),
        (element("1.1"), Decimal("3794.8")),
        (element("2.1"), Decimal("727.8")),
    ]
    assert total(found) == Decimal("111313.3")


def test_breakdown_by_organization(real_graph: Graph) -> None:
    found = breakdown(real_graph, PORTFOLIO, YEAR, Dimension.ORGANIZATION)
    assert rows(found) == [(MINISTRY, Decimal("110585.5")), (COUNCIL, Decimal("727.8"))]


@pytest.mark.parametrize(
    "year, expected, whole",
    [
        (YEAR, ["58029.7", "29916.5", "23367.1"], "111313.3"),
        (PREVIOUS, ["56229.7", "29916.5", "19744.1"], "105890.3"),
    ],
)
def test_breakdown_by_supercategory_reproduces_the_table(
    real_graph: Graph, year: str, expected: list[str], whole: str
) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.SUPERCATEGORY)
    names = ["remuneration", "transfert", "fonctionnement"]
    assert rows(found) == [
        (supercategory(name), Decimal(value)) for name, value in zip(names, expected, strict=True)
    ]
    assert total(found) == Decimal(whole)


@pytest.mark.parametrize(
    "year, fixed, whole", [(YEAR, "6531.0", "6715.0"), (PREVIOUS, "5531.0", "5715.0")]
)
def test_breakdown_by_investment_category_reproduces_the_table(
    real_graph: Graph, year: str, fixed: str, whole: str
) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.INVESTMENT_CATEGORY)
    assert found is not None and found.measure is Measure.INVESTMENT
    assert rows(found) == [
        (investment_category("immobilisations"), Decimal(fixed)),
        (investment_category("prets-placements-et-avances"), Decimal("184.0")),
    ]
    assert total(found) == Decimal(whole)


@pytest.mark.parametrize("year, whole", [(YEAR, "115468.6"), (PREVIOUS, "109045.6")])
def test_breakdown_of_credits_by_program(real_graph: Graph, year: str, whole: str) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.PROGRAM, Measure.CREDITS)
    assert total(found) == Decimal(whole)


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
    assert total(breakdown(graph, PORTFOLIO, YEAR, Dimension.PROGRAM)) == Decimal("111313.3")
    assert breakdown(graph, TOURISME_PORTFOLIO, PREVIOUS, Dimension.PROGRAM) is None
    assert rows(breakdown(graph, TOURISME_PORTFOLIO, "2008-2009", Dimension.ELEMENT))[0] == (
        tourisme("element", "1.2"),
        Decimal("27115.0"),
    )
