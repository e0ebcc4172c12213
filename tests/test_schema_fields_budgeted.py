"""The figures, audits and changes of the budgeted types no other test queried type by type:
elements, organizations, the portfolio and its categories; the figures an amount adds;
a budget's year, an org budget's measure and year. Expected values are the rows of
data/micc-2007-2008.txt as tests/seed.py types them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from loaders import Document
from schema.context import Context
from tests import seed
from tests.contract import PORTFOLIO, data_of
from tests.documents import MICC, percent

FIGURE = "measure year value unit raw cell provenance { lineStart }"
AUDIT = (
    "total counts { count } findings { status statedRaw stated computed statedAt { lineStart } }"
)
BUDGETED = f"""{{ portfolio(name: "{PORTFOLIO}") {{
  documentFigures {{ {FIGURE} }} audit {{ {AUDIT} }}
  organizations {{ name documentFigures {{ {FIGURE} }} audit {{ {AUDIT} }}
    change {{ amount percent fromYear toYear fromAmount {{ value }} toAmount {{ value }} }} }}
  elements {{ name documentFigures {{ {FIGURE} }} audit {{ {AUDIT} }}
    directorates {{ __typename name }} servedBy {{ unit {{ name }} }} }}
  supercategories {{ name documentFigures {{ {FIGURE} }}
    shareDetail {{ percent exact part {{ value }} whole {{ value }} }} }}
  investmentCategories {{ name documentFigures {{ {FIGURE} }}
    shareDetail {{ percent exact part {{ value }} whole {{ value }} }} }} }} }}"""
MINISTRY = "Ministère de l'Immigration et des Communautés culturelles"
AMOUNT = "000 $"


@pytest.fixture(scope="module")
def portfolio(api_context: Context) -> dict[str, Any]:
    found: dict[str, Any] = data_of(api_context, BUDGETED)["portfolio"]
    return found


def by_name(found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in found}


def on_line(figures: list[dict[str, Any]], line: int) -> list[dict[str, Any]]:
    """The figures read on `line`, in the order of its cells."""
    return sorted((f for f in figures if f["provenance"]["lineStart"] == line), key=cell)


def cell(figure: dict[str, Any]) -> int:
    found: int = figure["cell"]
    return found


def values(figures: list[dict[str, Any]]) -> list[Decimal]:
    return [Decimal(f["value"]) for f in figures]


def written(micc: Document, lines: set[int]) -> set[tuple[int, int, str]]:
    """The cells the loader read on `lines`: (line, cell, as written)."""
    cells = ((f.provenance.line_start, f.cell, f.raw) for f in micc.figures())
    return {c for c in cells if c[0] in lines}


def reached(figures: list[dict[str, Any]]) -> set[tuple[int, int, str]]:
    return {(f["provenance"]["lineStart"], f["cell"], f["raw"]) for f in figures}


def test_element_figures_are_its_two_rows(portfolio: dict[str, Any], micc: Document) -> None:
    found = by_name(portfolio["elements"])
    for element in seed.ELEMENTS:
        figures = found[element.name]["documentFigures"]
        rows = {element.budget.line, element.compared.line}
        assert reached(figures) == written(micc, rows)
        assert values(on_line(figures, element.budget.line)) == element.budget.figures()
        compared = on_line(figures, element.compared.line)
        assert values(compared) == element.compared.figures()
        assert [f["year"] for f in compared] == [micc.year, micc.previous_year, None, None]
        assert [f["unit"] for f in compared] == [AMOUNT] * 3 + ["%"]


def test_element_audit_checks_its_two_rows(portfolio: dict[str, Any]) -> None:
    found = by_name(portfolio["elements"])
    for element in seed.ELEMENTS:
        audit = found[element.name]["audit"]
        lines = [f["statedAt"]["lineStart"] for f in audit["findings"]]
        # its credits (elements table); amount, variation and percent (comparison table)
        assert lines == [element.budget.line] + [element.compared.line] * 3
        assert {f["status"] for f in audit["findings"]} == {"OK"}
        assert audit["total"] == sum(c["count"] for c in audit["counts"]) == len(lines)


def test_element_directorates_are_the_groups_and_units_serving_it(
    portfolio: dict[str, Any], micc: Document
) -> None:
    for element in portfolio["elements"]:
        names = [d["name"] for d in element["directorates"]]
        assert set(names) == {s["unit"]["name"] for s in element["servedBy"]}
        kinds = [d["__typename"] for d in element["directorates"]]
        assert kinds == sorted(kinds, key=lambda k: k != "OrgGroup")  # groups first
    found = by_name(portfolio["elements"])
    francisation = seed.ELEMENTS[1].name
    (sector,) = [g.name for g in micc.groups if francisation.upper() in g.name]
    assert found[francisation]["directorates"] == [{"__typename": "OrgGroup", "name": sector}]
    assert found[seed.PROGRAM_2.elements[0].name]["directorates"] == []  # a body's element


def test_organization_change_is_its_programs(portfolio: dict[str, Any], micc: Document) -> None:
    found = by_name(portfolio["organizations"])
    council = seed.PROGRAM_2.elements[0].name
    for name, program in ((MINISTRY, seed.PROGRAM_1), (council, seed.PROGRAM_2)):
        row = program.compared
        assert found[name]["change"] == {
            "amount": str(row.variation),
            # computed (the document writes 5,1 for program 1: 5.155 rounded down)
            "percent": str(percent(row.now - row.before, row.before)),
            "fromYear": micc.previous_year,
            "toYear": micc.year,
            "fromAmount": {"value": str(row.before)},
            "toAmount": {"value": str(row.now)},
        }


def test_organization_audit_checks_the_highlights_amount_for_it(
    portfolio: dict[str, Any],
) -> None:
    found = by_name(portfolio["organizations"])
    council = seed.PROGRAM_2.elements[0].name
    # line 7: « dont 110 600 000 $ ... au ministère ... et 700 000 $ au Conseil »
    for name, prose, program in (
        (MINISTRY, seed.HIGHLIGHTS[1], seed.PROGRAM_1),
        (council, seed.HIGHLIGHTS[2], seed.PROGRAM_2),
    ):
        (finding,) = found[name]["audit"]["findings"]
        assert finding["statedAt"] == {"lineStart": prose.line}
        assert (finding["statedRaw"], Decimal(finding["stated"])) == (
            prose.raw.replace("\\$", "$"),
            prose.value,
        )
        assert Decimal(finding["computed"]) == program.credits.expenditure * 1000  # in $
        assert finding["status"] == "OK"  # rounded to the hundred thousand dollars
        # it states no figure of its own: its programs' rows are theirs
        assert found[name]["documentFigures"] == []


PORTFOLIO_ROWS: tuple[seed.Budget | seed.Compared, ...] = (
    seed.CREDITS_TOTAL,
    seed.PERMANENT_CREDITS,
    seed.CREDITS_TO_VOTE,
    seed.EXPENDITURE_TOTAL,
    seed.HEADCOUNT,
    seed.INVESTMENT_TOTAL,
)


def test_portfolio_figures_are_its_total_rows(portfolio: dict[str, Any], micc: Document) -> None:
    figures = portfolio["documentFigures"]
    lines = {row.line for row in PORTFOLIO_ROWS}
    assert reached(figures) == written(micc, lines)
    assert {row.line: values(on_line(figures, row.line)) for row in PORTFOLIO_ROWS} == {
        row.line: row.figures() for row in PORTFOLIO_ROWS
    }
    headcount = on_line(figures, seed.HEADCOUNT.line)
    assert [f["unit"] for f in headcount] == ["persons", "persons", "%"]
    assert [f["year"] for f in headcount] == [micc.year, micc.previous_year, None]


def test_portfolio_audit_checks_its_totals_and_highlights(portfolio: dict[str, Any]) -> None:
    audit = portfolio["audit"]
    findings = audit["findings"]
    assert audit["total"] == sum(c["count"] for c in audit["counts"]) == len(findings)
    assert {f["status"] for f in findings} == {"OK"}
    organizations = (seed.HIGHLIGHTS[1], seed.HIGHLIGHTS[2])  # the organizations' audits
    own = [p for p in seed.HIGHLIGHTS if p not in organizations]
    prose = [f for f in findings if f["statedRaw"] is not None and "$" in f["statedRaw"]]
    assert [(f["statedAt"]["lineStart"], Decimal(f["stated"])) for f in prose] == [
        (p.line, p.value) for p in own if "$" in p.raw
    ]
    tables = {row.line for row in PORTFOLIO_ROWS} - {seed.PERMANENT_CREDITS.line}
    assert {f["statedAt"]["lineStart"] for f in findings} == tables | {p.line for p in own}


@pytest.mark.parametrize(
    ("field", "rows", "total"),
    [
        ("supercategories", seed.SUPERCATEGORIES, seed.EXPENDITURE_TOTAL),
        ("investmentCategories", seed.INVESTMENT_CATEGORIES, seed.INVESTMENT_TOTAL),
    ],
)
def test_category_figures_and_share(
    portfolio: dict[str, Any],
    micc: Document,
    field: str,
    rows: tuple[seed.Compared, ...],
    total: seed.Compared,
) -> None:
    found = by_name(portfolio[field])
    assert list(found) == [row.label for row in rows]
    for row in rows:
        figures = found[row.label]["documentFigures"]
        assert reached(figures) == written(micc, {row.line})
        assert values(on_line(figures, row.line)) == row.figures()
        assert [f["year"] for f in on_line(figures, row.line)] == [
            micc.year,
            micc.previous_year,
            None,
        ]
        share = found[row.label]["shareDetail"]
        assert (share["part"]["value"], share["whole"]["value"]) == (str(row.now), str(total.now))
        assert Decimal(share["exact"]) == row.now * 100 / total.now
        assert share["percent"] == str(percent(row.now, total.now))


def test_an_amounts_terms_are_the_figures_it_adds(api_context: Context, micc: Document) -> None:
    query = f"""{{ programs(portfolio: "{PORTFOLIO}", year: "{micc.year}") {{
      budget {{ year }} before: budget(year: "{micc.previous_year}") {{ year expenditure }}
      change {{ fromAmount {{ terms {{ sign value line document
        figure {{ measure year value unit }} }} }} }} }} }}"""
    programs = data_of(api_context, query)["programs"]
    for found, stated in zip(programs, seed.PROGRAMS, strict=True):
        assert found["budget"]["year"] == micc.year
        assert found["before"] == {
            "year": micc.previous_year,
            "expenditure": str(stated.compared.before),
        }
        before = [e.compared for e in stated.elements]  # the elements' 2006-2007 cells
        assert found["change"]["fromAmount"]["terms"] == [
            {
                "sign": 1,
                "value": str(row.before),
                "line": row.line,
                "document": MICC.name,
                "figure": {
                    "measure": "EXPENDITURE",
                    "year": micc.previous_year,
                    "value": str(row.before),
                    "unit": AMOUNT,
                },
            }
            for row in before
        ]


def test_org_budget_names_its_measure_and_year(api_context: Context, micc: Document) -> None:
    query = f"""{{ orgGroups(portfolio: "{PORTFOLIO}") {{ name
      budget {{ measure year value }}
      credits: budget(measure: CREDITS, year: "{micc.year}") {{ measure year value }} }} }}"""
    found = by_name(data_of(api_context, query)["orgGroups"])
    integration = seed.ELEMENTS[2]  # the one element the integration sector serves
    (sector,) = [g.name for g in micc.groups if g.name.endswith("INTÉGRATION")]
    assert found[sector]["budget"] == {
        "measure": "EXPENDITURE",
        "year": micc.year,
        "value": str(integration.budget.expenditure),
    }
    assert found[sector]["credits"] == {
        "measure": "CREDITS",
        "year": micc.year,
        "value": str(integration.budget.credits),
    }
