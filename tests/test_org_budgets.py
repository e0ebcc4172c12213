"""Org budgets: what each group and unit manages, from its serves edges, by the rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph import attributes
from graph.aggregates import amount
from graph.attributes import Graph
from graph.breakdowns import Dimension, breakdown
from graph.kinds import Kind, Rel, ServesMethod, kind_of
from graph.org_budgets import org_budget
from graph.queries import in_portfolio
from loaders.records import Measure
from tests import seed
from tests.analyst import CULTURE_YEAR, labels
from tests.samples import PORTFOLIO, PREVIOUS, YEAR, element, group, unit

CULTURE = "portfolio:culture-et-communications"


def below(graph: Graph, node: str) -> set[str]:
    """The node and every unit part of it, read from the part_of edges."""
    found, waiting = {node}, [node]
    while waiting:
        for source, _, rel in graph.in_edges(waiting.pop(), keys=True):
            if rel == Rel.PART_OF and kind_of(source) is Kind.ORG_UNIT and source not in found:
                found.add(source)
                waiting.append(source)
    return found


def served_once(graph: Graph, node: str) -> set[str]:
    """What the rule counts: served targets, an element within a served program left out."""
    targets = {
        t
        for member in below(graph, node)
        for _, t, rel in graph.out_edges(member, keys=True)
        if rel == Rel.SERVES
    }
    programs = {t for t in targets if kind_of(t) is Kind.PROGRAM}
    parents = {
        t: [s for s, _, r in graph.in_edges(t, keys=True) if r == Rel.HAS_ELEMENT] for t in targets
    }
    return {t for t in targets if not set(parents[t]) & programs}


def rule_total(graph: Graph, node: str, measure: Measure, year: str) -> Decimal | None:
    """The rule's sum, or None when it serves nothing or a target has no figure."""
    figures = [amount(graph, t, measure, year) for t in served_once(graph, node)]
    if not figures or any(f is None for f in figures):
        return None
    return sum((f.value for f in figures if f is not None), Decimal(0))


def groups_and_units(graph: Graph, portfolio: str) -> list[str]:
    return in_portfolio(graph, Kind.ORG_GROUP, portfolio) + in_portfolio(
        graph, Kind.ORG_UNIT, portfolio
    )


@pytest.mark.parametrize("year", [YEAR, PREVIOUS])
@pytest.mark.parametrize("measure", [Measure.EXPENDITURE, Measure.INVESTMENT])
def test_org_budget_is_the_sum_of_what_it_serves_once(
    real_graph: Graph, labelled_graph: Graph, measure: Measure, year: str
) -> None:
    labelled_year = CULTURE_YEAR if year == YEAR else "2008-2009"
    cases = ((real_graph, PORTFOLIO, year), (labelled_graph, CULTURE, labelled_year))
    for graph, portfolio, asked in cases:
        for node in groups_and_units(graph, portfolio):
            found = org_budget(graph, node, measure, asked)
            expected = rule_total(graph, node, measure, asked)
            if expected is None:
                assert found is None, node
                continue
            assert found is not None
            assert found.amount.value == expected, node
            assert sum((p.amount.value for p in found.parts), Decimal(0)) == found.amount.value
            assert sum(t.sign * t.figure.value for t in found.amount.terms) == found.amount.value


def test_labelled_groups_serve_and_manage_what_a_reader_expects(labelled_graph: Graph) -> None:
    expected = labels()
    for node in in_portfolio(labelled_graph, Kind.ORG_GROUP, CULTURE):
        name = attributes.name(labelled_graph, node)
        found = org_budget(labelled_graph, node, Measure.EXPENDITURE, CULTURE_YEAR)
        numbers = sorted(_number(labelled_graph, p.target) for p in found.parts) if found else []
        assert numbers == expected["serves"][name], name
        if found is not None:
            assert found.amount.value == Decimal(expected["org_budgets"][name])
            shared = {
                attributes.name(labelled_graph, g) for p in found.parts for g in p.shared_with
            }
            assert sorted(shared) == expected["shared"].get(name, [])


def _number(graph: Graph, node: str) -> str:
    number = attributes.number(graph, node)
    if kind_of(node) is Kind.PROGRAM:
        return str(number)
    return f"{attributes.program_number(graph, node)}.{number}"


def test_an_element_two_groups_serve_counts_in_full_in_each(labelled_graph: Graph) -> None:
    found = breakdown(labelled_graph, CULTURE, CULTURE_YEAR, Dimension.ORG_GROUP)
    assert found is not None
    expected = labels()
    rows = sum((r.amount.value for r in found.rows), Decimal(0))
    assert found.overlap is not None and found.unattributed is not None
    assert found.overlap.value == Decimal(expected["overlap"])
    assert found.unattributed.value == Decimal(expected["unattributed"])
    assert rows - found.overlap.value + found.unattributed.value == found.total.value
    assert [attributes.name(labelled_graph, g) for g in found.unbudgeted] == [
        name for name, served in expected["serves"].items() if not served
    ]


@pytest.mark.parametrize("year", [YEAR, PREVIOUS])
def test_breakdown_by_group_adds_up_over_the_real_document(real_graph: Graph, year: str) -> None:
    found = breakdown(real_graph, PORTFOLIO, year, Dimension.ORG_GROUP)
    assert found is not None and found.overlap is not None and found.unattributed is not None
    rows = sum((r.amount.value for r in found.rows), Decimal(0))
    assert rows - found.overlap.value + found.unattributed.value == found.total.value
    # Element 1.1 (Immigration) is served by its sector and, through the two
    # investigation units whose mandates name immigration (lines 141, 147), by HAUTE
    # DIRECTION: counted twice, once too many. Program 2 (the council) is served by no group.
    immigration = amount(real_graph, element("1.1"), Measure.EXPENDITURE, year)
    assert immigration is not None and found.overlap.value == immigration.value
    council = amount(real_graph, element("2.1"), Measure.EXPENDITURE, year)
    assert council is not None and found.unattributed.value == council.value


def test_a_part_names_the_edges_it_rests_on(real_graph: Graph) -> None:
    found = org_budget(real_graph, group("haute-direction"), Measure.EXPENDITURE, YEAR)
    assert found is not None
    (part,) = [p for p in found.parts if p.target == element("1.4")]
    # The group's own edge first; its units' edges to the same element follow it.
    assert (part.edges[0].source, part.edges[0].method) == (
        group("haute-direction"),
        ServesMethod.CENTRAL_SERVICES,
    )
    assert part.confidence == max(e.confidence for e in part.edges)
    assert found.confidence == min(p.confidence for p in found.parts)


def test_a_central_services_unit_lists_its_own_edge(real_graph: Graph) -> None:
    node = unit("direction-ressources-financieres")
    found = org_budget(real_graph, node, Measure.EXPENDITURE, YEAR)
    assert found is not None
    (part,) = found.parts
    assert [e.method for e in part.edges] == [ServesMethod.CENTRAL_SERVICES]
    assert found.amount.value == seed.ELEMENTS[3].budget.expenditure
    assert "derived" in found.amount.derivation
