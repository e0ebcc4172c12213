"""One sort, filter and page for every list: nulls last, ties by name, totals."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pytest

from graph.attributes import Graph
from graph.kinds import Kind
from graph.listing import (
    Basis,
    Criteria,
    Order,
    OrderField,
    listed,
    node_value,
    ordered,
    page,
)
from graph.queries import in_portfolio, programs
from loaders.records import Measure
from tests import seed
from tests.samples import PORTFOLIO, PREVIOUS, YEAR, element, group, program

BASIS = Basis(Measure.EXPENDITURE, YEAR, PREVIOUS)
ELEMENTS = [element(n) for n in ("1.1", "1.2", "1.3", "1.4", "2.1")]


def by_value(values: Mapping[str, Decimal | None], descending: bool) -> list[str]:
    return ordered(values, values.__getitem__, descending, lambda k: (k, k))


@pytest.mark.parametrize("descending", [False, True])
def test_ordered_puts_nulls_last_in_either_direction(descending: bool) -> None:
    values = {"b": Decimal(2), "none-b": None, "a": Decimal(1), "none-a": None}
    found = by_value(values, descending)
    assert found[2:] == ["none-a", "none-b"]
    assert found[:2] == (["b", "a"] if descending else ["a", "b"])


def test_ordered_breaks_ties_by_name_in_either_direction() -> None:
    values = {"c": Decimal(1), "a": Decimal(1), "b": Decimal(2)}
    assert by_value(values, True) == ["b", "a", "c"]
    assert by_value(values, False) == ["a", "c", "b"]


def test_page_total_is_the_whole_list_whatever_first_is() -> None:
    items = list(range(7))
    for first in (0, 1, 3, 100):
        assert page(items, first).total == 7
    found = page(items, 3, 6)
    assert (found.items, found.has_next) == ([6], False)
    assert page(items, 3, 3).has_next


def test_sort_by_change_percent_reads_the_exact_percentage(real_graph: Graph) -> None:
    order = Order(OrderField.CHANGE_PERCENT, True, BASIS)
    found = listed(real_graph, ELEMENTS, order, None)
    # 5 300 / 45 800 = 11.57 %, 121.4 / 20 324.6 = 0.597 %, 1.6 / 726.2 = 0.220 %, then the
    # two unchanged elements (0 %) by name: Immigration, Intégration...
    assert found == [element(n) for n in ("1.2", "1.4", "2.1", "1.1", "1.3")]


def test_filter_by_minimum_change_leaves_out_what_has_no_change(real_graph: Graph) -> None:
    criteria = Criteria(BASIS, min_change=Decimal("1.6"))
    assert listed(real_graph, ELEMENTS, None, criteria) == [
        element("1.2"),
        element("1.4"),
        element("2.1"),
    ]
    later = Criteria(Basis(Measure.EXPENDITURE, YEAR, "2005-2006"), min_change=Decimal(0))
    assert listed(real_graph, ELEMENTS, None, later) == []  # no 2005-2006 figures


def test_filter_by_percent_compares_the_rounded_percentage(real_graph: Graph) -> None:
    # Program 1 grew 5.155 %, shown 5.2: a minimum of 5.2 keeps it.
    criteria = Criteria(BASIS, min_change_percent=Decimal("5.2"))
    assert listed(real_graph, programs(real_graph, PORTFOLIO, YEAR), None, criteria) == [program(1)]


def test_filter_by_group_keeps_what_it_serves(real_graph: Graph) -> None:
    sector = group("secteur-de-l-immigration-et-de-la-francisation")
    criteria = Criteria(BASIS, served_by=frozenset({sector}))
    assert listed(real_graph, ELEMENTS, None, criteria) == [element("1.1"), element("1.2")]
    assert listed(real_graph, [program(1), program(2)], None, criteria) == [program(1)]


def test_groups_sort_by_their_derived_budgets(real_graph: Graph) -> None:
    groups = in_portfolio(real_graph, Kind.ORG_GROUP, PORTFOLIO, YEAR)
    found = listed(real_graph, groups, Order(OrderField.AMOUNT, True, BASIS), None)
    values = [node_value(real_graph, g, OrderField.AMOUNT, BASIS) for g in found]
    # Elements 1.1 + 1.2, then 1.3, then HAUTE DIRECTION: 1.4 + 1.1 (through its
    # investigation units: lines 141, 147)
    spent = [e.budget.expenditure for e in seed.PROGRAM_1.elements]
    assert values == [spent[0] + spent[1], spent[2], spent[3] + spent[0]]


def test_number_sorts_elements_by_program_then_number(real_graph: Graph) -> None:
    order = Order(OrderField.NUMBER, True, BASIS)
    assert listed(real_graph, ELEMENTS, order, None) == ELEMENTS[::-1]
