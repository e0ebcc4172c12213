"""Two editions of one portfolio: each keeps its own previous-year column.

The later edition is built from the real document's text (`tests.variants.next_edition`):
the 2008-2009 sheet of the same portfolio with the same figures, whose comparison
columns state the real document's 2007-2008 figures, except element 1.2
(Francisation), whose previous year it restates as 51 150,0 where the real
document states 51 100,0 (line 66).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.aggregates import amount, change
from graph.attributes import Graph, leaves
from graph.audit import Finding, Identity, Status, audit, problems
from graph.build import build_graph
from graph.kinds import Rel
from graph.queries import children, years
from loaders import Document
from loaders.numbers import parse_number
from loaders.records import Measure
from tests import counted, seed
from tests.documents import MICC as MICC_PATH
from tests.documents import Built, parse_text
from tests.samples import MICC, PORTFOLIO, PREVIOUS, YEAR, element, program
from tests.variants import next_edition

LATER = "2008-2009"
LATER_SOURCE = "micc-2008-2009.txt"
FRANCISATION = "Élément 2 : Francisation"
RESTATED = Decimal("51150.0")
EXP = Measure.EXPENDITURE


def later_element(rest: str) -> str:
    return f"element:{MICC}/{LATER}/{rest}"


def outcome(found: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.identity, f.node, f.years, f.status, f.stated, f.computed) for f in found]


@pytest.fixture(scope="module")
def later_text(micc_text: str) -> str:
    return next_edition(micc_text, {FRANCISATION: RESTATED})


@pytest.fixture(scope="module")
def editions(micc: Document, later_text: str) -> Graph:
    return build_graph([micc, parse_text(later_text, LATER_SOURCE)])


def cells(text: str, label: str) -> list[Decimal | None]:
    """The numbers of the row starting `label`."""
    line = Built(text, {}).lines[Built(text, {}).line_of(f"{label}\t") - 1]
    return [parse_number(c) for c in line.split("\t")[1:]]


def test_later_edition_states_the_restated_figure(micc_text: str, later_text: str) -> None:
    stated = seed.PROGRAM_1.elements[1].compared.now
    assert cells(later_text, FRANCISATION)[:2] == [stated, RESTATED]
    assert cells(micc_text, FRANCISATION)[0] == stated


def test_change_within_the_later_edition_uses_its_comparison_column(
    editions: Graph, later_text: str
) -> None:
    year, before, variation, _ = cells(later_text, FRANCISATION)
    assert year is not None and before is not None
    for node in (element("1.2"), later_element("1.2")):
        found = change(editions, node, EXP, YEAR, LATER)
        assert (found.amount, found.edition) == (variation, LATER) == (year - before, LATER)
    total = cells(later_text, "Total programme 1")
    assert change(editions, program(1), EXP, YEAR, LATER).amount == total[2]
    assert change(editions, PORTFOLIO, EXP, YEAR, LATER).amount == total[2]


def test_change_within_the_earlier_edition_uses_its_own_figures(
    editions: Graph, real_graph: Graph
) -> None:
    for node in (element("1.2"), program(1), PORTFOLIO):
        found = change(editions, node, EXP, PREVIOUS, YEAR)
        assert found == change(real_graph, node, EXP, PREVIOUS, YEAR)
        assert found.edition == YEAR
    stated = seed.PROGRAM_1.elements[1].compared.variation
    assert change(editions, later_element("1.2"), EXP, PREVIOUS, YEAR).amount == stated


def test_change_across_three_years_reads_each_year_from_its_own_document(
    editions: Graph, micc_text: str
) -> None:
    # 2008-2009 from the later sheet (51 100,0), 2006-2007 from the real one (45 800,0).
    now, before = cells(micc_text, FRANCISATION)[:2]
    assert now is not None and before is not None
    for node in (element("1.2"), later_element("1.2")):
        found = change(editions, node, EXP, PREVIOUS, LATER)
        assert (found.amount, found.edition) == (now - before, None)
    portfolio = change(editions, PORTFOLIO, EXP, PREVIOUS, LATER)
    assert (portfolio.amount, portfolio.edition) == (Decimal("5423.0"), None)


def test_a_level_is_read_from_its_own_year_document(editions: Graph) -> None:
    for node in (element("1.2"), later_element("1.2")):
        found = amount(editions, node, EXP, YEAR)
        assert found is not None and found.value == seed.PROGRAM_1.elements[1].budget.expenditure
        assert found.sources[0].source == str(MICC_PATH)


def test_years_and_the_year_chain_keep_working(editions: Graph) -> None:
    assert years(editions, PORTFOLIO) == [PREVIOUS, YEAR, LATER]
    assert children(editions, element("1.2"), Rel.CONTINUED_BY) == [later_element("1.2")]


def test_restated_figure_gives_one_restated_finding_with_both_lines(
    editions: Graph, later_text: str, real_graph: Graph
) -> None:
    found = audit(editions)
    (restated,) = [f for f in found if f.status is Status.RESTATED]
    assert (restated.identity, restated.node, restated.edition, restated.years) == (
        Identity.EDITION_RESTATED,
        later_element("1.2"),
        LATER,
        (YEAR,),
    )
    assert (restated.stated, restated.computed, restated.difference) == (
        RESTATED,
        seed.PROGRAM_1.elements[1].budget.expenditure,
        Decimal("50.0"),
    )
    later_line = Built(later_text, {}).line_of(f"{FRANCISATION}\t")
    assert (restated.stated_at.source, restated.stated_at.line_start) == (LATER_SOURCE, later_line)
    (earlier,) = restated.sources
    assert (earlier.source, earlier.line_start) == (str(MICC_PATH), 66)
    assert outcome(audit(editions, year=YEAR)) == outcome(audit(real_graph))


def test_editions_that_agree_give_no_restatement(micc: Document, micc_text: str) -> None:
    graph = build_graph([micc, parse_text(next_edition(micc_text), LATER_SOURCE)])
    checked = [f for f in audit(graph) if f.identity is Identity.EDITION_RESTATED]
    # 5 elements, 2 programs' credits, 3 supercategories, 2 investment categories,
    # the headcount and the crédits permanents: every leaf of the previous year.
    categories = micc.supercategories.categories + micc.supercategories.investments
    assert len(checked) == counted.elements(micc) + len(micc.programs) + len(categories) + 1 + 1
    assert {f.status for f in checked} == {Status.OK}
    assert problems(audit(graph, year=LATER)) == []


def test_later_edition_alone_reads_its_previous_year_from_itself(later_text: str) -> None:
    graph = build_graph([parse_text(later_text, LATER_SOURCE)])
    found = change(graph, later_element("1.2"), EXP, YEAR, LATER)
    assert (found.amount, found.edition) == (Decimal("-50.0"), LATER)
    assert [f for f in audit(graph) if f.identity is Identity.EDITION_RESTATED] == []


def test_each_edition_keeps_its_own_portfolio_leaves(editions: Graph) -> None:
    headcounts = [
        (f.provenance.source, f.year, f.value)
        for f in leaves(editions, PORTFOLIO)
        if f.measure is Measure.HEADCOUNT
    ]
    assert sorted(headcounts) == sorted(
        [
            (LATER_SOURCE, YEAR, Decimal(969)),
            (LATER_SOURCE, LATER, Decimal(969)),
            (str(MICC_PATH), PREVIOUS, Decimal(984)),
            (str(MICC_PATH), YEAR, Decimal(969)),
        ]
    )
    later = change(editions, PORTFOLIO, Measure.HEADCOUNT, YEAR, LATER)
    assert (later.amount, later.edition) == (Decimal(0), LATER)


def test_change_names_its_edition_over_graphql(editions: Graph) -> None:
    from schema.context import Context
    from schema.schema import schema

    query = """{ portfolio(name: "Immigration et Communautés culturelles") {
        within: change(from: "2007-2008", to: "2008-2009") { amount edition }
        across: change(from: "2006-2007", to: "2008-2009") { amount edition } } }"""
    result = schema.execute_sync(query, context_value=Context(graph=editions))
    assert result.errors is None
    assert result.data == {
        "portfolio": {
            "within": {"amount": "-50.0", "edition": LATER},
            "across": {"amount": "5423.0", "edition": None},
        }
    }
