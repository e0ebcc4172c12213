"""The audit of percentage cells a document marks as not computable (`n.d.`, empty).

A marker is right where the previous year is 0 (`ok`); beside a non-zero base it
is a `mismatch` (the change could be computed, and the finding says what it is);
a percentage stated over a base of 0 is `unchecked`. The API's `percent` for such
a change is null, and its reason says where the document marks it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from graph.aggregates import change
from graph.attributes import Graph
from graph.audit import Finding, Identity, Status, audit, problems
from graph.build import build_graph
from loaders.records import Measure
from schema.context import Context
from tests import seed
from tests.contract import data_of
from tests.documents import PREVIOUS, YEAR, Built, Layout, build, parse_text, with_line
from tests.samples import PORTFOLIO, element, investment_category, supercategory

MARKERS = ["n.d.", "n/d", "s.o.", "—", ""]


def built_graph(built: Built) -> Graph:
    return build_graph([parse_text(built.text)])


def at(findings: list[Finding], line: int, cell: int) -> list[Finding]:
    return [f for f in findings if (f.stated_at.line_start, f.cell) == (line, cell)]


def percent(part: str, whole: str) -> Decimal:
    exact = Decimal(part) * 100 / Decimal(whole)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("marker", MARKERS)
def test_marker_over_a_zero_base_is_ok(marker: str) -> None:
    built = build(Layout(not_computable=marker))
    found = audit(built_graph(built))
    # The built document's highlights name no quantity the audit reads (unchecked).
    assert [f for f in problems(found) if not f.identity.startswith("highlight.")] == []
    written = f'"{marker}"' if marker else "an empty cell"
    for start, cell, identity in (
        ("Prêts, placements et avances", 4, Identity.INVESTMENT_PERCENT),
        ("Élément 2 : Activité 2", 5, Identity.COMPARISON_PERCENT),
    ):
        (finding,) = at(found, built.line_of(start), cell)
        assert (finding.identity, finding.status, finding.stated_raw) == (
            identity,
            Status.OK,
            marker,
        )
        assert (finding.stated, finding.expected, finding.computed) == (None, None, None)
        assert finding.note == f"{written} says not computable; the {PREVIOUS} base is 0.0"
        assert finding.years == (PREVIOUS, YEAR)


@pytest.mark.parametrize(
    ("stated", "identity", "node", "sources"),
    [
        (
            seed.ELEMENTS[1].compared,
            Identity.COMPARISON_PERCENT,
            element("1.2"),
            {seed.ELEMENTS[1].budget.line, seed.ELEMENTS[1].compared.line},
        ),
        (
            seed.SUPERCATEGORIES[1],
            Identity.SUPERCATEGORY_PERCENT,
            supercategory("fonctionnement"),
            {seed.SUPERCATEGORIES[1].line},
        ),
        (seed.HEADCOUNT, Identity.HEADCOUNT_PERCENT, PORTFOLIO, {seed.HEADCOUNT.line}),
        (
            seed.INVESTMENT_CATEGORIES[0],
            Identity.INVESTMENT_PERCENT,
            investment_category("immobilisations"),
            {seed.INVESTMENT_CATEGORIES[0].line},
        ),
        # the total's change is the categories' (lines 56 and 57), as for a stated %
        (
            seed.INVESTMENT_TOTAL,
            Identity.INVESTMENT_PERCENT,
            PORTFOLIO,
            {row.line for row in seed.INVESTMENT_CATEGORIES},
        ),
    ],
    ids=lambda x: f"line {x.line}" if isinstance(x, seed.Compared) else "",
)
@pytest.mark.parametrize("marker", ["n.d.", ""])
def test_marker_beside_a_non_zero_base_is_a_mismatch(
    micc_text: str,
    marker: str,
    stated: seed.Compared,
    identity: Identity,
    node: str,
    sources: set[int],
) -> None:
    line, cells = stated.line, micc_text.splitlines()[stated.line - 1].split("\t")
    text = with_line(micc_text, line, "\t".join([*cells[:-1], marker]))
    found = audit(build_graph([parse_text(text, "micc.txt")]))
    (finding,) = at(found, line, len(cells))
    base = stated.before
    expected = percent(str(stated.now - base), str(base))
    assert (finding.identity, finding.node, finding.status) == (identity, node, Status.MISMATCH)
    assert (finding.stated, finding.expected, finding.stated_raw) == (None, expected, marker)
    assert finding.computed == (stated.now - base) * 100 / base
    written = '"n.d."' if marker else "an empty cell"
    assert finding.note == (
        f"{written} says not computable; the 2006-2007 base is {base}: the change is {expected} %"
    )
    assert {s.line_start for s in finding.sources} == sources


def pinned(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [
        (f.identity, f.node, f.measure, f.stated, f.computed, f.status, f.stated_at.line_start)
        for f in findings
        if (f.stated_at.line_start, f.cell) != (77, 5)
    ]


def test_marker_beside_a_non_zero_base_leaves_the_other_findings(micc_text: str) -> None:
    text = with_line(micc_text, 77, "Élément 2 : Francisation\t51 100,0\t45 800,0\t5 300,0\tn.d.")
    marked = audit(build_graph([parse_text(text, "micc.txt")]))
    real = audit(build_graph([parse_text(micc_text, "micc.txt")]))
    assert pinned(marked) == pinned(real)


def test_percentage_stated_over_a_zero_base_is_unchecked() -> None:
    built = build(Layout(not_computable="n.d."))
    line = built.line_of("Élément 2 : Activité 2")
    row = built.lines[line - 1].replace("\tn.d.", "\t100,0")
    found = audit(built_graph(Built(with_line(built.text, line, row), built.values)))
    (finding,) = at(found, line, 5)
    assert (finding.identity, finding.status, finding.stated) == (
        Identity.COMPARISON_PERCENT,
        Status.UNCHECKED,
        Decimal("100.0"),
    )
    assert finding.note == f"a percentage is stated where the {PREVIOUS} base is 0 (expected n.d.)"


def test_change_over_a_zero_base_says_where_the_document_marks_it() -> None:
    built = build(Layout(not_computable="n.d."))
    graph = built_graph(built)
    new = "element:essai/2008-2009/1.2"
    found = change(graph, new, Measure.EXPENDITURE, PREVIOUS, YEAR)
    line = built.line_of("Élément 2 : Activité 2")
    assert (found.amount, found.percent) == (Decimal("12234.5"), None)
    assert found.reason == f'{PREVIOUS} is zero (the document writes "n.d.": inline.txt:{line})'


def test_change_over_a_zero_base_through_the_api() -> None:
    built = build(Layout(not_computable=""))
    query = """{ programs(portfolio: "Essai", year: "2008-2009") {
      elements { number change { amount percent reason } } } }"""
    data = data_of(Context(graph=built_graph(built)), query)
    line = built.line_of("Élément 2 : Activité 2")
    assert data["programs"][0]["elements"][1] == {
        "number": 2,
        "change": {
            "amount": "12234.5",
            "percent": None,
            "reason": f"{PREVIOUS} is zero (the document leaves the cell empty: inline.txt:{line})",
        },
    }
